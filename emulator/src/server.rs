//! HTTP serving: the router (the API on `POST /` or any non-admin path, the admin API under
//! `/_emulator/`), and `start`, which binds, serves in the background and returns a handle with
//! the endpoint URL, the clock and a graceful shutdown. The binary and the tests both use it.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::admin;
use crate::clock::{Clock, ClockMode};
use crate::error::ApiError;
use crate::lifecycle::DelayProfile;
use crate::protocol::{self, Defaults};
use crate::service::Service;

/// The target prefix of SageMaker operations.
pub const SERVICE_TARGET_PREFIX: &str = "SageMaker";

/// Requests larger than this are refused with `RequestEntityTooLargeException` (413). The largest
/// legitimate Studio input (a 16 KiB lifecycle script with tags) is far below it.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How to run an emulator.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to bind.
    pub host: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Account used when a request's access key id is not a 12-digit number.
    pub account_id: String,
    /// Region used when a request carries no credential scope.
    pub region: String,
    /// Transition durations.
    pub delays: DelayProfile,
    /// The clock.
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8787,
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
            delays: DelayProfile::default(),
            clock: Clock::new(ClockMode::Real { time_scale: 1.0 }),
        }
    }
}

/// The whole HTTP surface.
pub fn router(service: Service) -> Router {
    admin::routes().fallback(api).with_state(service)
}

/// Every request outside `/_emulator/`: a SageMaker API call if it is a POST.
async fn api(
    State(service): State<Service>,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request_id = protocol::request_id();
    let result = async {
        if method != Method::POST {
            return Err(ApiError::UnknownOperation(format!(
                "{method} is not an operation: SageMaker's awsJson1.1 API takes POST with an X-Amz-Target header."
            )));
        }
        let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                ApiError::RequestTooLarge(format!(
                    "The request body exceeds the limit of {MAX_BODY_BYTES} bytes."
                ))
            })?;
        let request =
            protocol::parse_request(SERVICE_TARGET_PREFIX, &headers, &bytes, &service.defaults)?;
        let outcome = service.call(&request);
        tracing::debug!(
            operation = %request.operation,
            account = %request.account_id,
            region = %request.region,
            error = outcome.as_ref().err().map(|e| e.code().to_string()),
            "call"
        );
        outcome
    }
    .await;
    match result {
        Ok(output) => protocol::success(&request_id, &output),
        Err(error) => protocol::failure(&request_id, &error),
    }
}

/// A running emulator.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    service: Service,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl RunningServer {
    /// The bound address (the real port when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`, the endpoint URL SDKs take.
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The emulator's clock (advance it directly in tests).
    pub fn clock(&self) -> &Clock {
        &self.service.clock
    }

    /// The service behind the server.
    pub fn service(&self) -> &Service {
        &self.service
    }

    /// Stops accepting, lets calls in flight finish, and waits for the server to end.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match (&mut self.task).await {
            Ok(result) => result,
            Err(e) => Err(std::io::Error::other(e)),
        }
    }
}

/// Binds `config.host:config.port` and serves in the background. When this returns, the socket
/// accepts connections.
pub async fn start(config: Config) -> std::io::Result<RunningServer> {
    // Parse the model and compile its patterns now, not on the first request.
    crate::model::model();
    let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let addr = listener.local_addr()?;
    let service = Service::new(
        config.clock,
        config.delays,
        Defaults {
            account_id: config.account_id,
            region: config.region,
        },
    );
    let (tx, rx) = oneshot::channel::<()>();
    let app = router(service.clone());
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await
    });
    Ok(RunningServer {
        addr,
        service,
        shutdown: Some(tx),
        task,
    })
}
