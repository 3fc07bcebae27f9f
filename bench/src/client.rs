//! A tiny keep-alive HTTP/1.1 client over one `TcpStream`, pipelining-free: write a request, read
//! the response head (parsed with `httparse`) and a `Content-Length` body. It is all the load
//! generator needs, and cheaper per request than a general client, so that the client's own cost
//! stays small beside the servers'. Requests look like an AWS SDK's awsJson1.1 calls.

use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The SigV4 credential scope every request carries: account 111122223333, us-east-1 (the
/// emulator reads the caller's account and region from it).
pub const AUTHORIZATION: &str = "AWS4-HMAC-SHA256 Credential=111122223333/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000";

/// One open connection.
#[derive(Debug)]
pub struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

/// A response: the status and the body (borrowed from the connection's buffer).
#[derive(Debug)]
pub struct Reply<'a> {
    pub status: u16,
    pub body: &'a [u8],
}

fn invalid(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

impl Conn {
    /// Connects to `addr` (Nagle off, as HTTP clients do).
    pub async fn connect(addr: SocketAddr) -> io::Result<Conn> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::with_capacity(16 * 1024),
        })
    }

    /// Sends one complete request and reads its response.
    pub async fn call(&mut self, request: &[u8]) -> io::Result<Reply<'_>> {
        self.stream.write_all(request).await?;
        self.buf.clear();
        let (head_len, body_len, status) = loop {
            self.fill().await?;
            let mut headers = [httparse::EMPTY_HEADER; 32];
            let mut response = httparse::Response::new(&mut headers);
            match response.parse(&self.buf) {
                Ok(httparse::Status::Complete(head_len)) => {
                    let status = response.code.unwrap_or(0);
                    let body_len = response
                        .headers
                        .iter()
                        .find(|h| h.name.eq_ignore_ascii_case("content-length"))
                        .and_then(|h| std::str::from_utf8(h.value).ok())
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .ok_or_else(|| invalid("response without Content-Length"))?;
                    break (head_len, body_len, status);
                }
                Ok(httparse::Status::Partial) => continue,
                Err(e) => return Err(invalid(format!("bad response head: {e}"))),
            }
        };
        let end = head_len + body_len;
        while self.buf.len() < end {
            self.fill().await?;
        }
        if self.buf.len() > end {
            return Err(invalid("bytes after the response (nothing was pipelined)"));
        }
        Ok(Reply {
            status,
            body: &self.buf[head_len..end],
        })
    }

    async fn fill(&mut self) -> io::Result<()> {
        if self.buf.capacity() - self.buf.len() < 4096 {
            self.buf.reserve(16 * 1024);
        }
        if self.stream.read_buf(&mut self.buf).await? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "connection closed by the server",
            ));
        }
        Ok(())
    }
}

/// An awsJson1.1 call of `SageMaker.{operation}` with `body`, as an SDK sends it.
pub fn api_request(addr: SocketAddr, operation: &str, body: &str) -> Vec<u8> {
    api_request_with(addr, AUTHORIZATION, operation, body)
}

/// A SageMaker API call in the account of `access_key` (12 digits: the emulator's account).
pub fn api_request_as(addr: SocketAddr, access_key: &str, operation: &str, body: &str) -> Vec<u8> {
    let authorization = AUTHORIZATION.replace("111122223333", access_key);
    api_request_with(addr, &authorization, operation, body)
}

fn api_request_with(addr: SocketAddr, authorization: &str, operation: &str, body: &str) -> Vec<u8> {
    format!(
        "POST / HTTP/1.1\r\n\
         Host: {addr}\r\n\
         Content-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: SageMaker.{operation}\r\n\
         X-Amz-Date: 20260101T000000Z\r\n\
         Authorization: {authorization}\r\n\
         User-Agent: aws-sdk-rust/1.3 os/linux lang/rust/1.85 bench\r\n\
         amz-sdk-request: attempt=1; max=3\r\n\
         Content-Length: {}\r\n\
         \r\n\
         {body}",
        body.len()
    )
    .into_bytes()
}

/// A `GET` of `path` (the admin API's health check).
pub fn get_request(addr: SocketAddr, path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes()
}
