//! The HTTP edge's limits over real sockets: a client that sends half a request, or keeps an idle
//! connection, is disconnected after the header timeout; past the connection cap a new connection
//! is closed at once; a shutdown waits for open connections only for its grace; a declared
//! oversize body is refused before "100 Continue".

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use sagemaker_studio_emulator::server::{Limits, RunningServer};
use sagemaker_studio_emulator::Emulator;

async fn emulator(limits: Limits) -> RunningServer {
    Emulator::builder().limits(limits).start().await.unwrap()
}

/// Reads until the server closes the connection; answers what was read. The server must close
/// it (a liveness bound of 5 s, far above the limits the tests set, not a measurement).
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut read = Vec::new();
    let outcome = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut read)).await;
    assert!(
        outcome.is_ok(),
        "the server kept the connection open: {:?}",
        String::from_utf8_lossy(&read)
    );
    String::from_utf8_lossy(&read).to_string()
}

/// Sends `request` and reads exactly one answer (head and its Content-Length body), leaving the
/// connection open.
async fn one_answer(stream: &mut TcpStream, request: &str) -> String {
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut read = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&read).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if body.len() >= length {
                return text;
            }
        }
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .expect("an answer")
            .unwrap();
        assert!(n > 0, "the server closed before answering: {text}");
        read.extend_from_slice(&chunk[..n]);
    }
}

fn health(addr: SocketAddr, keep_alive: bool) -> String {
    format!(
        "GET /_emulator/health HTTP/1.1\r\nHost: {addr}\r\nConnection: {}\r\n\r\n",
        if keep_alive { "keep-alive" } else { "close" }
    )
}

#[tokio::test]
async fn half_a_header_and_an_idle_keep_alive_connection_are_dropped_after_the_header_timeout() {
    let server = emulator(Limits {
        header_read_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let addr = server.local_addr();
    let mut half = TcpStream::connect(addr).await.unwrap();
    half.write_all(format!("POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: Sage").as_bytes())
        .await
        .unwrap();
    assert_eq!(
        read_until_closed(&mut half).await,
        "",
        "no answer to half a request"
    );

    let mut idle = TcpStream::connect(addr).await.unwrap();
    idle.write_all(health(addr, true).as_bytes()).await.unwrap();
    let answered = read_until_closed(&mut idle).await;
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn past_the_connection_cap_a_new_connection_is_closed_and_the_others_are_served() {
    let server = emulator(Limits {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        ..Limits::default()
    })
    .await;
    let addr = server.local_addr();
    // Two connections the server has taken (each has been answered once, and stays open).
    let mut held = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let answer = one_answer(&mut stream, &health(addr, true)).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        held.push(stream);
    }
    let mut third = TcpStream::connect(addr).await.unwrap();
    let _ = third.write_all(health(addr, false).as_bytes()).await;
    let answer = read_until_closed(&mut third).await;
    assert!(answer.is_empty(), "served past the cap: {answer}");
    // One held connection ends (the server closes it after answering): its place is free.
    let mut first = held.remove(0);
    first
        .write_all(health(addr, false).as_bytes())
        .await
        .unwrap();
    assert!(read_until_closed(&mut first)
        .await
        .starts_with("HTTP/1.1 200"));
    let mut later = TcpStream::connect(addr).await.unwrap();
    later
        .write_all(health(addr, false).as_bytes())
        .await
        .unwrap();
    let answer = read_until_closed(&mut later).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_shutdown_waits_for_a_stuck_client_only_for_its_grace() {
    let server = emulator(Limits {
        header_read_timeout: Duration::from_secs(60),
        shutdown_grace: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let addr = server.local_addr();
    // A connection the server has taken (answered once), then stuck half way through a request.
    let mut stuck = TcpStream::connect(addr).await.unwrap();
    assert!(one_answer(&mut stuck, &health(addr, true))
        .await
        .starts_with("HTTP/1.1 200"));
    stuck
        .write_all(format!("POST / HTTP/1.1\r\nHost: {addr}\r\n").as_bytes())
        .await
        .unwrap();
    // The client would hold the connection for a minute; the shutdown ends after its grace
    // (a liveness bound far above it, not a measurement).
    tokio::time::timeout(Duration::from_secs(5), server.shutdown())
        .await
        .expect("shutdown ends within its grace")
        .unwrap();
}

#[tokio::test]
async fn a_declared_oversize_body_gets_413_not_100_continue() {
    let server = emulator(Limits::default()).await;
    let addr = server.local_addr();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: SageMaker.ListDomains\r\nContent-Type: application/x-amz-json-1.1\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut first = vec![0u8; 12];
    tokio::time::timeout(Duration::from_secs(5), stream.read_exact(&mut first))
        .await
        .expect("an answer before any body byte")
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&first), "HTTP/1.1 413");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_body_that_stops_half_way_is_answered_408_after_the_body_timeout() {
    let server = emulator(Limits {
        body_read_timeout: Duration::from_millis(300),
        ..Limits::default()
    })
    .await;
    let addr = server.local_addr();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: SageMaker.ListDomains\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100\r\n\r\n{{\"Max"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("RequestTimeoutException"), "{answer}");
    server.shutdown().await.unwrap();
}
