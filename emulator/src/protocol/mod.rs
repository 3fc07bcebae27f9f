//! The awsJson1.1 protocol, knowing nothing of SageMaker: the `X-Amz-Target` header, the body as
//! bytes → a JSON object, the caller's account and region from the SigV4 credential scope, request
//! ids, and the error envelope that both botocore and the Rust SDK parse (see
//! `docs/protocol.md`).

use http::HeaderMap;
use serde_json::{Map, Value};

use crate::error::ApiError;

pub mod credentials;
pub mod sigv4;

/// The awsJson1.1 content type, sent on every answer.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// A parsed request, before any service logic.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    /// The operation, e.g. `CreateDomain`.
    pub operation: String,
    /// The caller's account: the access key id when it is 12 digits, else the default.
    pub account_id: String,
    /// The credential scope's region, else the default.
    pub region: String,
    /// The body.
    pub input: Map<String, Value>,
}

/// Who the caller is when the request does not say.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// `--account-id`.
    pub account_id: String,
    /// `--region`.
    pub region: String,
}

/// Reads the target, the caller and the body. `service` is the target prefix (`SageMaker`).
pub fn parse_request(
    service: &str,
    headers: &HeaderMap,
    body: &[u8],
    defaults: &Defaults,
) -> Result<ApiRequest, ApiError> {
    let target = headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            ApiError::UnknownOperation("Missing X-Amz-Target header: no operation named.".into())
        })?;
    let operation = target
        .strip_prefix(service)
        .and_then(|rest| rest.strip_prefix('.'))
        .filter(|op| !op.is_empty())
        .ok_or_else(|| {
            ApiError::UnknownOperation(format!("Operation {target} is not supported."))
        })?;
    let (account_id, region) = caller(headers, defaults);
    let input = parse_body(body)?;
    Ok(ApiRequest {
        operation: operation.to_string(),
        account_id,
        region,
        input,
    })
}

/// The body as a JSON object. An empty body counts as `{}` (what an SDK sends for no members).
pub fn parse_body(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::Serialization(format!(
            "Start of structure or map found where not expected: the body must be a JSON object, not {}.",
            crate::model::json_kind(&other)
        ))),
        Err(e) => Err(ApiError::Serialization(format!(
            "The body is not valid JSON: {e}"
        ))),
    }
}

/// The account and region of the caller, from
/// `Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, …`.
pub fn caller(headers: &HeaderMap, defaults: &Defaults) -> (String, String) {
    let scope = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(credential_scope);
    let (access_key, region) = scope.unwrap_or_default();
    let account_id = if access_key.len() == 12 && access_key.bytes().all(|b| b.is_ascii_digit()) {
        access_key.to_string()
    } else {
        defaults.account_id.clone()
    };
    let region = if region.is_empty() {
        defaults.region.clone()
    } else {
        region.to_string()
    };
    (account_id, region)
}

/// `(access key id, region)` of a SigV4 `Authorization` header, if it has a credential scope.
pub fn credential_scope(authorization: &str) -> Option<(&str, &str)> {
    let rest = authorization.strip_prefix("AWS4-HMAC-SHA256")?;
    let credential = rest
        .split(',')
        .map(str::trim)
        .find_map(|part| part.strip_prefix("Credential="))?;
    let mut fields = credential.split('/');
    let access_key = fields.next()?;
    let _date = fields.next()?;
    let region = fields.next()?;
    let valid_region = !region.is_empty()
        && region.len() <= 32
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    valid_region.then_some((access_key, region))
}

/// A new request id (a UUID, as AWS's are).
pub fn request_id() -> String {
    crate::sim::random::uuid_v4()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn defaults() -> Defaults {
        Defaults {
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    #[test]
    fn account_and_region_come_from_the_credential_scope() {
        let h = headers(&[(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=123456789012/20260101/eu-west-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc",
        )]);
        assert_eq!(
            caller(&h, &defaults()),
            ("123456789012".into(), "eu-west-1".into())
        );
    }

    #[test]
    fn non_numeric_access_keys_use_the_default_account() {
        let h = headers(&[(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-west-2/sagemaker/aws4_request, SignedHeaders=host, Signature=abc",
        )]);
        assert_eq!(
            caller(&h, &defaults()),
            ("000000000000".into(), "us-west-2".into())
        );
        assert_eq!(
            caller(&HeaderMap::new(), &defaults()),
            ("000000000000".into(), "us-east-1".into())
        );
        let junk = headers(&[("authorization", "Bearer nonsense")]);
        assert_eq!(caller(&junk, &defaults()).1, "us-east-1");
    }

    #[test]
    fn target_and_body_are_parsed_or_refused_with_typed_errors() {
        let h = headers(&[("x-amz-target", "SageMaker.CreateDomain")]);
        let req = parse_request("SageMaker", &h, br#"{"A": 1}"#, &defaults()).unwrap();
        assert_eq!(req.operation, "CreateDomain");
        assert_eq!(req.input["A"], 1);
        assert!(parse_request("SageMaker", &h, b"", &defaults())
            .unwrap()
            .input
            .is_empty());
        for bad in [&b"[1]"[..], b"\"x\"", b"{", b"null", b"\xff\xfe"] {
            let err = parse_request("SageMaker", &h, bad, &defaults()).unwrap_err();
            assert_eq!(err.code(), "SerializationException", "{bad:?}");
        }
        let none = parse_request("SageMaker", &HeaderMap::new(), b"{}", &defaults()).unwrap_err();
        assert_eq!(none.code(), "UnknownOperationException");
        let other = headers(&[("x-amz-target", "DynamoDB_20120810.ListTables")]);
        let err = parse_request("SageMaker", &other, b"{}", &defaults()).unwrap_err();
        assert_eq!(err.code(), "UnknownOperationException");
    }
}
