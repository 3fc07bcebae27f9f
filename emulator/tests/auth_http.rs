//! Strict authentication and fault injection on the wire: raw HTTP/1.1 requests, signed here with
//! `aws-sigv4` the way botocore and the Rust SDK sign them (or deliberately not), and the exact
//! status, headers and body the emulator answers. Every refusal must leave the store as it was.

use std::time::{Duration, UNIX_EPOCH};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use sagemaker_studio_emulator::clock::{self, Clock, Timestamp};
use sagemaker_studio_emulator::protocol::sigv4::{format_basic_date, parse_basic_date};
use sagemaker_studio_emulator::{Auth, Emulator, RunningServer};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const KEY: &str = "AKIAEMULATORRAWHTTP1";
const SECRET: &str = "raw/http+secret";
const CREATE_DOMAIN: &str = r#"{"DomainName":"raw","AuthMode":"IAM","DefaultUserSettings":{"ExecutionRole":"arn:aws:iam::111122223333:role/r"},"SubnetIds":["subnet-0123456789abcdef0"],"VpcId":"vpc-0123456789abcdef0"}"#;

async fn strict_server() -> RunningServer {
    let path = std::env::temp_dir().join(format!(
        "smse-auth-http-{}-{:?}.ini",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(
        &path,
        format!("[raw]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\n"),
    )
    .unwrap();
    let auth = Auth::strict_from_file(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    Emulator::builder()
        .clock(Clock::manual_at(Timestamp(1_767_225_600_000)))
        .auth(auth)
        .start()
        .await
        .unwrap()
}

#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Asserts AWS's error envelope with `code`, status 403 and, if given, `message`.
    fn assert_refused(&self, code: &str, message: Option<&str>) {
        assert_eq!(self.status, 403, "{self:?}");
        assert_eq!(self.header("x-amzn-errortype"), Some(code), "{self:?}");
        assert_eq!(self.body["__type"], code, "{self:?}");
        assert_eq!(self.body["Message"], self.body["message"]);
        if let Some(message) = message {
            assert_eq!(self.body["Message"], message, "{self:?}");
        }
    }
}

/// Sends `method path` with these headers (plus Host, Content-Length, Connection: close).
async fn send(
    server: &RunningServer,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: &str,
) -> Answer {
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\n",
        server.local_addr()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    let mut stream = TcpStream::connect(server.local_addr()).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, payload) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let body = if payload.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(payload).unwrap()
    };
    Answer {
        status,
        headers,
        body,
    }
}

fn api_headers(operation: &str) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "application/x-amz-json-1.1".into()),
        ("X-Amz-Target".into(), format!("SageMaker.{operation}")),
    ]
}

/// The request's headers plus `X-Amz-Date` and `Authorization`, signed at `signed_at` (epoch
/// seconds) over the headers `signed` (lower-case names; `host` is added) — botocore's set is
/// `content-type`, `host`, `x-amz-date`, `x-amz-target`.
fn signed_headers(
    server: &RunningServer,
    operation: &str,
    body: &str,
    secret: &str,
    signed_at: i64,
    extra_unsigned: &[(&str, &str)],
) -> Vec<(String, String)> {
    let host = server.local_addr().to_string();
    let mut headers = api_headers(operation);
    let lower: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
        .chain([("host".to_string(), host)])
        .collect();
    let identity = Credentials::new(KEY, secret, None, None, "test").into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("eu-west-1")
        .name("sagemaker")
        .time(UNIX_EPOCH + Duration::from_secs(signed_at as u64))
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let signable = SignableRequest::new(
        "POST",
        format!("http://{}/", server.local_addr()),
        lower.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        SignableBody::Bytes(body.as_bytes()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    for (name, value) in instructions.headers() {
        headers.push((name.to_string(), value.to_string()));
    }
    for (name, value) in extra_unsigned {
        headers.push((name.to_string(), value.to_string()));
    }
    headers
}

fn wall_seconds() -> i64 {
    clock::wall_now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The domains a correctly signed ListDomains sees.
async fn domains(server: &RunningServer) -> Vec<Value> {
    let headers = signed_headers(server, "ListDomains", "{}", SECRET, wall_seconds(), &[]);
    let answer = send(server, "POST", "/", &headers, "{}").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    answer.body["Domains"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_botocore_style_signature_is_accepted_and_unsigned_headers_are_ignored() {
    let server = strict_server().await;
    let headers = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        SECRET,
        wall_seconds(),
        &[
            ("User-Agent", "Boto3/1.40 md/Botocore#1.44"),
            ("X-Amzn-Trace-Id", "Root=1"),
        ],
    );
    let authorization = &headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .unwrap()
        .1;
    assert!(
        authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,"),
        "{authorization}"
    );
    let answer = send(&server, "POST", "/", &headers, CREATE_DOMAIN).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    // No account_id in the profile and a non-numeric key: the default account; the scope's region.
    let arn = answer.body["DomainArn"].as_str().unwrap();
    assert!(
        arn.starts_with("arn:aws:sagemaker:eu-west-1:000000000000:domain/d-"),
        "{arn}"
    );
    assert_eq!(domains(&server).await.len(), 1);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn unsigned_calls_are_refused_before_routing_and_create_nothing() {
    let server = strict_server().await;
    let unsigned = send(
        &server,
        "POST",
        "/",
        &api_headers("CreateDomain"),
        CREATE_DOMAIN,
    )
    .await;
    unsigned.assert_refused(
        "MissingAuthenticationTokenException",
        Some("Request is missing Authentication Token"),
    );
    assert!(unsigned.header("x-amzn-requestid").is_some());
    // Before the target is read: an unknown operation or a GET is refused the same way.
    let unknown = send(
        &server,
        "POST",
        "/",
        &api_headers("CreateTrainingJob"),
        "{}",
    )
    .await;
    unknown.assert_refused("MissingAuthenticationTokenException", None);
    let get = send(&server, "GET", "/", &[], "").await;
    get.assert_refused("MissingAuthenticationTokenException", None);
    let mut basic = api_headers("CreateDomain");
    basic.push(("Authorization".into(), "Basic dXNlcjpwYXNz".into()));
    send(&server, "POST", "/", &basic, CREATE_DOMAIN)
        .await
        .assert_refused("MissingAuthenticationTokenException", None);
    // The admin API needs no signature.
    assert_eq!(
        send(&server, "GET", "/_emulator/health", &[], "")
            .await
            .status,
        200
    );
    assert!(domains(&server).await.is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn malformed_authorization_headers_are_incomplete_signatures() {
    let server = strict_server().await;
    let now = format_basic_date(wall_seconds());
    let day = &now[..8];
    let cases = [
        (
            "AWS4-HMAC-SHA256".to_string(),
            true,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. \
             Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256".to_string(),
        ),
        (
            format!("AWS4-HMAC-SHA256 Credential={KEY}/{day}/eu-west-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date"),
            false,
            format!(
                "Authorization header requires 'Signature' parameter. Authorization header requires existence of either a \
                 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential={KEY}/{day}/eu-west-1/sagemaker/aws4_request, \
                 SignedHeaders=host;x-amz-date"
            ),
        ),
        (
            format!("AWS4-HMAC-SHA256 Credential={KEY}/{day}/eu-west-1/sagemaker/aws4_request SignedHeaders=host Signature"),
            true,
            format!(
                "'Signature' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 \
                 Credential={KEY}/{day}/eu-west-1/sagemaker/aws4_request SignedHeaders=host Signature'."
            ),
        ),
        (
            format!("AWS4-HMAC-SHA256 Credential={KEY}/{day}/sagemaker/aws4_request, SignedHeaders=host, Signature=00"),
            true,
            format!(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got \
                 '{KEY}/{day}/sagemaker/aws4_request'"
            ),
        ),
    ];
    for (authorization, with_date, message) in cases {
        let mut headers = api_headers("CreateDomain");
        headers.push(("Authorization".into(), authorization.clone()));
        if with_date {
            headers.push(("X-Amz-Date".into(), now.clone()));
        }
        send(&server, "POST", "/", &headers, CREATE_DOMAIN)
            .await
            .assert_refused("IncompleteSignatureException", Some(&message));
    }
    assert!(domains(&server).await.is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn stale_dates_wrong_secrets_and_unknown_keys_are_refused_in_aws_words() {
    let server = strict_server().await;
    // Signed correctly, but an hour ago by the host's wall clock.
    let hour_ago = wall_seconds() - 3600;
    let stale = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        SECRET,
        hour_ago,
        &[],
    );
    let answer = send(&server, "POST", "/", &stale, CREATE_DOMAIN).await;
    answer.assert_refused("InvalidSignatureException", None);
    let message = answer.body["Message"].as_str().unwrap();
    let prefix = format!(
        "Signature expired: {} is now earlier than ",
        format_basic_date(hour_ago)
    );
    assert!(message.starts_with(&prefix), "{message}");
    assert!(message.ends_with(" - 15 min.)"), "{message}");
    // "… earlier than NOW-15 (NOW - 15 min.)": the two times are 15 minutes apart.
    let times: Vec<i64> = message
        .split([' ', '('])
        .filter_map(parse_basic_date)
        .collect();
    assert_eq!(times.len(), 3, "{message}");
    assert_eq!(times[2] - times[1], 900, "{message}");

    let ahead = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        SECRET,
        wall_seconds() + 3600,
        &[],
    );
    let answer = send(&server, "POST", "/", &ahead, CREATE_DOMAIN).await;
    answer.assert_refused("InvalidSignatureException", None);
    assert!(answer.body["Message"]
        .as_str()
        .unwrap()
        .starts_with("Signature not yet current: "));

    let wrong = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        "wrong",
        wall_seconds(),
        &[],
    );
    send(&server, "POST", "/", &wrong, CREATE_DOMAIN).await.assert_refused(
        "InvalidSignatureException",
        Some("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
    );
    // The body is covered by the signature: the same headers with another body fail.
    let signed = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        SECRET,
        wall_seconds(),
        &[],
    );
    let tampered = CREATE_DOMAIN.replace("\"raw\"", "\"evil\"");
    send(&server, "POST", "/", &signed, &tampered)
        .await
        .assert_refused("InvalidSignatureException", None);

    let unknown: Vec<(String, String)> = signed
        .iter()
        .map(|(n, v)| (n.clone(), v.replace(KEY, "AKIANOTINTHEFILE0001")))
        .collect();
    send(&server, "POST", "/", &unknown, CREATE_DOMAIN)
        .await
        .assert_refused(
            "UnrecognizedClientException",
            Some("The security token included in the request is invalid."),
        );
    assert!(domains(&server).await.is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn lenient_mode_still_takes_unsigned_calls() {
    let server = Emulator::builder().start().await.unwrap();
    let answer = send(&server, "POST", "/", &api_headers("ListDomains"), "{}").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(answer.body, json!({"Domains": []}));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn faults_are_validated_listed_applied_with_their_status_and_only_to_authenticated_calls() {
    let server = strict_server().await;
    let json_headers = [("Content-Type".to_string(), "application/json".to_string())];
    let bad = send(
        &server,
        "POST",
        "/_emulator/faults",
        &json_headers,
        r#"{"Operation":"CreateTrainingJob","ErrorCode":"X"}"#,
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.body["__type"], "ValidationException");
    let not_json = send(&server, "POST", "/_emulator/faults", &json_headers, "[1]").await;
    assert_eq!(not_json.body["__type"], "SerializationException");

    let fault = json!({"Operation": "CreateDomain", "ErrorCode": "ServiceUnavailable", "HttpStatus": 503, "Count": 1});
    let created = send(
        &server,
        "POST",
        "/_emulator/faults",
        &json_headers,
        &fault.to_string(),
    )
    .await;
    assert_eq!(created.status, 200);
    let listed = send(&server, "GET", "/_emulator/faults", &[], "").await;
    assert_eq!(
        listed.body,
        json!({"Faults": [{"Operation": "CreateDomain", "ErrorCode": "ServiceUnavailable",
                           "HttpStatus": 503, "Message": null, "Count": 1, "DelayMs": 0}]})
    );
    // An unauthenticated call is refused before faults apply and does not use one up.
    send(
        &server,
        "POST",
        "/",
        &api_headers("CreateDomain"),
        CREATE_DOMAIN,
    )
    .await
    .assert_refused("MissingAuthenticationTokenException", None);
    let signed = signed_headers(
        &server,
        "CreateDomain",
        CREATE_DOMAIN,
        SECRET,
        wall_seconds(),
        &[],
    );
    let faulted = send(&server, "POST", "/", &signed, CREATE_DOMAIN).await;
    assert_eq!(faulted.status, 503, "{faulted:?}");
    assert_eq!(
        faulted.header("x-amzn-errortype"),
        Some("ServiceUnavailable")
    );
    assert_eq!(faulted.body["__type"], "ServiceUnavailable");
    assert!(domains(&server).await.is_empty());
    let served = send(&server, "POST", "/", &signed, CREATE_DOMAIN).await;
    assert_eq!(served.status, 200, "{served:?}");
    assert_eq!(domains(&server).await.len(), 1);
    server.shutdown().await.unwrap();
}
