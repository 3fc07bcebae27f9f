//! The dashboard for teaching demos and the admin calls it lives on:
//!
//! - `GET /_emulator/ui`: one self-contained HTML page (inline CSS and JS, no build step, embedded
//!   in the binary from `ui/index.html`, with `ui/common.js` inlined). It polls the three
//!   read-only calls below every second and draws the domain → user profiles/spaces → apps tree,
//!   the instances the apps run on (a shared instance lists its apps), a timeline of the
//!   instances in hours from the first one, and the running bill. Its writes: the Quick setup form
//!   and each user profile's "Launch" button make SageMaker API calls on `POST /` (the quick
//!   setup's calls, CreatePresignedDomainUrl), as a boto3 client would; the clock (`+1 min`,
//!   `+10 min`, `+1 h` → `POST /_emulator/clock/advance`) and `POST /_emulator/reset` buttons are
//!   shown only when `GET /_emulator/ui/config` says `{"Controls": true}`: bound to loopback, or
//!   `--ui-controls`. English or Japanese: the page is served in the language `Accept-Language`
//!   prefers ([`preferred_language`]); its switcher (remembered in the browser) changes it.
//! - `GET /_emulator/ui/config`: `{"Controls": bool}`.
//! - `GET /_emulator/quick-start/plan?UserName=&ExecutionRole=&AccountId=&Region=` (the last two
//!   default to the emulator's): the quick setup's calls, the `quick-start` subcommand's list
//!   ([`crate::service::quick_setup`]), stamped with the emulator's now, for the form to make.
//! - `GET /_emulator/resources?AccountId=&Region=&DomainId=&MaxItems=` (all optional): the
//!   Studio tree, at most `MaxItems` (100) domains and user profiles and spaces per domain, with
//!   their counts ([`Service::resources`]).
//! - `POST /_emulator/scenario`: a scenario fixture as the body; replaces the scenario being
//!   replayed, from now (see [`crate::service::scenario`]).
//! - `GET /` from a browser (`Accept` has `text/html`) is redirected to the page; any other
//!   client still gets the API's `UnknownOperationException`.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::http::response::{self, answer};
use crate::http::SharedService;
use crate::protocol;
use crate::service::quick_setup;
use crate::service::scenario::Scenario;
use crate::service::ResourcesFilter;

/// The page, embedded at build time (its shared script is inlined when served: [`page_in`]).
pub const PAGE: &str = include_str!("index.html");

/// What the dashboard and the Studio page share (languages, formats, the SageMaker API call),
/// inlined into each where the page says [`COMMON_SCRIPT_SLOT`].
pub const COMMON_SCRIPT: &str = include_str!("common.js");

/// Where a page takes [`COMMON_SCRIPT`].
pub const COMMON_SCRIPT_SLOT: &str = "/*@common.js@*/";

/// The languages of the pages; the first is the default.
pub const LANGUAGES: [&str; 2] = ["en", "ja"];

/// The language `Accept-Language` prefers among [`LANGUAGES`] (highest `q`, then first listed;
/// `*` or nothing known: English).
pub fn preferred_language(headers: &HeaderMap) -> &'static str {
    let mut best: Option<(f32, &'static str)> = None;
    for value in headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
    {
        for item in value.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let Some(language) = LANGUAGES.iter().find(|l| **l == primary) else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(top, _)| q > top) {
                best = Some((q, language));
            }
        }
    }
    best.map_or(LANGUAGES[0], |(_, language)| language)
}

/// A page template served: in `language` (its `<html lang>`, which the page's script starts
/// from), with the shared script inlined.
pub fn page_in(template: &str, language: &str) -> String {
    template
        .replacen(
            "<html lang=\"en\">",
            &format!("<html lang=\"{language}\">"),
            1,
        )
        .replacen(COMMON_SCRIPT_SLOT, COMMON_SCRIPT, 1)
}

/// Where the page is served.
pub const PAGE_PATH: &str = "/_emulator/ui";

/// The dashboard's routes.
pub fn routes() -> Router<crate::http::RouterState> {
    Router::new()
        .route(PAGE_PATH, get(page))
        .route("/_emulator/ui/config", get(config))
        .route("/_emulator/quick-start/plan", get(quick_start_plan))
        .route("/_emulator/resources", get(resources))
        .route("/_emulator/scenario", post(load_scenario))
}

/// A redirect to the page for a browser's `GET /` (its `Accept` names `text/html`).
pub fn browser_redirect(method: &Method, uri: &Uri, headers: &HeaderMap) -> Option<Response> {
    let wants_html = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("text/html"));
    if *method != Method::GET || uri.path() != "/" || !wants_html {
        return None;
    }
    Some(
        (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, PAGE_PATH),
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::X_FRAME_OPTIONS, "DENY"),
                (header::CONTENT_SECURITY_POLICY, "frame-ancestors 'none'"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            format!("<!doctype html><title>SageMaker Studio emulator</title><p>The emulator's dashboard is at <a href=\"{PAGE_PATH}\">{PAGE_PATH}</a>; SageMaker API calls are POSTs to /.</p>\n"),
        )
            .into_response(),
    )
}

async fn page(headers: HeaderMap) -> Response {
    html_page(page_in(PAGE, preferred_language(&headers)))
}

/// An HTML page whose language follows `Accept-Language` (so caches must keep them apart).
/// No other site may frame it (`frame-ancestors 'none'`, and `X-Frame-Options` for older
/// browsers): a page that could frame the dashboard could trick a click on its Reset.
pub fn html_page(html: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::VARY, "Accept-Language"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::CONTENT_SECURITY_POLICY, "frame-ancestors 'none'"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        html,
    )
        .into_response()
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct QuickStartQuery {
    user_name: String,
    execution_role: String,
    account_id: Option<String>,
    region: Option<String>,
}

/// The quick setup's calls for the form: `{"AccountId", "Region", "DomainIdPlaceholder",
/// "Calls": [{"Operation", "Input"}]}`, stamped with the emulator's now (the time the domain is
/// created at, which a manual clock sets).
async fn quick_start_plan(
    State(service): State<SharedService>,
    query: Result<Query<QuickStartQuery>, QueryRejection>,
) -> Response {
    let query = match query {
        Ok(Query(query)) => query,
        Err(e) => return refuse(&ApiError::validation(e.body_text())),
    };
    let account = query
        .account_id
        .unwrap_or_else(|| service.defaults.account_id.clone());
    let region = query
        .region
        .unwrap_or_else(|| service.defaults.region.clone());
    let stamp = quick_setup::stamp(service.catch_up().as_epoch_seconds());
    let calls: Vec<Value> = quick_setup::plan(
        &query.user_name,
        &query.execution_role,
        &stamp,
        &region,
        &account,
    )
    .into_iter()
    .map(|(operation, input)| json!({"Operation": operation, "Input": input}))
    .collect();
    answer(json!({
        "AccountId": account,
        "Region": region,
        "DomainIdPlaceholder": quick_setup::DOMAIN_ID_PLACEHOLDER,
        "Calls": calls,
    }))
}

async fn config(State(edge): State<crate::http::SharedEdge>) -> Response {
    answer(json!({"Controls": edge.ui_controls}))
}

async fn resources(
    State(service): State<SharedService>,
    filter: Result<Query<ResourcesFilter>, QueryRejection>,
) -> Response {
    match filter {
        Ok(Query(filter)) => {
            match response::off_the_workers(move || Ok(service.resources(&filter))).await {
                Ok(tree) => answer(tree),
                Err(e) => refuse(&e),
            }
        }
        Err(e) => refuse(&ApiError::validation(e.body_text())),
    }
}

fn refuse(error: &ApiError) -> Response {
    response::failure(&protocol::request_id(), error)
}

async fn load_scenario(State(service): State<SharedService>, body: Body) -> Response {
    let bytes = match response::read_body(body).await {
        Ok(bytes) => bytes,
        Err(e) => return e.into_response(),
    };
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(e) => {
            return refuse(&ApiError::Serialization(format!(
                "The scenario is not valid JSON: {e}"
            )))
        }
    };
    match Scenario::from_value(&value) {
        Ok(scenario) => answer(json!({"Scenario": service.load_scenario(scenario)})),
        Err(e) => refuse(&ApiError::validation(format!("Invalid scenario: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::guard::is_loopback;

    #[test]
    fn loopback_hosts_are_recognised() {
        for host in [
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "[::1]",
            "localhost",
            "LOCALHOST",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["0.0.0.0", "::", "192.168.1.10", "example.com", ""] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn only_a_browsers_get_of_the_root_is_redirected() {
        let mut html = HeaderMap::new();
        html.insert(
            header::ACCEPT,
            "text/html,application/xhtml+xml;q=0.9".parse().unwrap(),
        );
        let root: Uri = "/".parse().unwrap();
        let redirect = browser_redirect(&Method::GET, &root, &html).unwrap();
        assert_eq!(redirect.status(), StatusCode::SEE_OTHER);
        assert_eq!(redirect.headers()[header::LOCATION], PAGE_PATH);
        assert!(browser_redirect(&Method::POST, &root, &html).is_none());
        assert!(browser_redirect(&Method::GET, &"/x".parse().unwrap(), &html).is_none());
        assert!(browser_redirect(&Method::GET, &root, &HeaderMap::new()).is_none());
    }

    #[test]
    fn accept_language_chooses_the_pages_language() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
            preferred_language(&headers)
        };
        assert_eq!(preferred_language(&HeaderMap::new()), "en");
        assert_eq!(with("ja"), "ja");
        assert_eq!(with("ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7"), "ja");
        assert_eq!(with("en-US,en;q=0.9,ja;q=0.8"), "en");
        assert_eq!(with("fr-FR,fr;q=0.9,ja;q=0.5"), "ja");
        assert_eq!(with("en;q=0.5, ja;q=0.8"), "ja");
        assert_eq!(with("ja;q=0, de"), "en");
        assert_eq!(with("*"), "en");
        let served = page_in(PAGE, "ja");
        assert!(served.starts_with("<!doctype html>\n<html lang=\"ja\">"));
        assert!(served.contains(COMMON_SCRIPT) && !served.contains(COMMON_SCRIPT_SLOT));
    }

    #[test]
    fn the_page_is_self_contained() {
        assert!(PAGE.starts_with("<!doctype html>"));
        for id in [
            "total-cost",
            "clock",
            "timeline",
            "instances",
            "tree",
            "controls",
            "advance-3600",
        ] {
            assert!(PAGE.contains(&format!("id=\"{id}\"")), "{id}");
        }
        // No external scripts, styles or fonts: it must work offline and without a build step.
        assert!(PAGE.contains(COMMON_SCRIPT_SLOT));
        for external in ["src=\"http", "href=\"http", "@import", "<link"] {
            assert!(!PAGE.contains(external), "{external}");
            assert!(!COMMON_SCRIPT.contains(external), "{external}");
        }
    }
}
