//! The admin API under `/_emulator/` (contract §5): health, reset and the clock. JSON in
//! PascalCase like the AWS API; errors in the same envelope as the API's.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::clock::ClockMode;
use crate::error::ApiError;
use crate::protocol;
use crate::service::Service;

/// The admin routes.
pub fn routes() -> Router<Service> {
    Router::new()
        .route("/_emulator/health", get(health))
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/clock", get(clock))
        .route("/_emulator/clock/advance", post(advance_clock))
}

fn answer(value: Value) -> Response {
    (
        StatusCode::OK,
        [("content-type", "application/json")],
        value.to_string(),
    )
        .into_response()
}

fn refuse(error: &ApiError) -> Response {
    protocol::failure(&protocol::request_id(), error)
}

async fn health() -> Response {
    answer(json!({"Status": "ok", "Version": env!("CARGO_PKG_VERSION")}))
}

async fn reset(State(service): State<Service>) -> Response {
    service.reset();
    answer(json!({}))
}

fn clock_json(service: &Service) -> Value {
    let (mode, scale) = match service.clock.mode() {
        ClockMode::Manual => ("manual", 1.0),
        ClockMode::Real { time_scale } => ("real", time_scale),
    };
    json!({"Now": service.clock.now(), "Mode": mode, "TimeScale": scale})
}

async fn clock(State(service): State<Service>) -> Response {
    answer(clock_json(&service))
}

async fn advance_clock(State(service): State<Service>, body: axum::body::Bytes) -> Response {
    let seconds = protocol::parse_body(&body).and_then(|input| {
        match input.get("Seconds").and_then(Value::as_f64) {
            Some(s) if (0.0..=1e10).contains(&s) => Ok(s),
            _ => Err(ApiError::validation(
                "Seconds must be a number of seconds between 0 and 10000000000.",
            )),
        }
    });
    match seconds {
        Ok(seconds) => {
            let now = service.clock.advance(Duration::from_secs_f64(seconds));
            answer(json!({"Now": now}))
        }
        Err(e) => refuse(&e),
    }
}
