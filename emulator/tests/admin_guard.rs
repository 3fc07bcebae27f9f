//! The HTTP edge's guard over real sockets: what another web page, a rebinding DNS name or a
//! caller without the admin token can send is refused with a typed JSON error before any route
//! runs, and changes nothing (the rules themselves are unit-tested in `http/guard.rs`).

mod common;

use std::net::SocketAddr;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use common::{ok, send, server};
use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::Emulator;

const JSON: (&str, &[u8]) = ("Content-Type", b"application/json");

async fn domains(addr: SocketAddr) -> usize {
    ok(addr, "ListDomains", &json!({})).await["Domains"]
        .as_array()
        .map_or(0, Vec::len)
}

async fn a_domain(addr: SocketAddr) {
    ok(
        addr,
        "CreateDomain",
        &json!({"DomainName": "kept", "AuthMode": "IAM",
                "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::000000000000:role/r"}}),
    )
    .await;
}

/// One request with the `Host` header given (the shared sender always names the real address).
async fn with_host(addr: SocketAddr, host: &str, request: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let raw = request.replace("{host}", host);
    stream.write_all(raw.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    response
}

#[tokio::test]
async fn a_cross_site_form_post_cannot_reset_the_emulator() {
    let server = server().await;
    let addr = server.local_addr();
    a_domain(addr).await;
    let form = send(
        addr,
        "POST",
        "/_emulator/reset",
        &[("Content-Type", b"text/plain")],
        b"x",
    )
    .await;
    assert_eq!(form.status, 415, "{}", form.describe());
    assert_eq!(
        form.error_code().as_deref(),
        Some("UnsupportedMediaTypeException")
    );
    let foreign = send(
        addr,
        "POST",
        "/_emulator/reset",
        &[JSON, ("Origin", b"https://evil.example")],
        b"{}",
    )
    .await;
    assert_eq!(foreign.status, 403, "{}", foreign.describe());
    assert_eq!(
        foreign.error_code().as_deref(),
        Some("AccessDeniedException")
    );
    assert_eq!(domains(addr).await, 1, "nothing was reset");
    // The dashboard's own origin, with JSON, is served.
    let origin = format!("http://{addr}");
    let own = send(
        addr,
        "POST",
        "/_emulator/reset",
        &[JSON, ("Origin", origin.as_bytes())],
        b"{}",
    )
    .await;
    assert_eq!(own.status, 200, "{}", own.describe());
    assert_eq!(domains(addr).await, 0);
}

#[tokio::test]
async fn a_rebinding_host_name_reaches_neither_the_api_nor_the_admin_api() {
    let server = server().await;
    let addr = server.local_addr();
    a_domain(addr).await;
    let api = "POST / HTTP/1.1\r\nHost: {host}\r\nX-Amz-Target: SageMaker.ListDomains\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    let state = "GET /_emulator/state HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
    for request in [api, state] {
        let refused = with_host(addr, "attacker.example:8787", request).await;
        assert!(refused.starts_with("HTTP/1.1 403"), "{refused}");
        assert!(refused.contains("AccessDeniedException"), "{refused}");
        let served = with_host(addr, &format!("localhost:{}", addr.port()), request).await;
        assert!(served.starts_with("HTTP/1.1 200"), "{served}");
    }
}

#[tokio::test]
async fn with_an_admin_token_changes_and_exports_need_it() {
    let server = Emulator::builder()
        .clock(Clock::manual_at(Timestamp(1_767_225_600_000)))
        .admin_token("s3cret")
        .start()
        .await
        .unwrap();
    let addr = server.local_addr();
    a_domain(addr).await;
    let bare = send(addr, "POST", "/_emulator/reset", &[JSON], b"{}").await;
    assert_eq!(bare.status, 403, "{}", bare.describe());
    assert!(bare.message().contains("admin token"));
    let export = send(addr, "GET", "/_emulator/state", &[], b"").await;
    assert_eq!(export.status, 403);
    // Read-only views stay open; the SageMaker API needs no admin token.
    let resources = send(addr, "GET", "/_emulator/resources", &[], b"").await;
    assert_eq!(resources.status, 200);
    assert_eq!(domains(addr).await, 1);
    let with_token = send(
        addr,
        "POST",
        "/_emulator/reset",
        &[JSON, ("Authorization", b"Bearer s3cret")],
        b"{}",
    )
    .await;
    assert_eq!(with_token.status, 200, "{}", with_token.describe());
    assert_eq!(domains(addr).await, 0);
    server.shutdown().await.unwrap();
}
