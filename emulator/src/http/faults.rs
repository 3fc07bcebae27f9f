//! `/_emulator/faults`: the admin routes of the fault queue ([`crate::sim::faults`], which says
//! what a fault does).

use axum::body::Body;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use crate::http::response;
use crate::http::SharedService;
use crate::protocol;
use crate::service::Service;
use crate::sim::faults::parse_fault;

/// `/_emulator/faults`: GET lists, POST injects, DELETE clears.
pub fn routes() -> Router<crate::http::RouterState> {
    Router::new().route(
        "/_emulator/faults",
        get(list_faults).post(inject_fault).delete(clear_faults),
    )
}

fn faults_json(service: &Service) -> Value {
    json!({ "Faults": service.faults.pending() })
}

async fn list_faults(State(service): State<SharedService>) -> Response {
    response::answer(faults_json(&service))
}

async fn inject_fault(State(service): State<SharedService>, body: Body) -> Response {
    // The one body reader: an oversize body is refused in AWS's envelope, as on every route.
    let parsed = match response::read_body(body).await {
        Ok(bytes) => protocol::parse_body(&bytes).and_then(|input| parse_fault(&input)),
        Err(e) => return response::failure(&protocol::request_id(), &e),
    };
    match parsed {
        Ok(fault) => match service.faults.inject(fault) {
            Ok(()) => response::answer(faults_json(&service)),
            Err(error) => response::failure(&protocol::request_id(), &error),
        },
        Err(error) => response::failure(&protocol::request_id(), &error),
    }
}

async fn clear_faults(State(service): State<SharedService>) -> Response {
    let cleared = service.faults.clear();
    response::answer(json!({ "Cleared": cleared }))
}
