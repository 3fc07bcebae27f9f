//! The emulator as a library: [`Emulator::builder`] sets up a server in code (a manual clock, a
//! delay profile, the default account and region, strict auth), and `start` binds it and returns
//! the [`RunningServer`] handle (endpoint URL, clock, shutdown). It is a thin layer over
//! [`server::start`](crate::http::server::start) and its [`Config`], which stay available.
//!
//! Unlike the binary, a builder listens on a free port by default (`127.0.0.1:0`): tests run in
//! parallel, and `endpoint_url()` says where it landed.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sagemaker_studio_emulator::clock::{Clock, Timestamp};
//! use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
//! use sagemaker_studio_emulator::Emulator;
//!
//! let server = Emulator::builder()
//!     .clock(Clock::manual_at(Timestamp(1_767_225_600_000)))
//!     .delays(DelayProfile::new(DelayPreset::Realistic))
//!     .region("eu-west-1")
//!     .start()
//!     .await?;
//! let endpoint = server.endpoint_url(); // give it to the SDK's endpoint_url
//! server.clock().advance(std::time::Duration::from_secs(300));
//! server.shutdown().await
//! # }
//! ```

use crate::http::server::{start, Config, RunningServer};
use crate::protocol::credentials::Auth;
use crate::sim::clock::Clock;
use crate::sim::lifecycle::DelayProfile;

/// Entry point of the embedding API.
#[derive(Debug, Clone, Copy)]
pub struct Emulator;

impl Emulator {
    /// A builder with the binary's defaults, except the port (0: a free one).
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }
}

/// How the embedded server will run; `start` it.
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until start() is awaited"]
pub struct EmulatorBuilder {
    config: Config,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            config: Config {
                port: 0,
                ..Config::default()
            },
        }
    }
}

impl EmulatorBuilder {
    /// Address to bind (default `127.0.0.1`).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.config.host = host.into();
        self
    }

    /// Port (default 0: a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.config.port = port;
        self
    }

    /// The clock, e.g. `Clock::manual_at(..)` for a test that moves time itself.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.config.clock = clock;
        self
    }

    /// Transition durations (default: `fast`, one second each).
    pub fn delays(mut self, delays: DelayProfile) -> Self {
        self.config.delays = delays;
        self
    }

    /// Account of calls whose access key id is not 12 digits (default `000000000000`); must be
    /// 12 digits, else `start` fails.
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.config.account_id = account_id.into();
        self
    }

    /// Region of calls without a credential scope (default `us-east-1`).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = region.into();
        self
    }

    /// Lenient (default) or strict authentication, e.g.
    /// `Auth::strict_from_file("tests/credentials")?`.
    pub fn auth(mut self, auth: Auth) -> Self {
        self.config.auth = auth;
        self
    }

    /// Keeps state in this journal file: loaded at start, every acknowledged change durable in it.
    pub fn state_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.config.state_file = Some(path.into());
        self
    }

    /// When the state file is compacted (default: journal > 1 × snapshot and > 1 MiB).
    pub fn compaction(mut self, rule: crate::persistence::CompactionRule) -> Self {
        self.config.compaction = rule;
        self
    }

    /// Points presigned URLs at `base` instead of AWS's Studio host; `{endpoint}` stands for the
    /// server's own `http://HOST:PORT` (e.g. `{endpoint}/_emulator/studio`).
    pub fn studio_base_url(mut self, base: impl Into<String>) -> Self {
        self.config.studio_base_url = Some(base.into());
        self
    }

    /// Requires `Authorization: Bearer TOKEN` on every admin call that changes or exports state
    /// (`--admin-token`, see [`crate::http::guard`]).
    pub fn admin_token(mut self, token: impl Into<String>) -> Self {
        self.config.admin_token = Some(token.into());
        self
    }

    /// The HTTP edge's timeouts and connection cap (see [`crate::server::Limits`]).
    pub fn limits(mut self, limits: crate::server::Limits) -> Self {
        self.config.limits = limits;
        self
    }

    /// Sets a service quota, e.g. `.quota("apps:KernelGateway:ml.g5.48xlarge".parse()?, 0)`:
    /// a call over it gets AWS's `ResourceLimitExceeded` (see [`crate::sim::quotas`]).
    pub fn quota(mut self, name: crate::sim::quotas::QuotaName, limit: u64) -> Self {
        self.config.quotas.set(name, limit);
        self
    }

    /// The configuration `start` will use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The emulator in process, with no socket: give its [`http_client`] and
    /// [`endpoint_url`] to the Rust SDK (see `crate::http::in_process`). The host and port are not
    /// used; a state file and a scenario are loaded as by [`EmulatorBuilder::start`].
    ///
    /// [`http_client`]: crate::InProcessEmulator::http_client
    /// [`endpoint_url`]: crate::InProcessEmulator::endpoint_url
    pub fn in_process(self) -> std::io::Result<crate::InProcessEmulator> {
        let service = crate::service::Service::build(
            self.config
                .service_config(crate::http::in_process::IN_PROCESS_ENDPOINT),
        )?;
        Ok(crate::InProcessEmulator::new(
            service,
            self.config.edge_settings(),
        ))
    }

    /// Binds and serves in the background; when this returns, the socket accepts connections.
    pub async fn start(self) -> std::io::Result<RunningServer> {
        let account = &self.config.account_id;
        if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("account id '{account}' is not 12 digits"),
            ));
        }
        start(self.config).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::clock::Timestamp;

    #[tokio::test]
    async fn builder_starts_on_a_free_port_with_its_settings() {
        let builder = Emulator::builder()
            .clock(Clock::manual_at(Timestamp(1_000)))
            .account_id("123456789012")
            .region("eu-west-1");
        assert_eq!(builder.config().port, 0);
        let server = builder.start().await.unwrap();
        assert_ne!(server.local_addr().port(), 0);
        assert_eq!(server.clock().now(), Timestamp(1_000));
        assert_eq!(server.service().defaults.account_id, "123456789012");
        assert_eq!(server.service().defaults.region, "eu-west-1");
        assert!(server.auth().strict_credentials().is_none());
        server.shutdown().await.unwrap();
    }

    #[tokio::test]
    async fn a_malformed_account_id_is_refused_before_binding() {
        let error = Emulator::builder()
            .account_id("42")
            .start()
            .await
            .unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    }
}
