//! The real `aws-sdk-sagemaker` against the emulator: the seed's onboarding walk-through from
//! domain to teardown, and every error path of the core resources, asserted as typed errors.

use crate::common::{advance, client, client_as, emulator, quick_start_domain, T0_MILLIS};
use aws_sdk_sagemaker::error::ProvideErrorMetadata;
use aws_sdk_sagemaker::types::{
    AppStatus, AppType, DomainStatus, KernelGatewayAppSettings, OwnershipSettings, ResourceSpec,
    SharingType, SpaceSharingSettings, SpaceStatus, UserProfileStatus, UserSettings,
};

fn spec(instance: &str) -> ResourceSpec {
    ResourceSpec::builder()
        .instance_type(instance.into())
        .build()
}

#[tokio::test]
async fn seed_walkthrough_onboards_runs_notebooks_and_tears_down() {
    let server = emulator().await;
    let sm = client(&server);

    // Onboard with Quick start: the domain is Pending, then InService.
    let created = sm
        .create_domain()
        .domain_name("studio-demo")
        .auth_mode(aws_sdk_sagemaker::types::AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role(
                    "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole",
                )
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap();
    let domain_id = created.domain_id().unwrap().to_string();
    assert!(
        domain_id.starts_with("d-") && domain_id.len() == 14,
        "{domain_id}"
    );
    assert!(domain_id[2..]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    assert_eq!(
        created.domain_arn(),
        Some(format!("arn:aws:sagemaker:us-east-1:111122223333:domain/{domain_id}").as_str())
    );
    assert_eq!(
        created.url(),
        Some(format!("https://{domain_id}.studio.us-east-1.sagemaker.aws").as_str())
    );

    let pending = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(pending.status(), Some(&DomainStatus::Pending));
    assert_eq!(pending.domain_name(), Some("studio-demo"));
    assert_eq!(
        pending.app_network_access_type(),
        Some(&aws_sdk_sagemaker::types::AppNetworkAccessType::PublicInternetOnly)
    );
    assert!(pending
        .home_efs_file_system_id()
        .unwrap()
        .starts_with("fs-"));
    assert_eq!(pending.subnet_ids(), ["subnet-0123456789abcdef0"]);
    let created_at = pending.creation_time().unwrap();
    assert_eq!(created_at.secs(), T0_MILLIS / 1000);
    assert_eq!(
        pending
            .default_user_settings()
            .and_then(|s| s.execution_role()),
        Some("arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole")
    );

    advance(&server, 1);
    let ready = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), Some(&DomainStatus::InService));
    assert_eq!(
        ready.last_modified_time().unwrap().secs(),
        T0_MILLIS / 1000 + 1
    );

    // The user of the walk-through.
    let profile = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .send()
        .await
        .unwrap();
    assert_eq!(
        profile.user_profile_arn(),
        Some(
            format!(
                "arn:aws:sagemaker:us-east-1:111122223333:user-profile/{domain_id}/data-scientist"
            )
            .as_str()
        )
    );
    let described = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .send()
        .await
        .unwrap();
    assert_eq!(described.status(), Some(&UserProfileStatus::Pending));
    assert_eq!(described.home_efs_file_system_uid(), Some("200005"));
    advance(&server, 1);

    // "Open Studio": the JupyterServer app on system, then notebooks on two instance types.
    let jupyter = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(
        jupyter.app_arn(),
        Some(
            format!("arn:aws:sagemaker:us-east-1:111122223333:app/{domain_id}/data-scientist/JupyterServer/default")
                .as_str()
        )
    );
    for (name, instance) in [
        ("notebook-1", "ml.t3.medium"),
        ("notebook-2", "ml.t3.medium"),
        ("notebook-3", "ml.m5.large"),
    ] {
        sm.create_app()
            .domain_id(&domain_id)
            .user_profile_name("data-scientist")
            .app_type(AppType::KernelGateway)
            .app_name(name)
            .resource_spec(spec(instance))
            .send()
            .await
            .unwrap();
    }
    let app = sm
        .describe_app()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status(), Some(&AppStatus::Pending));
    assert_eq!(
        app.resource_spec()
            .and_then(|s| s.instance_type())
            .map(|t| t.as_str()),
        Some("system")
    );
    advance(&server, 1);
    let listed = sm
        .list_apps()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.apps().len(), 4);
    assert!(listed
        .apps()
        .iter()
        .all(|a| a.status() == Some(&AppStatus::InService)));
    let m5 = listed
        .apps()
        .iter()
        .find(|a| a.app_name() == Some("notebook-3"))
        .unwrap();
    assert_eq!(
        m5.resource_spec()
            .and_then(|s| s.instance_type())
            .map(|t| t.as_str()),
        Some("ml.m5.large")
    );

    // Shut everything down in order.
    for (app_type, name) in [
        (AppType::KernelGateway, "notebook-1"),
        (AppType::KernelGateway, "notebook-2"),
        (AppType::KernelGateway, "notebook-3"),
        (AppType::JupyterServer, "default"),
    ] {
        sm.delete_app()
            .domain_id(&domain_id)
            .user_profile_name("data-scientist")
            .app_type(app_type)
            .app_name(name)
            .send()
            .await
            .unwrap();
    }
    let deleting = sm
        .describe_app()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .app_type(AppType::KernelGateway)
        .app_name("notebook-1")
        .send()
        .await
        .unwrap();
    assert_eq!(deleting.status(), Some(&AppStatus::Deleting));
    advance(&server, 1);
    let after = sm
        .list_apps()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(after.apps().len(), 4, "deleted apps stay visible");
    assert!(after
        .apps()
        .iter()
        .all(|a| a.status() == Some(&AppStatus::Deleted)));

    sm.delete_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .send()
        .await
        .unwrap();
    let deleting = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .send()
        .await
        .unwrap();
    assert_eq!(deleting.status(), Some(&UserProfileStatus::Deleting));
    advance(&server, 1);
    let gone = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .send()
        .await
        .unwrap_err();
    assert!(gone.into_service_error().is_resource_not_found());

    sm.delete_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    let deleting = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(deleting.status(), Some(&DomainStatus::Deleting));
    advance(&server, 1);
    let gone = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap_err();
    assert!(gone.into_service_error().is_resource_not_found());
    assert!(sm.list_domains().send().await.unwrap().domains().is_empty());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn describe_of_missing_resources_is_resource_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    let err = sm
        .describe_domain()
        .domain_id("d-000000000000")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());

    let domain_id = quick_start_domain(&sm, "d1").await;
    let err = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("nobody")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .create_user_profile()
        .domain_id("d-000000000000")
        .user_profile_name("someone")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("nobody")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .describe_space()
        .domain_id(&domain_id)
        .space_name("nowhere")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .describe_app()
        .domain_id(&domain_id)
        .user_profile_name("nobody")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn user_profile_names_are_unique_case_insensitively() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "d1").await;
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("Alice")
        .send()
        .await
        .unwrap();
    for name in ["Alice", "alice", "ALICE"] {
        let err = sm
            .create_user_profile()
            .domain_id(&domain_id)
            .user_profile_name(name)
            .send()
            .await
            .unwrap_err();
        assert!(err.into_service_error().is_resource_in_use(), "{name}");
    }
    let found = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("aLiCe")
        .send()
        .await
        .unwrap();
    assert_eq!(found.user_profile_name(), Some("Alice"));
    let listed = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.user_profiles().len(), 1);
}

#[tokio::test]
async fn deletes_with_dependants_are_resource_in_use_and_change_nothing() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "d1").await;
    advance(&server, 1);
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .send()
        .await
        .unwrap();
    let err = sm
        .delete_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    advance(&server, 1);
    assert_eq!(
        sm.describe_domain()
            .domain_id(&domain_id)
            .send()
            .await
            .unwrap()
            .status(),
        Some(&DomainStatus::InService)
    );

    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .resource_spec(spec("ml.t3.medium"))
        .send()
        .await
        .unwrap();
    let err = sm
        .delete_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .send()
        .await
        .unwrap_err();
    assert!(err
        .message()
        .unwrap_or_default()
        .contains("App(s) are associated"));
    assert!(err.into_service_error().is_resource_in_use());
    assert_eq!(
        sm.describe_user_profile()
            .domain_id(&domain_id)
            .user_profile_name("bob")
            .send()
            .await
            .unwrap()
            .status(),
        Some(&UserProfileStatus::InService)
    );

    // While the app is Deleting it still blocks; once Deleted, the profile can go. (DeleteApp
    // takes an InService app only.)
    advance(&server, 1);
    sm.delete_app()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .send()
        .await
        .unwrap();
    let err = sm
        .delete_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    advance(&server, 1);
    let err = sm
        .delete_app()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(err
        .message()
        .unwrap_or_default()
        .contains("has already been deleted"));
    sm.delete_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn instance_types_resolve_from_app_then_profile_then_domain() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "d1").await;
    advance(&server, 1);
    // No instance type anywhere: a KernelGateway app is refused.
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("plain")
        .send()
        .await
        .unwrap();
    let err = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("plain")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let listed = sm
        .list_apps()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert!(
        listed.apps().is_empty(),
        "a refused CreateApp stores nothing"
    );

    // JupyterServer runs on system only.
    let err = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("plain")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .resource_spec(spec("ml.t3.medium"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));

    // The profile's default, then the domain's.
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("gpu-user")
        .user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .default_resource_spec(spec("ml.g4dn.xlarge"))
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("gpu-user")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .send()
        .await
        .unwrap();
    sm.update_domain()
        .domain_id(&domain_id)
        .default_user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .default_resource_spec(spec("ml.m5.large"))
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        sm.describe_domain()
            .domain_id(&domain_id)
            .send()
            .await
            .unwrap()
            .status(),
        Some(&DomainStatus::Updating)
    );
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("plain")
        .app_type(AppType::KernelGateway)
        .app_name("nb")
        .send()
        .await
        .unwrap();
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("plain")
        .app_type(AppType::KernelGateway)
        .app_name("explicit")
        .resource_spec(spec("ml.c5.large"))
        .send()
        .await
        .unwrap();
    let types: Vec<(String, String, String)> = sm
        .list_apps()
        .domain_id_equals(&domain_id)
        .sort_order(aws_sdk_sagemaker::types::SortOrder::Ascending)
        .send()
        .await
        .unwrap()
        .apps()
        .iter()
        .map(|a| {
            (
                a.user_profile_name().unwrap_or_default().to_string(),
                a.app_name().unwrap_or_default().to_string(),
                a.resource_spec()
                    .and_then(|s| s.instance_type())
                    .map(|t| t.as_str().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        types,
        vec![
            ("gpu-user".into(), "nb".into(), "ml.g4dn.xlarge".into()),
            ("plain".into(), "nb".into(), "ml.m5.large".into()),
            ("plain".into(), "explicit".into(), "ml.c5.large".into()),
        ]
    );
}

#[tokio::test]
async fn spaces_run_one_app_and_block_their_deletion_while_it_lives() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "d1").await;
    advance(&server, 1);
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("carol")
        .send()
        .await
        .unwrap();
    // A private space needs its owner.
    let err = sm
        .create_space()
        .domain_id(&domain_id)
        .space_name("lonely")
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
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    sm.create_space()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .ownership_settings(
            OwnershipSettings::builder()
                .owner_user_profile_name("carol")
                .build(),
        )
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
        .send()
        .await
        .unwrap();
    let space = sm
        .describe_space()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .send()
        .await
        .unwrap();
    assert_eq!(space.status(), Some(&SpaceStatus::Pending));
    // A JupyterLab space's Url is its host and its app's path (docs/fidelity.md row 67).
    assert!(space
        .url()
        .unwrap()
        .ends_with(".studio.us-east-1.sagemaker.aws/jupyterlab/default"));
    assert_eq!(
        space
            .ownership_settings()
            .and_then(|o| o.owner_user_profile_name()),
        Some("carol")
    );
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .send()
        .await
        .unwrap();
    let lab = sm
        .describe_app()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(lab.space_name(), Some("carol-lab"));
    assert_eq!(
        lab.resource_spec()
            .and_then(|s| s.instance_type())
            .map(|t| t.as_str()),
        Some("ml.t3.medium")
    );
    let err = sm
        .create_app()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .app_type(AppType::CodeEditor)
        .app_name("default")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    let err = sm
        .delete_space()
        .domain_id(&domain_id)
        .space_name("carol-lab")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    let err = sm
        .delete_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("carol")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    let listed = sm
        .list_spaces()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.spaces().len(), 1);
    assert_eq!(
        listed.spaces()[0]
            .space_sharing_settings_summary()
            .and_then(|s| s.sharing_type()),
        Some(&SharingType::Private)
    );
}

#[tokio::test]
async fn paginators_visit_every_profile_once_and_forged_tokens_are_refused() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "d1").await;
    for i in 0..25 {
        sm.create_user_profile()
            .domain_id(&domain_id)
            .user_profile_name(format!("user-{i:02}"))
            .send()
            .await
            .unwrap();
    }
    let first = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(first.user_profiles().len(), 10, "AWS's default page size");
    let token = first.next_token().unwrap().to_string();

    let pages: Vec<_> = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .max_results(7)
        .into_paginator()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap();
    assert_eq!(pages.len(), 4);
    let names: Vec<String> = pages
        .iter()
        .flat_map(|p| p.user_profiles())
        .map(|p| p.user_profile_name().unwrap().to_string())
        .collect();
    // With no SortOrder, newest first, as AWS answers (docs/fidelity.md row 57).
    let expected: Vec<String> = (0..25).rev().map(|i| format!("user-{i:02}")).collect();
    assert_eq!(names, expected);

    let ascending: Vec<String> = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .sort_order(aws_sdk_sagemaker::types::SortOrder::Ascending)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap()
        .iter()
        .map(|p| p.user_profile_name().unwrap().to_string())
        .collect();
    assert_eq!(
        ascending,
        expected.iter().rev().cloned().collect::<Vec<_>>()
    );

    let err = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .next_token(format!("{token}x"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm.list_apps().next_token(token).send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn each_account_and_region_is_its_own_world() {
    let server = emulator().await;
    let east = client_as(&server, "111111111111", "us-east-1");
    let west = client_as(&server, "111111111111", "us-west-2");
    let other = client_as(&server, "222222222222", "us-east-1");
    let domain_id = quick_start_domain(&east, "mine").await;
    assert_eq!(east.list_domains().send().await.unwrap().domains().len(), 1);
    assert!(west
        .list_domains()
        .send()
        .await
        .unwrap()
        .domains()
        .is_empty());
    assert!(other
        .list_domains()
        .send()
        .await
        .unwrap()
        .domains()
        .is_empty());
    let err = other
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let west_domain = quick_start_domain(&west, "theirs").await;
    let described = west
        .describe_domain()
        .domain_id(&west_domain)
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.url(),
        Some(format!("https://{west_domain}.studio.us-west-2.sagemaker.aws").as_str())
    );
    assert!(described
        .domain_arn()
        .unwrap()
        .starts_with("arn:aws:sagemaker:us-west-2:111111111111:domain/"));
}

#[tokio::test]
async fn model_validation_errors_reach_the_sdk_as_validation_exception() {
    let server = emulator().await;
    let sm = client(&server);
    let err = sm
        .create_domain()
        .domain_name("bad_name!")
        .auth_mode(aws_sdk_sagemaker::types::AuthMode::Iam)
        .default_user_settings(UserSettings::builder().build())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert_eq!(
        err.message(),
        Some("1 validation error detected: Value 'bad_name!' at 'domainName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")
    );
    let err = sm
        .create_app()
        .domain_id("d-000000000000")
        .user_profile_name("x")
        .app_type(AppType::from("NotAType"))
        .app_name("default")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(
        err.message().unwrap().contains("at 'appType'"),
        "{:?}",
        err.message()
    );
    assert!(sm.list_domains().send().await.unwrap().domains().is_empty());
}
