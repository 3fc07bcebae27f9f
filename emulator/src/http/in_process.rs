//! The emulator in process, with no socket: an [`HttpClient`] of the Rust SDK's runtime
//! (aws-smithy-runtime-api) that hands each request straight to the emulator's router, so a
//! test builds an `aws_sdk_sagemaker::Client` that calls the emulator without binding a port.
//!
//! ```ignore
//! # async fn demo() {
//! use sagemaker_studio_emulator::Emulator;
//! let studio = Emulator::builder().in_process().expect("the configuration is valid");
//! let conf = aws_sdk_sagemaker::Config::builder()
//!     .behavior_version(aws_sdk_sagemaker::config::BehaviorVersion::latest())
//!     .region(aws_sdk_sagemaker::config::Region::new("us-east-1"))
//!     .credentials_provider(aws_sdk_sagemaker::config::Credentials::new("111122223333", "x", None, None, "t"))
//!     .endpoint_url(studio.endpoint_url())   // a name only: nothing is resolved or dialled
//!     .http_client(studio.http_client())
//!     .build();
//! let sm = aws_sdk_sagemaker::Client::from_conf(conf);
//! # }
//! ```
//! (`ignore`d here because the SDK is not a dependency of this crate; `client-tests` builds
//! exactly this, see `client-tests/tests/sdk/common/mod.rs`.)
//!
//! Every request takes the same path as over TCP (the same router: protocol, validation,
//! journal, admin routes), only without the socket; timeouts the SDK asks for do not apply,
//! since nothing waits on a network.

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use axum::Router;
use tower::ServiceExt as _;

use crate::service::Service;
use crate::sim::clock::Clock;

/// The host name in-process endpoints use: reserved (`.invalid`), so it can never reach a
/// network by mistake.
pub const IN_PROCESS_ENDPOINT: &str = "http://in-process.sagemaker-studio-emulator.invalid";

/// The host of [`IN_PROCESS_ENDPOINT`], which the in-process guard accepts.
pub const IN_PROCESS_HOST: &str = "in-process.sagemaker-studio-emulator.invalid";

/// An emulator served in process: its service and the router requests go through.
#[derive(Debug, Clone)]
pub struct InProcessEmulator {
    service: Service,
    router: Router,
}

impl InProcessEmulator {
    /// The emulator for `service` (see [`crate::EmulatorBuilder::in_process`]).
    pub(crate) fn new(service: Service, edge: crate::http::EdgeSettings) -> Self {
        // Requests carry the reserved endpoint's host: the guard is told it is this emulator's.
        let policy =
            crate::http::guard::Policy::new("127.0.0.1", vec![IN_PROCESS_HOST.to_string()], None);
        let router = crate::http::server::router(service.clone(), edge, policy);
        InProcessEmulator { service, router }
    }

    /// The SDK's HTTP client that serves every request in process.
    pub fn http_client(&self) -> SharedHttpClient {
        SharedHttpClient::new(InProcessClient {
            router: self.router.clone(),
        })
    }

    /// The endpoint URL to give the SDK with [`InProcessEmulator::http_client`]: a reserved name
    /// that is never resolved.
    pub fn endpoint_url(&self) -> String {
        IN_PROCESS_ENDPOINT.to_string()
    }

    /// The emulator's clock (advance it directly in tests).
    pub fn clock(&self) -> &Clock {
        &self.service.clock
    }

    /// The service behind it.
    pub fn service(&self) -> &Service {
        &self.service
    }
}

/// [`HttpClient`] and [`HttpConnector`] at once: there is no connection to configure.
#[derive(Debug, Clone)]
struct InProcessClient {
    router: Router,
}

impl HttpClient for InProcessClient {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

impl HttpConnector for InProcessClient {
    fn call(&self, request: aws_smithy_runtime_api::http::Request) -> HttpConnectorFuture {
        let router = self.router.clone();
        HttpConnectorFuture::new(async move {
            let request = request
                .try_into_http1x()
                .map_err(|e| ConnectorError::user(Box::new(e)))?;
            let (parts, body) = request.into_parts();
            // The SDK's SageMaker bodies are JSON built in memory; a streaming body has no bytes.
            let bytes = body.bytes().map(<[u8]>::to_vec).ok_or_else(|| {
                ConnectorError::user("in-process calls take in-memory bodies only".into())
            })?;
            let request = axum::http::Request::from_parts(parts, axum::body::Body::from(bytes));
            let response = match router.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            let (parts, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .map_err(|e| ConnectorError::io(Box::new(e)))?;
            let response = axum::http::Response::from_parts(parts, SdkBody::from(bytes));
            HttpResponse::try_from(response).map_err(|e| ConnectorError::other(Box::new(e), None))
        })
    }
}
