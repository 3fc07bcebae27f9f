//! The ceiling: a do-nothing axum server (`bench ceiling`) that answers every request with a fixed
//! DescribeDomain-sized awsJson1.1 body and the emulator's headers (`content-type`,
//! `x-amzn-RequestId`, `content-length`, `date`). What the emulator reaches beside it is the share
//! of the HTTP stack's speed that its own work leaves; absolute numbers drift on shared machines,
//! ratios much less.

use std::io::Write;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;

/// A DescribeDomain output of the shape and size the benchmark's domain has (about 700 bytes).
pub const BODY: &str = r#"{"AppNetworkAccessType":"PublicInternetOnly","AuthMode":"IAM","CreationTime":1767225600.0,"DefaultUserSettings":{"ExecutionRole":"arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole","SecurityGroups":["sg-0123456789abcdef0"],"SharingSettings":{"NotebookOutputOption":"Disabled"}},"DomainArn":"arn:aws:sagemaker:us-east-1:111122223333:domain/d-ceiling00000","DomainId":"d-ceiling00000","DomainName":"bench","HomeEfsFileSystemId":"fs-0123456789abcdef0","LastModifiedTime":1767225600.0,"Status":"InService","SubnetIds":["subnet-0123456789abcdef0"],"TagPropagation":"DISABLED","Url":"https://d-ceiling00000.studio.us-east-1.sagemaker.aws","VpcId":"vpc-0123456789abcdef0"}"#;

/// Binds 127.0.0.1:`port`, prints `listening on http://HOST:PORT` like the emulator, and serves
/// until killed.
pub async fn serve(port: u16) -> std::io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "listening on http://{}", listener.local_addr()?)?;
        stdout.flush()?;
    }
    axum::serve(listener, Router::new().fallback(answer)).await
}

/// Reads the body (a server must, to keep the connection) and answers the fixed output.
async fn answer(body: Body) -> Response {
    let _ = axum::body::to_bytes(body, 1024 * 1024).await;
    let mut response = (StatusCode::OK, BODY).into_response();
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        HeaderValue::from_static("application/x-amz-json-1.1"),
    );
    if let Ok(id) = HeaderValue::from_str(&sagemaker_studio_emulator::sim::random::uuid_v4()) {
        headers.insert("x-amzn-RequestId", id);
    }
    response
}
