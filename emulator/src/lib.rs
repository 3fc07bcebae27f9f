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
//! - [`admin`] — `/_emulator/…`.
//!
//! Embedding (what the Rust client tests do):
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use sagemaker_studio_emulator::{clock::{Clock, Timestamp}, server::{start, Config}};
//! let server = start(Config {
//!     port: 0,
//!     clock: Clock::manual_at(Timestamp(1_700_000_000_000)),
//!     ..Config::default()
//! })
//! .await?;
//! let endpoint = server.endpoint_url(); // give it to the SDK's endpoint_url
//! server.clock().advance(std::time::Duration::from_secs(60));
//! server.shutdown().await
//! # }
//! ```

pub mod admin;
pub mod clock;
pub mod dispatch;
pub mod error;
pub mod lifecycle;
pub mod metering;
pub mod model;
pub mod prices;
pub mod protocol;
pub mod resources;
pub mod server;
pub mod service;
pub mod store;
pub mod usage_table;
