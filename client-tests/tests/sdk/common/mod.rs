//! Shared setup of the Rust SDK suites: an emulator on `127.0.0.1:0` (or in process, with no
//! socket, where a port is not the point) with a manual clock, and an `aws-sdk-sagemaker` client
//! pointed at it.

#![allow(dead_code)]

pub mod surface;

use std::time::Duration;

use aws_sdk_sagemaker::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_sagemaker::Client;
use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
use sagemaker_studio_emulator::server::{start, Config, RunningServer};
use sagemaker_studio_emulator::service::Service;
use sagemaker_studio_emulator::{Emulator, InProcessEmulator};

/// What a test drives: an emulator on a socket or in process.
pub trait Emulated {
    /// The emulator's clock.
    fn clock(&self) -> &Clock;
    /// The service behind it (faults, quotas, usage).
    fn service(&self) -> &Service;
    /// An SDK configuration that reaches it.
    fn sdk_config(&self) -> aws_sdk_sagemaker::config::Builder;
}

impl Emulated for RunningServer {
    fn clock(&self) -> &Clock {
        RunningServer::clock(self)
    }
    fn service(&self) -> &Service {
        RunningServer::service(self)
    }
    fn sdk_config(&self) -> aws_sdk_sagemaker::config::Builder {
        aws_sdk_sagemaker::Config::builder()
            .endpoint_url(self.endpoint_url())
            .http_client(plain_http_client())
    }
}

impl Emulated for InProcessEmulator {
    fn clock(&self) -> &Clock {
        InProcessEmulator::clock(self)
    }
    fn service(&self) -> &Service {
        InProcessEmulator::service(self)
    }
    fn sdk_config(&self) -> aws_sdk_sagemaker::config::Builder {
        aws_sdk_sagemaker::Config::builder()
            .endpoint_url(self.endpoint_url())
            .http_client(self.http_client())
    }
}

/// The SDK's hyper client for plain HTTP: the emulator listens on http://127.0.0.1, and the
/// SDK is built without its TLS stack (see the workspace's Cargo.toml).
pub fn plain_http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new().build_http()
}

/// An emulator in process (no socket) with the `fast` profile on a manual clock.
pub fn in_process() -> InProcessEmulator {
    Emulator::builder()
        .clock(Clock::manual_at(Timestamp(T0_MILLIS)))
        .in_process()
        .expect("the default configuration is valid")
}

/// 2026-01-01T00:00:00Z: the manual clock's start in every test.
pub const T0_MILLIS: i64 = 1_767_225_600_000;

/// A running emulator with the `fast` profile (every transition 1 s) on a manual clock.
pub async fn emulator() -> RunningServer {
    emulator_with(DelayProfile::new(DelayPreset::Fast)).await
}

/// A running emulator with the given delays on a manual clock.
pub async fn emulator_with(delays: DelayProfile) -> RunningServer {
    start(Config {
        port: 0,
        delays,
        clock: Clock::manual_at(Timestamp(T0_MILLIS)),
        ..Config::default()
    })
    .await
    .expect("emulator starts")
}

/// A client for `region` whose access key id is `access_key` (12 digits = the account).
pub fn client_as(server: &impl Emulated, access_key: &str, region: &str) -> Client {
    let config = server
        .sdk_config()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .credentials_provider(Credentials::new(access_key, "secret", None, None, "tests"))
        .build();
    Client::from_conf(config)
}

/// A client in us-east-1 for account 111122223333.
pub fn client(server: &impl Emulated) -> Client {
    client_as(server, "111122223333", "us-east-1")
}

/// Moves the emulator's clock forward.
pub fn advance(server: &impl Emulated, seconds: u64) {
    server.clock().advance(Duration::from_secs(seconds));
}

/// The settings of the console's Quick start: IAM auth, an execution role, a default VPC.
pub async fn quick_start_domain(sm: &Client, name: &str) -> String {
    use aws_sdk_sagemaker::types::{AuthMode, UserSettings};
    let out = sm
        .create_domain()
        .domain_name(name)
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role("arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453")
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .expect("CreateDomain");
    out.domain_id().expect("DomainId").to_string()
}

/// A KernelGateway app of `user` on `instance` (a notebook kernel of Studio Classic).
pub async fn kernel(sm: &Client, domain_id: &str, user: &str, name: &str, instance: &str) {
    sm.create_app()
        .domain_id(domain_id)
        .user_profile_name(user)
        .app_type(aws_sdk_sagemaker::types::AppType::KernelGateway)
        .app_name(name)
        .resource_spec(
            aws_sdk_sagemaker::types::ResourceSpec::builder()
                .instance_type(instance.into())
                .build(),
        )
        .send()
        .await
        .unwrap();
}
