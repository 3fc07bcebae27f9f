//! Strict mode's SigV4 verification (docs/contract.md §2): is this API call signed, by a key pair of the
//! credentials file, for now? It runs before anything else looks at the request.
//!
//! The checks and their wording follow AWS's Coral front end (the stack SageMaker shares with
//! DynamoDB), in AWS's order, as recorded from the live service by dynalite's tests and by
//! scratchstack-aws-signature:
//! 1. no `Authorization`, or one not starting `AWS4-` → `MissingAuthenticationTokenException`;
//! 2. a `Key=Value` part without `=`, a missing `Credential`/`Signature`/`SignedHeaders`, no
//!    `X-Amz-Date`, a date not in ISO-8601 basic format → `IncompleteSignatureException`;
//! 3. `X-Amz-Date` more than 15 minutes from the host's wall clock ([`crate::sim::clock::wall_now`]) →
//!    `InvalidSignatureException` ("Signature expired: …" / "Signature not yet current: …");
//! 4. `host` not signed → `InvalidSignatureException`;
//! 5. an algorithm other than `AWS4-HMAC-SHA256`, a credential that is not five `/`-separated
//!    parts → `IncompleteSignatureException`;
//! 6. a scope with an invalid region, a service other than `sagemaker`, a terminator other than
//!    `aws4_request`, or a date other than `X-Amz-Date`'s → `InvalidSignatureException`;
//! 7. an access key id not in the file → `UnrecognizedClientException`;
//! 8. a signature that differs from the one computed → `InvalidSignatureException`;
//! 9. a session token that differs from the profile's (see [`crate::protocol::credentials`]) →
//!    `UnrecognizedClientException`.
//!
//! The signing math is the `aws-sigv4` crate's (`http_request::sign`), the signer inside every
//! aws-sdk-rust client, checked against AWS's SigV4 test suite: rebuilding the canonical request
//! with it gets URI double-encoding, path normalisation and header-value folding exactly as AWS
//! does. It signs every header of the request it is handed, so we hand it a request made of
//! exactly the headers the client listed in `SignedHeaders` (and clear its default exclusion
//! list), which reproduces each SDK's own set (botocore signs `content-type;host;x-amz-date;
//! x-amz-target`, the Rust SDK nearly every header). The one thing it cannot reproduce is a
//! signature without `x-amz-date` (it always signs that header): such a request, which no AWS
//! SDK sends, fails as a wrong signature; for the same reason a `Date` header stands in for
//! `X-Amz-Date` only in the basic format. `X-Amz-Security-Token` is signed when the client listed
//! it, left out otherwise (both exist in the wild). Signatures are compared in constant time
//! (`subtle`). Presigned (query-string) authentication is not supported: such a call has no
//! `Authorization` header and is refused as unauthenticated.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    sign, PayloadChecksumKind, SessionTokenMode, SignableBody, SignableRequest, SigningSettings,
};
use aws_sigv4::sign::v4;
use http::HeaderMap;
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::protocol::credentials::{CredentialsFile, Profile};

/// The only algorithm accepted.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The service name in a SageMaker credential scope.
pub const SIGNING_SERVICE: &str = "sagemaker";

/// How far `X-Amz-Date` may be from the host's wall clock, either way.
pub const ALLOWED_CLOCK_SKEW: Duration = Duration::from_secs(15 * 60);

/// AWS's text for a call without a SigV4 `Authorization` header.
pub const MISSING_TOKEN_MESSAGE: &str = "Request is missing Authentication Token";

/// AWS's text for an unknown access key id or a wrong session token.
pub const UNRECOGNIZED_CLIENT_MESSAGE: &str =
    "The security token included in the request is invalid.";

/// AWS's text for a signature that does not match.
pub const SIGNATURE_MISMATCH_MESSAGE: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// What a signature covers: the request as it arrived.
#[derive(Debug, Clone, Copy)]
pub struct SignedRequest<'a> {
    /// `POST`.
    pub method: &'a str,
    /// The request target as sent, e.g. `/` or `/prefix/?a=b` (still percent-encoded).
    pub path_and_query: &'a str,
    /// Every header.
    pub headers: &'a HeaderMap,
    /// The body bytes.
    pub body: &'a [u8],
}

/// The parts of `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AuthorizationHeader<'a> {
    algorithm: &'a str,
    credential: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// Verifies `request` against the key pairs of `credentials` at the wall-clock time `wall_now`;
/// the profile that signed it, or the refusal AWS would send.
pub fn verify<'c>(
    request: &SignedRequest<'_>,
    credentials: &'c CredentialsFile,
    wall_now: SystemTime,
) -> Result<&'c Profile, ApiError> {
    let authorization = parse_authorization(request.headers)?;
    let amz_date = header_str(request.headers, "x-amz-date")
        .or_else(|| header_str(request.headers, "date"))
        .unwrap_or_default();
    let signed_at = parse_basic_date(amz_date).ok_or_else(|| {
        ApiError::IncompleteSignature(format!(
            "Date must be in ISO-8601 'basic format'. Got '{amz_date}'. See http://en.wikipedia.org/wiki/ISO_8601"
        ))
    })?;
    check_clock_skew(signed_at, seconds_since_epoch(wall_now))?;

    let signed_header_names: Vec<String> = authorization
        .signed_headers
        .split(';')
        .map(|name| name.trim().to_ascii_lowercase())
        .filter(|name| !name.is_empty())
        .collect();
    if !signed_header_names.iter().any(|name| name == "host") {
        return Err(ApiError::InvalidSignature(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.".into(),
        ));
    }
    if authorization.algorithm != ALGORITHM {
        return Err(ApiError::IncompleteSignature(format!(
            "Unsupported AWS 'algorithm': '{}' (only {ALGORITHM} for now).",
            authorization.algorithm
        )));
    }
    let scope = parse_credential_scope(authorization.credential, amz_date)?;
    let profile = credentials
        .profile(scope.access_key_id)
        .ok_or_else(|| ApiError::UnrecognizedClient(UNRECOGNIZED_CLIENT_MESSAGE.into()))?;

    let session_token = header_str(request.headers, "x-amz-security-token");
    let signer = Signer {
        access_key_id: &profile.access_key_id,
        secret_access_key: &profile.secret_access_key,
        session_token,
        region: scope.region,
        service: SIGNING_SERVICE,
        signed_at,
    };
    let expected = compute_signature(request, &signed_header_names, &signer)
        .ok_or_else(|| ApiError::InvalidSignature(SIGNATURE_MISMATCH_MESSAGE.into()))?;
    let matches: bool = expected
        .as_bytes()
        .ct_eq(authorization.signature.as_bytes())
        .into();
    if !matches {
        return Err(ApiError::InvalidSignature(
            SIGNATURE_MISMATCH_MESSAGE.into(),
        ));
    }
    if session_token != profile.session_token.as_deref() {
        return Err(ApiError::UnrecognizedClient(
            UNRECOGNIZED_CLIENT_MESSAGE.into(),
        ));
    }
    Ok(profile)
}

/// A header's value, if present and visible ASCII.
fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// Steps 1 and 2 of the module documentation.
fn parse_authorization(headers: &HeaderMap) -> Result<AuthorizationHeader<'_>, ApiError> {
    let missing = || ApiError::MissingAuthenticationToken(MISSING_TOKEN_MESSAGE.into());
    let raw = header_str(headers, "authorization").ok_or_else(missing)?;
    let header = raw.trim();
    if !header.starts_with("AWS4-") {
        return Err(missing());
    }
    let (algorithm, parameters) = header
        .split_once(|c: char| c.is_ascii_whitespace() || c == ',')
        .unwrap_or((header, ""));
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in parameters
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|part| !part.is_empty())
    {
        let (key, value) = part.split_once('=').ok_or_else(|| {
            ApiError::IncompleteSignature(format!(
                "'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{header}'."
            ))
        })?;
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => continue,
        };
        *slot = Some(value).filter(|v| !v.is_empty());
    }
    let mut problems = String::new();
    for (name, value) in [
        ("Credential", credential),
        ("Signature", signature),
        ("SignedHeaders", signed_headers),
    ] {
        if value.is_none() {
            problems.push_str(&format!(
                "Authorization header requires '{name}' parameter. "
            ));
        }
    }
    if !headers.contains_key("x-amz-date") && !headers.contains_key("date") {
        problems.push_str(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ",
        );
    }
    match (credential, signed_headers, signature) {
        (Some(credential), Some(signed_headers), Some(signature)) if problems.is_empty() => {
            Ok(AuthorizationHeader {
                algorithm,
                credential,
                signed_headers,
                signature,
            })
        }
        _ => Err(ApiError::IncompleteSignature(format!(
            "{problems}Authorization={header}"
        ))),
    }
}

/// Step 3: AWS's 15-minute window around the wall clock.
fn check_clock_skew(signed_at: i64, now: i64) -> Result<(), ApiError> {
    let skew = ALLOWED_CLOCK_SKEW.as_secs() as i64;
    let minutes = skew / 60;
    if signed_at < now.saturating_sub(skew) {
        return Err(ApiError::InvalidSignature(format!(
            "Signature expired: {} is now earlier than {} ({} - {minutes} min.)",
            format_basic_date(signed_at),
            format_basic_date(now.saturating_sub(skew)),
            format_basic_date(now),
        )));
    }
    if signed_at > now.saturating_add(skew) {
        return Err(ApiError::InvalidSignature(format!(
            "Signature not yet current: {} is still later than {} ({} + {minutes} min.)",
            format_basic_date(signed_at),
            format_basic_date(now.saturating_add(skew)),
            format_basic_date(now),
        )));
    }
    Ok(())
}

/// `AKID/YYYYMMDD/REGION/sagemaker/aws4_request`, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CredentialScope<'a> {
    access_key_id: &'a str,
    region: &'a str,
}

/// Steps 5 (shape) and 6 (contents) for the credential.
fn parse_credential_scope<'a>(
    credential: &'a str,
    amz_date: &str,
) -> Result<CredentialScope<'a>, ApiError> {
    let parts: Vec<&str> = credential.trim_end_matches('/').split('/').collect();
    let [access_key_id, date, region, service, terminator] = parts[..] else {
        return Err(ApiError::IncompleteSignature(format!(
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'"
        )));
    };
    let mut problems = Vec::new();
    if !is_region_name(region) {
        problems.push(format!(
            "Credential should be scoped to a valid region, not '{region}'."
        ));
    }
    if service != SIGNING_SERVICE {
        problems.push(format!(
            "Credential should be scoped to correct service: '{SIGNING_SERVICE}'."
        ));
    }
    if terminator != "aws4_request" {
        problems.push(format!(
            "Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'."
        ));
    }
    let request_day = amz_date.get(..8).unwrap_or_default();
    if date != request_day {
        problems.push(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{date}' != '{request_day}', from '{amz_date}'."
        ));
    }
    if problems.is_empty() {
        Ok(CredentialScope {
            access_key_id,
            region,
        })
    } else {
        Err(ApiError::InvalidSignature(problems.join(" ")))
    }
}

/// A region as the emulator accepts it anywhere (lowercase letters, digits, `-`).
fn is_region_name(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 32
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Who signs, for which scope and when.
#[derive(Debug, Clone, Copy)]
struct Signer<'a> {
    access_key_id: &'a str,
    secret_access_key: &'a str,
    /// The token the request carries (signed as the client did).
    session_token: Option<&'a str>,
    region: &'a str,
    service: &'a str,
    /// Epoch seconds of `X-Amz-Date`.
    signed_at: i64,
}

/// The signature `signer` makes over the headers the client signed; `None` if the request cannot
/// be rebuilt (a header that is not visible ASCII, an unparsable target), which then counts as a
/// mismatch.
fn compute_signature(
    request: &SignedRequest<'_>,
    signed_header_names: &[String],
    signer: &Signer<'_>,
) -> Option<String> {
    // The signer adds x-amz-date (from `time`) and x-amz-security-token (from the identity)
    // itself; every other signed header is handed over with all its values, in order.
    let mut headers: Vec<(&str, &str)> = Vec::new();
    for name in signed_header_names {
        if name == "x-amz-date" || name == "x-amz-security-token" {
            continue;
        }
        for value in request.headers.get_all(name.as_str()) {
            headers.push((name.as_str(), value.to_str().ok()?));
        }
    }
    let mut settings = SigningSettings::default();
    settings.excluded_headers = Some(Vec::new());
    settings.payload_checksum_kind = PayloadChecksumKind::NoHeader;
    settings.session_token_mode = if signed_header_names
        .iter()
        .any(|name| name == "x-amz-security-token")
    {
        SessionTokenMode::Include
    } else {
        SessionTokenMode::Exclude
    };
    let identity = Credentials::new(
        signer.access_key_id,
        signer.secret_access_key,
        signer.session_token.map(str::to_string),
        None,
        "smse-credentials-file",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(signer.region)
        .name(signer.service)
        .time(UNIX_EPOCH + Duration::from_secs(u64::try_from(signer.signed_at).ok()?))
        .settings(settings)
        .build()
        .ok()?
        .into();
    // The authority is never read: `host` is always among the signed headers (checked above).
    let uri = format!("http://emulator.invalid{}", request.path_and_query);
    let signable = SignableRequest::new(
        request.method,
        uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body),
    )
    .ok()?;
    let output = sign(signable, &params).ok()?;
    Some(output.signature().to_string())
}

/// Seconds since the epoch (negative before it).
fn seconds_since_epoch(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// `YYYYMMDDTHHMMSSZ` (ISO-8601 basic format, UTC) → epoch seconds.
pub fn parse_basic_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[8] != b'T' || bytes[15] != b'Z' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(4..6)?, number(6..8)?);
    let (hour, minute, second) = (number(9..11)?, number(11..13)?, number(13..15)?);
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    valid.then(|| days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Epoch seconds → `YYYYMMDDTHHMMSSZ`.
pub fn format_basic_date(epoch_seconds: i64) -> String {
    let days = epoch_seconds.div_euclid(86_400);
    let seconds_of_day = epoch_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        seconds_of_day / 3600,
        seconds_of_day % 3600 / 60,
        seconds_of_day % 60
    )
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn credentials() -> CredentialsFile {
        CredentialsFile::parse(&format!(
            "[example]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = {SECRET}\naccount_id = 123456789012\n\
             [session]\naws_access_key_id = ASIAEXAMPLE\naws_secret_access_key = {SECRET}\naws_session_token = TOKEN\n"
        ))
        .unwrap()
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    fn at(date: &str) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(parse_basic_date(date).unwrap() as u64)
    }

    /// AWS's worked example of a signed request (IAM `ListUsers`, General Reference, "Create a
    /// signed AWS API request"): an independent check of the rebuild, from the client's own
    /// signed-header list to the signature.
    #[test]
    fn aws_documented_example_signature_is_reproduced() {
        let request_headers = headers(&[
            ("host", "iam.amazonaws.com"),
            (
                "content-type",
                "application/x-www-form-urlencoded; charset=utf-8",
            ),
            ("x-amz-date", "20150830T123600Z"),
            ("user-agent", "not signed"),
        ]);
        let request = SignedRequest {
            method: "GET",
            path_and_query: "/?Action=ListUsers&Version=2010-05-08",
            headers: &request_headers,
            body: b"",
        };
        let names = ["content-type", "host", "x-amz-date"].map(String::from);
        let signer = Signer {
            access_key_id: "AKIDEXAMPLE",
            secret_access_key: SECRET,
            session_token: None,
            region: "us-east-1",
            service: "iam",
            signed_at: parse_basic_date("20150830T123600Z").unwrap(),
        };
        assert_eq!(
            compute_signature(&request, &names, &signer).as_deref(),
            Some("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
        );
    }

    /// A request signed by `aws-sigv4` as the Rust SDK would, at `date`.
    fn signed(
        access_key: &str,
        secret: &str,
        token: Option<&str>,
        date: &str,
        body: &[u8],
    ) -> HeaderMap {
        let mut request_headers = headers(&[
            ("host", "127.0.0.1:8787"),
            ("content-type", "application/x-amz-json-1.1"),
            ("x-amz-target", "SageMaker.ListDomains"),
        ]);
        let identity =
            Credentials::new(access_key, secret, token.map(String::from), None, "t").into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region("eu-west-1")
            .name("sagemaker")
            .time(at(date))
            .settings(SigningSettings::default())
            .build()
            .unwrap()
            .into();
        let pairs: Vec<(&str, &str)> = request_headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.to_str().unwrap()))
            .collect();
        let signable = SignableRequest::new(
            "POST",
            "http://127.0.0.1:8787/",
            pairs.into_iter(),
            SignableBody::Bytes(body),
        )
        .unwrap();
        let (instructions, _) = sign(signable, &params).unwrap().into_parts();
        let mut extra = HeaderMap::new();
        for (name, value) in instructions.headers() {
            extra.insert(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        request_headers.extend(extra);
        request_headers
    }

    fn check(headers: &HeaderMap, body: &[u8], now: &str) -> Result<String, ApiError> {
        let request = SignedRequest {
            method: "POST",
            path_and_query: "/",
            headers,
            body,
        };
        verify(&request, &credentials(), at(now)).map(|p| p.name.clone())
    }

    const DATE: &str = "20260101T000000Z";

    #[test]
    fn a_correct_signature_names_its_profile() {
        let h = signed("AKIDEXAMPLE", SECRET, None, DATE, b"{}");
        assert_eq!(check(&h, b"{}", DATE).unwrap(), "example");
        assert_eq!(check(&h, b"{}", "20260101T001500Z").unwrap(), "example");
        assert_eq!(check(&h, b"{}", "20251231T234500Z").unwrap(), "example");
        let s = signed("ASIAEXAMPLE", SECRET, Some("TOKEN"), DATE, b"{}");
        assert_eq!(check(&s, b"{}", DATE).unwrap(), "session");
    }

    #[test]
    fn a_changed_body_secret_or_header_is_a_wrong_signature() {
        let h = signed("AKIDEXAMPLE", SECRET, None, DATE, b"{}");
        let wrong = check(&h, b"{ }", DATE).unwrap_err();
        assert_eq!(wrong.code(), "InvalidSignatureException");
        assert_eq!(wrong.message(), SIGNATURE_MISMATCH_MESSAGE);
        assert_eq!(wrong.status(), 403);
        let other_secret = signed("AKIDEXAMPLE", "not-the-secret", None, DATE, b"{}");
        assert_eq!(
            check(&other_secret, b"{}", DATE).unwrap_err().code(),
            "InvalidSignatureException"
        );
        let mut retargeted = h.clone();
        retargeted.insert(
            "x-amz-target",
            HeaderValue::from_static("SageMaker.DeleteDomain"),
        );
        assert_eq!(
            check(&retargeted, b"{}", DATE).unwrap_err().code(),
            "InvalidSignatureException"
        );
    }

    #[test]
    fn unknown_keys_and_wrong_tokens_are_unrecognized_clients() {
        let unknown = signed("AKIDUNKNOWN", SECRET, None, DATE, b"{}");
        let error = check(&unknown, b"{}", DATE).unwrap_err();
        assert_eq!(error.code(), "UnrecognizedClientException");
        assert_eq!(error.message(), UNRECOGNIZED_CLIENT_MESSAGE);
        for token in [None, Some("OTHER")] {
            let session = signed("ASIAEXAMPLE", SECRET, token, DATE, b"{}");
            assert_eq!(
                check(&session, b"{}", DATE).unwrap_err().code(),
                "UnrecognizedClientException",
                "{token:?}"
            );
        }
        let token_on_plain_key = signed("AKIDEXAMPLE", SECRET, Some("TOKEN"), DATE, b"{}");
        assert_eq!(
            check(&token_on_plain_key, b"{}", DATE).unwrap_err().code(),
            "UnrecognizedClientException"
        );
    }

    #[test]
    fn dates_outside_fifteen_minutes_are_refused_in_aws_words() {
        let h = signed("AKIDEXAMPLE", SECRET, None, DATE, b"{}");
        let expired = check(&h, b"{}", "20260101T001501Z").unwrap_err();
        assert_eq!(expired.code(), "InvalidSignatureException");
        assert_eq!(
            expired.message(),
            "Signature expired: 20260101T000000Z is now earlier than 20260101T000001Z (20260101T001501Z - 15 min.)"
        );
        let early = check(&h, b"{}", "20251231T234459Z").unwrap_err();
        assert_eq!(
            early.message(),
            "Signature not yet current: 20260101T000000Z is still later than 20251231T235959Z (20251231T234459Z + 15 min.)"
        );
    }

    #[test]
    fn missing_and_malformed_headers_are_refused_in_aws_words() {
        let missing = check(&HeaderMap::new(), b"", DATE).unwrap_err();
        assert_eq!(missing.code(), "MissingAuthenticationTokenException");
        assert_eq!(missing.message(), MISSING_TOKEN_MESSAGE);
        for not_sigv4 in ["Bearer x", "AWS4", "AWS AKID:sig"] {
            let h = headers(&[("authorization", not_sigv4)]);
            assert_eq!(
                check(&h, b"", DATE).unwrap_err().code(),
                "MissingAuthenticationTokenException",
                "{not_sigv4}"
            );
        }
        let bare = check(&headers(&[("authorization", "AWS4-")]), b"", DATE).unwrap_err();
        assert_eq!(bare.code(), "IncompleteSignatureException");
        assert_eq!(bare.status(), 403);
        assert_eq!(
            bare.message(),
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. \
             Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either \
             a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"
        );
        let partial = headers(&[
            (
                "authorization",
                "AWS4-HMAC-SHA256 Signature=b, Credential=a",
            ),
            ("x-amz-date", DATE),
        ]);
        assert_eq!(
            check(&partial, b"", DATE).unwrap_err().message(),
            "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Signature=b, Credential=a"
        );
        let spaced = "AWS4-HMAC-SHA256 Credential= AKID/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=ab";
        let h = headers(&[("authorization", spaced), ("x-amz-date", DATE)]);
        assert_eq!(
            check(&h, b"", DATE).unwrap_err().message(),
            format!("'AKID/20260101/us-east-1/sagemaker/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '{spaced}'.")
        );
        let bad_date = headers(&[
            (
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab",
            ),
            ("x-amz-date", "2026-01-01T00:00:00Z"),
        ]);
        let error = check(&bad_date, b"", DATE).unwrap_err();
        assert_eq!(error.code(), "IncompleteSignatureException");
        assert!(error
            .message()
            .starts_with("Date must be in ISO-8601 'basic format'. Got '2026-01-01T00:00:00Z'."));
    }

    #[test]
    fn scope_algorithm_and_host_are_checked_before_the_key() {
        let auth = |algorithm: &str, credential: &str, signed: &str| {
            headers(&[
                (
                    "authorization",
                    &format!(
                        "{algorithm} Credential={credential}, SignedHeaders={signed}, Signature=ab"
                    ),
                ),
                ("x-amz-date", DATE),
            ])
        };
        let good = "AKIDUNKNOWN/20260101/us-east-1/sagemaker/aws4_request";
        let unsigned_host = check(&auth(ALGORITHM, good, "x-amz-date"), b"", DATE).unwrap_err();
        assert_eq!(unsigned_host.code(), "InvalidSignatureException");
        assert!(unsigned_host.message().contains("'Host'"));
        let algorithm = check(&auth("AWS4-HMAC-SHA512", good, "host"), b"", DATE).unwrap_err();
        assert_eq!(algorithm.code(), "IncompleteSignatureException");
        assert_eq!(
            algorithm.message(),
            "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now)."
        );
        let short = check(&auth(ALGORITHM, "a/b/c/d", "host"), b"", DATE).unwrap_err();
        assert_eq!(short.code(), "IncompleteSignatureException");
        assert_eq!(
            short.message(),
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'"
        );
        let scope = check(
            &auth(ALGORITHM, "AKIDEXAMPLE/20251231/US_EAST/s3/aws5", "host"),
            b"",
            DATE,
        )
        .unwrap_err();
        assert_eq!(scope.code(), "InvalidSignatureException");
        assert_eq!(
            scope.message(),
            "Credential should be scoped to a valid region, not 'US_EAST'. Credential should be scoped to correct service: \
             'sagemaker'. Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5'. Date in Credential \
             scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101', from '20260101T000000Z'."
        );
        let unknown = check(&auth(ALGORITHM, good, "host"), b"", DATE).unwrap_err();
        assert_eq!(unknown.code(), "UnrecognizedClientException");
    }

    #[test]
    fn basic_dates_round_trip_and_refuse_impossible_days() {
        assert_eq!(parse_basic_date("19700101T000000Z"), Some(0));
        assert_eq!(parse_basic_date("20260101T000000Z"), Some(1_767_225_600));
        assert_eq!(parse_basic_date("20240229T235959Z"), Some(1_709_251_199));
        for bad in [
            "20250229T000000Z",
            "20261301T000000Z",
            "20260101T240000Z",
            "20260101T000000",
            "2026010AT000000Z",
            "+0260101T000000Z",
            "",
            "20260101T00000éZ",
        ] {
            assert_eq!(parse_basic_date(bad), None, "{bad}");
        }
        for seconds in [0, 1_767_225_600, 1_709_251_199, 4_102_444_800, -86_400] {
            assert_eq!(
                parse_basic_date(&format_basic_date(seconds)),
                Some(seconds),
                "{seconds}"
            );
        }
    }
}
