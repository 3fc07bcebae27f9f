//! The subcommands' HTTP client (`usage`, `quick-start`, `health`): one request over plain
//! HTTP/1.1 to a running emulator (it serves `http://` only), read to the end.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends `method path` with `headers` and `body` to `endpoint` (an `http://HOST:PORT[/base]`
/// URL); answers the status code and the body.
pub async fn exchange(
    endpoint: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<(u16, String), String> {
    let rest = endpoint
        .strip_prefix("http://")
        .ok_or_else(|| format!("'{endpoint}': the endpoint must be an http:// URL"))?;
    let (authority, base_path) = match rest.split_once('/') {
        Some((authority, base)) => (authority, format!("/{}", base.trim_end_matches('/'))),
        None => (rest, String::new()),
    };
    let base_path = base_path.trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(authority)
        .await
        .map_err(|e| format!("cannot connect to {authority}: {e}"))?;
    let mut request = format!("{method} {base_path}{path} HTTP/1.1\r\nHost: {authority}\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .await
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or("the emulator's answer is not HTTP")?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("the emulator's answer has no status")?;
    Ok((status, body.to_string()))
}
