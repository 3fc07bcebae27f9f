// Shared by the dashboard and the Studio page, inlined into each by the server (ui/mod.rs,
// COMMON_SCRIPT): the page's language, the formats of numbers, times and USD in it, the
// language switcher, and the one way the pages change anything: a SageMaker API call on POST /,
// made exactly as an SDK makes it (X-Amz-Target, awsJson1.1, a SigV4 credential scope naming
// the account and region), so that every button goes through the service like any client.
const SMSE = (() => {
  "use strict";
  const LANGUAGES = ["en", "ja"];
  const LOCALES = { en: "en-US", ja: "ja-JP" };
  const STORAGE_KEY = "smse.language";

  /** ?lang= (then remembered), else the choice remembered in this browser, else the language
   *  the server picked from Accept-Language (the page's <html lang>). */
  function initialLanguage() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (LANGUAGES.includes(asked)) {
      remember(asked);
      return asked;
    }
    let stored = null;
    try { stored = localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage disabled */ }
    if (LANGUAGES.includes(stored)) return stored;
    const served = document.documentElement.lang;
    return LANGUAGES.includes(served) ? served : "en";
  }

  function remember(language) {
    try { localStorage.setItem(STORAGE_KEY, language); } catch (e) { /* storage disabled */ }
  }

  /** Texts both pages use (the formats below, the connection error), beside each page's own. */
  const SHARED_TEXT = {
    ja: {
      "Cannot reach the emulator: {message}": "エミュレーターに接続できません: {message}",
      "{h} h {m} min {s} s": "{h} 時間 {m} 分 {s} 秒",
      "{m} min {s} s": "{m} 分 {s} 秒",
      "{s} s": "{s} 秒",
      "n/a": "該当なし",
    },
  };

  /** Status words (docs/fidelity.md, "Status words of the Japanese pages"): the Japanese console
   *  shows an app's InService as 「準備完了」 (the Japanese developer guide, "Delete a domain":
   *  「InService ステータスが [準備完了] と表示されているアプリケーション」); no source shows
   *  how it shows any other status, or InService of a domain, user profile or space, so those
   *  keep the API's word, with a hint in Japanese (ours) as their title. */
  const STATUS_WORDS = { ja: { app: { InService: "準備完了" } } };
  const STATUS_HINTS = {
    ja: {
      Pending: "作成中です",
      InService: "使用できます",
      Updating: "更新中です",
      Deleting: "削除中です",
      Deleted: "削除されました",
      Failed: "失敗しました",
      Update_Failed: "更新に失敗しました",
      Delete_Failed: "削除に失敗しました",
    },
  };

  /** How the page shows `status` (the API's word) of a `kind` of resource ("app", "domain",
   *  "user profile", "space") in `language`: its text, and a title (none in English). */
  function statusWord(language, status, kind) {
    const words = (STATUS_WORDS[language] || {})[kind] || {};
    const hint = (STATUS_HINTS[language] || {})[status];
    return { text: words[status] || status, title: hint ? `${status}: ${hint}` : "" };
  }

  /** The texts of `dictionary[language]` (or the shared ones), `{name}` filled from `params`;
   *  English if missing. */
  function translator(dictionary, language) {
    return (key, params) => {
      // The English text is the key itself unless the English dictionary says otherwise.
      let text = dictionary[language] && dictionary[language][key];
      if (text === undefined) text = SHARED_TEXT[language] && SHARED_TEXT[language][key];
      if (text === undefined) text = dictionary.en && dictionary.en[key];
      if (text === undefined) text = key;
      for (const [name, value] of Object.entries(params || {})) text = text.split(`{${name}}`).join(String(value));
      return text;
    };
  }

  /** Fills every element marked data-i18n (text), data-i18n-placeholder, data-i18n-title. */
  function translateStatic(t) {
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
  }

  /** Number, USD, duration and time formats of `language` (Intl, the browser's own data). */
  function formats(language, t) {
    const locale = LOCALES[language] || "en-US";
    const pad = (n) => String(n).padStart(2, "0");
    const usdFormats = new Map();
    const usd = (value, digits) => {
      if (value === null || value === undefined) return t("n/a");
      const d = digits === undefined ? 4 : digits;
      if (!usdFormats.has(d)) {
        usdFormats.set(d, new Intl.NumberFormat(locale, {
          style: "currency", currency: "USD", minimumFractionDigits: d, maximumFractionDigits: d,
        }));
      }
      return usdFormats.get(d).format(Number(value));
    };
    const clockFormat = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
    const number = (value, digits) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits === undefined ? 2 : digits }).format(value);
    return {
      locale,
      usd,
      number,
      /** Simulated time, always UTC (the emulator's clock), in the language's date order. */
      clock: (epochSeconds) => `${clockFormat.format(new Date(epochSeconds * 1000))} UTC`,
      /** A wall-clock time of this browser (when the page last refreshed). */
      localTime: (date) => date.toLocaleTimeString(locale),
      /** 1 h 05 min 03 s / 1 時間 05 分 03 秒 */
      duration: (seconds) => {
        const s = Math.max(0, Math.floor(seconds));
        const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
        if (h > 0) return t("{h} h {m} min {s} s", { h: number(h, 0), m: pad(m), s: pad(r) });
        if (m > 0) return t("{m} min {s} s", { m, s: pad(r) });
        return t("{s} s", { s: r });
      },
      /** Hours, short: 0, 1.5, 0.25 */
      hours: (seconds) => number(Math.round((seconds / 3600) * 100) / 100, 2),
    };
  }

  /** The EN / 日本語 switcher in `container`; `onChange(language)` applies the choice in place
   *  (no reload: a presigned URL may no longer open) and it is remembered (localStorage, and
   *  ?lang= in the address, so that a copied link keeps it). */
  function switcher(container, language, onChange) {
    container.replaceChildren();
    const labels = { en: "English", ja: "日本語" };
    for (const code of LANGUAGES) {
      const button = document.createElement("button");
      button.type = "button";
      button.id = `lang-${code}`;
      button.lang = code;
      button.textContent = labels[code];
      button.setAttribute("aria-pressed", String(code === language));
      button.addEventListener("click", () => {
        remember(code);
        const url = new URL(location.href);
        url.searchParams.set("lang", code);
        history.replaceState(null, "", url);
        for (const other of container.querySelectorAll("button")) other.setAttribute("aria-pressed", String(other === button));
        onChange(code);
      });
      container.appendChild(button);
    }
  }

  /** The caller as an SDK names it: the access key id (the emulator takes a 12-digit one as the
   *  account) and the region, in the SigV4 credential scope. The emulator's default lenient
   *  auth reads the scope and does not check the signature. */
  function authorization(accountId, region) {
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, "");
    return `AWS4-HMAC-SHA256 Credential=${accountId}/${day}/${region}/sagemaker/aws4_request, ` +
      "SignedHeaders=content-type;host;x-amz-target, Signature=0";
  }

  /** One SageMaker API call, as boto3 makes it: POST / with X-Amz-Target. Answers the output;
   *  throws an Error carrying the API's error code and message. */
  async function sageMaker(operation, input, caller) {
    const headers = {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `SageMaker.${operation}`,
    };
    if (caller && caller.AccountId && caller.Region) headers.authorization = authorization(caller.AccountId, caller.Region);
    const response = await fetch("/", { method: "POST", cache: "no-store", headers, body: JSON.stringify(input || {}) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const code = String(body.__type || `HTTP ${response.status}`).split("#").pop();
      const error = new Error(`${operation}: ${code}: ${body.Message || body.message || ""}`);
      error.code = code;
      throw error;
    }
    return body;
  }

  /** Every page of a List call (NextToken). */
  async function listAll(operation, input, member, caller) {
    const items = [];
    let token;
    do {
      const page = await sageMaker(operation, Object.assign({}, input, token ? { NextToken: token } : {}), caller);
      items.push(...(page[member] || []));
      token = page.NextToken;
    } while (token);
    return items;
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: "no-store", headers: { accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.__type || ""} ${body.Message || ""}`);
    return body;
  }

  /** An element with optional class, text and children (text is never parsed as HTML). */
  function el(tag, cls, text, children) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  return { LANGUAGES, initialLanguage, translator, translateStatic, formats, statusWord, switcher, sageMaker, listAll, getJson, el };
})();
