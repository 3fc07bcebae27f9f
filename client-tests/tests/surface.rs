//! The rest of the Studio surface through the real `aws-sdk-sagemaker`: presigned
//! domain URLs and the emulator's Studio page, tags on every Studio ARN (given at creation,
//! added by AWS, inherited and propagated), Studio lifecycle configurations and the rules tying
//! them to settings and apps, app image configs, custom images and their versions and aliases,
//! and `CustomImages` in settings. Statuses move on the manual clock; errors are asserted typed.

mod common;

use aws_sdk_sagemaker::error::ProvideErrorMetadata;
use aws_sdk_sagemaker::primitives::DateTime;
use aws_sdk_sagemaker::types::{
    AppImageConfigSortKey, AppType, AuthMode, CustomImage, FileSystemConfig, ImageSortBy,
    ImageSortOrder, ImageStatus, ImageVersionSortBy, ImageVersionSortOrder, ImageVersionStatus,
    JupyterLabAppImageConfig, JupyterLabAppSettings, JupyterServerAppSettings,
    KernelGatewayAppSettings, KernelGatewayImageConfig, KernelSpec, OwnershipSettings,
    ResourceSpec, SharingType, SortOrder, SpaceSharingSettings, StudioLifecycleConfigAppType,
    StudioLifecycleConfigSortKey, Tag, TagPropagation, UserSettings,
};
use aws_sdk_sagemaker::Client;
use common::{advance, client, emulator, quick_start_domain, T0_MILLIS};
use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
use sagemaker_studio_emulator::server::{start, Config, RunningServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// `arn:aws:sagemaker:us-east-1:111122223333:` (the account and region of `common::client`).
const ARN_PREFIX: &str = "arn:aws:sagemaker:us-east-1:111122223333:";
const ROLE: &str = "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole";
const BASE_IMAGE: &str = "111122223333.dkr.ecr.us-east-1.amazonaws.com/my-kernel:latest";
/// Base64 of `#!/bin/bash\necho hi\n`: a lifecycle script as the API takes it.
const SCRIPT: &str = "IyEvYmluL2Jhc2gKZWNobyBoaQo=";
/// Epoch seconds of the manual clock's start.
const T0: i64 = T0_MILLIS / 1000;

fn tag(key: &str, value: &str) -> Tag {
    Tag::builder().key(key).value(value).build()
}

fn pairs(tags: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = tags
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    out.sort();
    out
}

/// Every tag of `arn`, in the order ListTags pages them.
async fn tags_in_order(sm: &Client, arn: &str) -> Vec<(String, String)> {
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
async fn tags_of(sm: &Client, arn: &str) -> Vec<(String, String)> {
    let mut tags = tags_in_order(sm, arn).await;
    tags.sort();
    tags
}

async fn create_profile(sm: &Client, domain_id: &str, name: &str) -> String {
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

async fn create_private_space(sm: &Client, domain_id: &str, name: &str, owner: &str) -> String {
    sm.create_space()
        .domain_id(domain_id)
        .space_name(name)
        .space_sharing_settings(
            SpaceSharingSettings::builder()
                .sharing_type(SharingType::Private)
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

async fn create_lifecycle_config(
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

fn kernel_gateway_config(kernel: &str) -> KernelGatewayImageConfig {
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

async fn create_app_image_config(sm: &Client, name: &str) -> String {
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
async fn create_image(server: &RunningServer, sm: &Client, name: &str) -> String {
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

async fn create_version(sm: &Client, image: &str, token: &str, aliases: &[&str]) -> String {
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

async fn image_status(sm: &Client, image: &str) -> ImageStatus {
    sm.describe_image()
        .image_name(image)
        .send()
        .await
        .expect("DescribeImage")
        .image_status()
        .expect("ImageStatus")
        .clone()
}

async fn version_status(sm: &Client, image: &str, version: i32) -> ImageVersionStatus {
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

async fn version_numbers(sm: &Client, image: &str) -> Vec<i32> {
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

async fn aliases(sm: &Client, image: &str, version: Option<i32>) -> Vec<String> {
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
fn custom_image(image: &str, config: &str) -> CustomImage {
    CustomImage::builder()
        .image_name(image)
        .app_image_config_name(config)
        .build()
}

// ---------------------------------------------------------------------------------------------
// CreatePresignedDomainUrl and the emulator's Studio page
// ---------------------------------------------------------------------------------------------

/// An emulator whose presigned URLs open its own Studio page (`--studio-base-url`).
async fn emulator_with_studio_page() -> RunningServer {
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
async fn http_get(url: &str) -> (u16, String, String) {
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
fn app_row<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    page.lines()
        .find(|line| line.starts_with("<tr>") && line.contains(&format!("<td>{name}</td>")))
}

#[tokio::test]
async fn presigned_url_has_the_studio_auth_shape_and_a_space_opens_on_its_own_host() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "presigned").await;
    create_profile(&sm, &domain_id, "ana").await;
    create_private_space(&sm, &domain_id, "ana-space", "ana").await;

    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    let prefix = format!("https://{domain_id}.studio.us-east-1.sagemaker.aws/auth?token=");
    assert!(url.starts_with(&prefix), "{url}");
    let token = &url[prefix.len()..];
    assert!(token.len() > 20, "{url}");
    assert!(
        token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "the token is URL-safe: {token}"
    );

    let space_url = sm
        .describe_space()
        .domain_id(&domain_id)
        .space_name("ana-space")
        .send()
        .await
        .unwrap()
        .url()
        .expect("a space has its own Url")
        .to_string();
    assert_ne!(
        space_url,
        format!("https://{domain_id}.studio.us-east-1.sagemaker.aws")
    );
    let in_space = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .space_name("ana-space")
        .expires_in_seconds(60)
        .session_expiration_duration_in_seconds(1800)
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    assert!(
        in_space.starts_with(&format!("{space_url}/auth?token=")),
        "{in_space} is on {space_url}"
    );
    assert_ne!(in_space[in_space.len() - 20..], url[url.len() - 20..]);
}

#[tokio::test]
async fn presigned_url_for_a_missing_user_profile_or_domain_is_resource_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "presigned-missing").await;
    let err = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("nobody")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .create_presigned_domain_url()
        .domain_id("d-000000000000")
        .user_profile_name("nobody")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    // ExpiresInSeconds is bounded 5..300 by the model.
    create_profile(&sm, &domain_id, "ana").await;
    let err = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .expires_in_seconds(301)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn presigned_url_opens_the_emulators_studio_page_with_the_users_apps_until_it_expires() {
    let server = emulator_with_studio_page().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "studio-page").await;
    create_profile(&sm, &domain_id, "ana").await;
    create_profile(&sm, &domain_id, "bob").await;
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("kernel-one")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .app_type(AppType::KernelGateway)
        .app_name("bobs-app")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .build(),
        )
        .send()
        .await
        .unwrap();

    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .expires_in_seconds(30)
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    let page_prefix = format!(
        "{}/_emulator/studio/{domain_id}/auth?token=",
        server.endpoint_url()
    );
    assert!(url.starts_with(&page_prefix), "{url}");

    let (status, head, page) = http_get(&url).await;
    assert_eq!(status, 200, "{page}");
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(page.to_ascii_lowercase().starts_with("<!doctype html>"));
    assert!(page.contains("ana"), "{page}");
    let server_row = app_row(&page, "default").expect("the JupyterServer app is listed");
    assert!(
        server_row.contains("JupyterServer") && server_row.contains("InService"),
        "{server_row}"
    );
    let kernel_row = app_row(&page, "kernel-one").expect("the KernelGateway app is listed");
    assert!(
        kernel_row.contains("KernelGateway")
            && kernel_row.contains("ml.t3.medium")
            && kernel_row.contains("Pending"),
        "{kernel_row}"
    );
    assert!(app_row(&page, "bobs-app").is_none(), "another user's app");

    // The page follows the apps' statuses while the URL is valid.
    advance(&server, 10);
    let (status, _, page) = http_get(&url).await;
    assert_eq!(status, 200);
    assert!(app_row(&page, "kernel-one").unwrap().contains("InService"));

    // Past ExpiresInSeconds the same URL is refused as AWS refuses it.
    advance(&server, 21);
    let (status, head, body) = http_get(&url).await;
    assert_eq!(status, 403, "{body}");
    assert!(head.contains("content-type: text/plain"), "{head}");
    assert!(body.contains("Invalid or Expired Auth Token"), "{body}");
}

#[tokio::test]
async fn a_tampered_or_misplaced_presigned_token_is_refused_with_403() {
    let server = emulator_with_studio_page().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "tamper").await;
    let other_domain = quick_start_domain(&sm, "tamper-other").await;
    create_profile(&sm, &domain_id, "ana").await;
    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    let (status, _, _) = http_get(&url).await;
    assert_eq!(status, 200, "the genuine URL opens");

    let (base, token) = url.split_once("?token=").unwrap();
    // One character changed in the grant, then in the seal.
    let mut grant_changed = token.as_bytes().to_vec();
    grant_changed[4] = if grant_changed[4] == b'A' { b'B' } else { b'A' };
    let mut seal_changed = token.as_bytes().to_vec();
    let last = seal_changed.len() - 1;
    seal_changed[last] = if seal_changed[last] == b'0' {
        b'1'
    } else {
        b'0'
    };
    for forged in [grant_changed, seal_changed] {
        let forged = String::from_utf8(forged).unwrap();
        let (status, _, body) = http_get(&format!("{base}?token={forged}")).await;
        assert_eq!(status, 403, "{forged}: {body}");
        assert!(body.contains("Invalid or Expired Auth Token"), "{body}");
    }
    // No token, and a genuine token on another domain's path.
    let (status, _, _) = http_get(base).await;
    assert_eq!(status, 403);
    let elsewhere = url.replace(&domain_id, &other_domain);
    let (status, _, _) = http_get(&elsewhere).await;
    assert_eq!(status, 403);
}

// ---------------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------------

/// One resource of every taggable Studio ARN type, in a domain `d` with profile `ana`, its
/// private space `ana-space`, app `default`; lifecycle config, app image config, image `img`
/// and its version 1.
struct EveryArn {
    domain_id: String,
    arns: Vec<(&'static str, String)>,
}

async fn one_of_every_arn(sm: &Client, server: &RunningServer) -> EveryArn {
    let domain_id = quick_start_domain(sm, "tagged").await;
    let domain_arn = format!("{ARN_PREFIX}domain/{domain_id}");
    let profile = create_profile(sm, &domain_id, "ana").await;
    let space = create_private_space(sm, &domain_id, "ana-space", "ana").await;
    advance(server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    let config =
        create_lifecycle_config(sm, "on-start", StudioLifecycleConfigAppType::JupyterLab).await;
    let app_image_config = create_app_image_config(sm, "kernels").await;
    let image = create_image(server, sm, "img").await;
    let version = create_version(sm, "img", "token-1", &[]).await;
    EveryArn {
        domain_id: domain_id.clone(),
        arns: vec![
            ("domain", domain_arn),
            ("user-profile", profile),
            ("space", space),
            ("app", app),
            ("studio-lifecycle-config", config),
            ("app-image-config", app_image_config),
            ("image", image),
            ("image-version", version),
        ],
    }
}

#[tokio::test]
async fn add_list_and_delete_tags_work_on_every_studio_arn_type() {
    let server = emulator().await;
    let sm = client(&server);
    let every = one_of_every_arn(&sm, &server).await;
    let domain_arn = format!("{ARN_PREFIX}domain/{}", every.domain_id);
    for (kind, arn) in &every.arns {
        assert!(
            arn.starts_with(&format!("{ARN_PREFIX}{kind}/")),
            "{kind}: {arn}"
        );
        let auto: Vec<(String, String)> = tags_of(&sm, arn).await;
        let added = sm
            .add_tags()
            .resource_arn(arn)
            .tags(tag("team", "ml"))
            .tags(tag("cost-center", "42"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("AddTags on {kind}: {e:?}"));
        assert_eq!(
            added.tags().len(),
            2,
            "{kind}: AddTags answers the tags given"
        );
        let mut expected = auto.clone();
        expected.extend(pairs(&[("team", "ml"), ("cost-center", "42")]));
        expected.sort();
        assert_eq!(tags_of(&sm, arn).await, expected, "{kind}");

        // AddTags overwrites the value of a key given again.
        sm.add_tags()
            .resource_arn(arn)
            .tags(tag("team", "research"))
            .send()
            .await
            .unwrap();
        let listed = tags_of(&sm, arn).await;
        assert!(
            listed.contains(&("team".into(), "research".into())),
            "{kind}"
        );
        assert!(!listed.contains(&("team".into(), "ml".into())), "{kind}");

        // DeleteTags removes the keys given and ignores unknown ones.
        sm.delete_tags()
            .resource_arn(arn)
            .tag_keys("team")
            .tag_keys("cost-center")
            .tag_keys("never-set")
            .send()
            .await
            .unwrap_or_else(|e| panic!("DeleteTags on {kind}: {e:?}"));
        assert_eq!(tags_of(&sm, arn).await, auto, "{kind}");
    }
    // The automatic tag of resources in a domain names the domain.
    for (kind, arn) in &every.arns[1..4] {
        assert_eq!(
            tags_of(&sm, arn).await,
            vec![("sagemaker:domain-arn".to_string(), domain_arn.clone())],
            "{kind}"
        );
    }
    for (kind, arn) in every
        .arns
        .iter()
        .filter(|(k, _)| *k == "domain" || k.contains("image") || k.contains("config"))
    {
        assert!(
            tags_of(&sm, arn).await.is_empty(),
            "{kind} has no automatic tag"
        );
    }

    // An ARN that names nothing is a ValidationException for all three operations.
    let missing = format!("{ARN_PREFIX}image/no-such-image");
    let err = sm
        .add_tags()
        .resource_arn(&missing)
        .tags(tag("a", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .list_tags()
        .resource_arn(&missing)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .delete_tags()
        .resource_arn(&missing)
        .tag_keys("a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn tags_given_at_creation_are_listed_on_every_resource_that_takes_them() {
    let server = emulator().await;
    let sm = client(&server);
    let created = sm
        .create_domain()
        .domain_name("tags-at-creation")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(UserSettings::builder().execution_role(ROLE).build())
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .tags(tag("owner", "domain"))
        .send()
        .await
        .unwrap();
    let domain_id = created.domain_id().unwrap().to_string();
    let domain_arn = created.domain_arn().unwrap().to_string();
    assert_eq!(
        tags_of(&sm, &domain_arn).await,
        pairs(&[("owner", "domain")])
    );

    let profile = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .tags(tag("owner", "profile"))
        .send()
        .await
        .unwrap()
        .user_profile_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[("owner", "profile"), ("sagemaker:domain-arn", &domain_arn)])
    );
    let space = sm
        .create_space()
        .domain_id(&domain_id)
        .space_name("shared")
        .tags(tag("owner", "space"))
        .send()
        .await
        .unwrap()
        .space_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &space).await,
        pairs(&[("owner", "space"), ("sagemaker:domain-arn", &domain_arn)])
    );
    advance(&server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .space_name("shared")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .tags(tag("owner", "app"))
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    // The app's own value of a key wins over its space's and domain's.
    assert_eq!(
        tags_of(&sm, &app).await,
        pairs(&[("owner", "app"), ("sagemaker:domain-arn", &domain_arn)])
    );

    let config = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("tagged")
        .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterServer)
        .studio_lifecycle_config_content(SCRIPT)
        .tags(tag("owner", "config"))
        .send()
        .await
        .unwrap()
        .studio_lifecycle_config_arn()
        .unwrap()
        .to_string();
    assert_eq!(tags_of(&sm, &config).await, pairs(&[("owner", "config")]));
    let app_image_config = sm
        .create_app_image_config()
        .app_image_config_name("tagged")
        .tags(tag("owner", "app-image-config"))
        .send()
        .await
        .unwrap()
        .app_image_config_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &app_image_config).await,
        pairs(&[("owner", "app-image-config")])
    );
    let image = sm
        .create_image()
        .image_name("tagged")
        .role_arn(ROLE)
        .tags(tag("owner", "image"))
        .send()
        .await
        .unwrap()
        .image_arn()
        .unwrap()
        .to_string();
    assert_eq!(tags_of(&sm, &image).await, pairs(&[("owner", "image")]));
}

#[tokio::test]
async fn apps_start_with_their_domains_and_owners_tags_and_the_domain_arn_tag() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "inherit").await;
    let domain_arn = format!("{ARN_PREFIX}domain/{domain_id}");
    let profile = create_profile(&sm, &domain_id, "ana").await;
    // Tags added after creation count too ("… added to any Apps … launched after").
    sm.add_tags()
        .resource_arn(&domain_arn)
        .tags(tag("cost-center", "domain"))
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    sm.add_tags()
        .resource_arn(&profile)
        .tags(tag("team", "ml"))
        .tags(tag("person", "ana"))
        .send()
        .await
        .unwrap();
    // TagPropagation is DISABLED by default: the profile did not get the domain's tags.
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[
            ("person", "ana"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml")
        ])
    );
    advance(&server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .tags(tag("purpose", "notebook"))
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    // Own tags, then the owner's (which win over the domain's), then the domain's.
    assert_eq!(
        tags_of(&sm, &app).await,
        pairs(&[
            ("cost-center", "domain"),
            ("person", "ana"),
            ("purpose", "notebook"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml"),
        ])
    );
    // Inherited at launch, not linked: a later change to the profile leaves the app alone.
    sm.delete_tags()
        .resource_arn(&profile)
        .tag_keys("person")
        .send()
        .await
        .unwrap();
    assert!(tags_of(&sm, &app)
        .await
        .contains(&("person".into(), "ana".into())));
}

#[tokio::test]
async fn tag_propagation_enabled_gives_new_profiles_and_spaces_the_domains_tags() {
    let server = emulator().await;
    let sm = client(&server);
    let created = sm
        .create_domain()
        .domain_name("propagating")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(UserSettings::builder().execution_role(ROLE).build())
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .tag_propagation(TagPropagation::Enabled)
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    let domain_id = created.domain_id().unwrap().to_string();
    let domain_arn = created.domain_arn().unwrap().to_string();
    let described = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(described.tag_propagation(), Some(&TagPropagation::Enabled));
    sm.add_tags()
        .resource_arn(&domain_arn)
        .tags(tag("cost-center", "7"))
        .send()
        .await
        .unwrap();

    let profile = create_profile(&sm, &domain_id, "ana").await;
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "platform")
        ])
    );
    // A profile's own value wins over the propagated one.
    let own = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .tags(tag("team", "ml"))
        .send()
        .await
        .unwrap()
        .user_profile_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &own).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml")
        ])
    );
    let space = create_private_space(&sm, &domain_id, "ana-space", "ana").await;
    assert_eq!(
        tags_of(&sm, &space).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "platform")
        ])
    );

    // The same in a domain with propagation DISABLED: only the automatic tag.
    let quiet = quick_start_domain(&sm, "not-propagating").await;
    let quiet_arn = format!("{ARN_PREFIX}domain/{quiet}");
    sm.add_tags()
        .resource_arn(&quiet_arn)
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    let profile = create_profile(&sm, &quiet, "ana").await;
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[("sagemaker:domain-arn", &quiet_arn)])
    );
}

#[tokio::test]
async fn more_than_50_tags_on_a_resource_is_a_validation_exception_that_adds_none() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "many-tags").await;
    // 51 in one call: the model's list bound.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 0..51 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    let err = call.send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(tags_of(&sm, &image).await.is_empty());

    // 30, then 21 more: the resource's limit.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 0..30 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    call.send().await.unwrap();
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 30..51 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    let err = call.send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(err.message().unwrap_or_default().contains("50"), "{err:?}");
    assert_eq!(tags_of(&sm, &image).await.len(), 30);
    // Overwriting existing keys does not count against the limit.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 10..30 {
        call = call.tags(tag(&format!("k{i:02}"), "w"));
    }
    call.send().await.unwrap();
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 30..50 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    call.send().await.unwrap();
    assert_eq!(tags_of(&sm, &image).await.len(), 50);
}

#[tokio::test]
async fn duplicate_tag_keys_are_a_validation_exception_on_add_tags_and_at_creation() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "dup-tags").await;
    let err = sm
        .add_tags()
        .resource_arn(&image)
        .tags(tag("team", "a"))
        .tags(tag("team", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(tags_of(&sm, &image).await.is_empty());

    let err = sm
        .create_image()
        .image_name("dup-at-creation")
        .role_arn(ROLE)
        .tags(tag("team", "a"))
        .tags(tag("team", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .describe_image()
        .image_name("dup-at-creation")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn tag_keys_starting_with_aws_are_refused() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "reserved").await;
    for key in ["aws:cloudformation:stack-name", "AWS:Owner"] {
        let err = sm
            .add_tags()
            .resource_arn(&image)
            .tags(tag("fine", "yes"))
            .tags(tag(key, "x"))
            .send()
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some("ValidationException"), "{key}");
    }
    assert!(tags_of(&sm, &image).await.is_empty());
    let err = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("reserved")
        .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterLab)
        .studio_lifecycle_config_content(SCRIPT)
        .tags(tag("aws:owner", "me"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn list_tags_pages_every_tag_in_the_order_added() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "paged-tags").await;
    let mut call = sm.add_tags().resource_arn(&image);
    let expected: Vec<(String, String)> = (0..50)
        .map(|i| (format!("key-{:02}", 49 - i), format!("value-{i}")))
        .collect();
    for (k, v) in &expected {
        call = call.tags(tag(k, v));
    }
    call.send().await.unwrap();

    // The paginator visits all 50 once, in the order they were added (not sorted by key).
    assert_eq!(tags_in_order(&sm, &image).await, expected);
    // 50 is ListTags' page size and minimum MaxResults: one page holds a resource's tags.
    let first = sm
        .list_tags()
        .resource_arn(&image)
        .max_results(50)
        .send()
        .await
        .unwrap();
    assert_eq!(first.tags().len(), 50);
    if let Some(token) = first.next_token() {
        let rest = sm
            .list_tags()
            .resource_arn(&image)
            .next_token(token)
            .send()
            .await
            .unwrap();
        assert!(rest.tags().is_empty());
        assert!(rest.next_token().is_none());
    }
    let err = sm
        .list_tags()
        .resource_arn(&image)
        .max_results(49)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .list_tags()
        .resource_arn(&image)
        .next_token("forged-token")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

// ---------------------------------------------------------------------------------------------
// Studio lifecycle configurations
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn lifecycle_config_is_created_described_and_deleted() {
    let server = emulator().await;
    let sm = client(&server);
    let arn = create_lifecycle_config(
        &sm,
        "install-tools",
        StudioLifecycleConfigAppType::JupyterLab,
    )
    .await;
    assert_eq!(
        arn,
        format!("{ARN_PREFIX}studio-lifecycle-config/install-tools")
    );
    let described = sm
        .describe_studio_lifecycle_config()
        .studio_lifecycle_config_name("install-tools")
        .send()
        .await
        .unwrap();
    assert_eq!(described.studio_lifecycle_config_arn(), Some(arn.as_str()));
    assert_eq!(
        described.studio_lifecycle_config_name(),
        Some("install-tools")
    );
    assert_eq!(described.studio_lifecycle_config_content(), Some(SCRIPT));
    assert_eq!(
        described.studio_lifecycle_config_app_type(),
        Some(&StudioLifecycleConfigAppType::JupyterLab)
    );
    assert_eq!(described.creation_time().unwrap().secs(), T0);
    assert_eq!(described.last_modified_time().unwrap().secs(), T0);

    let err = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("install-tools")
        .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterLab)
        .studio_lifecycle_config_content(SCRIPT)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());

    sm.delete_studio_lifecycle_config()
        .studio_lifecycle_config_name("install-tools")
        .send()
        .await
        .unwrap();
    let err = sm
        .describe_studio_lifecycle_config()
        .studio_lifecycle_config_name("install-tools")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .delete_studio_lifecycle_config()
        .studio_lifecycle_config_name("install-tools")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    // Its tags went with it: ListTags no longer knows the ARN.
    let err = sm.list_tags().resource_arn(&arn).send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn lifecycle_config_content_that_is_not_base64_is_refused() {
    let server = emulator().await;
    let sm = client(&server);
    for content in ["#!/bin/bash\necho hi", "not base64!", "abc"] {
        let err = sm
            .create_studio_lifecycle_config()
            .studio_lifecycle_config_name("plain-text")
            .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterServer)
            .studio_lifecycle_config_content(content)
            .send()
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some("ValidationException"), "{content:?}");
    }
    let listed = sm.list_studio_lifecycle_configs().send().await.unwrap();
    assert!(listed.studio_lifecycle_configs().is_empty());
}

async fn config_names(
    call: aws_sdk_sagemaker::operation::list_studio_lifecycle_configs::builders::ListStudioLifecycleConfigsFluentBuilder,
) -> Vec<String> {
    call.into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("ListStudioLifecycleConfigs")
        .iter()
        .map(|c| c.studio_lifecycle_config_name().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn list_lifecycle_configs_filters_by_name_app_type_and_time_and_sorts() {
    let server = emulator().await;
    let sm = client(&server);
    // Created 10 s apart: alpha at T0, beta at T0+10, gamma at T0+20, delta at T0+30.
    for (name, app_type) in [
        ("alpha-server", StudioLifecycleConfigAppType::JupyterServer),
        ("beta-lab", StudioLifecycleConfigAppType::JupyterLab),
        ("gamma-server", StudioLifecycleConfigAppType::JupyterServer),
        ("delta-kernel", StudioLifecycleConfigAppType::KernelGateway),
    ] {
        create_lifecycle_config(&sm, name, app_type).await;
        advance(&server, 10);
    }
    let list = || sm.list_studio_lifecycle_configs();
    let at = |s: i64| DateTime::from_secs(T0 + s);

    // Default: newest first.
    assert_eq!(
        config_names(list()).await,
        ["delta-kernel", "gamma-server", "beta-lab", "alpha-server"]
    );
    assert_eq!(
        config_names(list().sort_order(SortOrder::Ascending)).await,
        ["alpha-server", "beta-lab", "gamma-server", "delta-kernel"]
    );
    assert_eq!(
        config_names(list().name_contains("server")).await,
        ["gamma-server", "alpha-server"]
    );
    assert_eq!(
        config_names(list().app_type_equals(StudioLifecycleConfigAppType::JupyterServer)).await,
        ["gamma-server", "alpha-server"]
    );
    assert_eq!(
        config_names(list().app_type_equals(StudioLifecycleConfigAppType::CodeEditor)).await,
        Vec::<String>::new()
    );
    assert_eq!(
        config_names(
            list()
                .creation_time_after(at(5))
                .creation_time_before(at(25))
        )
        .await,
        ["gamma-server", "beta-lab"]
    );
    assert_eq!(
        config_names(list().modified_time_after(at(15))).await,
        ["delta-kernel", "gamma-server"]
    );
    assert_eq!(
        config_names(list().modified_time_before(at(15))).await,
        ["beta-lab", "alpha-server"]
    );
    assert_eq!(
        config_names(
            list()
                .sort_by(StudioLifecycleConfigSortKey::Name)
                .sort_order(SortOrder::Ascending)
        )
        .await,
        ["alpha-server", "beta-lab", "delta-kernel", "gamma-server"]
    );
    assert_eq!(
        config_names(
            list()
                .sort_by(StudioLifecycleConfigSortKey::Name)
                .sort_order(SortOrder::Descending)
        )
        .await,
        ["gamma-server", "delta-kernel", "beta-lab", "alpha-server"]
    );
    assert_eq!(
        config_names(
            list()
                .sort_by(StudioLifecycleConfigSortKey::LastModifiedTime)
                .sort_order(SortOrder::Ascending)
        )
        .await,
        ["alpha-server", "beta-lab", "gamma-server", "delta-kernel"]
    );
    // Filters combine, and pages of 3 visit all four once.
    assert_eq!(
        config_names(list().name_contains("server").creation_time_after(at(5))).await,
        ["gamma-server"]
    );
    let first = list().max_results(3).send().await.unwrap();
    assert_eq!(first.studio_lifecycle_configs().len(), 3);
    let rest = list()
        .max_results(3)
        .next_token(first.next_token().expect("a second page"))
        .send()
        .await
        .unwrap();
    assert_eq!(rest.studio_lifecycle_configs().len(), 1);
    assert!(rest.next_token().is_none());
    // The listing omits the content, which only Describe returns.
    let listed = &first.studio_lifecycle_configs()[0];
    assert!(listed.studio_lifecycle_config_arn().is_some());
    assert_eq!(
        listed.creation_time().unwrap().secs(),
        T0 + 30,
        "delta-kernel first"
    );
}

#[tokio::test]
async fn lifecycle_config_named_by_a_domains_default_settings_cannot_be_deleted() {
    let server = emulator().await;
    let sm = client(&server);
    let arn =
        create_lifecycle_config(&sm, "on-start", StudioLifecycleConfigAppType::JupyterServer).await;
    let domain_id = sm
        .create_domain()
        .domain_name("uses-config")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role(ROLE)
                .jupyter_server_app_settings(
                    JupyterServerAppSettings::builder()
                        .lifecycle_config_arns(&arn)
                        .build(),
                )
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap()
        .domain_id()
        .unwrap()
        .to_string();
    let err = sm
        .delete_studio_lifecycle_config()
        .studio_lifecycle_config_name("on-start")
        .send()
        .await
        .unwrap_err();
    let message = err.message().unwrap_or_default().to_string();
    assert!(err.into_service_error().is_resource_in_use());
    assert!(message.contains(&domain_id), "names its user: {message}");
    sm.describe_studio_lifecycle_config()
        .studio_lifecycle_config_name("on-start")
        .send()
        .await
        .expect("still there");

    // Once the domain no longer names it, it can go.
    advance(&server, 1);
    sm.update_domain()
        .domain_id(&domain_id)
        .default_user_settings(
            UserSettings::builder()
                .jupyter_server_app_settings(
                    JupyterServerAppSettings::builder()
                        .set_lifecycle_config_arns(Some(vec![]))
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.delete_studio_lifecycle_config()
        .studio_lifecycle_config_name("on-start")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn create_app_needs_its_lifecycle_config_attached_of_its_type_and_existing() {
    let server = emulator().await;
    let sm = client(&server);
    let attached =
        create_lifecycle_config(&sm, "attached", StudioLifecycleConfigAppType::JupyterServer).await;
    let loose =
        create_lifecycle_config(&sm, "loose", StudioLifecycleConfigAppType::JupyterServer).await;
    let lab = create_lifecycle_config(&sm, "lab", StudioLifecycleConfigAppType::JupyterLab).await;
    let kernel =
        create_lifecycle_config(&sm, "kernel", StudioLifecycleConfigAppType::KernelGateway).await;
    // The domain's defaults attach `kernel`; the profile attaches `attached` (and `lab`, which is
    // of another type).
    let domain_id = sm
        .create_domain()
        .domain_name("lcc-apps")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role(ROLE)
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .lifecycle_config_arns(&kernel)
                        .build(),
                )
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap()
        .domain_id()
        .unwrap()
        .to_string();
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(
            UserSettings::builder()
                .jupyter_server_app_settings(
                    JupyterServerAppSettings::builder()
                        .lifecycle_config_arns(&attached)
                        .lifecycle_config_arns(&lab)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let server_app = |config: &str| {
        sm.create_app()
            .domain_id(&domain_id)
            .user_profile_name("ana")
            .app_type(AppType::JupyterServer)
            .app_name("default")
            .resource_spec(
                ResourceSpec::builder()
                    .instance_type("system".into())
                    .lifecycle_config_arn(config)
                    .build(),
            )
    };

    let err = server_app(&loose).send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"), "not attached");
    let err = server_app(&lab).send().await.unwrap_err();
    assert_eq!(
        err.code(),
        Some("ValidationException"),
        "attached, but for JupyterLab apps"
    );
    let missing = format!("{ARN_PREFIX}studio-lifecycle-config/missing");
    let err = server_app(&missing).send().await.unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let listed = sm
        .list_apps()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert!(listed.apps().is_empty(), "refused calls created no app");

    server_app(&attached)
        .send()
        .await
        .expect("attached to the profile");
    let described = sm
        .describe_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(
        described
            .resource_spec()
            .and_then(|s| s.lifecycle_config_arn()),
        Some(attached.as_str())
    );
    // Attached to the domain's defaults counts too; "None" means none.
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("kernel")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .lifecycle_config_arn(&kernel)
                .build(),
        )
        .send()
        .await
        .expect("attached to the domain's defaults");
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("plain")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .lifecycle_config_arn("None")
                .build(),
        )
        .send()
        .await
        .expect("None is no lifecycle configuration");
    // A configuration an app was started with is in use by the settings that attach it.
    let err = sm
        .delete_studio_lifecycle_config()
        .studio_lifecycle_config_name("attached")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
}

// ---------------------------------------------------------------------------------------------
// App image configs
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn app_image_config_is_created_described_listed_updated_and_deleted() {
    let server = emulator().await;
    let sm = client(&server);
    let arn = create_app_image_config(&sm, "python-kernels").await;
    assert_eq!(arn, format!("{ARN_PREFIX}app-image-config/python-kernels"));
    let err = sm
        .create_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());

    let described = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    assert_eq!(described.app_image_config_arn(), Some(arn.as_str()));
    assert_eq!(described.app_image_config_name(), Some("python-kernels"));
    assert_eq!(described.creation_time().unwrap().secs(), T0);
    assert_eq!(
        described.kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3"))
    );

    advance(&server, 10);
    create_app_image_config(&sm, "r-kernels").await;
    advance(&server, 10);
    create_app_image_config(&sm, "julia").await;
    let names = |out: &aws_sdk_sagemaker::operation::list_app_image_configs::ListAppImageConfigsOutput| -> Vec<String> {
        out.app_image_configs()
            .iter()
            .map(|c| c.app_image_config_name().unwrap().to_string())
            .collect()
    };
    let all = sm.list_app_image_configs().send().await.unwrap();
    assert_eq!(names(&all), ["julia", "r-kernels", "python-kernels"]);
    let kernels = sm
        .list_app_image_configs()
        .name_contains("kernels")
        .sort_by(AppImageConfigSortKey::Name)
        .sort_order(SortOrder::Ascending)
        .send()
        .await
        .unwrap();
    assert_eq!(names(&kernels), ["python-kernels", "r-kernels"]);
    let early = sm
        .list_app_image_configs()
        .creation_time_before(DateTime::from_secs(T0 + 15))
        .send()
        .await
        .unwrap();
    assert_eq!(names(&early), ["r-kernels", "python-kernels"]);
    assert_eq!(
        all.app_image_configs()[2].kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3")),
        "the listing carries the configuration"
    );

    // Update replaces the configuration given and moves LastModifiedTime.
    advance(&server, 10);
    let updated = sm
        .update_app_image_config()
        .app_image_config_name("python-kernels")
        .kernel_gateway_image_config(kernel_gateway_config("python3-gpu"))
        .jupyter_lab_app_image_config(JupyterLabAppImageConfig::builder().build())
        .send()
        .await
        .unwrap();
    assert_eq!(updated.app_image_config_arn(), Some(arn.as_str()));
    let described = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3-gpu"))
    );
    assert!(described.jupyter_lab_app_image_config().is_some());
    assert_eq!(described.creation_time().unwrap().secs(), T0);
    assert_eq!(described.last_modified_time().unwrap().secs(), T0 + 30);
    let recent = sm
        .list_app_image_configs()
        .modified_time_after(DateTime::from_secs(T0 + 25))
        .send()
        .await
        .unwrap();
    assert_eq!(names(&recent), ["python-kernels"]);

    sm.delete_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    let err = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .update_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .delete_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

// ---------------------------------------------------------------------------------------------
// Images and image versions
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn image_goes_from_creating_to_created_on_the_clock() {
    let server = emulator().await;
    let sm = client(&server);
    let arn = sm
        .create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .description("Team kernel")
        .display_name("My Image")
        .send()
        .await
        .unwrap()
        .image_arn()
        .unwrap()
        .to_string();
    assert_eq!(arn, format!("{ARN_PREFIX}image/my-image"));
    let creating = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(creating.image_status(), Some(&ImageStatus::Creating));
    assert_eq!(creating.image_arn(), Some(arn.as_str()));
    assert_eq!(creating.image_name(), Some("my-image"));
    assert_eq!(creating.role_arn(), Some(ROLE));
    assert_eq!(creating.description(), Some("Team kernel"));
    assert_eq!(creating.display_name(), Some("My Image"));
    assert_eq!(creating.creation_time().unwrap().secs(), T0);
    advance(&server, 1);
    let created = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(created.image_status(), Some(&ImageStatus::Created));
    assert_eq!(created.last_modified_time().unwrap().secs(), T0 + 1);

    let err = sm
        .create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    let err = sm
        .describe_image()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());

    advance(&server, 10);
    sm.create_image()
        .image_name("another")
        .role_arn(ROLE)
        .send()
        .await
        .unwrap();
    let listed: Vec<String> = sm
        .list_images()
        .sort_by(ImageSortBy::ImageName)
        .sort_order(ImageSortOrder::Ascending)
        .send()
        .await
        .unwrap()
        .images()
        .iter()
        .map(|i| i.image_name().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["another", "my-image"]);
    let newest_first = sm.list_images().send().await.unwrap();
    let statuses: Vec<(&str, &ImageStatus)> = newest_first
        .images()
        .iter()
        .map(|i| (i.image_name().unwrap(), i.image_status().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("another", &ImageStatus::Creating),
            ("my-image", &ImageStatus::Created)
        ]
    );
    let mine = sm
        .list_images()
        .name_contains("my-")
        .creation_time_before(DateTime::from_secs(T0 + 5))
        .send()
        .await
        .unwrap();
    assert_eq!(mine.images().len(), 1);
}

#[tokio::test]
async fn update_image_goes_updating_to_created_and_delete_properties_removes_them() {
    let server = emulator().await;
    let sm = client(&server);
    sm.create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .description("old")
        .display_name("Old name")
        .send()
        .await
        .unwrap();
    // Only a CREATED image can be updated.
    let err = sm
        .update_image()
        .image_name("my-image")
        .description("too early")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    advance(&server, 1);

    let updated = sm
        .update_image()
        .image_name("my-image")
        .description("new")
        .role_arn("arn:aws:iam::111122223333:role/Other")
        .send()
        .await
        .unwrap();
    assert_eq!(
        updated.image_arn(),
        Some(format!("{ARN_PREFIX}image/my-image").as_str())
    );
    let updating = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(updating.image_status(), Some(&ImageStatus::Updating));
    assert_eq!(updating.description(), Some("new"));
    assert_eq!(updating.display_name(), Some("Old name"), "not given: kept");
    assert_eq!(
        updating.role_arn(),
        Some("arn:aws:iam::111122223333:role/Other")
    );
    advance(&server, 1);
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Created);

    sm.update_image()
        .image_name("my-image")
        .delete_properties("DisplayName")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let described = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(described.image_status(), Some(&ImageStatus::Created));
    assert_eq!(described.display_name(), None);
    assert_eq!(described.description(), Some("new"));
    assert_eq!(described.last_modified_time().unwrap().secs(), T0 + 3);

    let err = sm
        .update_image()
        .image_name("no-such-image")
        .description("x")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn image_versions_are_numbered_from_1_and_a_client_token_creates_one_version_once() {
    let server = emulator().await;
    let sm = client(&server);
    let image_arn = create_image(&server, &sm, "my-image").await;
    let first = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(first, format!("{ARN_PREFIX}image-version/my-image/1"));
    let described = sm
        .describe_image_version()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(described.version(), Some(1));
    assert_eq!(
        described.image_version_status(),
        Some(&ImageVersionStatus::Creating)
    );
    assert_eq!(described.image_arn(), Some(image_arn.as_str()));
    assert_eq!(described.image_version_arn(), Some(first.as_str()));
    assert_eq!(described.base_image(), Some(BASE_IMAGE));
    assert!(described.container_image().is_some());
    advance(&server, 1);
    assert_eq!(
        version_status(&sm, "my-image", 1).await,
        ImageVersionStatus::Created
    );

    let second = create_version(&sm, "my-image", "token-2", &[]).await;
    assert_eq!(second, format!("{ARN_PREFIX}image-version/my-image/2"));
    // The same ClientToken again answers the version it created, and creates nothing.
    let again = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(again, first);
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);
    // Without Version or Alias, Describe answers the latest.
    let latest = sm
        .describe_image_version()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(latest.version(), Some(2));
    assert_eq!(
        latest.image_version_status(),
        Some(&ImageVersionStatus::Creating)
    );
    let newest_first: Vec<i32> = sm
        .list_image_versions()
        .image_name("my-image")
        .send()
        .await
        .unwrap()
        .image_versions()
        .iter()
        .filter_map(|v| v.version())
        .collect();
    assert_eq!(newest_first, [2, 1]);
    let recent = sm
        .list_image_versions()
        .image_name("my-image")
        .creation_time_after(DateTime::from_secs(T0 + 1))
        .send()
        .await
        .unwrap();
    assert_eq!(recent.image_versions().len(), 1);

    // Numbers are per image.
    create_image(&server, &sm, "other-image").await;
    let other = create_version(&sm, "other-image", "token-1", &[]).await;
    assert_eq!(other, format!("{ARN_PREFIX}image-version/other-image/1"));

    let err = sm
        .create_image_version()
        .image_name("no-such-image")
        .base_image(BASE_IMAGE)
        .client_token("token-9")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .version(3)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_image_versions()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn aliases_are_listed_described_by_and_unique_among_an_images_versions() {
    let server = emulator().await;
    let sm = client(&server);
    create_image(&server, &sm, "my-image").await;
    create_version(&sm, "my-image", "token-1", &["stable", "v1"]).await;
    create_version(&sm, "my-image", "token-2", &["latest"]).await;
    advance(&server, 1);

    assert_eq!(
        aliases(&sm, "my-image", None).await,
        ["stable", "v1", "latest"]
    );
    assert_eq!(aliases(&sm, "my-image", Some(2)).await, ["latest"]);
    let one = sm
        .list_aliases()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(one.sage_maker_image_version_aliases(), ["stable"]);
    let by_alias = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(by_alias.version(), Some(1));

    // An alias that another version carries is refused, on update and on create.
    let err = sm
        .update_image_version()
        .image_name("my-image")
        .version(2)
        .aliases_to_add("stable")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .create_image_version()
        .image_name("my-image")
        .base_image(BASE_IMAGE)
        .client_token("token-3")
        .aliases("latest")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);

    // Moving an alias: remove it from one version, then add it to the other.
    let updated = sm
        .update_image_version()
        .image_name("my-image")
        .alias("stable")
        .aliases_to_delete("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(
        updated.image_version_arn(),
        Some(format!("{ARN_PREFIX}image-version/my-image/1").as_str())
    );
    sm.update_image_version()
        .image_name("my-image")
        .version(2)
        .aliases_to_add("stable")
        .release_notes("promoted")
        .send()
        .await
        .unwrap();
    assert_eq!(aliases(&sm, "my-image", Some(1)).await, ["v1"]);
    assert_eq!(
        aliases(&sm, "my-image", Some(2)).await,
        ["latest", "stable"]
    );
    let promoted = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(promoted.version(), Some(2));
    assert_eq!(promoted.release_notes(), Some("promoted"));
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("gone")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_aliases()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_aliases()
        .image_name("my-image")
        .version(99)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn delete_image_version_by_alias_or_number_goes_deleting_then_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    create_image(&server, &sm, "my-image").await;
    create_version(&sm, "my-image", "token-1", &["stable"]).await;
    create_version(&sm, "my-image", "token-2", &["latest"]).await;
    create_version(&sm, "my-image", "token-3", &[]).await;
    advance(&server, 1);

    sm.delete_image_version()
        .image_name("my-image")
        .alias("latest")
        .send()
        .await
        .unwrap();
    assert_eq!(
        version_status(&sm, "my-image", 2).await,
        ImageVersionStatus::Deleting
    );
    sm.delete_image_version()
        .image_name("my-image")
        .version(3)
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    for version in [2, 3] {
        let err = sm
            .describe_image_version()
            .image_name("my-image")
            .version(version)
            .send()
            .await
            .unwrap_err();
        assert!(
            err.into_service_error().is_resource_not_found(),
            "{version}"
        );
    }
    assert_eq!(version_numbers(&sm, "my-image").await, [1]);
    assert_eq!(aliases(&sm, "my-image", None).await, ["stable"]);
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Created);
    // Numbers are not reused.
    let next = create_version(&sm, "my-image", "token-4", &[]).await;
    assert!(next.ends_with("/my-image/4"), "{next}");

    let err = sm
        .delete_image_version()
        .image_name("my-image")
        .alias("latest")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .delete_image_version()
        .image_name("my-image")
        .version(9)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn delete_image_removes_it_and_its_versions_deleting_then_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    let image_arn = create_image(&server, &sm, "my-image").await;
    let version_arn = create_version(&sm, "my-image", "token-1", &["stable"]).await;
    create_version(&sm, "my-image", "token-2", &[]).await;
    create_image(&server, &sm, "kept").await;
    advance(&server, 1);

    sm.delete_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Deleting);
    assert_eq!(
        version_status(&sm, "my-image", 1).await,
        ImageVersionStatus::Deleting
    );
    assert_eq!(
        version_status(&sm, "my-image", 2).await,
        ImageVersionStatus::Deleting
    );
    // A version cannot be added to an image being deleted. AWS answers ValidationException
    // "Image … is in an invalid state" for an image not CREATED (as quoted in
    // aws-samples/sagemaker-studio-custom-image-samples#17); the emulator answers ResourceInUse
    // (reported): either way it is refused and adds nothing.
    let err = sm
        .create_image_version()
        .image_name("my-image")
        .base_image(BASE_IMAGE)
        .client_token("token-3")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err.code(), Some("ResourceInUse" | "ValidationException")),
        "{err:?}"
    );
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);

    advance(&server, 1);
    let err = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .version(1)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_image_versions()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let listed: Vec<String> = sm
        .list_images()
        .send()
        .await
        .unwrap()
        .images()
        .iter()
        .map(|i| i.image_name().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["kept"]);
    for arn in [&image_arn, &version_arn] {
        let err = sm.list_tags().resource_arn(arn).send().await.unwrap_err();
        assert_eq!(err.code(), Some("ValidationException"), "{arn}");
    }
    let err = sm
        .delete_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());

    // The name is free again, and versions count from 1 anew.
    create_image(&server, &sm, "my-image").await;
    let renewed = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(renewed, format!("{ARN_PREFIX}image-version/my-image/1"));
}

#[tokio::test]
async fn delete_image_is_refused_while_a_user_profiles_custom_images_name_it() {
    let server = emulator().await;
    let sm = client(&server);
    create_app_image_config(&sm, "kernels").await;
    create_image(&server, &sm, "team-image").await;
    create_version(&sm, "team-image", "token-1", &[]).await;
    advance(&server, 1);
    let domain_id = quick_start_domain(&sm, "custom-images").await;
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .custom_images(
                            CustomImage::builder()
                                .image_name("team-image")
                                .image_version_number(1)
                                .app_image_config_name("kernels")
                                .build(),
                        )
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let err = sm
        .delete_image()
        .image_name("team-image")
        .send()
        .await
        .unwrap_err();
    let message = err.message().unwrap_or_default().to_string();
    assert!(err.into_service_error().is_resource_in_use());
    assert!(message.contains("ana"), "names its user: {message}");
    assert_eq!(image_status(&sm, "team-image").await, ImageStatus::Created);
    assert_eq!(
        version_status(&sm, "team-image", 1).await,
        ImageVersionStatus::Created
    );

    // Once the profile's settings no longer name it, it can be deleted.
    advance(&server, 1);
    sm.update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .set_custom_images(Some(vec![]))
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.delete_image()
        .image_name("team-image")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn custom_images_naming_a_missing_image_or_app_image_config_are_resource_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    create_app_image_config(&sm, "kernels").await;
    create_image(&server, &sm, "team-image").await;
    advance(&server, 1);
    let domain_id = quick_start_domain(&sm, "missing-images").await;
    let with_images = |images: Vec<CustomImage>| {
        UserSettings::builder()
            .kernel_gateway_app_settings(
                KernelGatewayAppSettings::builder()
                    .set_custom_images(Some(images))
                    .build(),
            )
            .build()
    };

    let err = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image(
            "team-image",
            "no-such-config",
        )]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let profiles = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert!(profiles.user_profiles().is_empty(), "nothing was created");

    // UpdateUserProfile models ResourceNotFound; the settings stay as they were.
    create_profile(&sm, &domain_id, "ana").await;
    advance(&server, 1);
    let err = sm
        .update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let described = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap();
    assert!(described
        .user_settings()
        .and_then(|s| s.kernel_gateway_app_settings())
        .is_none());

    // The same rule for a domain's defaults and a space's settings, and for JupyterLab images.
    let err = sm
        .create_domain()
        .domain_name("bad-defaults")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role(ROLE)
                .jupyter_lab_app_settings(
                    JupyterLabAppSettings::builder()
                        .custom_images(custom_image("no-such-image", "kernels"))
                        .build(),
                )
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .update_domain()
        .domain_id(&domain_id)
        .default_user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    // An image that exists and its config are accepted.
    sm.update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("team-image", "kernels")]))
        .send()
        .await
        .unwrap();
}
