//! The dashboard for teaching demos and the admin calls it lives on:
//!
//! - `GET /_emulator/ui`: one self-contained HTML page (inline CSS and JS, no build step, embedded
//!   in the binary from `ui/index.html`). It polls the three read-only calls below every second
//!   and draws the domain → user profiles/spaces → apps tree, the instances the apps run on (a
//!   shared instance lists its apps), a timeline of the instances in hours from the first one,
//!   and the running bill. Its only writes are the clock (`+1 min`, `+10 min`, `+1 h` →
//!   `POST /_emulator/clock/advance`) and `POST /_emulator/reset` buttons, shown only when
//!   `GET /_emulator/ui/config` says `{"Controls": true}`: bound to loopback, or `--ui-controls`.
//! - `GET /_emulator/ui/config`: `{"Controls": bool}`.
//! - `GET /_emulator/resources?AccountId=&Region=&DomainId=` (all optional): the Studio tree
//!   ([`Service::resources`]).
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
use crate::protocol;
use crate::service::scenario::Scenario;
use crate::service::{Service, UsageFilter};

/// The page, embedded at build time.
pub const PAGE: &str = include_str!("index.html");

/// Where the page is served.
pub const PAGE_PATH: &str = "/_emulator/ui";

/// The dashboard's routes.
pub fn routes() -> Router<Service> {
    Router::new()
        .route(PAGE_PATH, get(page))
        .route("/_emulator/ui/config", get(config))
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
            ],
            format!("<!doctype html><title>SageMaker Studio emulator</title><p>The emulator's dashboard is at <a href=\"{PAGE_PATH}\">{PAGE_PATH}</a>; SageMaker API calls are POSTs to /.</p>\n"),
        )
            .into_response(),
    )
}

async fn page() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        PAGE,
    )
        .into_response()
}

async fn config(State(service): State<Service>) -> Response {
    answer(json!({"Controls": service.ui_controls}))
}

async fn resources(
    State(service): State<Service>,
    filter: Result<Query<UsageFilter>, QueryRejection>,
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

async fn load_scenario(State(service): State<Service>, body: Body) -> Response {
    let bytes = match response::read_body(body).await {
        Ok(bytes) => bytes,
        Err(e) => return refuse(&e),
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
        for external in ["src=\"http", "href=\"http", "@import", "<link"] {
            assert!(!PAGE.contains(external), "{external}");
        }
    }
}
