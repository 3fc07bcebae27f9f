//! A local emulator of the Amazon SageMaker Studio control plane, speaking SageMaker's awsJson1.1
//! protocol so that the real AWS SDKs work against it through an endpoint-url override.
//!
//! A tour, in the order a request flows:
//! - [`server`] — HTTP (axum): the API on `POST /`, the admin API, `start` for embedding.
//! - [`protocol`] — awsJson1.1 only: target header, body → JSON, caller from SigV4, error envelope.
//! - [`service`] — looks the operation up in [`dispatch`] (THE table of operations) and runs it
//!   under its partition's lock in [`store`] with the [`clock`]'s `now`.
//! - [`resources`] — one file per resource family; plain functions, no HTTP.
//! - [`lifecycle`] — statuses derived from timestamps and the delay profile.
//! - [`error`] — the one error enum with AWS's codes.
//! - [`admin`] — `/_emulator/…`; [`faults`] — injected errors and latency (`/_emulator/faults`).
//! - [`credentials`] and [`protocol::sigv4`] — strict mode (`--auth strict`): SigV4 verified
//!   against a credentials file before anything else runs.
//! - [`embedded`] — [`Emulator::builder`], the library API for tests.
//! - [`ui`] — the dashboard for teaching demos (`/_emulator/ui`), fed by [`snapshot`] and the
//!   usage report; [`scenario`] — scenario fixtures replayed lazily on the emulator's clock.
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

pub mod admin;
pub mod clock;
pub mod credentials;
pub mod dispatch;
pub mod embedded;
pub mod error;
pub mod faults;
pub mod in_process;
pub mod lifecycle;
pub mod metering;
pub mod model;
pub mod persistence;
pub mod prices;
pub mod protocol;
pub mod quotas;
pub mod resources;
pub mod scenario;
pub mod server;
pub mod service;
pub mod snapshot;
pub mod store;
pub mod studio_page;
pub mod ui;
pub mod usage_table;

pub use credentials::Auth;
pub use embedded::{Emulator, EmulatorBuilder};
pub use in_process::InProcessEmulator;
pub use server::RunningServer;
