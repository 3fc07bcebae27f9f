//! A local emulator of the Amazon SageMaker Studio control plane, speaking SageMaker's awsJson1.1
//! protocol so that the real AWS SDKs work against it through an endpoint-url override.
//!
//! The folders are the layers, each using only the ones listed before it (checked by
//! `scripts/check-layers`):
//! - [`error`] — the API's error enum with AWS's codes (the HTTP edge's own refusals are
//!   `http::EdgeRefusal`); [`model`] — the SageMaker model slice, the request validator, the
//!   output-shape check and [`model::api`], the typed input and output of every operation
//!   (generated from the slice by `scripts/gen_api_types.py`).
//! - [`sim`] — what the emulator simulates, knowing nothing of requests: the [`clock`],
//!   statuses over time ([`lifecycle`]), [`sim::metering`] and [`sim::prices`], service
//!   [`sim::quotas`], and the queue of injected [`sim::faults`].
//! - [`resources`] — one file per resource family (plain functions from the operation's typed
//!   input to its typed output, no HTTP) and their tables (`Tables`, `Store`), one partition
//!   per account and region.
//! - [`protocol`] — awsJson1.1 without HTTP types of a framework: target header, body → JSON,
//!   caller from SigV4, strict mode's [`protocol::sigv4`] and [`protocol::credentials`].
//! - `persistence` — the state file: a snapshot plus a journal of the changes since, compaction,
//!   and what a failed write or sync undoes, with its typed errors (`persistence::error`). One
//!   thread owns the file (`persistence::writer`); calls hand it their record and await its
//!   answer (`service::state` is the service's side).
//! - [`service`] — [`service::Service`] holds the state, the clock, the journal and the rules,
//!   built from a [`service::config::ServiceConfig`]; it runs one call: looks the operation up
//!   in [`service::dispatch`] (THE table of operations), validates it, reads it into its typed
//!   input, runs its handler under its partition's lock, journals it; also the lazy
//!   [`service::scenario`] replay, the
//!   dashboard's `service::snapshot` and [`service::quick_setup`] (the console's Quick setup as
//!   a list of calls, for the subcommand and the dashboard's form).
//! - [`http`] — the only code that speaks HTTP (axum): the API on `POST /`, the admin API, the
//!   dashboard and Studio pages, one body reader and the response envelope, the edge's own
//!   settings ([`http::EdgeSettings`]: authentication, dashboard controls), [`http::server`]
//!   (`Config`, `start`) and `http::in_process` (the Rust SDK with no socket).
//! - [`embedded`] — [`Emulator::builder`], the library API for tests; [`usage_table`] — the
//!   `usage` subcommand's table; [`quick_start`] — the `quick-start` subcommand (the console's
//!   Quick setup as API calls).
//!
//! Embedding (what the Rust client tests do; `server::start(Config)` is the same, spelled out):
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sagemaker_studio_emulator::{clock::{Clock, Timestamp}, Emulator};
//! let server = Emulator::builder()
//!     .clock(Clock::manual_at(Timestamp(1_700_000_000_000)))
//!     .start()
//!     .await?;
//! let endpoint = server.endpoint_url(); // give it to the SDK's endpoint_url
//! server.clock().advance(std::time::Duration::from_secs(60));
//! server.shutdown().await
//! # }
//! ```

pub mod cli_client;
pub mod embedded;
pub mod error;
pub mod http;
pub mod model;
pub mod persistence;
pub mod protocol;
pub mod quick_start;
pub mod resources;
pub mod service;
pub mod sim;
pub mod usage_table;

// The paths of the embedding API (docs/rust.md, tests): the clock, delays and `server::start`.
pub use http::server;
pub use sim::{clock, lifecycle};

pub use embedded::{Emulator, EmulatorBuilder};
pub use http::in_process::InProcessEmulator;
pub use http::server::RunningServer;
pub use protocol::credentials::Auth;
