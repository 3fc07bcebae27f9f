//! Strict authentication and fault injection through the real `aws-sdk-sagemaker`: the SDK's own
//! SigV4 signatures pass `--auth strict`, a wrong secret, an unknown key or a wrong session token
//! reach it as AWS's typed 403 errors and create nothing; injected throttling is retried by the
//! SDK's standard retry mode, an injected `ResourceLimitExceeded` arrives as that modelled error,
//! and `DELETE /_emulator/faults` and reset drop pending faults.

use std::path::PathBuf;
use std::time::Duration;

use crate::common::{quick_start_domain, T0_MILLIS};
use aws_sdk_sagemaker::config::retry::RetryConfig;
use aws_sdk_sagemaker::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_sagemaker::error::ProvideErrorMetadata;
use aws_sdk_sagemaker::Client;
use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::{Auth, Emulator, RunningServer};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CI_KEY: &str = "AKIAEMULATORCI000001";
const CI_SECRET: &str = "ci/secret+Key0000000000000000000000000000";
const CI_ACCOUNT: &str = "444455556666";
const SESSION_KEY: &str = "ASIAEMULATORSESSION1";
const SESSION_SECRET: &str = "session-secret";
const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLETOKEN//session==";

/// A credentials file for this test alone (the tests of this file run in parallel).
fn credentials_file(test: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "smse-credentials-{}-{test}.ini",
        std::process::id()
    ));
    let text = format!(
        "[ci]\naws_access_key_id = {CI_KEY}\naws_secret_access_key = {CI_SECRET}\naccount_id = {CI_ACCOUNT}\n\n\
         [session]\naws_access_key_id = {SESSION_KEY}\naws_secret_access_key = {SESSION_SECRET}\n\
         aws_session_token = {SESSION_TOKEN}\n"
    );
    std::fs::write(&path, text).expect("the credentials file is written");
    path
}

/// An emulator in strict mode with the file of `credentials_file(test)`, on a manual clock.
async fn strict_emulator(test: &str) -> RunningServer {
    let path = credentials_file(test);
    let auth = Auth::strict_from_file(&path).expect("the credentials file is accepted");
    let _ = std::fs::remove_file(&path);
    Emulator::builder()
        .clock(Clock::manual_at(Timestamp(T0_MILLIS)))
        .auth(auth)
        .start()
        .await
        .expect("the emulator starts")
}

/// A lenient emulator on a manual clock.
async fn lenient_emulator() -> RunningServer {
    Emulator::builder()
        .clock(Clock::manual_at(Timestamp(T0_MILLIS)))
        .start()
        .await
        .expect("the emulator starts")
}

/// A client with these credentials, in the SDK's standard retry mode (3 attempts) with a short
/// backoff so that retries do not slow the suite down.
fn client_with(server: &RunningServer, key: &str, secret: &str, token: Option<&str>) -> Client {
    let config = aws_sdk_sagemaker::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            key,
            secret,
            token.map(str::to_string),
            None,
            "tests",
        ))
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(3)
                .with_initial_backoff(Duration::from_millis(10)),
        )
        .endpoint_url(server.endpoint_url())
        .http_client(crate::common::plain_http_client())
        .build();
    Client::from_conf(config)
}

/// `CreateDomain` of a domain named `name`, as the console's Quick start sends it.
async fn try_create_domain(
    sm: &Client,
    name: &str,
) -> Result<
    String,
    aws_sdk_sagemaker::error::SdkError<
        aws_sdk_sagemaker::operation::create_domain::CreateDomainError,
    >,
> {
    use aws_sdk_sagemaker::types::{AuthMode, UserSettings};
    let out = sm
        .create_domain()
        .domain_name(name)
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role("arn:aws:iam::444455556666:role/service-role/SageMakerExecution")
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await?;
    Ok(out.domain_arn().unwrap_or_default().to_string())
}

/// The names of the domains `sm` sees.
async fn domain_names(sm: &Client) -> Vec<String> {
    let out = sm.list_domains().send().await.expect("ListDomains");
    out.domains()
        .iter()
        .filter_map(|d| d.domain_name().map(str::to_string))
        .collect()
}

/// One admin call over plain HTTP/1.1: `(status, JSON body)`.
async fn admin(
    server: &RunningServer,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        server.local_addr(),
        body.len()
    );
    let mut stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, payload) = text.split_once("\r\n\r\n").expect("a header block");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let json = if payload.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(payload).expect("a JSON answer")
    };
    (status, json)
}

#[tokio::test]
async fn strict_mode_accepts_the_sdk_signature_and_uses_the_profile_account() {
    let server = strict_emulator("accepts").await;
    let sm = client_with(&server, CI_KEY, CI_SECRET, None);
    let arn = try_create_domain(&sm, "signed")
        .await
        .expect("a signed CreateDomain");
    // The profile's account_id is the caller's account, not --account-id.
    assert!(
        arn.starts_with(&format!(
            "arn:aws:sagemaker:us-east-1:{CI_ACCOUNT}:domain/d-"
        )),
        "{arn}"
    );
    assert_eq!(domain_names(&sm).await, ["signed"]);

    // Session credentials: the SDK signs X-Amz-Security-Token; the token is the profile's.
    let session = client_with(&server, SESSION_KEY, SESSION_SECRET, Some(SESSION_TOKEN));
    quick_start_domain(&session, "with-session").await;
    assert_eq!(domain_names(&session).await, ["with-session"]);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn strict_mode_refuses_wrong_secrets_keys_and_tokens_and_creates_nothing() {
    let server = strict_emulator("refuses").await;
    let cases = [
        (CI_KEY, "not-the-secret", None, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
        ("AKIAUNKNOWNKEY000001", CI_SECRET, None, "UnrecognizedClientException", "The security token included in the request is invalid."),
        (SESSION_KEY, SESSION_SECRET, Some("a-stale-token"), "UnrecognizedClientException", "The security token included in the request is invalid."),
        (SESSION_KEY, SESSION_SECRET, None, "UnrecognizedClientException", "The security token included in the request is invalid."),
    ];
    for (key, secret, token, code, message) in cases {
        let sm = client_with(&server, key, secret, token);
        let error = try_create_domain(&sm, "refused")
            .await
            .expect_err("a refused CreateDomain");
        assert_eq!(error.code(), Some(code), "{key} {token:?}: {error:?}");
        assert_eq!(error.message(), Some(message), "{key}");
        let status = error.raw_response().map(|r| r.status().as_u16());
        assert_eq!(status, Some(403), "{key}");
    }
    // Nothing was created in any account: a correctly signed ListDomains sees no domain.
    let ci = client_with(&server, CI_KEY, CI_SECRET, None);
    assert!(domain_names(&ci).await.is_empty());
    let session = client_with(&server, SESSION_KEY, SESSION_SECRET, Some(SESSION_TOKEN));
    assert!(domain_names(&session).await.is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn injected_throttling_is_retried_by_the_sdk_and_the_call_then_succeeds_once() {
    let server = lenient_emulator().await;
    let (status, pending) = admin(
        &server,
        "POST",
        "/_emulator/faults",
        Some(
            json!({"Operation": "CreateDomain", "ErrorCode": "ThrottlingException",
                     "HttpStatus": 400, "Count": 2, "DelayMs": 0, "Message": "Rate exceeded"}),
        ),
    )
    .await;
    assert_eq!(status, 200, "{pending}");
    assert_eq!(pending["Faults"][0]["Count"], 2);

    let sm = client_with(&server, "111122223333", "secret", None);
    // Two throttled attempts, then the third (the standard mode's last) goes through.
    try_create_domain(&sm, "after-throttling")
        .await
        .expect("CreateDomain succeeds on the third attempt");
    assert_eq!(domain_names(&sm).await, ["after-throttling"]);
    let (_, pending) = admin(&server, "GET", "/_emulator/faults", None).await;
    assert_eq!(pending, json!({"Faults": []}));

    // Three throttles outlast three attempts: the SDK gives up with the injected error.
    admin(
        &server,
        "POST",
        "/_emulator/faults",
        Some(json!({"Operation": "CreateDomain", "ErrorCode": "ThrottlingException", "Count": 3})),
    )
    .await;
    let error = try_create_domain(&sm, "never")
        .await
        .expect_err("throttled out");
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(domain_names(&sm).await, ["after-throttling"]);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_injected_modelled_error_reaches_the_sdk_typed_and_changes_nothing() {
    let server = lenient_emulator().await;
    let sm = client_with(&server, "111122223333", "secret", None);
    let (status, _) = admin(
        &server,
        "POST",
        "/_emulator/faults",
        Some(json!({"Operation": "CreateDomain", "ErrorCode": "ResourceLimitExceeded", "Count": 1,
                     "Message": "The account-level service limit 'Maximum number of domains' is 1 Domains."})),
    )
    .await;
    assert_eq!(status, 200);
    let error = try_create_domain(&sm, "limited")
        .await
        .expect_err("the injected error")
        .into_service_error();
    assert!(error.is_resource_limit_exceeded(), "{error:?}");
    assert_eq!(
        error.message(),
        Some("The account-level service limit 'Maximum number of domains' is 1 Domains.")
    );
    assert!(domain_names(&sm).await.is_empty());
    // Count 1: the next call is served.
    try_create_domain(&sm, "limited").await.expect("served");
    assert_eq!(domain_names(&sm).await, ["limited"]);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn delete_and_reset_drop_pending_faults() {
    let server = lenient_emulator().await;
    let sm = client_with(&server, "111122223333", "secret", None);
    let fault =
        json!({"Operation": "CreateDomain", "ErrorCode": "ResourceLimitExceeded", "Count": 5});

    admin(&server, "POST", "/_emulator/faults", Some(fault.clone())).await;
    let (status, cleared) = admin(&server, "DELETE", "/_emulator/faults", None).await;
    assert_eq!((status, cleared), (200, json!({"Cleared": 1})));
    try_create_domain(&sm, "after-delete")
        .await
        .expect("no fault left");

    admin(&server, "POST", "/_emulator/faults", Some(fault)).await;
    let (status, _) = admin(&server, "POST", "/_emulator/reset", None).await;
    assert_eq!(status, 200);
    let (_, pending) = admin(&server, "GET", "/_emulator/faults", None).await;
    assert_eq!(pending, json!({"Faults": []}));
    try_create_domain(&sm, "after-reset")
        .await
        .expect("no fault left");
    assert_eq!(domain_names(&sm).await, ["after-reset"]);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn injected_latency_delays_the_answer_only() {
    let server = lenient_emulator().await;
    let sm = client_with(&server, "111122223333", "secret", None);
    admin(
        &server,
        "POST",
        "/_emulator/faults",
        Some(json!({"Operation": "ListDomains", "DelayMs": 300})),
    )
    .await;
    let started = tokio::time::Instant::now();
    assert!(domain_names(&sm).await.is_empty());
    assert!(started.elapsed() >= Duration::from_millis(300));
    server.shutdown().await.unwrap();
}
