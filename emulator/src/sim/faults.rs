//! Fault injection (docs/contract.md §5, `/_emulator/faults`): make the next calls of one operation fail
//! with a chosen error, or answer late, so that a client's retry and timeout handling can be
//! tested against the real SDKs.
//!
//! `POST /_emulator/faults` with `{"Operation": "CreateDomain", "ErrorCode": "ThrottlingException",
//! "HttpStatus": 400, "Count": 2, "DelayMs": 0, "Message": "…"}` queues a fault; the API path
//! (`crate::http::server`) takes one from the front of the operation's queue on each call, after the
//! call is authenticated and its target known, before validation and the handler: a faulted call
//! changes nothing. The delay is slept outside every lock. `DELETE /_emulator/faults` and
//! `POST /_emulator/reset` drop every pending fault; `GET /_emulator/faults` lists them.
//!
//! Members: `Operation` (required, a served operation), `ErrorCode` (the `__type` to send),
//! `HttpStatus` (400–599, default 400; only with `ErrorCode`), `Count` (≥ 1, default 1),
//! `DelayMs` (0–600000, default 0), `Message` (default: a sentence naming the fault),
//! `FailureReason` (instead of an error: the call succeeds and the transition it starts ends in
//! AWS's failed state with this `FailureReason`; only for the operations of
//! [`FAILABLE_OPERATIONS`]). A fault needs an `ErrorCode`, a `FailureReason`, a `DelayMs` above
//! 0, or a delay with one of the first two. Unknown members are ignored.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};

/// The longest delay accepted (10 minutes: longer than any SDK's default timeout).
pub const MAX_DELAY_MS: u64 = 600_000;

/// The operations that start a transition which can end in a failed state, and the state:
/// domains, user profiles and spaces `Failed` / `Update_Failed` / `Delete_Failed`, apps `Failed`,
/// images `CREATE_FAILED` / `UPDATE_FAILED` / `DELETE_FAILED`, image versions `CREATE_FAILED` /
/// `DELETE_FAILED` (the status enums of the SageMaker model).
pub const FAILABLE_OPERATIONS: &[&str] = &[
    "CreateApp",
    "CreateDomain",
    "CreateImage",
    "CreateImageVersion",
    "CreateSpace",
    "CreateUserProfile",
    "DeleteApp",
    "DeleteDomain",
    "DeleteImage",
    "DeleteImageVersion",
    "DeleteSpace",
    "DeleteUserProfile",
    "UpdateDomain",
    "UpdateImage",
    "UpdateSpace",
    "UpdateUserProfile",
];

/// The longest `FailureReason` (the model's `FailureReason` shape: at most 1024 characters).
const MAX_FAILURE_REASON_CHARS: usize = 1024;
/// The longest `Message` of a fault: an error message of AWS's size (a 1 MiB message per fault
/// made the queue's listing answer 99 MiB).
pub const MAX_MESSAGE_CHARS: usize = 4096;
/// How many faults may wait at once: far more than a test arranges, few enough that the queue
/// stays small whatever a client sends.
pub const MAX_PENDING_FAULTS: usize = 1000;

/// A queued fault, as `GET /_emulator/faults` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PendingFault {
    /// The operation whose calls it hits.
    pub operation: String,
    /// The error code to answer with; `None`: latency only.
    pub error_code: Option<String>,
    /// The HTTP status of the error.
    pub http_status: u16,
    /// The error message; `None`: a default naming the fault.
    pub message: Option<String>,
    /// How many more calls it hits.
    pub count: u32,
    /// How long each hit call waits before answering.
    pub delay_ms: u64,
    /// The `FailureReason` the call's transition ends with, instead of an error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<String>,
}

/// What a call hit by a fault does instead of (or before) running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultHit {
    /// Sleep this long first.
    pub delay: Duration,
    /// Then fail with this, if set; else run normally.
    pub error: Option<ApiError>,
    /// Run, and end the transition failed with this `FailureReason`.
    pub failure: Option<String>,
}

/// The pending faults of a server, shared by its clones.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    queue: Arc<Mutex<VecDeque<PendingFault>>>,
}

impl Faults {
    fn locked(&self) -> MutexGuard<'_, VecDeque<PendingFault>> {
        self.queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Queues `fault` behind the pending ones; refused (a typed 400, nothing queued) when
    /// [`MAX_PENDING_FAULTS`] are already waiting.
    pub fn inject(&self, fault: PendingFault) -> Result<(), ApiError> {
        let mut queue = self.locked();
        if queue.len() >= MAX_PENDING_FAULTS {
            return Err(ApiError::validation(format!(
                "{MAX_PENDING_FAULTS} faults are already pending: DELETE /_emulator/faults, or let them be used up, before queueing more."
            )));
        }
        queue.push_back(fault);
        Ok(())
    }

    /// Drops every pending fault; how many there were.
    pub fn clear(&self) -> usize {
        let mut queue = self.locked();
        let cleared = queue.len();
        queue.clear();
        cleared
    }

    /// The pending faults, oldest first.
    pub fn pending(&self) -> Vec<PendingFault> {
        self.locked().iter().cloned().collect()
    }

    /// Uses up one call of the oldest pending fault of `operation`, if any.
    pub fn hit(&self, operation: &str) -> Option<FaultHit> {
        let mut queue = self.locked();
        let index = queue.iter().position(|f| f.operation == operation)?;
        let fault = queue.get_mut(index)?;
        fault.count = fault.count.saturating_sub(1);
        let hit = FaultHit {
            delay: Duration::from_millis(fault.delay_ms),
            error: fault.error_code.as_ref().map(|code| ApiError::Injected {
                code: code.clone(),
                status: fault.http_status,
                message: fault.message.clone().unwrap_or_else(|| {
                    format!(
                        "{code} injected into {} by the emulator (POST /_emulator/faults).",
                        fault.operation
                    )
                }),
            }),
            failure: fault.failure_reason.clone(),
        };
        if fault.count == 0 {
            queue.remove(index);
        }
        Some(hit)
    }
}

/// Reads a fault from the body of `POST /_emulator/faults` (the rules are in the module
/// documentation); every refusal is a `ValidationException`.
pub fn parse_fault(input: &Map<String, Value>) -> ApiResult<PendingFault> {
    let operation =
        match input.get("Operation") {
            // The served operations are the model slice's (a test of the dispatch table checks
            // that they are the same).
            Some(Value::String(op)) if crate::model::model().operation(op).is_some() => op.clone(),
            Some(Value::String(op)) => {
                return Err(ApiError::validation(format!(
                    "Operation '{op}' is not an operation this emulator serves."
                )))
            }
            _ => return Err(ApiError::validation(
                "Operation (a string naming a served operation, e.g. CreateDomain) is required.",
            )),
        };
    let error_code = match input.get("ErrorCode") {
        None | Some(Value::Null) => None,
        Some(Value::String(code)) if is_error_code(code) => Some(code.clone()),
        Some(_) => {
            return Err(ApiError::validation(
                "ErrorCode must be an error code such as ThrottlingException: a letter, then up to 127 letters, digits or _.:#-.",
            ))
        }
    };
    let http_status = match integer_member(input, "HttpStatus", 400, 599)? {
        Some(_) if error_code.is_none() => {
            return Err(ApiError::validation(
                "HttpStatus needs an ErrorCode: a fault without one only delays.",
            ))
        }
        Some(status) => u16::try_from(status).unwrap_or(400),
        None => 400,
    };
    let count = integer_member(input, "Count", 1, u64::from(u32::MAX))?
        .map_or(1, |count| u32::try_from(count).unwrap_or(u32::MAX));
    let delay_ms = integer_member(input, "DelayMs", 0, MAX_DELAY_MS)?.unwrap_or(0);
    let message = match input.get("Message") {
        None | Some(Value::Null) => None,
        Some(Value::String(message)) if message.chars().count() <= MAX_MESSAGE_CHARS => {
            Some(message.clone())
        }
        Some(_) => {
            return Err(ApiError::validation(format!(
                "Message must be a string of at most {MAX_MESSAGE_CHARS} characters."
            )))
        }
    };
    let failure_reason = match input.get("FailureReason") {
        None | Some(Value::Null) => None,
        Some(Value::String(reason))
            if !reason.is_empty() && reason.chars().count() <= MAX_FAILURE_REASON_CHARS =>
        {
            Some(reason.clone())
        }
        Some(_) => {
            return Err(ApiError::validation(format!(
                "FailureReason must be a string of 1 to {MAX_FAILURE_REASON_CHARS} characters."
            )))
        }
    };
    if failure_reason.is_some() {
        if error_code.is_some() {
            return Err(ApiError::validation(
                "A fault has an ErrorCode (the call is refused) or a FailureReason (the call succeeds and its transition fails), not both.",
            ));
        }
        if !FAILABLE_OPERATIONS.contains(&operation.as_str()) {
            return Err(ApiError::validation(format!(
                "FailureReason applies to the operations that start a transition ({}); {operation} does not.",
                FAILABLE_OPERATIONS.join(", ")
            )));
        }
    }
    if error_code.is_none() && failure_reason.is_none() && delay_ms == 0 {
        return Err(ApiError::validation(
            "A fault needs an ErrorCode, a FailureReason, a DelayMs above 0, or a delay with one of the first two.",
        ));
    }
    Ok(PendingFault {
        operation,
        error_code,
        http_status,
        message,
        count,
        delay_ms,
        failure_reason,
    })
}

/// An optional integer member within `min..=max`.
fn integer_member(
    input: &Map<String, Value>,
    name: &str,
    min: u64,
    max: u64,
) -> ApiResult<Option<u64>> {
    match input.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_u64() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::validation(format!(
                "{name} must be an integer from {min} to {max}."
            ))),
        },
    }
}

/// What `x-amzn-ErrorType` and `__type` can carry.
fn is_error_code(code: &str) -> bool {
    code.len() <= 128
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.:#-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(value: Value) -> ApiResult<PendingFault> {
        match value {
            Value::Object(map) => parse_fault(&map),
            _ => unreachable!("tests pass objects"),
        }
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let fault = parse(
            json!({"Operation": "CreateDomain", "ErrorCode": "ThrottlingException", "Extra": 1}),
        )
        .unwrap();
        assert_eq!(
            fault,
            PendingFault {
                operation: "CreateDomain".into(),
                error_code: Some("ThrottlingException".into()),
                http_status: 400,
                message: None,
                count: 1,
                delay_ms: 0,
                failure_reason: None,
            }
        );
        let latency =
            parse(json!({"Operation": "ListDomains", "DelayMs": 50, "Count": 3})).unwrap();
        assert_eq!(
            (latency.error_code, latency.count, latency.delay_ms),
            (None, 3, 50)
        );
    }

    #[test]
    fn invalid_faults_are_validation_errors() {
        for body in [
            json!({}),
            json!({"Operation": "CreateTrainingJob", "ErrorCode": "X"}),
            json!({"Operation": 1, "ErrorCode": "X"}),
            json!({"Operation": "CreateDomain"}),
            json!({"Operation": "CreateDomain", "DelayMs": 0}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "Count": 0}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "Count": -1}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "Count": 1.5}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "Count": "2"}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "HttpStatus": 200}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "HttpStatus": 600}),
            json!({"Operation": "CreateDomain", "DelayMs": 5, "HttpStatus": 500}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "DelayMs": 600_001}),
            json!({"Operation": "CreateDomain", "ErrorCode": "no spaces"}),
            json!({"Operation": "CreateDomain", "ErrorCode": "9Lives"}),
            json!({"Operation": "CreateDomain", "ErrorCode": ""}),
            json!({"Operation": "CreateDomain", "ErrorCode": "X", "Message": 3}),
            json!({"Operation": "CreateDomain", "FailureReason": ""}),
            json!({"Operation": "CreateDomain", "FailureReason": 5}),
            json!({"Operation": "CreateDomain", "FailureReason": "x", "ErrorCode": "X"}),
            json!({"Operation": "DescribeDomain", "FailureReason": "x"}),
            json!({"Operation": "AddTags", "FailureReason": "x"}),
        ] {
            let error = parse(body.clone()).unwrap_err();
            assert_eq!(error.code(), "ValidationException", "{body}");
        }
    }

    #[test]
    fn hits_use_up_counts_in_order_per_operation() {
        let faults = Faults::default();
        let fault = |op: &str, code: &str, count| PendingFault {
            operation: op.into(),
            error_code: Some(code.into()),
            http_status: 400,
            message: None,
            count,
            delay_ms: 0,
            failure_reason: None,
        };
        faults
            .inject(fault("CreateDomain", "ThrottlingException", 2))
            .unwrap();
        faults
            .inject(fault("ListDomains", "InternalFailure", 1))
            .unwrap();
        faults
            .inject(fault("CreateDomain", "ResourceLimitExceeded", 1))
            .unwrap();
        let code = |hit: Option<FaultHit>| hit.and_then(|h| h.error).map(|e| e.code().to_string());
        assert_eq!(
            code(faults.hit("CreateDomain")).as_deref(),
            Some("ThrottlingException")
        );
        assert_eq!(faults.pending()[0].count, 1);
        assert_eq!(
            code(faults.hit("CreateDomain")).as_deref(),
            Some("ThrottlingException")
        );
        assert_eq!(
            code(faults.hit("CreateDomain")).as_deref(),
            Some("ResourceLimitExceeded")
        );
        assert_eq!(faults.hit("CreateDomain"), None);
        assert_eq!(faults.hit("DescribeDomain"), None);
        assert_eq!(faults.pending().len(), 1);
        assert_eq!(faults.clear(), 1);
        assert!(faults.pending().is_empty());
    }

    #[test]
    fn an_injected_error_carries_its_status_and_a_default_message() {
        let faults = Faults::default();
        faults
            .inject(PendingFault {
                operation: "CreateDomain".into(),
                error_code: Some("ServiceUnavailable".into()),
                http_status: 503,
                message: None,
                count: 1,
                delay_ms: 20,
                failure_reason: None,
            })
            .expect("the fault is queued");
        let hit = faults.hit("CreateDomain").unwrap();
        assert_eq!(hit.delay, Duration::from_millis(20));
        let error = hit.error.unwrap();
        assert_eq!((error.code(), error.status()), ("ServiceUnavailable", 503));
        assert!(error.message().contains("CreateDomain"));
    }

    #[test]
    fn the_queue_and_its_messages_are_bounded() {
        let faults = Faults::default();
        let one = || {
            parse(json!({"Operation": "ListDomains", "ErrorCode": "ThrottlingException"})).unwrap()
        };
        for _ in 0..MAX_PENDING_FAULTS {
            faults.inject(one()).unwrap();
        }
        let refused = faults.inject(one()).unwrap_err();
        assert_eq!(refused.code(), "ValidationException");
        assert_eq!(faults.pending().len(), MAX_PENDING_FAULTS);
        let refused = parse(
            json!({"Operation": "ListDomains", "ErrorCode": "ThrottlingException",
                                   "Message": "x".repeat(MAX_MESSAGE_CHARS + 1)}),
        )
        .unwrap_err();
        assert!(refused.message().contains("at most"));
    }
}
