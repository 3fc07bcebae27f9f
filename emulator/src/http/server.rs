//! HTTP serving: the router (the API on `POST /` or any non-admin path, the admin API under
//! `/_emulator/`), and `start`, which binds, serves in the background and returns a handle with
//! the endpoint URL, the clock and a graceful shutdown. The binary and the tests both use it.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::error::ApiError;
use crate::http::{admin, guard, response};
use crate::http::{EdgeRefusal, Refusal};
use crate::http::{EdgeSettings, RouterState, SharedEdge, SharedService};
use crate::protocol::credentials::Auth;
use crate::protocol::{self, sigv4, Defaults};
use crate::service::config::ServiceConfig;
use crate::service::Service;
use crate::service::{Determinants, Origin};
use crate::sim::clock::{self, Clock, ClockMode};
use crate::sim::lifecycle::DelayProfile;

/// The target prefix of SageMaker operations.
pub const SERVICE_TARGET_PREFIX: &str = "SageMaker";

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
    /// `--state-file`: the snapshot and journal to load at start and append every change to.
    pub state_file: Option<std::path::PathBuf>,
    /// When the state file's journal is compacted into a new snapshot.
    pub compaction: crate::persistence::CompactionRule,
    /// `--scenario`: a scenario replayed lazily from the start (T0 = the clock's now at start).
    pub scenario: Option<crate::service::scenario::Scenario>,
    /// `--ui-controls`: the dashboard shows its clock and reset controls even when `host` is not
    /// loopback (on loopback it always does).
    pub ui_controls: bool,
    /// Where presigned URLs point (the emulator's Studio page), e.g.
    /// `http://127.0.0.1:8787/_emulator/studio`; `None`: AWS's Studio host.
    pub studio_base_url: Option<String>,
    /// `--auth`: lenient (any or no signature) or strict (SigV4 against a credentials file).
    pub auth: Auth,
    /// `--quota`: service quotas in force from the start (default: none).
    pub quotas: crate::sim::quotas::QuotaLimits,
    /// `--check-output-shapes`: check every output against the model (always on in debug builds).
    pub check_output_shapes: bool,
    /// `--allowed-host`: host names accepted besides IP addresses and `localhost`.
    pub allowed_hosts: Vec<String>,
    /// `--admin-token`: the bearer token of admin calls that change or export state.
    pub admin_token: Option<String>,
    /// Timeouts and the connection cap of the HTTP edge.
    pub limits: Limits,
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
            studio_base_url: None,
            auth: Auth::Lenient,
            state_file: None,
            compaction: Default::default(),
            scenario: None,
            ui_controls: false,
            quotas: crate::sim::quotas::QuotaLimits::unlimited(),
            check_output_shapes: false,
            allowed_hosts: Vec::new(),
            admin_token: None,
            limits: Limits::default(),
        }
    }
}

impl Config {
    /// The settings of the service below the edge; `endpoint` (`http://HOST:PORT`) stands for
    /// `{endpoint}` in the Studio base URL.
    pub fn service_config(&self, endpoint: &str) -> ServiceConfig {
        ServiceConfig {
            defaults: Defaults {
                account_id: self.account_id.clone(),
                region: self.region.clone(),
            },
            delays: self.delays.clone(),
            clock: self.clock.clone(),
            state_file: self.state_file.clone(),
            compaction: self.compaction,
            scenario: self.scenario.clone(),
            // `{endpoint}` in the base URL stands for this server's own address (known only now).
            studio_base_url: self
                .studio_base_url
                .as_ref()
                .map(|base| base.replace("{endpoint}", endpoint)),
            quotas: self.quotas.clone(),
            check_output_shapes: self.check_output_shapes,
        }
    }

    /// The edge's own settings: authentication, and the dashboard's controls (always shown on
    /// a loopback bind, where only this machine's user can reach them).
    pub fn edge_settings(&self) -> EdgeSettings {
        EdgeSettings {
            auth: self.auth.clone(),
            ui_controls: self.ui_controls || guard::is_loopback(&self.host),
        }
    }
}

/// The whole HTTP surface, behind the guard (see `guard`: who may call).
pub fn router(service: Service, edge: EdgeSettings, policy: guard::Policy) -> Router {
    admin::routes()
        .fallback(api)
        .with_state(RouterState {
            service: std::sync::Arc::new(service),
            edge: std::sync::Arc::new(edge),
        })
        .layer(guard::GuardLayer::new(policy))
}

/// Every request outside `/_emulator/`: a SageMaker API call if it is a POST.
async fn api(
    State(service): State<SharedService>,
    State(edge): State<SharedEdge>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    // A browser opening the endpoint gets the dashboard; SDKs and other clients the API's error.
    if let Some(redirect) = crate::http::ui::browser_redirect(&method, &uri, &headers) {
        return redirect;
    }
    let request_id = protocol::request_id();
    let result = async {
        if uri.path().starts_with("/_emulator") {
            return Err(Refusal::Edge(EdgeRefusal::UnknownAdminPath(format!(
                "No admin call at {}: see docs/admin-api.md.",
                uri.path()
            ))));
        }
        let bytes = response::read_body(body).await?;
        // Strict mode: the signature is checked before anything else reads the request.
        let signer = match edge.auth.strict_credentials() {
            Some(credentials) => {
                let signed = sigv4::SignedRequest {
                    method: method.as_str(),
                    path_and_query: uri.path_and_query().map_or("/", |p| p.as_str()),
                    headers: &headers,
                    body: &bytes,
                };
                Some(sigv4::verify(&signed, credentials, clock::wall_now())?)
            }
            None => None,
        };
        if method != Method::POST {
            return Err(ApiError::UnknownOperation(format!(
                "{method} is not an operation: SageMaker's awsJson1.1 API takes POST with an X-Amz-Target header."
            )).into());
        }
        let mut request =
            protocol::parse_request(SERVICE_TARGET_PREFIX, &headers, &bytes, &service.defaults)?;
        if let Some(account_id) = signer.and_then(|profile| profile.account_id.clone()) {
            request.account_id = account_id;
        }
        // Injected faults (admin API) act before validation and the handler: an error changes
        // nothing; a FailureReason lets the call run and its transition end failed.
        let mut failure = None;
        if let Some(hit) = service.faults.hit(&request.operation) {
            tracing::debug!(operation = %request.operation, delay = ?hit.delay, error = ?hit.error, failure = ?hit.failure, "fault");
            tokio::time::sleep(hit.delay).await;
            if let Some(error) = hit.error {
                return Err(error.into());
            }
            failure = hit.failure;
        }
        let outcome = service.execute(
            &request,
            service.catch_up(),
            &Determinants::fresh(failure),
            Origin::Live,
        );
        let outcome = match outcome {
            // Acknowledged only once durable (state file): a SIGKILL after the 200 loses nothing.
            Ok((output, ticket)) => service.acknowledge(ticket).await.map(|()| output),
            Err(e) => Err(e),
        };
        tracing::debug!(
            operation = %request.operation,
            account = %request.account_id,
            region = %request.region,
            error = outcome.as_ref().err().map(|e| e.code().to_string()),
            "call"
        );
        Ok(outcome?)
    }
    .await;
    match result {
        Ok(output) => response::success(&request_id, output),
        Err(error) => response::failure(&request_id, &error),
    }
}

/// A running emulator.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    service: Service,
    edge: EdgeSettings,
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

    /// How the server authenticates API calls.
    pub fn auth(&self) -> &Auth {
        &self.edge.auth
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

/// The limits of the HTTP edge, so that no client can hold the emulator: how long a client may
/// take to send a request's headers (also how long an idle keep-alive connection may wait for
/// its next request), how many connections are served at once, and how long a shutdown waits for
/// calls in flight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// `--header-timeout` (default 10 s).
    pub header_read_timeout: std::time::Duration,
    /// `--max-connections` (default 512, below the usual limit of 1,024 open files): past it, a
    /// new connection is closed at once and the first refusal is logged.
    pub max_connections: usize,
    /// How long a graceful shutdown waits for calls in flight before it ends them (5 s).
    pub shutdown_grace: std::time::Duration,
    /// `--body-timeout` (default 30 s): how long a client may take to send a request's body
    /// once its headers are in; past it the call is answered 408.
    pub body_read_timeout: std::time::Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: std::time::Duration::from_secs(10),
            max_connections: 512,
            shutdown_grace: std::time::Duration::from_secs(5),
            body_read_timeout: std::time::Duration::from_secs(30),
        }
    }
}

/// Serves `app` on `listener` until `stop` fires, within `limits`: each connection is HTTP/1.1
/// with keep-alive and the header read timeout; past `max_connections` a connection is closed at
/// once; on stop, no new connection is taken and the ones open get `shutdown_grace` to finish.
async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    mut stop: oneshot::Receiver<()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;

    let open = std::sync::Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut refusals: u64 = 0;
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        let Ok(permit) = std::sync::Arc::clone(&open).try_acquire_owned() else {
            refusals += 1;
            if refusals == 1 || refusals.is_power_of_two() {
                tracing::warn!(%peer, max = limits.max_connections, refused = refusals, "connection limit reached: closing new connections");
            }
            drop(stream);
            continue;
        };
        // As axum::serve does: answers go out at once, not held back by Nagle's algorithm.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(%peer, error = %e, "TCP_NODELAY not set");
        }
        let service = TowerToHyperService::new(app.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read_timeout)
            .keep_alive(true)
            .serve_connection(TokioIo::new(stream), service);
        let watched = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = watched.await {
                tracing::debug!(%peer, error = %e, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(grace = ?limits.shutdown_grace, "calls still in flight at shutdown were ended");
    }
    Ok(())
}

/// Binds `config.host:config.port` and serves in the background. When this returns, the socket
/// accepts connections.
pub async fn start(config: Config) -> std::io::Result<RunningServer> {
    // Parse the model and compile its patterns now, not on the first request.
    crate::model::model();
    let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
    let addr = listener.local_addr()?;
    let policy = guard::Policy::new(
        &config.host,
        config.allowed_hosts.clone(),
        config.admin_token.clone(),
    );
    let limits = config.limits.clone();
    let policy = guard::Policy {
        body_read_timeout: limits.body_read_timeout,
        ..policy
    };
    let service = Service::build(config.service_config(&format!("http://{addr}")))?;
    let edge = config.edge_settings();
    let (tx, rx) = oneshot::channel::<()>();
    let app = router(service.clone(), edge.clone(), policy);
    let task = tokio::spawn(serve(listener, app, limits, rx));
    Ok(RunningServer {
        addr,
        service,
        edge,
        shutdown: Some(tx),
        task,
    })
}
