//! The HTTP edge, the only code that imports axum: the router ([`server`]) with the API on
//! `POST /` and the admin API (`admin`, `faults`), the dashboard ([`ui`]) and the Studio
//! page a presigned URL opens (`studio_page`), the response envelope and the one body reader
//! (`response`), and the in-process client of the Rust SDK (`in_process`).

pub(crate) mod admin;
pub(crate) mod faults;
pub mod guard;
pub(crate) mod in_process;
pub(crate) mod response;
pub mod server;
pub(crate) mod studio_page;
pub mod ui;

/// The state every route gets: one service shared by reference, so that a request clones a
/// pointer, not the service's configuration (its strings and maps).
pub(crate) type SharedService = std::sync::Arc<crate::service::Service>;
