//! The HTTP edge, the only code that imports axum: the router ([`server`]) with the API on
//! `POST /` and the admin API (`admin`, `faults`), the dashboard ([`ui`]) and the Studio
//! page a presigned URL opens (`studio_page`), the response envelope and the one body reader
//! (`response`), the edge's own refusals ([`EdgeRefusal`], apart from the API's errors), and the
//! in-process client of the Rust SDK (`in_process`).

pub(crate) mod admin;
pub(crate) mod faults;
pub mod guard;
pub(crate) mod in_process;
pub mod refusal;
pub(crate) mod response;
pub mod server;
pub(crate) mod studio_page;
pub mod ui;

pub use refusal::{EdgeRefusal, Refusal};

/// The service every route gets: shared by reference, so that a request clones a pointer, not
/// the service's configuration (its strings and maps).
pub type SharedService = std::sync::Arc<crate::service::Service>;

/// What the edge itself decides, apart from the service: how API calls are authenticated and
/// whether the dashboard shows its clock and reset controls.
#[derive(Debug, Clone, Default)]
pub struct EdgeSettings {
    /// `--auth`: lenient, or strict with the credentials file's key pairs.
    pub auth: crate::protocol::credentials::Auth,
    /// Whether the dashboard shows its clock and reset controls (`GET /_emulator/ui/config`).
    pub ui_controls: bool,
}

/// The router's state: the service and the edge's settings; a route takes either part
/// (`State<SharedService>` or `State<SharedEdge>`).
#[derive(Debug, Clone)]
pub struct RouterState {
    /// The service.
    pub service: SharedService,
    /// The edge's settings.
    pub edge: SharedEdge,
}

/// The edge's settings, shared by reference like the service.
pub type SharedEdge = std::sync::Arc<EdgeSettings>;

impl axum::extract::FromRef<RouterState> for SharedService {
    fn from_ref(state: &RouterState) -> Self {
        state.service.clone()
    }
}

impl axum::extract::FromRef<RouterState> for SharedEdge {
    fn from_ref(state: &RouterState) -> Self {
        state.edge.clone()
    }
}
