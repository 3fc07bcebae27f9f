//! Studio lifecycle configurations through the real `aws-sdk-sagemaker`: created, described,
//! listed and deleted, and the rules tying them to settings and apps.

use crate::common::surface::*;
use crate::common::{advance, client, emulator};

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
