//! Helpers of the Studio surface suites (presigned URLs, tags, lifecycle configurations, images):
//! ARNs and constants of the test account, makers of the resources they need, readers of tags,
//! statuses and versions, and a raw HTTP GET for the emulator's Studio page.

// What the surface suites share: the SDK's types and error trait, the clock and delays, and
// the helpers below. Each suite uses a part of them.
#[allow(unused_imports)]
pub use aws_sdk_sagemaker::error::ProvideErrorMetadata;
#[allow(unused_imports)]
pub use aws_sdk_sagemaker::primitives::DateTime;
#[allow(unused_imports)]
pub use aws_sdk_sagemaker::types::{
    AppImageConfigSortKey, AppType, AuthMode, CustomImage, FileSystemConfig, ImageSortBy,
    ImageSortOrder, ImageStatus, ImageVersionSortBy, ImageVersionSortOrder, ImageVersionStatus,
    JupyterLabAppImageConfig, JupyterLabAppSettings, JupyterServerAppSettings,
    KernelGatewayAppSettings, KernelGatewayImageConfig, KernelSpec, OwnershipSettings,
    ResourceSpec, SharingType, SortOrder, SpaceSharingSettings, StudioLifecycleConfigAppType,
    StudioLifecycleConfigSortKey, Tag, TagPropagation, UserSettings,
};
#[allow(unused_imports)]
pub use sagemaker_studio_emulator::clock::{Clock, Timestamp};
#[allow(unused_imports)]
pub use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};

#[allow(unused_imports)]
pub use aws_sdk_sagemaker::Client;
use sagemaker_studio_emulator::server::{start, Config, RunningServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{advance, T0_MILLIS};

/// `arn:aws:sagemaker:us-east-1:111122223333:` (the account and region of `common::client`).
pub const ARN_PREFIX: &str = "arn:aws:sagemaker:us-east-1:111122223333:";
pub const ROLE: &str = "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole";
pub const BASE_IMAGE: &str = "111122223333.dkr.ecr.us-east-1.amazonaws.com/my-kernel:latest";
/// Base64 of `#!/bin/bash\necho hi\n`: a lifecycle script as the API takes it.
pub const SCRIPT: &str = "IyEvYmluL2Jhc2gKZWNobyBoaQo=";
/// Epoch seconds of the manual clock's start.
pub const T0: i64 = T0_MILLIS / 1000;

pub fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

pub fn pairs(tags: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = tags
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    out.sort();
    out
}

/// Every tag of `arn`, in the order ListTags pages them.
pub async fn tags_in_order(sm: &Client, arn: &str) -> Vec<(String, String)> {
    sm.list_tags()
        .resource_arn(arn)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("ListTags")
        .iter()
        .map(|t| {
            (
                t.key().unwrap_or_default().to_string(),
                t.value().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Every tag of `arn`, sorted.
pub async fn tags_of(sm: &Client, arn: &str) -> Vec<(String, String)> {
    let mut tags = tags_in_order(sm, arn).await;
    tags.sort();
    tags
}

pub async fn create_profile(sm: &Client, domain_id: &str, name: &str) -> String {
    sm.create_user_profile()
        .domain_id(domain_id)
        .user_profile_name(name)
        .send()
        .await
        .expect("CreateUserProfile")
        .user_profile_arn()
        .expect("UserProfileArn")
        .to_string()
}

pub async fn create_private_space(sm: &Client, domain_id: &str, name: &str, owner: &str) -> String {
    sm.create_space()
        .domain_id(domain_id)
        .space_name(name)
        .space_sharing_settings(
            SpaceSharingSettings::builder()
                .sharing_type(SharingType::Private)
                .build(),
        )
        .space_settings(
            aws_sdk_sagemaker::types::SpaceSettings::builder()
                .app_type(aws_sdk_sagemaker::types::AppType::JupyterLab)
                .build(),
        )
        .ownership_settings(
            OwnershipSettings::builder()
                .owner_user_profile_name(owner)
                .build(),
        )
        .send()
        .await
        .expect("CreateSpace")
        .space_arn()
        .expect("SpaceArn")
        .to_string()
}

pub async fn create_lifecycle_config(
    sm: &Client,
    name: &str,
    app_type: StudioLifecycleConfigAppType,
) -> String {
    sm.create_studio_lifecycle_config()
        .studio_lifecycle_config_name(name)
        .studio_lifecycle_config_app_type(app_type)
        .studio_lifecycle_config_content(SCRIPT)
        .send()
        .await
        .expect("CreateStudioLifecycleConfig")
        .studio_lifecycle_config_arn()
        .expect("StudioLifecycleConfigArn")
        .to_string()
}

pub fn kernel_gateway_config(kernel: &str) -> KernelGatewayImageConfig {
    KernelGatewayImageConfig::builder()
        .kernel_specs(
            KernelSpec::builder()
                .name(kernel)
                .display_name(format!("Kernel {kernel}"))
                .build(),
        )
        .file_system_config(
            FileSystemConfig::builder()
                .mount_path("/home/sagemaker-user")
                .default_uid(1000)
                .default_gid(100)
                .build(),
        )
        .build()
}

pub async fn create_app_image_config(sm: &Client, name: &str) -> String {
    sm.create_app_image_config()
        .app_image_config_name(name)
        .kernel_gateway_image_config(kernel_gateway_config("python3"))
        .send()
        .await
        .expect("CreateAppImageConfig")
        .app_image_config_arn()
        .expect("AppImageConfigArn")
        .to_string()
}

/// Creates an image and lets it reach CREATED (versions can be added only then).
pub async fn create_image(server: &RunningServer, sm: &Client, name: &str) -> String {
    let arn = sm
        .create_image()
        .image_name(name)
        .role_arn(ROLE)
        .send()
        .await
        .expect("CreateImage")
        .image_arn()
        .expect("ImageArn")
        .to_string();
    advance(server, 1);
    arn
}

pub async fn create_version(sm: &Client, image: &str, token: &str, aliases: &[&str]) -> String {
    let mut call = sm
        .create_image_version()
        .image_name(image)
        .base_image(BASE_IMAGE)
        .client_token(token);
    for alias in aliases {
        call = call.aliases(*alias);
    }
    call.send()
        .await
        .expect("CreateImageVersion")
        .image_version_arn()
        .expect("ImageVersionArn")
        .to_string()
}

pub async fn image_status(sm: &Client, image: &str) -> ImageStatus {
    sm.describe_image()
        .image_name(image)
        .send()
        .await
        .expect("DescribeImage")
        .image_status()
        .expect("ImageStatus")
        .clone()
}

pub async fn version_status(sm: &Client, image: &str, version: i32) -> ImageVersionStatus {
    sm.describe_image_version()
        .image_name(image)
        .version(version)
        .send()
        .await
        .expect("DescribeImageVersion")
        .image_version_status()
        .expect("ImageVersionStatus")
        .clone()
}

pub async fn version_numbers(sm: &Client, image: &str) -> Vec<i32> {
    sm.list_image_versions()
        .image_name(image)
        .sort_by(ImageVersionSortBy::Version)
        .sort_order(ImageVersionSortOrder::Ascending)
        .send()
        .await
        .expect("ListImageVersions")
        .image_versions()
        .iter()
        .filter_map(|v| v.version())
        .collect()
}

pub async fn aliases(sm: &Client, image: &str, version: Option<i32>) -> Vec<String> {
    sm.list_aliases()
        .image_name(image)
        .set_version(version)
        .send()
        .await
        .expect("ListAliases")
        .sage_maker_image_version_aliases()
        .to_vec()
}

/// A custom image entry of `CustomImages`.
pub fn custom_image(image: &str, config: &str) -> CustomImage {
    CustomImage::builder()
        .image_name(image)
        .app_image_config_name(config)
        .build()
}

// ---------------------------------------------------------------------------------------------
// CreatePresignedDomainUrl and the emulator's Studio page
// ---------------------------------------------------------------------------------------------

/// An emulator whose presigned URLs open its own Studio page (`--studio-base-url`).
pub async fn emulator_with_studio_page() -> RunningServer {
    start(Config {
        port: 0,
        delays: DelayProfile::new(DelayPreset::Fast),
        clock: Clock::manual_at(Timestamp(T0_MILLIS)),
        studio_base_url: Some("{endpoint}/_emulator/studio".into()),
        ..Config::default()
    })
    .await
    .expect("emulator starts")
}

/// A plain HTTP/1.1 GET of an `http://` URL, as a browser opening it: (status, head, body).
pub async fn http_get(url: &str) -> (u16, String, String) {
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    let (host, path) = rest.split_at(rest.find('/').expect("a path"));
    let mut stream = TcpStream::connect(host).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("write the request");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .await
        .expect("read the response");
    let text = String::from_utf8(raw).expect("a UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    let head = head.to_ascii_lowercase();
    assert!(
        !head.contains("transfer-encoding: chunked"),
        "fixed-length answer expected: {head}"
    );
    (status, head, body.to_string())
}

/// The `<tr>` row of the Studio page that lists app `name`.
pub fn app_row<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    page.lines()
        .find(|line| line.starts_with("<tr>") && line.contains(&format!("<td>{name}</td>")))
}
