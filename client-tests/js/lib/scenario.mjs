// A small generic interpreter of the scenario files in fixtures/scenarios/ (their `_about`
// member says what each member means), with the JS SDK v3 making the calls. The Python suite has
// the same interpreter (client-tests/python/scenario.py): keep the two in step.

import assert from "node:assert/strict";
import * as sagemaker from "@aws-sdk/client-sagemaker";

const VARIABLE = /\$\{([A-Za-z0-9_]+)\}/g;
export const MISSING = Symbol("missing");

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces ${Name} in every string of value. */
export function substitute(value, variables, escape = String) {
  if (typeof value === "string") {
    return value.replace(VARIABLE, (_, name) => {
      if (!(name in variables)) throw new Error(`undefined scenario variable \${${name}}`);
      return escape(String(variables[name]));
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, variables, escape));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, variables, escape)]));
  }
  return value;
}

/** The member at a dotted path ('Apps.0.Status'), or MISSING. */
export function atPath(output, path) {
  let node = output;
  for (const part of path.split(".")) {
    if (Array.isArray(node) && /^\d+$/.test(part) && Number(part) < node.length) node = node[Number(part)];
    else if (node && typeof node === "object" && !Array.isArray(node) && Object.hasOwn(node, part)) node = node[part];
    else return MISSING;
  }
  return node;
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);

/** Deep equality; numbers compare with a tolerance of 1e-9. */
export function same(actual, expected) {
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    const ak = Object.keys(actual).filter((k) => actual[k] !== undefined).sort();
    const ek = Object.keys(expected).sort();
    return ak.length === ek.length && ak.every((k, i) => k === ek[i]) && ek.every((k) => same(actual[k], expected[k]));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => same(actual[i], e));
  }
  return actual === expected;
}

/** expected's members are in actual, recursively for objects; other values are `same`. */
export function contains(actual, expected) {
  if (isObject(expected)) {
    return isObject(actual) && Object.entries(expected).every(([k, v]) => k in actual && contains(actual[k], v));
  }
  return same(actual, expected);
}

/** Makes a scenario call with the SDK: `${Operation}Command`; resolves to {output, code, message}. */
export function sdkCaller(client) {
  return async (operation, params) => {
    const Command = sagemaker[`${operation}Command`];
    assert.ok(Command, `no ${operation}Command in @aws-sdk/client-sagemaker`);
    try {
      const { $metadata, ...output } = await client.send(new Command(params));
      return { output, code: null, message: null };
    } catch (err) {
      if (!err.$metadata) throw err; // not a service error
      return { output: null, code: err.name, message: err.message };
    }
  };
}

/** Asserts a call's result against a step's Expect. */
export function checkExpect(where, expect, { output, code, message }, variables) {
  if ("Error" in expect) {
    assert.equal(
      code,
      expect.Error,
      `${where}: expected error ${expect.Error}, got ${code ? `error ${code}: ${message}` : `success: ${JSON.stringify(output)}`}`,
    );
    if ("MessageContains" in expect) {
      assert.ok(message.includes(expect.MessageContains), `${where}: message ${message}`);
    }
    return;
  }
  assert.equal(code, null, `${where}: expected success, got error ${code}: ${message}`);
  if ("Status" in expect) {
    assert.equal(output.Status, expect.Status, `${where}: Status ${output.Status}, expected ${expect.Status}`);
  }
  for (const [path, value] of Object.entries(expect.Output ?? {})) {
    const actual = atPath(output, path);
    assert.notEqual(actual, MISSING, `${where}: no member ${path} in ${JSON.stringify(output)}`);
    assert.ok(same(actual, value), `${where}: ${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
  }
  for (const [path, raw] of Object.entries(expect.Matches ?? {})) {
    const actual = atPath(output, path);
    const pattern = substitute(raw, variables, escapeRegExp);
    assert.ok(
      typeof actual === "string" && new RegExp(pattern).test(actual),
      `${where}: ${path} is ${JSON.stringify(actual)}, expected to match ${pattern}`,
    );
  }
  for (const [path, length] of Object.entries(expect.Length ?? {})) {
    const actual = atPath(output, path);
    assert.ok(
      Array.isArray(actual) && actual.length === length,
      `${where}: ${path} is ${JSON.stringify(actual)}, expected ${length} items`,
    );
  }
  for (const [path, items] of Object.entries(expect.Includes ?? {})) {
    const actual = atPath(output, path);
    assert.ok(Array.isArray(actual), `${where}: ${path} is ${JSON.stringify(actual)}, expected a list`);
    for (const item of items) {
      assert.ok(
        actual.some((a) => contains(a, item)),
        `${where}: no item of ${path} has ${JSON.stringify(item)}; items: ${JSON.stringify(actual)}`,
      );
    }
  }
}

/** Runs Steps of the walkthrough format; resolves to how many calls it made. */
export async function runSteps(steps, call, advance, variables) {
  let calls = 0;
  for (const [index, raw] of steps.entries()) {
    if ("AdvanceSeconds" in raw) {
      await advance(raw.AdvanceSeconds);
      continue;
    }
    const where = `step ${index} (${raw.Call})`;
    const result = await call(raw.Call, substitute(raw.Input ?? {}, variables));
    calls += 1;
    if (result.code === null) {
      for (const [name, path] of Object.entries(raw.Save ?? {})) {
        const value = atPath(result.output, path);
        assert.notEqual(value, MISSING, `${where}: nothing at ${path} to save as ${name}`);
        variables[name] = value;
      }
    }
    const { Matches, ...rest } = raw.Expect ?? {};
    const expect = substitute(rest, variables);
    if (Matches !== undefined) expect.Matches = Matches;
    checkExpect(where, expect, result, variables);
  }
  return calls;
}

/** An Await of the seed-notebooks format: poll Describe until Status (or Gone = ResourceNotFound),
 * advancing the manual clock a second between polls. */
export async function awaitStatus(call, advance, spec, variables, where) {
  const params = substitute(spec.Input, variables);
  let seen;
  for (let i = 0; i < 30; i++) {
    const { output, code, message } = await call(spec.Call, params);
    if (spec.Status === "Gone") {
      if (code === "ResourceNotFound") return;
      seen = code ?? output.Status;
    } else {
      assert.equal(code, null, `${where}: ${spec.Call} failed: ${code}: ${message}`);
      if (output.Status === spec.Status) return;
      seen = output.Status;
    }
    await advance(1);
  }
  assert.fail(`${where}: ${spec.Call} never reached ${spec.Status} (last ${seen})`);
}
