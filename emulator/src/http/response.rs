//! The response envelope and the one body reader of every route: AWS's success and error
//! envelopes (`x-amzn-RequestId`, `x-amzn-ErrorType`, `__type`/`Message`/`message`), the admin
//! API's JSON answer, and [`read_body`] with the one size limit.
//!
//! Errors of both layers — the API's ([`ApiError`]) and the edge's own ([`EdgeRefusal`]) — go
//! out through the one function [`failure`], which takes anything that is a [`WireError`].

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::http::refusal::{EdgeRefusal, Refusal};
use crate::protocol::CONTENT_TYPE;
use crate::service::Output;

/// Requests larger than this are refused with `RequestEntityTooLargeException` (413). The largest
/// legitimate Studio input (a 16 KiB lifecycle script with tags) is far below it.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// HTTP 200 with the output members (the operation's serialized output).
pub fn success(request_id: &str, output: Output) -> Response {
    let mut response = (StatusCode::OK, output.into_string()).into_response();
    decorate(&mut response, request_id);
    response
}

/// An error as AWS's envelope carries it: code, status and message. The API's errors and the
/// edge's refusals are two types (each layer its own); this is what they share on the wire.
pub trait WireError {
    /// `__type` and `x-amzn-ErrorType`.
    fn code(&self) -> &str;
    /// The HTTP status.
    fn status(&self) -> u16;
    /// `Message` and `message`.
    fn message(&self) -> String;
}

impl WireError for ApiError {
    fn code(&self) -> &str {
        ApiError::code(self)
    }
    fn status(&self) -> u16 {
        ApiError::status(self)
    }
    fn message(&self) -> String {
        ApiError::message(self)
    }
}

impl WireError for EdgeRefusal {
    fn code(&self) -> &str {
        EdgeRefusal::code(self)
    }
    fn status(&self) -> u16 {
        EdgeRefusal::status(self)
    }
    fn message(&self) -> String {
        EdgeRefusal::message(self)
    }
}

impl WireError for Refusal {
    fn code(&self) -> &str {
        match self {
            Refusal::Api(e) => e.code(),
            Refusal::Edge(e) => e.code(),
        }
    }
    fn status(&self) -> u16 {
        match self {
            Refusal::Api(e) => e.status(),
            Refusal::Edge(e) => e.status(),
        }
    }
    fn message(&self) -> String {
        match self {
            Refusal::Api(e) => e.message(),
            Refusal::Edge(e) => e.message(),
        }
    }
}

/// AWS's error envelope: status, `x-amzn-ErrorType`, and `__type`, `Message`, `message` in the
/// body. The one rendering of every error, whichever layer refused.
pub fn failure(request_id: &str, error: &(impl WireError + ?Sized)) -> Response {
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
/// async workers that serve every other call and the health check. Work that stops without an
/// answer (a panic) is the emulator's fault: `InternalFailure`.
pub async fn off_the_workers<T, E>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, E>
where
    T: Send + 'static,
    E: From<ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(ApiError::Internal(format!("the work stopped: {e}")).into()))
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

impl IntoResponse for EdgeRefusal {
    /// The error envelope with a fresh request id.
    fn into_response(self) -> Response {
        failure(&crate::protocol::request_id(), &self)
    }
}

impl IntoResponse for Refusal {
    /// The error envelope with a fresh request id.
    fn into_response(self) -> Response {
        failure(&crate::protocol::request_id(), &self)
    }
}

/// Reads a request body up to [`MAX_BODY_BYTES`]; past it, `RequestEntityTooLargeException`.
pub async fn read_body(body: Body) -> Result<axum::body::Bytes, EdgeRefusal> {
    read_body_within(body, MAX_BODY_BYTES).await
}

/// Reads a request body up to `limit` bytes: a body declared larger (Content-Length) is refused
/// before a byte of it is read, so a client that sent `Expect: 100-continue` gets the 413 and not
/// "100 Continue"; a body not sent within the body timeout (see `guard`) is a 408.
pub async fn read_body_within(body: Body, limit: usize) -> Result<axum::body::Bytes, EdgeRefusal> {
    let too_large = || {
        EdgeRefusal::RequestTooLarge(format!(
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
            EdgeRefusal::RequestTimeout(format!("{}.", BODY_TIMED_OUT))
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

/// A request body as a blocking reader, for work on the blocking pool that reads a large body as
/// it arrives (an import) instead of holding it whole: a task forwards the body's chunks through
/// a small queue, so memory stays a few chunks whatever the body's size. Past `limit` bytes, or
/// when the body times out, the reader fails and [`StreamedBody::error`] says why.
pub fn streamed_body(body: Body, limit: u64) -> Result<StreamedBody, EdgeRefusal> {
    let too_large = move || {
        EdgeRefusal::RequestTooLarge(format!(
            "The request body exceeds the limit of {limit} bytes."
        ))
    };
    if http_body::Body::size_hint(&body).lower() > limit {
        return Err(too_large());
    }
    let (chunks, queue) = tokio::sync::mpsc::channel::<axum::body::Bytes>(4);
    let error = std::sync::Arc::new(std::sync::Mutex::new(None));
    let failed = std::sync::Arc::clone(&error);
    tokio::spawn(async move {
        use futures_util::StreamExt;
        let mut stream = body.into_data_stream();
        let mut total: u64 = 0;
        while let Some(chunk) = stream.next().await {
            let problem = match chunk {
                Ok(bytes) => {
                    total += bytes.len() as u64;
                    if total > limit {
                        Some(too_large())
                    } else if chunks.send(bytes).await.is_err() {
                        return; // the reader stopped reading
                    } else {
                        None
                    }
                }
                Err(e) => Some(
                    if std::error::Error::source(&e)
                        .is_some_and(|source| source.downcast_ref::<BodyTimedOut>().is_some())
                        || e.to_string().contains(BODY_TIMED_OUT)
                    {
                        EdgeRefusal::RequestTimeout(format!("{}.", BODY_TIMED_OUT))
                    } else {
                        EdgeRefusal::UnreadableBody(format!(
                            "The request body could not be read: {e}"
                        ))
                    },
                ),
            };
            if let Some(problem) = problem {
                *failed.lock().unwrap_or_else(|p| p.into_inner()) = Some(problem);
                return; // dropping the queue ends the reader with an error
            }
        }
    });
    Ok(StreamedBody {
        reader: std::io::BufReader::with_capacity(
            1 << 20,
            ChunkReader {
                queue,
                current: axum::body::Bytes::new(),
                error: std::sync::Arc::clone(&error),
            },
        ),
        error,
    })
}

/// See [`streamed_body`].
pub struct StreamedBody {
    /// The body, read on a blocking thread.
    pub reader: std::io::BufReader<ChunkReader>,
    error: std::sync::Arc<std::sync::Mutex<Option<EdgeRefusal>>>,
}

impl StreamedBody {
    /// Why the body could not be read whole, if it could not (too large, timed out).
    pub fn error(&self) -> Option<EdgeRefusal> {
        self.error.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// The blocking end of [`streamed_body`]'s queue.
pub struct ChunkReader {
    queue: tokio::sync::mpsc::Receiver<axum::body::Bytes>,
    current: axum::body::Bytes,
    error: std::sync::Arc<std::sync::Mutex<Option<EdgeRefusal>>>,
}

impl std::io::Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.queue.blocking_recv() {
                Some(chunk) => self.current = chunk,
                None => {
                    return match &*self.error.lock().unwrap_or_else(|p| p.into_inner()) {
                        Some(e) => Err(std::io::Error::other(e.message())),
                        None => Ok(0),
                    }
                }
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Status, `x-amzn-ErrorType`, content type and body of a rendered error.
    async fn rendered(error: &(impl WireError + ?Sized)) -> (u16, String, String, String) {
        let response = failure("request-1", error);
        let header = |name: &str| {
            response.headers()[name]
                .to_str()
                .expect("a text header")
                .to_string()
        };
        assert_eq!(header("x-amzn-RequestId"), "request-1");
        let (status, code, content_type) = (
            response.status().as_u16(),
            header("x-amzn-ErrorType"),
            header("content-type"),
        );
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("a body");
        (
            status,
            code,
            content_type,
            String::from_utf8(body.to_vec()).expect("UTF-8"),
        )
    }

    #[tokio::test]
    async fn both_layers_render_through_one_envelope() {
        // The edge's refusals with the codes and statuses they had as API errors.
        let edge = [
            (
                EdgeRefusal::UnknownAdminPath("m".into()),
                "UnknownOperationException",
                404,
            ),
            (
                EdgeRefusal::MethodNotAllowed("m".into()),
                "MethodNotAllowedException",
                405,
            ),
            (
                EdgeRefusal::AccessDenied("m".into()),
                "AccessDeniedException",
                403,
            ),
            (
                EdgeRefusal::UnsupportedMediaType("m".into()),
                "UnsupportedMediaTypeException",
                415,
            ),
            (
                EdgeRefusal::RequestTimeout("m".into()),
                "RequestTimeoutException",
                408,
            ),
            (
                EdgeRefusal::RequestTooLarge("m".into()),
                "RequestEntityTooLargeException",
                413,
            ),
            (
                EdgeRefusal::UnreadableBody("m".into()),
                "ValidationException",
                400,
            ),
            (EdgeRefusal::Conflict("m".into()), "ConflictException", 409),
        ];
        for (refusal, code, status) in edge {
            let expected = (
                status,
                code.to_string(),
                CONTENT_TYPE.to_string(),
                format!(r#"{{"Message":"m","__type":"{code}","message":"m"}}"#),
            );
            assert_eq!(rendered(&refusal).await, expected, "{refusal:?}");
            // Wrapped with the API's errors, it renders alike.
            assert_eq!(rendered(&Refusal::from(refusal)).await, expected);
        }
        let api = ApiError::validation("v");
        let expected = (
            400,
            "ValidationException".to_string(),
            CONTENT_TYPE.to_string(),
            r#"{"Message":"v","__type":"ValidationException","message":"v"}"#.to_string(),
        );
        assert_eq!(rendered(&api).await, expected);
        assert_eq!(rendered(&Refusal::from(api)).await, expected);
    }
}
