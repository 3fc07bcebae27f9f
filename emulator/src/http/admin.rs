//! The admin API under `/_emulator/` (docs/contract.md §5): health, reset, the clock, the usage report
//! and app activity (idle shutdown). JSON in
//! PascalCase like the AWS API; errors in the same envelope as the API's: the admin API's own
//! refusals (a wrong method, a second import) are [`EdgeRefusal`]s, what the service refuses
//! stays an [`ApiError`].

use std::time::Duration;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::http::response::{self, answer, WireError};
use crate::http::{EdgeRefusal, Refusal, SharedService};
use crate::protocol;
use crate::service::{Service, UsageFilter};
use crate::sim::clock::ClockMode;

/// The admin routes.
pub fn routes() -> Router<crate::http::RouterState> {
    Router::new()
        .route("/_emulator/health", get(health))
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/clock", get(clock))
        .route("/_emulator/clock/advance", post(advance_clock))
        .route("/_emulator/state", get(export_state).put(import_state))
        .route("/_emulator/usage", get(usage))
        .route("/_emulator/activity", post(activity))
        .route("/_emulator/quotas", get(list_quotas).put(set_quotas))
        .merge(crate::http::faults::routes())
        .merge(crate::http::ui::routes())
        .route("/_emulator/studio/{domain_id}/auth", get(studio))
        .method_not_allowed_fallback(wrong_method)
}

/// Reads an admin call's JSON object body with the API's size limit and errors.
async fn read_json(body: Body) -> Result<serde_json::Map<String, Value>, Refusal> {
    Ok(protocol::parse_body(&response::read_body(body).await?)?)
}

/// An admin path called with a method it does not take.
async fn wrong_method(method: Method, uri: Uri) -> Response {
    refuse(&EdgeRefusal::MethodNotAllowed(format!(
        "{} does not take {method}.",
        uri.path()
    )))
}

fn refuse(error: &impl WireError) -> Response {
    response::failure(&protocol::request_id(), error)
}

/// `{"Quotas": {"NAME": LIMIT, …}}`: the limits in force (see `quotas`).
fn quotas_json(service: &Service) -> Value {
    let limits: serde_json::Map<String, Value> = service
        .quotas
        .current()
        .iter()
        .map(|(name, limit)| (name.to_string(), limit.into()))
        .collect();
    json!({ "Quotas": limits })
}

async fn list_quotas(State(service): State<SharedService>) -> Response {
    answer(quotas_json(&service))
}

/// `PUT /_emulator/quotas` with `{"Quotas": {"NAME": LIMIT, …}}` replaces every limit (`{}`: no
/// limit). A bad name or limit is a `ValidationException` and changes nothing.
async fn set_quotas(State(service): State<SharedService>, body: Body) -> Response {
    let parsed = read_json(body).await.and_then(|input| {
        let Some(Value::Object(quotas)) = input.get("Quotas") else {
            return Err(ApiError::validation(
                "Quotas (an object of quota name → limit, e.g. {\"apps:KernelGateway:ml.g5.48xlarge\": 0}) is required.",
            )
            .into());
        };
        let mut limits = crate::sim::quotas::QuotaLimits::unlimited();
        for (name, limit) in quotas {
            let name = name.parse().map_err(ApiError::validation)?;
            let limit = limit.as_u64().ok_or_else(|| {
                ApiError::validation(format!("The limit of {name} must be a whole number ≥ 0."))
            })?;
            limits.set(name, limit);
        }
        Ok(limits)
    });
    match parsed {
        Ok(limits) => {
            service.quotas.replace(limits);
            answer(quotas_json(&service))
        }
        Err(e) => refuse(&e),
    }
}

async fn health() -> Response {
    answer(json!({"Status": "ok", "Version": env!("CARGO_PKG_VERSION")}))
}

async fn reset(State(service): State<SharedService>) -> Response {
    match response::off_the_workers(move || service.reset()).await {
        Ok(()) => answer(json!({})),
        Err(e) => refuse(&e),
    }
}

/// `GET /_emulator/state`: the current state, in the state file's format (a snapshot).
async fn export_state(State(service): State<SharedService>) -> Response {
    match response::off_the_workers(move || service.export()).await {
        Ok(text) => (
            StatusCode::OK,
            [("content-type", "text/plain; charset=utf-8")],
            text,
        )
            .into_response(),
        Err(e) => refuse(&e),
    }
}

/// `PUT /_emulator/state`: replaces all state with an exported one, read as it arrives, a line
/// at a time (memory is the new state plus about twice its longest line, never the body); one
/// import at a time.
async fn import_state(State(service): State<SharedService>, body: Body) -> Response {
    let permit = match service.import_permit() {
        Ok(permit) => permit,
        Err(busy) => return refuse(&EdgeRefusal::from(busy)),
    };
    let mut streamed = match response::streamed_body(body, MAX_STATE_BYTES) {
        Ok(streamed) => streamed,
        Err(e) => return refuse(&e),
    };
    let imported = response::off_the_workers(move || {
        let _permit = permit;
        let outcome = service.import(&mut streamed.reader);
        // A body cut short (too large, timed out) is that error, not a malformed state.
        match streamed.error() {
            Some(e) => Err(Refusal::from(e)),
            None => outcome.map_err(Refusal::from),
        }
    })
    .await;
    match imported {
        Ok(()) => answer(json!({})),
        Err(e) => refuse(&e),
    }
}

/// Largest state `PUT /_emulator/state` takes.
const MAX_STATE_BYTES: u64 = 4 * 1024 * 1024 * 1024;

fn clock_json(service: &Service) -> Value {
    let (mode, scale) = match service.clock.mode() {
        ClockMode::Manual => ("manual", 1.0),
        ClockMode::Real { time_scale } => ("real", time_scale),
    };
    json!({"Now": service.clock.now(), "Mode": mode, "TimeScale": scale})
}

async fn clock(State(service): State<SharedService>) -> Response {
    answer(clock_json(&service))
}

async fn advance_clock(State(service): State<SharedService>, body: Body) -> Response {
    let seconds = read_json(body).await.and_then(|input| {
        match input.get("Seconds").and_then(Value::as_f64) {
            Some(s) if (0.0..=1e10).contains(&s) => Ok(s),
            _ => Err(ApiError::validation(
                "Seconds must be a number of seconds between 0 and 10000000000.",
            )
            .into()),
        }
    });
    match seconds {
        Ok(seconds) => match service.advance_clock(Duration::from_secs_f64(seconds)) {
            Ok((now, ticket)) => match service.acknowledge(ticket).await {
                Ok(()) => answer(json!({"Now": now})),
                Err(e) => refuse(&e),
            },
            Err(e) => refuse(&e),
        },
        Err(e) => refuse(&e),
    }
}

async fn usage(
    State(service): State<SharedService>,
    filter: Result<Query<UsageFilter>, QueryRejection>,
) -> Response {
    let filter = match filter {
        Ok(Query(filter)) => filter,
        Err(e) => return refuse(&ApiError::validation(e.body_text())),
    };
    let report = response::off_the_workers(move || {
        serde_json::to_value(service.usage(&filter))
            .map_err(|e| ApiError::Serialization(e.to_string()))
    })
    .await;
    match report {
        Ok(report) => answer(report),
        Err(e) => refuse(&e),
    }
}

async fn activity(State(service): State<SharedService>, body: Body) -> Response {
    let outcome = read_json(body).await.and_then(|input| {
        let arn = input
            .get("AppArn")
            .and_then(Value::as_str)
            .ok_or_else(|| ApiError::validation("AppArn (a string) is required."))?
            .to_string();
        Ok(service.record_activity(&arn)?)
    });
    match outcome {
        Ok((value, ticket)) => match service.acknowledge(ticket).await {
            Ok(()) => answer(value),
            Err(e) => refuse(&e),
        },
        Err(e) => refuse(&e),
    }
}

#[derive(Debug, serde::Deserialize)]
struct StudioQuery {
    token: Option<String>,
}

/// Opening a presigned URL (`--studio-base-url`): the user's page, or AWS's refusal.
async fn studio(
    State(service): State<SharedService>,
    Path(domain_id): Path<String>,
    headers: HeaderMap,
    query: Result<Query<StudioQuery>, QueryRejection>,
) -> Response {
    let token = query.ok().and_then(|Query(q)| q.token).unwrap_or_default();
    let grant = service.open_presigned_url(&token);
    let language = crate::http::ui::preferred_language(&headers);
    match crate::http::studio_page::page(&service, grant, &domain_id, language) {
        Ok(html) => crate::http::ui::html_page(html),
        Err(_) => (
            StatusCode::FORBIDDEN,
            [
                ("content-type", "text/plain; charset=utf-8"),
                ("x-content-type-options", "nosniff"),
                ("x-frame-options", "DENY"),
            ],
            crate::http::studio_page::EXPIRED_TEXT,
        )
            .into_response(),
    }
}
