//! The HTTP edge's own refusals, apart from the API's errors ([`ApiError`]): what the guard, the
//! body reader, the router and the admin API refuse before (or instead of) any SageMaker call —
//! a host or an origin that is not the emulator's, a body too large or too slow, an admin path
//! or method that does not exist, a second import.
//!
//! Why a type of their own: `ApiError` is what an operation or the awsJson protocol answers
//! (modelled errors, protocol errors, the emulator's 500 and 503, injected faults); these are
//! answered by the HTTP layer, which alone knows about paths, methods, bodies and the admin
//! API. Both go out in one envelope (`response::failure`, through `response::WireError`), so a
//! client cannot tell which layer refused it and the wire form cannot drift.

use crate::error::ApiError;

/// A request the HTTP edge refuses. The message is the emulator's wording.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EdgeRefusal {
    /// `UnknownOperationException` (HTTP 404): no admin call at this `/_emulator/` path.
    #[error("{0}")]
    UnknownAdminPath(String),
    /// `MethodNotAllowedException` (HTTP 405): an admin path called with the wrong method.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// `AccessDeniedException` (HTTP 403): the guard refused the request (another site's origin,
    /// a host that is not the emulator's, a missing admin token).
    #[error("{0}")]
    AccessDenied(String),
    /// `UnsupportedMediaTypeException` (HTTP 415): an admin call that changes state without
    /// `Content-Type: application/json`.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// `RequestTimeoutException` (HTTP 408): the client did not send the request's body in time.
    #[error("{0}")]
    RequestTimeout(String),
    /// `RequestEntityTooLargeException` (HTTP 413): the body exceeds the route's size limit.
    #[error("{0}")]
    RequestTooLarge(String),
    /// `ValidationException` (HTTP 400): a streamed body (an import) broke off for another reason
    /// than its size or its timeout. The code is the one this answer always had: AWS has none
    /// for a body the front end could not read.
    #[error("{0}")]
    UnreadableBody(String),
    /// `ConflictException` (HTTP 409): an admin call that runs one at a time (an import) while
    /// another runs.
    #[error("{0}")]
    Conflict(String),
}

impl EdgeRefusal {
    /// The error code written to `__type` and `x-amzn-ErrorType`.
    pub fn code(&self) -> &str {
        match self {
            EdgeRefusal::UnknownAdminPath(_) => "UnknownOperationException",
            EdgeRefusal::MethodNotAllowed(_) => "MethodNotAllowedException",
            EdgeRefusal::AccessDenied(_) => "AccessDeniedException",
            EdgeRefusal::UnsupportedMediaType(_) => "UnsupportedMediaTypeException",
            EdgeRefusal::RequestTimeout(_) => "RequestTimeoutException",
            EdgeRefusal::RequestTooLarge(_) => "RequestEntityTooLargeException",
            EdgeRefusal::UnreadableBody(_) => "ValidationException",
            EdgeRefusal::Conflict(_) => "ConflictException",
        }
    }

    /// The HTTP status: a 4xx for each (they are deterministic, and botocore retries 5xx).
    pub fn status(&self) -> u16 {
        match self {
            EdgeRefusal::UnknownAdminPath(_) => 404,
            EdgeRefusal::MethodNotAllowed(_) => 405,
            EdgeRefusal::AccessDenied(_) => 403,
            EdgeRefusal::UnsupportedMediaType(_) => 415,
            EdgeRefusal::RequestTimeout(_) => 408,
            EdgeRefusal::RequestTooLarge(_) => 413,
            EdgeRefusal::UnreadableBody(_) => 400,
            EdgeRefusal::Conflict(_) => 409,
        }
    }

    /// The human-readable message.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

/// The admin API's answer to a second import (the service only knows its permit is taken).
impl From<crate::service::state::ImportInProgress> for EdgeRefusal {
    fn from(busy: crate::service::state::ImportInProgress) -> Self {
        EdgeRefusal::Conflict(busy.to_string())
    }
}

/// What a route that both reads a request (the edge) and runs a call (the API) can refuse: either
/// layer's error, kept apart, rendered alike.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The API refused the call.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The edge refused the request.
    #[error(transparent)]
    Edge(#[from] EdgeRefusal),
}
