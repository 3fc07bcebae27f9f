//! Raw HTTP/1.1 for the integration tests: one request per TCP connection (`Connection: close`),
//! written by hand over `tokio::net::TcpStream` so that the tests see exactly what goes on the
//! wire (no client library normalises headers or refuses odd bodies), plus helpers that start an
//! emulator on port 0 with a manual clock and call SageMaker operations on it.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::net::SocketAddr;

use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::lifecycle::DelayProfile;
use sagemaker_studio_emulator::server::{start, Config, RunningServer};
use serde_json::{Map, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Where the manual clock of every test starts: 2026-01-01T00:00:00Z.
pub const T0_MILLIS: i64 = 1_767_225_600_000;

/// `T0_MILLIS` as the epoch seconds the API writes.
pub const T0_SECONDS: f64 = 1_767_225_600.0;

/// A SigV4 `Authorization` header whose credential scope names `account` (as the access key id)
/// and `region`, as the SDKs send it (the signature is not checked in lenient mode).
pub fn auth(account: &str, region: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={account}/20260101/{region}/sagemaker/aws4_request, \
         SignedHeaders=content-type;host;x-amz-date;x-amz-target, \
         Signature=0000000000000000000000000000000000000000000000000000000000000000"
    )
}

/// An emulator on 127.0.0.1:0 with a manual clock at `T0_MILLIS` and the default (fast) delays.
pub async fn server() -> RunningServer {
    server_with(DelayProfile::default()).await
}

/// An emulator on 127.0.0.1:0 with a manual clock at `T0_MILLIS` and these delays.
pub async fn server_with(delays: DelayProfile) -> RunningServer {
    start(Config {
        port: 0,
        clock: Clock::manual_at(Timestamp(T0_MILLIS)),
        delays,
        ..Config::default()
    })
    .await
    .expect("the emulator starts on port 0")
}

/// A parsed HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header names lower-cased, values as sent, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (panics with the body's text if it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): status {} body {:?}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The error code of an error envelope (`__type`), if the body is one.
    pub fn error_code(&self) -> Option<String> {
        serde_json::from_slice::<Value>(&self.body)
            .ok()?
            .get("__type")?
            .as_str()
            .map(str::to_string)
    }

    /// The `Message` of an error envelope ("" when absent).
    pub fn message(&self) -> String {
        serde_json::from_slice::<Value>(&self.body)
            .ok()
            .and_then(|v| v.get("Message").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default()
    }

    /// A one-line description for assertion messages.
    pub fn describe(&self) -> String {
        format!("HTTP {} {}", self.status, self.text())
    }
}

/// Sends one request and reads the whole response. `headers` are sent as given (names and
/// values); `Host`, `Content-Length` and `Connection: close` are added. Transport failures panic:
/// the emulator must always answer.
pub async fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &[u8])],
    body: &[u8],
) -> Response {
    let mut head = Vec::new();
    head.extend_from_slice(format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\n").as_bytes());
    for (name, value) in headers {
        head.extend_from_slice(name.as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value);
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(
        format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    let mut stream = TcpStream::connect(addr)
        .await
        .expect("connect to the emulator");
    // Write and read at once: the server may answer (413) before it has read a large body. The
    // borrowed halves never shut the write side down: a client that half-closes after its
    // request is legal HTTP but no SDK does it, and hyper closes on it by default.
    let (mut reader, mut writer) = stream.split();
    let write = async {
        writer.write_all(&head).await?;
        writer.write_all(body).await?;
        writer.flush().await
    };
    let read = async {
        let mut raw = Vec::new();
        reader.read_to_end(&mut raw).await.map(|_| raw)
    };
    let (written, raw) = tokio::join!(write, read);
    let raw = raw.unwrap_or_else(|e| panic!("reading the response of {method} {path}: {e}"));
    let response =
        parse(&raw).unwrap_or_else(|e| panic!("bad response to {method} {path} ({e}): {raw:?}"));
    // A refused large body may legitimately be cut short by the server's close.
    if let Err(e) = written {
        assert!(
            response.status >= 400,
            "writing {method} {path} failed ({e}) but the answer was {}",
            response.describe()
        );
    }
    response
}

/// Parses a complete HTTP/1.1 response (fixed length, chunked or read-to-close body).
pub fn parse(raw: &[u8]) -> Result<Response, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers")?;
    let (status, headers) = parse_head(&raw[..end])?;
    let rest = &raw[end + 4..];
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let body = if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        dechunk(rest)?
    } else if let Some(length) = get("content-length") {
        let length: usize = length
            .parse()
            .map_err(|_| format!("content-length {length:?}"))?;
        if rest.len() != length {
            return Err(format!(
                "content-length {length} but {} body bytes",
                rest.len()
            ));
        }
        rest.to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// The status and the headers (names lower-cased) of a response head, without its blank line.
pub fn parse_head(head: &[u8]) -> Result<(u16, Vec<(String, String)>), String> {
    let head = std::str::from_utf8(head).map_err(|e| format!("head not UTF-8: {e}"))?;
    let mut lines = head.trim_end_matches("\r\n").split("\r\n");
    let status_line = lines.next().ok_or("no status line")?;
    let mut parts = status_line.splitn(3, ' ');
    if parts.next() != Some("HTTP/1.1") {
        return Err(format!("status line {status_line:?}"));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("status line {status_line:?}"))?;
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("header line {line:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok((status, headers))
}

fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunk size line")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).map_err(|e| e.to_string())?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|e| e.to_string())?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            return Err("truncated chunk".into());
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// `POST /` with `X-Amz-Target: SageMaker.{operation}` and a raw body, as the caller `auth`
/// (an `Authorization` value, or none).
pub async fn call_raw(
    addr: SocketAddr,
    auth: Option<&str>,
    operation: &str,
    body: &[u8],
) -> Response {
    let target = format!("SageMaker.{operation}");
    let mut headers: Vec<(&str, &[u8])> = vec![
        ("Content-Type", b"application/x-amz-json-1.1"),
        ("X-Amz-Target", target.as_bytes()),
        ("X-Amz-Date", b"20260101T000000Z"),
    ];
    if let Some(auth) = auth {
        headers.push(("Authorization", auth.as_bytes()));
    }
    send(addr, "POST", "/", &headers, body).await
}

/// Calls `operation` with a JSON body as the caller `auth` (or none: the default account and
/// region).
pub async fn call_as(
    addr: SocketAddr,
    auth: Option<&str>,
    operation: &str,
    body: &Value,
) -> Response {
    call_raw(addr, auth, operation, body.to_string().as_bytes()).await
}

/// Calls `operation` with a JSON body as the default caller (no `Authorization`).
pub async fn call(addr: SocketAddr, operation: &str, body: &Value) -> Response {
    call_as(addr, None, operation, body).await
}

/// Calls `operation` and expects HTTP 200 with a JSON object; returns the object.
pub async fn ok(addr: SocketAddr, operation: &str, body: &Value) -> Map<String, Value> {
    ok_as(addr, None, operation, body).await
}

/// [`ok`] as the caller `auth`.
pub async fn ok_as(
    addr: SocketAddr,
    auth: Option<&str>,
    operation: &str,
    body: &Value,
) -> Map<String, Value> {
    let response = call_as(addr, auth, operation, body).await;
    assert_eq!(
        response.status,
        200,
        "{operation} {body}: {}",
        response.describe()
    );
    match response.json() {
        Value::Object(object) => object,
        other => panic!("{operation}: the answer is not a JSON object: {other}"),
    }
}

/// Calls `operation` and expects the typed error `code` with HTTP 400; returns its message.
pub async fn refused(addr: SocketAddr, operation: &str, body: &Value, code: &str) -> String {
    refused_as(addr, None, operation, body, code).await
}

/// [`refused`] as the caller `auth`.
pub async fn refused_as(
    addr: SocketAddr,
    auth: Option<&str>,
    operation: &str,
    body: &Value,
    code: &str,
) -> String {
    let response = call_as(addr, auth, operation, body).await;
    assert_eq!(
        (response.status, response.error_code().as_deref()),
        (400, Some(code)),
        "{operation} {body}: {}",
        response.describe()
    );
    response.message()
}

/// One kept-alive HTTP/1.1 connection, for tests that send thousands of requests: each call
/// writes a request and reads exactly one response (framed by its `Content-Length`).
pub struct Conn {
    addr: SocketAddr,
    stream: BufReader<TcpStream>,
}

impl Conn {
    /// Opens a connection to the emulator.
    pub async fn open(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect(addr)
            .await
            .expect("connect to the emulator");
        Conn {
            addr,
            stream: BufReader::new(stream),
        }
    }

    /// `POST /` with `X-Amz-Target: SageMaker.{operation}` and a JSON body, as the default caller.
    pub async fn call(&mut self, operation: &str, body: &Value) -> Response {
        let body = body.to_string();
        let request = format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-amz-json-1.1\r\n\
             X-Amz-Target: SageMaker.{operation}\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        let stream = self.stream.get_mut();
        stream
            .write_all(request.as_bytes())
            .await
            .expect("write a request");
        let mut head = Vec::new();
        loop {
            let before = head.len();
            let n = self
                .stream
                .read_until(b'\n', &mut head)
                .await
                .expect("read a response head");
            assert!(n > 0, "the emulator closed a kept-alive connection");
            if &head[before..] == b"\r\n" {
                break;
            }
        }
        let (status, headers) =
            parse_head(&head).unwrap_or_else(|e| panic!("bad response head ({e}): {head:?}"));
        let mut response = Response {
            status,
            headers,
            body: Vec::new(),
        };
        let length: usize = response
            .header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no content-length: {:?}", response.headers));
        response.body = vec![0; length];
        self.stream
            .read_exact(&mut response.body)
            .await
            .expect("read a response body");
        response
    }
}

/// A `DefaultUserSettings` that every CreateDomain needs.
pub fn default_user_settings() -> Value {
    serde_json::json!({"ExecutionRole": "arn:aws:iam::123456789012:role/SageMakerRole"})
}

/// Creates an IAM domain named `name` as `auth`; returns its id.
pub async fn create_domain_as(addr: SocketAddr, auth: Option<&str>, name: &str) -> String {
    let out = ok_as(
        addr,
        auth,
        "CreateDomain",
        &serde_json::json!({
            "DomainName": name,
            "AuthMode": "IAM",
            "DefaultUserSettings": default_user_settings(),
            "SubnetIds": ["subnet-0123456789abcdef0"],
            "VpcId": "vpc-0123456789abcdef0",
        }),
    )
    .await;
    out["DomainId"]
        .as_str()
        .expect("CreateDomain answers a DomainId")
        .to_string()
}

/// Creates an IAM domain named `name` as the default caller; returns its id.
pub async fn create_domain(addr: SocketAddr, name: &str) -> String {
    create_domain_as(addr, None, name).await
}

/// Epoch seconds of a JSON timestamp member.
pub fn seconds(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("not an epoch-seconds number: {value}"))
}
