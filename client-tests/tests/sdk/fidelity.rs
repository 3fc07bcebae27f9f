//! AWS's rules beyond the model, through the real `aws-sdk-sagemaker`: each test names the public
//! source of the behaviour it holds (docs/fidelity.md lists them all, with these tests' names),
//! and the failed states and quotas a test can ask for. The emulator runs in process (the SDK's
//! HTTP client hands requests to its router): a port is not the point here.

use crate::common::{advance, client, in_process, kernel, quick_start_domain, Emulated};
use aws_sdk_sagemaker::error::ProvideErrorMetadata;
use aws_sdk_sagemaker::types::{
    AppNetworkAccessType, AppSecurityGroupManagement, AppStatus, AppType, DomainStatus,
    ImageStatus, ResourceSpec, SpaceStatus, Tag, UserProfileStatus,
};
use aws_sdk_sagemaker::Client;
use sagemaker_studio_emulator::sim::faults::PendingFault;

/// The code and message of a failed call.
fn refusal<E: ProvideErrorMetadata + std::fmt::Debug, T: std::fmt::Debug>(
    result: Result<T, E>,
) -> (String, String) {
    let error = result.expect_err("the call must be refused");
    (
        error.code().unwrap_or_default().to_string(),
        error.message().unwrap_or_default().to_string(),
    )
}

/// Makes the next call of `operation` succeed and its transition end failed with `reason`.
fn fail_next(server: &impl Emulated, operation: &str, reason: &str) {
    server
        .service()
        .faults
        .inject(PendingFault {
            operation: operation.into(),
            error_code: None,
            http_status: 400,
            message: None,
            count: 1,
            delay_ms: 0,
            failure_reason: Some(reason.into()),
        })
        .expect("the fault is queued");
}

async fn profile(sm: &Client, domain: &str, name: &str) {
    sm.create_user_profile()
        .domain_id(domain)
        .user_profile_name(name)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn app_security_group_management_needs_rstudio_tf_39923() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "plain").await;
    advance(&server, 1);
    let (code, message) = refusal(
        sm.update_domain()
            .domain_id(&domain)
            .app_security_group_management(AppSecurityGroupManagement::Service)
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "AppSecurityGroupManagement can only be set for Rstudio enabled domains."
    );
    let described = sm
        .describe_domain()
        .domain_id(&domain)
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&DomainStatus::InService));
    assert_eq!(described.app_security_group_management(), None);
}

#[tokio::test]
async fn vpc_only_update_needs_vpc_and_subnets_tf_45528() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "net").await;
    advance(&server, 1);
    let (code, message) = refusal(
        sm.update_domain()
            .domain_id(&domain)
            .app_network_access_type(AppNetworkAccessType::VpcOnly)
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "VpcId and Subnet IDs are required for updating domains to VpcOnly mode."
    );
    // With both, and no app running, the update is made.
    sm.update_domain()
        .domain_id(&domain)
        .app_network_access_type(AppNetworkAccessType::VpcOnly)
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let described = sm
        .describe_domain()
        .domain_id(&domain)
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.app_network_access_type(),
        Some(&AppNetworkAccessType::VpcOnly)
    );
}

#[tokio::test]
async fn network_changes_wait_for_running_apps_tf_31912_update_domain_reference() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "busy").await;
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    kernel(&sm, &domain, "ana", "k1", "ml.t3.medium").await;
    let arn = format!("arn:aws:sagemaker:us-east-1:111122223333:domain/{domain}");
    // Pending counts as running for AppNetworkAccessType ("no apps in the InService, Pending, or
    // Deleting state").
    let (code, message) = refusal(
        sm.update_domain()
            .domain_id(&domain)
            .app_network_access_type(AppNetworkAccessType::VpcOnly)
            .vpc_id("vpc-0123456789abcdef0")
            .subnet_ids("subnet-0123456789abcdef0")
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        format!("Unable to update Domain [{arn}] with InService App. Delete all InService apps in the domain including shared Apps for [domain-shared] User Profile, and try again.")
    );
    // Once the app is deleted (and its deletion done), the same update is made. DeleteApp takes
    // an InService app only (docs/fidelity.md row 58).
    advance(&server, 1);
    sm.delete_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k1")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.update_domain()
        .domain_id(&domain)
        .app_network_access_type(AppNetworkAccessType::VpcOnly)
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn home_efs_creation_cannot_go_back_to_disabled_update_domain_reference() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "efs").await;
    advance(&server, 1);
    let (code, message) = refusal(
        sm.update_domain()
            .domain_id(&domain)
            .home_efs_file_system_creation(
                aws_sdk_sagemaker::types::HomeEfsFileSystemCreation::Disabled,
            )
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert!(
        message.contains("cannot be changed from Enabled to Disabled"),
        "{message}"
    );
}

#[tokio::test]
async fn describe_domain_fills_in_auto_mount_home_efs_tf_domain_basic() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "defaults").await;
    let described = sm
        .describe_domain()
        .domain_id(&domain)
        .send()
        .await
        .unwrap();
    assert_eq!(
        described
            .default_user_settings()
            .and_then(|s| s.auto_mount_home_efs()),
        Some(&aws_sdk_sagemaker::types::AutoMountHomeEfs::Enabled)
    );
    assert_eq!(
        described.tag_propagation(),
        Some(&aws_sdk_sagemaker::types::TagPropagation::Disabled)
    );
}

#[tokio::test]
async fn jupyter_server_apps_get_the_regions_first_party_image_tf_app_basic() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "classic").await;
    // The image a console Quick setup writes into the settings (docs/fidelity.md row 55) is
    // the one the app runs: set here on the profile.
    sm.create_user_profile()
        .domain_id(&domain)
        .user_profile_name("ana")
        .user_settings(
            aws_sdk_sagemaker::types::UserSettings::builder()
                .jupyter_server_app_settings(
                    aws_sdk_sagemaker::types::JupyterServerAppSettings::builder()
                        .default_resource_spec(
                            ResourceSpec::builder()
                                .sage_maker_image_arn(
                                    sagemaker_studio_emulator::resources::app::default_jupyter_server_image(
                                        "us-east-1",
                                    )
                                    .unwrap(),
                                )
                                .build(),
                        )
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    let app = sm
        .describe_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    let spec = app.resource_spec().unwrap();
    assert_eq!(
        spec.sage_maker_image_arn(),
        Some("arn:aws:sagemaker:us-east-1:081325390199:image/jupyter-server-3")
    );
    assert_eq!(spec.instance_type().map(|t| t.as_str()), Some("system"));
}

#[tokio::test]
async fn jupyter_server_apps_take_any_name_and_run_the_looseleaf_repository_recorded_c7n_2026() {
    // Recorded on AWS (fixtures/recordings/c7n-studio-2026-07): Terraform's JupyterServer apps
    // named `c7n-app-…` are InService (JupyterServer apps need not be named `default`), and with
    // no image anywhere their ResourceSpec names an ECR repository.
    let server = in_process();
    let sm = client(&server);
    let domain = sm
        .create_domain()
        .domain_name("plain")
        .auth_mode(aws_sdk_sagemaker::types::AuthMode::Iam)
        .default_user_settings(
            aws_sdk_sagemaker::types::UserSettings::builder()
                .execution_role("arn:aws:iam::123456789012:role/r")
                .build(),
        )
        .subnet_ids("subnet-1")
        .vpc_id("vpc-1")
        .send()
        .await
        .unwrap()
        .domain_id()
        .unwrap()
        .to_string();
    advance(&server, 1);
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("c7n-app-comic-chicken")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let app = sm
        .describe_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("c7n-app-comic-chicken")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status(), Some(&AppStatus::InService));
    let spec = app.resource_spec().unwrap();
    assert_eq!(
        spec.sage_maker_image_arn(),
        Some("arn:aws:ecr:us-east-1:081325390199:repository/looseleaf-jupyter-server-3")
    );
    assert_eq!(app.recovery_mode(), Some(false));
    assert_eq!(
        app.effective_trusted_identity_propagation_status(),
        Some(&aws_sdk_sagemaker::types::FeatureStatus::Disabled)
    );
    assert_eq!(app.last_health_check_timestamp(), app.creation_time());
    assert_eq!(app.last_user_activity_timestamp(), app.creation_time());
}

#[tokio::test]
async fn kernel_gateway_system_means_ml_t3_medium_resource_spec_reference() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "kg").await;
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    kernel(&sm, &domain, "ana", "k", "system").await;
    let app = sm
        .describe_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k")
        .send()
        .await
        .unwrap();
    assert_eq!(
        app.resource_spec()
            .and_then(|s| s.instance_type())
            .map(|t| t.as_str()),
        Some("ml.t3.medium")
    );
}

#[tokio::test]
async fn tags_of_a_deleted_app_are_refused_feedback_108() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "tags").await;
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    kernel(&sm, &domain, "ana", "k", "ml.t3.medium").await;
    let arn = format!("arn:aws:sagemaker:us-east-1:111122223333:app/{domain}/ana/KernelGateway/k");
    assert!(sm.list_tags().resource_arn(&arn).send().await.is_ok());
    advance(&server, 1);
    sm.delete_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    for result in [
        sm.list_tags()
            .resource_arn(&arn)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| e.into_service_error().meta().clone()),
        sm.add_tags()
            .resource_arn(&arn)
            .tags(Tag::builder().key("k").value("v").build())
            .send()
            .await
            .map(|_| ())
            .map_err(|e| e.into_service_error().meta().clone()),
    ] {
        let error = result.unwrap_err();
        assert_eq!(error.code(), Some("ValidationException"));
        assert_eq!(error.message().unwrap_or_default(), "");
    }
}

#[tokio::test]
async fn image_texts_are_aws_words_custom_image_samples_17() {
    let server = in_process();
    let sm = client(&server);
    let role = "arn:aws:iam::111122223333:role/image-role";
    sm.create_image()
        .image_name("conda-env-kernel-test")
        .role_arn(role)
        .send()
        .await
        .unwrap();
    let (code, message) = refusal(
        sm.create_image()
            .image_name("conda-env-kernel-test")
            .role_arn(role)
            .send()
            .await,
    );
    assert_eq!(code, "ResourceInUse");
    assert_eq!(message, "The Image with ImageName conda-env-kernel-test already exists. Please use a different ImageName.");
    // Still CREATING: not a valid state for a version.
    let (code, message) = refusal(
        sm.create_image_version()
            .image_name("conda-env-kernel-test")
            .base_image("111122223333.dkr.ecr.us-east-1.amazonaws.com/conda:latest")
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "Image conda-env-kernel-test is in an invalid state."
    );
    advance(&server, 1);
    let (code, message) = refusal(
        sm.describe_image_version()
            .image_name("conda-env-kernel-test")
            .send()
            .await,
    );
    assert_eq!(code, "ResourceNotFound");
    assert_eq!(message, "Latest ImageVersion with ImageName conda-env-kernel-test does not exist. Please provide a valid ImageName.");
    sm.create_app_image_config()
        .app_image_config_name("conda-config")
        .send()
        .await
        .unwrap();
    let (code, message) = refusal(
        sm.create_app_image_config()
            .app_image_config_name("conda-config")
            .send()
            .await,
    );
    assert_eq!(code, "ResourceInUse");
    assert_eq!(message, "The ID or Name specified is already in use.");
}

#[tokio::test]
async fn a_space_app_needs_an_in_service_space_canvas_troubleshooting() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "spaces").await;
    sm.create_space()
        .domain_id(&domain)
        .space_name("team")
        .send()
        .await
        .unwrap();
    let create = || {
        sm.create_app()
            .domain_id(&domain)
            .space_name("team")
            .app_type(AppType::JupyterLab)
            .app_name("default")
            .send()
    };
    let (code, message) = refusal(create().await);
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        format!("Unable to create app arn:aws:sagemaker:us-east-1:111122223333:app/{domain}/team/JupyterLab/default because space arn:aws:sagemaker:us-east-1:111122223333:space/{domain}/team is not in InService state")
    );
    advance(&server, 1);
    create().await.unwrap();
}

#[tokio::test]
async fn every_failed_state_on_demand_with_its_failure_reason() {
    let server = in_process();
    let sm = client(&server);
    // Domain: Failed.
    fail_next(&server, "CreateDomain", "No default VPC in the region.");
    let failed = quick_start_domain(&sm, "broken").await;
    let pending = sm
        .describe_domain()
        .domain_id(&failed)
        .send()
        .await
        .unwrap();
    assert_eq!(pending.status(), Some(&DomainStatus::Pending));
    assert_eq!(pending.failure_reason(), None);
    advance(&server, 1);
    let described = sm
        .describe_domain()
        .domain_id(&failed)
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&DomainStatus::Failed));
    assert_eq!(
        described.failure_reason(),
        Some("No default VPC in the region.")
    );
    // "Delete the failed Domain and recreate the Domain": a failed domain can be deleted.
    sm.delete_domain().domain_id(&failed).send().await.unwrap();

    // Domain: Update_Failed, then Delete_Failed (which refuses updates, and retries its delete).
    let domain = quick_start_domain(&sm, "works").await;
    advance(&server, 1);
    fail_next(
        &server,
        "UpdateDomain",
        "The security group does not exist.",
    );
    sm.update_domain()
        .domain_id(&domain)
        .default_user_settings(
            aws_sdk_sagemaker::types::UserSettings::builder()
                .execution_role("arn:aws:iam::111122223333:role/other")
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let described = sm
        .describe_domain()
        .domain_id(&domain)
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&DomainStatus::UpdateFailed));
    assert_eq!(
        described.failure_reason(),
        Some("The security group does not exist.")
    );

    // User profile: Failed, with its reason.
    fail_next(
        &server,
        "CreateUserProfile",
        "Home directory could not be created.",
    );
    profile(&sm, &domain, "broken").await;
    advance(&server, 1);
    let described = sm
        .describe_user_profile()
        .domain_id(&domain)
        .user_profile_name("broken")
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&UserProfileStatus::Failed));
    assert_eq!(
        described.failure_reason(),
        Some("Home directory could not be created.")
    );

    // Space: Delete_Failed, then refused updates, then a delete that works.
    sm.create_space()
        .domain_id(&domain)
        .space_name("team")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    fail_next(&server, "DeleteSpace", "The EBS volume is in use.");
    sm.delete_space()
        .domain_id(&domain)
        .space_name("team")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let described = sm
        .describe_space()
        .domain_id(&domain)
        .space_name("team")
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&SpaceStatus::DeleteFailed));
    assert_eq!(
        described.failure_reason(),
        Some("The EBS volume is in use.")
    );
    let (code, _) = refusal(
        sm.update_space()
            .domain_id(&domain)
            .space_name("team")
            .space_display_name("again")
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    sm.delete_space()
        .domain_id(&domain)
        .space_name("team")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let (code, _) = refusal(
        sm.describe_space()
            .domain_id(&domain)
            .space_name("team")
            .send()
            .await,
    );
    assert_eq!(code, "ResourceNotFound");

    // App: Failed. It blocks nothing, cannot be deleted ("previously failed and was
    // automatically deleted", Terraform's app.go), refuses tags, and is not billed past its
    // failure.
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    fail_next(
        &server,
        "CreateApp",
        "The kernel image could not be pulled.",
    );
    kernel(&sm, &domain, "ana", "k", "ml.t3.medium").await;
    advance(&server, 1);
    let app = sm
        .describe_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status(), Some(&AppStatus::Failed));
    assert_eq!(
        app.failure_reason(),
        Some("The kernel image could not be pulled.")
    );
    let (code, message) = refusal(
        sm.delete_app()
            .domain_id(&domain)
            .user_profile_name("ana")
            .app_type(AppType::KernelGateway)
            .app_name("k")
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
    assert!(
        message.contains("previously failed and was automatically deleted"),
        "{message}"
    );
    let usage = server.service().usage(&Default::default());
    let instance = usage
        .instances
        .iter()
        .find(|i| i.domain_id == domain)
        .unwrap();
    assert_eq!(instance.billed_seconds, 1);
    sm.delete_user_profile()
        .domain_id(&domain)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap();

    // Image: CREATE_FAILED with its reason.
    fail_next(&server, "CreateImage", "The role cannot be assumed.");
    sm.create_image()
        .image_name("bad")
        .role_arn("arn:aws:iam::111122223333:role/r")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let image = sm.describe_image().image_name("bad").send().await.unwrap();
    assert_eq!(image.image_status(), Some(&ImageStatus::CreateFailed));
    assert_eq!(image.failure_reason(), Some("The role cannot be assumed."));
}

#[tokio::test]
async fn a_lifecycle_script_that_exits_non_zero_fails_its_app_tf_27265() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "lcc").await;
    use base64::Engine as _;
    let script = base64::engine::general_purpose::STANDARD.encode("#!/bin/bash\nset -e\nexit 3\n");
    let config = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("broken")
        .studio_lifecycle_config_app_type(
            aws_sdk_sagemaker::types::StudioLifecycleConfigAppType::KernelGateway,
        )
        .studio_lifecycle_config_content(script)
        .send()
        .await
        .unwrap();
    let lcc = config.studio_lifecycle_config_arn().unwrap().to_string();
    sm.create_user_profile()
        .domain_id(&domain)
        .user_profile_name("ana")
        .user_settings(
            aws_sdk_sagemaker::types::UserSettings::builder()
                .kernel_gateway_app_settings(
                    aws_sdk_sagemaker::types::KernelGatewayAppSettings::builder()
                        .lifecycle_config_arns(&lcc)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .lifecycle_config_arn(&lcc)
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let app = sm
        .describe_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("k")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status(), Some(&AppStatus::Failed));
    assert!(app
        .failure_reason()
        .unwrap()
        .contains("exited with status 3"));
}

#[tokio::test]
async fn quotas_answer_aws_resource_limit_exceeded_jupyterlab_8759() {
    let server = sagemaker_studio_emulator::Emulator::builder()
        .clock(sagemaker_studio_emulator::clock::Clock::manual_at(
            sagemaker_studio_emulator::clock::Timestamp(crate::common::T0_MILLIS),
        ))
        .quota("apps:KernelGateway:ml.m5.12xlarge".parse().unwrap(), 0)
        .quota("apps:KernelGateway:ml.t3.medium".parse().unwrap(), 1)
        .quota("domains".parse().unwrap(), 1)
        .in_process()
        .unwrap();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "quota").await;
    let (code, message) = refusal(
        sm.create_domain()
            .domain_name("second")
            .auth_mode(aws_sdk_sagemaker::types::AuthMode::Iam)
            .default_user_settings(
                aws_sdk_sagemaker::types::UserSettings::builder()
                    .execution_role("arn:aws:iam::111122223333:role/r")
                    .build(),
            )
            .send()
            .await,
    );
    assert_eq!(code, "ResourceLimitExceeded");
    assert!(message.starts_with("The account-level service limit 'Total domains' is 1 Domains, with current utilization of 1 Domains and a request delta of 1 Domains."), "{message}");
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    let big = sm
        .create_app()
        .domain_id(&domain)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("big")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.m5.12xlarge".into())
                .build(),
        )
        .send()
        .await;
    let (code, message) = refusal(big);
    assert_eq!(code, "ResourceLimitExceeded");
    assert_eq!(message, "The account-level service limit 'Studio KernelGateway Apps running on ml.m5.12xlarge instance' is 0 Apps, with current utilization of 0 Apps and a request delta of 1 Apps. Please use AWS Service Quotas to request an increase for this quota. If AWS Service Quotas is not available, contact AWS support to request an increase for this quota.");
    kernel(&sm, &domain, "ana", "one", "ml.t3.medium").await;
    let (code, message) = refusal(
        sm.create_app()
            .domain_id(&domain)
            .user_profile_name("ana")
            .app_type(AppType::KernelGateway)
            .app_name("two")
            .resource_spec(
                ResourceSpec::builder()
                    .instance_type("ml.t3.medium".into())
                    .build(),
            )
            .send()
            .await,
    );
    assert_eq!(code, "ResourceLimitExceeded");
    assert!(
        message.contains("with current utilization of 1 Apps"),
        "{message}"
    );
    // Nothing was created by the refused calls.
    let apps = sm
        .list_apps()
        .domain_id_equals(&domain)
        .send()
        .await
        .unwrap();
    assert_eq!(apps.apps().len(), 1);
}

#[tokio::test]
async fn list_apps_takes_one_owner_filter_list_apps_reference() {
    let server = in_process();
    let sm = client(&server);
    let (code, _) = refusal(
        sm.list_apps()
            .user_profile_name_equals("ana")
            .space_name_equals("team")
            .send()
            .await,
    );
    assert_eq!(code, "ValidationException");
}

#[tokio::test]
async fn update_space_refuses_any_app_type_boto3_4375() {
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "types").await;
    sm.create_space()
        .domain_id(&domain)
        .space_name("lab")
        .space_settings(
            aws_sdk_sagemaker::types::SpaceSettings::builder()
                .app_type(AppType::JupyterLab)
                .build(),
        )
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    // A describe-edit-update round trip sends the space's own type back: AWS refuses that too.
    for app_type in [AppType::CodeEditor, AppType::JupyterLab] {
        let (code, message) = refusal(
            sm.update_space()
                .domain_id(&domain)
                .space_name("lab")
                .space_settings(
                    aws_sdk_sagemaker::types::SpaceSettings::builder()
                        .app_type(app_type)
                        .build(),
                )
                .send()
                .await,
        );
        assert_eq!(code, "ValidationException");
        assert_eq!(message, "Updating AppType for Space is not supported.");
    }
    // Without AppType the update goes through.
    sm.update_space()
        .domain_id(&domain)
        .space_name("lab")
        .space_display_name("Lab")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn app_metadata_outlives_the_app_by_24_hours_describe_app_creation_time() {
    // "After an application has been shut down for 24 hours, SageMaker AI deletes all metadata
    // for the application. To be considered an update and retain application metadata,
    // applications must be restarted within 24 hours after the previous application has been shut
    // down." (DescribeApp CreationTime, API reference); a recorded ListApps lists Deleted apps of
    // destroyed domains (fixtures/recordings/c7n-studio-2026-07).
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "retention").await;
    advance(&server, 1);
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    kernel(&sm, &domain, "ana", "k", "ml.t3.medium").await;
    advance(&server, 1);
    let describe = || {
        sm.describe_app()
            .domain_id(&domain)
            .user_profile_name("ana")
            .app_type(AppType::KernelGateway)
            .app_name("k")
            .send()
    };
    let created = describe().await.unwrap().creation_time().cloned();
    let delete = || {
        sm.delete_app()
            .domain_id(&domain)
            .user_profile_name("ana")
            .app_type(AppType::KernelGateway)
            .app_name("k")
            .send()
    };
    delete().await.unwrap();
    advance(&server, 1);
    // Restarted within 24 hours: the same CreationTime.
    advance(&server, 23 * 3600);
    kernel(&sm, &domain, "ana", "k", "ml.t3.medium").await;
    advance(&server, 1);
    let again = describe().await.unwrap();
    assert_eq!(again.status(), Some(&AppStatus::InService));
    assert_eq!(again.creation_time().cloned(), created);
    delete().await.unwrap();
    advance(&server, 1);
    // The owner and the domain go; the Deleted app stays described and listed.
    sm.delete_user_profile()
        .domain_id(&domain)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.delete_domain().domain_id(&domain).send().await.unwrap();
    advance(&server, 60);
    assert_eq!(
        describe().await.unwrap().status(),
        Some(&AppStatus::Deleted)
    );
    let listed = sm.list_apps().send().await.unwrap();
    assert_eq!(listed.apps().len(), 1);
    // A day after it was shut down, it is gone.
    advance(&server, 24 * 3600);
    let (code, _) = refusal(describe().await);
    assert_eq!(code, "ResourceNotFound");
    assert!(sm.list_apps().send().await.unwrap().apps().is_empty());
    // Both runs are still billed (forgetting metadata is not forgetting the bill).
    let usage = server.service().usage(&Default::default());
    assert_eq!(usage.instances.len(), 2, "{:?}", usage.instances);
}

#[tokio::test]
async fn lists_come_newest_first_without_sort_order_recorded_c7n_2026() {
    // The API reference says "The default is Ascending"; AWS answers newest first
    // (fixtures/recordings/c7n-studio-2026-07: ListApps, ListUserProfiles, ListSpaces).
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "order").await;
    advance(&server, 1);
    for name in ["first", "second", "third"] {
        profile(&sm, &domain, name).await;
        sm.create_space()
            .domain_id(&domain)
            .space_name(name)
            .send()
            .await
            .unwrap();
        advance(&server, 1);
        kernel(&sm, &domain, name, "k", "ml.t3.medium").await;
        advance(&server, 1);
    }
    let newest_first = ["third", "second", "first"];
    let profiles = sm
        .list_user_profiles()
        .domain_id_equals(&domain)
        .send()
        .await
        .unwrap();
    let names: Vec<_> = profiles
        .user_profiles()
        .iter()
        .filter_map(|p| p.user_profile_name())
        .collect();
    assert_eq!(names, newest_first);
    let spaces = sm
        .list_spaces()
        .domain_id_equals(&domain)
        .send()
        .await
        .unwrap();
    let names: Vec<_> = spaces
        .spaces()
        .iter()
        .filter_map(|s| s.space_name())
        .collect();
    assert_eq!(names, newest_first);
    let apps = sm
        .list_apps()
        .domain_id_equals(&domain)
        .send()
        .await
        .unwrap();
    let owners: Vec<_> = apps
        .apps()
        .iter()
        .filter_map(|a| a.user_profile_name())
        .collect();
    assert_eq!(owners, newest_first);
}

#[tokio::test]
async fn delete_app_needs_an_in_service_app_delete_domain_guide() {
    // "You can only delete an app with the status `InService` displayed as **Ready** in the
    // Domain." (developer guide, deleting a domain)
    let server = in_process();
    let sm = client(&server);
    let domain = quick_start_domain(&sm, "deletes").await;
    advance(&server, 1);
    profile(&sm, &domain, "ana").await;
    advance(&server, 1);
    kernel(&sm, &domain, "ana", "k", "ml.t3.medium").await;
    let delete = || {
        sm.delete_app()
            .domain_id(&domain)
            .user_profile_name("ana")
            .app_type(AppType::KernelGateway)
            .app_name("k")
            .send()
    };
    let (code, message) = refusal(delete().await);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("is in Pending status"), "{message}");
    advance(&server, 1);
    delete().await.unwrap();
    let (_, message) = refusal(delete().await);
    assert!(message.contains("is in Deleting status"), "{message}");
}
