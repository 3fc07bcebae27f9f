//! The error type of the SageMaker API: every refusal a handler or the protocol layer can
//! produce, with its AWS error code and HTTP status. `code()` and `status()` are exhaustive matches,
//! so adding a variant forces a decision on both.
//!
//! What it holds, and what it does not: the modelled SageMaker errors, the awsJson protocol's
//! (validation, serialization, unknown operation, strict mode's SigV4 refusals), the emulator's
//! own 500 and 503, and injected faults. The HTTP edge's and the admin API's refusals (a foreign
//! host, a body too large or too slow, an unknown admin path, a second import) are the HTTP
//! layer's own type (`http::EdgeRefusal`), and the state file's errors are `persistence`'s
//! (`StateFileError`); both reach the wire through the same envelope, the second only once
//! converted to one of these.
//!
//! Codes follow the model (see `docs/protocol.md`): modelled SageMaker errors carry no
//! `Exception` suffix (`ResourceNotFound`), the generic awsJson ones do (`ValidationException`).

use std::fmt;

/// A refused API call. The message is AWS's wording where it is known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// `ResourceNotFound`: the named resource (or its parent) does not exist.
    #[error("{0}")]
    ResourceNotFound(String),
    /// `ResourceInUse`: a name is taken, or the resource has dependants that block the call.
    #[error("{0}")]
    ResourceInUse(String),
    /// `ResourceLimitExceeded`: an account-level quota would be exceeded.
    #[error("{0}")]
    ResourceLimitExceeded(String),
    /// `ValidationException`: the input breaks a rule of the model or of the service.
    #[error("{0}")]
    Validation(String),
    /// `SerializationException`: the body is not a JSON object or a member has the wrong JSON type.
    #[error("{0}")]
    Serialization(String),
    /// `UnknownOperationException`: the `X-Amz-Target` names no operation of this service.
    #[error("{0}")]
    UnknownOperation(String),
    /// `MissingAuthenticationTokenException` (HTTP 403, strict mode): no SigV4 `Authorization`.
    #[error("{0}")]
    MissingAuthenticationToken(String),
    /// `IncompleteSignatureException` (HTTP 403, strict mode): the `Authorization` header or the
    /// date is malformed.
    #[error("{0}")]
    IncompleteSignature(String),
    /// `UnrecognizedClientException` (HTTP 403, strict mode): unknown access key or session token.
    #[error("{0}")]
    UnrecognizedClient(String),
    /// `InvalidSignatureException` (HTTP 403, strict mode): wrong signature, credential scope or
    /// `X-Amz-Date` outside the 15-minute window.
    #[error("{0}")]
    InvalidSignature(String),
    /// `InternalFailure` (HTTP 500): the emulator's own fault.
    #[error("{0}")]
    Internal(String),
    /// `ServiceUnavailable` (HTTP 503, retried by the SDKs): the change could not be made
    /// durable in the state file (disk full, failed sync) and was not made.
    #[error("{0}")]
    ServiceUnavailable(String),
    /// Any code and status injected through the admin API's faults (docs/contract.md §5).
    #[error("{message}")]
    Injected {
        /// The `__type` to send, e.g. `ThrottlingException`.
        code: String,
        /// The HTTP status to send.
        status: u16,
        /// The message text.
        message: String,
    },
}

impl ApiError {
    /// The AWS error code written to `__type` and `x-amzn-ErrorType`.
    pub fn code(&self) -> &str {
        match self {
            ApiError::ResourceNotFound(_) => "ResourceNotFound",
            ApiError::ResourceInUse(_) => "ResourceInUse",
            ApiError::ResourceLimitExceeded(_) => "ResourceLimitExceeded",
            ApiError::Validation(_) => "ValidationException",
            ApiError::Serialization(_) => "SerializationException",
            ApiError::UnknownOperation(_) => "UnknownOperationException",
            ApiError::Internal(_) => "InternalFailure",
            ApiError::ServiceUnavailable(_) => "ServiceUnavailable",
            ApiError::MissingAuthenticationToken(_) => "MissingAuthenticationTokenException",
            ApiError::IncompleteSignature(_) => "IncompleteSignatureException",
            ApiError::UnrecognizedClient(_) => "UnrecognizedClientException",
            ApiError::InvalidSignature(_) => "InvalidSignatureException",
            ApiError::Injected { code, .. } => code,
        }
    }

    /// The HTTP status. Every deterministic refusal is a 4xx: botocore retries 5xx.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::ResourceNotFound(_)
            | ApiError::ResourceInUse(_)
            | ApiError::ResourceLimitExceeded(_)
            | ApiError::Validation(_)
            | ApiError::Serialization(_)
            | ApiError::UnknownOperation(_) => 400,
            ApiError::Internal(_) => 500,
            ApiError::ServiceUnavailable(_) => 503,
            ApiError::MissingAuthenticationToken(_)
            | ApiError::IncompleteSignature(_)
            | ApiError::UnrecognizedClient(_)
            | ApiError::InvalidSignature(_) => 403,
            ApiError::Injected { status, .. } => *status,
        }
    }

    /// The human-readable message.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// `ResourceNotFound` with a formatted message.
    pub fn not_found(message: impl fmt::Display) -> Self {
        ApiError::ResourceNotFound(message.to_string())
    }

    /// `ResourceInUse` with a formatted message.
    pub fn in_use(message: impl fmt::Display) -> Self {
        ApiError::ResourceInUse(message.to_string())
    }

    /// `ValidationException` with a formatted message.
    pub fn validation(message: impl fmt::Display) -> Self {
        ApiError::Validation(message.to_string())
    }
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
