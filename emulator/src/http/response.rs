//! The response envelope and the one body reader of every route: AWS's success and error
//! envelopes (`x-amzn-RequestId`, `x-amzn-ErrorType`, `__type`/`Message`/`message`), the admin
//! API's JSON answer, and [`read_body`] with the one size limit.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::protocol::CONTENT_TYPE;

/// Requests larger than this are refused with `RequestEntityTooLargeException` (413). The largest
/// legitimate Studio input (a 16 KiB lifecycle script with tags) is far below it.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// HTTP 200 with the output members.
pub fn success(request_id: &str, output: &Value) -> Response {
    let body = match output {
        Value::Object(map) if map.is_empty() => "{}".to_string(),
        other => other.to_string(),
    };
    let mut response = (StatusCode::OK, body).into_response();
    decorate(&mut response, request_id);
    response
}

/// AWS's error envelope: status, `x-amzn-ErrorType`, and `__type`, `Message`, `message` in the body.
pub fn failure(request_id: &str, error: &ApiError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let message = error.message();
    let body = json!({"__type": error.code(), "Message": message, "message": message});
    let mut response = (status, body.to_string()).into_response();
    decorate(&mut response, request_id);
    if let Ok(code) = HeaderValue::from_str(error.code()) {
        response.headers_mut().insert("x-amzn-ErrorType", code);
    }
    response
}

fn decorate(response: &mut Response, request_id: &str) {
    let headers = response.headers_mut();
    headers.insert("content-type", HeaderValue::from_static(CONTENT_TYPE));
    if let Ok(id) = HeaderValue::from_str(request_id) {
        headers.insert("x-amzn-RequestId", id);
    }
}

/// Runs work that can take long (a whole-state export or import, a report over every
/// partition, a reset with its file work) on tokio's blocking pool, so that it never stalls the
/// async workers that serve every other call and the health check.
pub async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(ApiError::Internal(format!("the work stopped: {e}"))))
}

/// An admin call's JSON answer (HTTP 200).
pub fn answer(value: Value) -> Response {
    (
        StatusCode::OK,
        [("content-type", "application/json")],
        value.to_string(),
    )
        .into_response()
}

impl IntoResponse for ApiError {
    /// The error envelope with a fresh request id.
    fn into_response(self) -> Response {
        failure(&crate::protocol::request_id(), &self)
    }
}

/// Reads a request body up to [`MAX_BODY_BYTES`]; past it, `RequestEntityTooLargeException`.
pub async fn read_body(body: Body) -> Result<axum::body::Bytes, ApiError> {
    read_body_within(body, MAX_BODY_BYTES).await
}

/// Reads a request body up to `limit` bytes: a body declared larger (Content-Length) is refused
/// before a byte of it is read, so a client that sent `Expect: 100-continue` gets the 413 and not
/// "100 Continue"; a body not sent within the body timeout (see `guard`) is a 408.
pub async fn read_body_within(body: Body, limit: usize) -> Result<axum::body::Bytes, ApiError> {
    let too_large = || {
        ApiError::RequestTooLarge(format!(
            "The request body exceeds the limit of {limit} bytes."
        ))
    };
    if http_body::Body::size_hint(&body).lower() > limit as u64 {
        return Err(too_large());
    }
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let timed_out = std::error::Error::source(&e)
            .is_some_and(|source| source.downcast_ref::<BodyTimedOut>().is_some())
            || e.to_string().contains(BODY_TIMED_OUT);
        if timed_out {
            ApiError::RequestTimeout(format!("{}.", BODY_TIMED_OUT))
        } else {
            too_large()
        }
    })
}

/// What a body read answers when the client stops sending in the middle of it.
pub const BODY_TIMED_OUT: &str = "The request body was not received within the body timeout";

/// The error a timed-out body read carries (see `response::read_body_within`).
#[derive(Debug)]
pub struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(BODY_TIMED_OUT)
    }
}

impl std::error::Error for BodyTimedOut {}
