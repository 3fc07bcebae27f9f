//! Metering through the real SDK plus `GET /_emulator/usage`: the seed's worked example to the
//! second and the cent, two users, spaces, apps never deleted, and idle shutdown.

use crate::common::{advance, client, emulator, kernel, quick_start_domain, T0_MILLIS};
use aws_sdk_sagemaker::types::{
    AppLifecycleManagement, AppType, IdleSettings, JupyterLabAppSettings, LifecycleManagement,
    OwnershipSettings, SharingType, SpaceSharingSettings, UserSettings,
};
use aws_sdk_sagemaker::Client;
use sagemaker_studio_emulator::server::RunningServer;
use sagemaker_studio_emulator::usage_table;
use serde_json::{json, Value};

const T0: f64 = (T0_MILLIS / 1000) as f64;

async fn usage(server: &RunningServer, domain_id: &str) -> Value {
    usage_table::fetch(&server.endpoint_url(), &format!("DomainId={domain_id}"))
        .await
        .unwrap()
}

async fn shut_down(sm: &Client, domain_id: &str, user: &str, app_type: AppType, name: &str) {
    sm.delete_app()
        .domain_id(domain_id)
        .user_profile_name(user)
        .app_type(app_type)
        .app_name(name)
        .send()
        .await
        .unwrap();
}

/// A domain, InService, with the given user profiles, InService; the clock is back at a whole
/// second so that the test's hours are exact.
async fn domain_with_users(server: &RunningServer, sm: &Client, users: &[&str]) -> String {
    let domain_id = quick_start_domain(sm, "metering").await;
    advance(server, 1);
    for user in users {
        sm.create_user_profile()
            .domain_id(&domain_id)
            .user_profile_name(*user)
            .send()
            .await
            .unwrap();
    }
    advance(server, 1);
    domain_id
}

#[tokio::test]
async fn seed_example_bills_three_hours_of_t3_medium_and_one_of_m5_large() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = domain_with_users(&server, &sm, &["data-scientist"]).await;
    let start = T0 + 2.0;

    // 0 h: Studio opens (JupyterServer on system, free) and notebook #1 on ml.t3.medium.
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("data-scientist")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    kernel(
        &sm,
        &domain_id,
        "data-scientist",
        "notebook-1",
        "ml.t3.medium",
    )
    .await;
    // 1 h: notebook #2 on ml.t3.medium runs on the same instance.
    advance(&server, 3600);
    kernel(
        &sm,
        &domain_id,
        "data-scientist",
        "notebook-2",
        "ml.t3.medium",
    )
    .await;
    // 1.5 h: one instance, still running, shared by two notebooks.
    advance(&server, 1800);
    let halfway = usage(&server, &domain_id).await;
    assert_eq!(halfway["Instances"].as_array().unwrap().len(), 1);
    assert_eq!(
        halfway["Instances"][0]["Apps"],
        json!(["notebook-1", "notebook-2"])
    );
    assert_eq!(halfway["Instances"][0]["BilledSeconds"], 5400);
    assert_eq!(halfway["Instances"][0]["EndTime"], Value::Null);
    assert_eq!(halfway["TotalCostUsd"], 0.075);
    // 2 h: notebook #3 on ml.m5.large: a second instance.
    advance(&server, 1800);
    kernel(
        &sm,
        &domain_id,
        "data-scientist",
        "notebook-3",
        "ml.m5.large",
    )
    .await;
    // 3 h: every kernel shut down.
    advance(&server, 3600);
    for name in ["notebook-1", "notebook-2", "notebook-3"] {
        shut_down(
            &sm,
            &domain_id,
            "data-scientist",
            AppType::KernelGateway,
            name,
        )
        .await;
    }
    shut_down(
        &sm,
        &domain_id,
        "data-scientist",
        AppType::JupyterServer,
        "default",
    )
    .await;

    let report = usage(&server, &domain_id).await;
    let expected = json!({
        "Instances": [
            {"AccountId": "111122223333", "Region": "us-east-1", "DomainId": domain_id,
             "UserProfileName": "data-scientist", "SpaceName": null,
             "InstanceType": "ml.t3.medium", "Apps": ["notebook-1", "notebook-2"],
             "StartTime": start, "EndTime": start + 10800.0, "BilledSeconds": 10800,
             "HourlyPriceUsd": 0.05, "CostUsd": 0.15},
            {"AccountId": "111122223333", "Region": "us-east-1", "DomainId": domain_id,
             "UserProfileName": "data-scientist", "SpaceName": null,
             "InstanceType": "ml.m5.large", "Apps": ["notebook-3"],
             "StartTime": start + 7200.0, "EndTime": start + 10800.0, "BilledSeconds": 3600,
             "HourlyPriceUsd": 0.115, "CostUsd": 0.115}
        ],
        "TotalCostUsd": 0.265,
        "Currency": "USD"
    });
    let mut without_ids = report.clone();
    for instance in without_ids["Instances"].as_array_mut().unwrap() {
        let id = instance
            .as_object_mut()
            .unwrap()
            .remove("InstanceId")
            .unwrap();
        assert!(id.as_str().unwrap().starts_with("i-"));
    }
    assert_eq!(without_ids, expected);

    // An hour later nothing more is billed.
    advance(&server, 3600);
    assert_eq!(usage(&server, &domain_id).await, report);
    let table = usage_table::render(&report);
    assert!(table.contains("TOTAL 0.265000 USD"), "{table}");
}

#[tokio::test]
async fn two_users_on_one_type_run_two_instances() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = domain_with_users(&server, &sm, &["ann", "ben"]).await;
    kernel(&sm, &domain_id, "ann", "nb", "ml.t3.medium").await;
    kernel(&sm, &domain_id, "ben", "nb", "ml.t3.medium").await;
    advance(&server, 1800);
    let report = usage(&server, &domain_id).await;
    let instances = report["Instances"].as_array().unwrap();
    assert_eq!(instances.len(), 2);
    let owners: Vec<&str> = instances
        .iter()
        .map(|i| i["UserProfileName"].as_str().unwrap())
        .collect();
    assert_eq!(owners.len(), 2);
    assert!(owners.contains(&"ann") && owners.contains(&"ben"));
    assert!(instances.iter().all(|i| i["BilledSeconds"] == 1800));
    assert_eq!(report["TotalCostUsd"], 0.05);
}

#[tokio::test]
async fn a_never_deleted_app_keeps_billing_as_the_clock_moves() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = domain_with_users(&server, &sm, &["forgetful"]).await;
    kernel(&sm, &domain_id, "forgetful", "closed-tab", "ml.m5.large").await;
    advance(&server, 3600);
    let one_hour = usage(&server, &domain_id).await;
    assert_eq!(one_hour["Instances"][0]["BilledSeconds"], 3600);
    assert_eq!(one_hour["Instances"][0]["EndTime"], Value::Null);
    advance(&server, 23 * 3600);
    let one_day = usage(&server, &domain_id).await;
    assert_eq!(one_day["Instances"][0]["BilledSeconds"], 86_400);
    assert_eq!(one_day["TotalCostUsd"], 2.76);
}

async fn private_space(sm: &Client, domain_id: &str, owner: &str, name: &str) {
    sm.create_space()
        .domain_id(domain_id)
        .space_name(name)
        .ownership_settings(
            OwnershipSettings::builder()
                .owner_user_profile_name(owner)
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
}

async fn jupyter_lab(sm: &Client, domain_id: &str, space: &str) -> String {
    sm.create_app()
        .domain_id(domain_id)
        .space_name(space)
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn each_space_runs_its_own_instance() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = domain_with_users(&server, &sm, &["dana"]).await;
    private_space(&sm, &domain_id, "dana", "lab-a").await;
    private_space(&sm, &domain_id, "dana", "lab-b").await;
    advance(&server, 1);
    jupyter_lab(&sm, &domain_id, "lab-a").await;
    jupyter_lab(&sm, &domain_id, "lab-b").await;
    advance(&server, 3600);
    let report = usage(&server, &domain_id).await;
    let spaces: Vec<&str> = report["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["SpaceName"].as_str().unwrap())
        .collect();
    assert_eq!(spaces.len(), 2);
    assert!(spaces.contains(&"lab-a") && spaces.contains(&"lab-b"));
    assert_eq!(report["TotalCostUsd"], 0.1);
}

async fn post_activity(server: &RunningServer, arn: &str) -> Value {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = json!({"AppArn": arn}).to_string();
    let mut stream = tokio::net::TcpStream::connect(server.local_addr())
        .await
        .unwrap();
    let request = format!(
        "POST /_emulator/activity HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        server.local_addr(),
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{response}");
    serde_json::from_str(body).unwrap()
}

#[tokio::test]
async fn idle_shutdown_stops_billing_at_last_activity_plus_timeout() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "idle").await;
    advance(&server, 1);
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("eve")
        .user_settings(
            UserSettings::builder()
                .jupyter_lab_app_settings(
                    JupyterLabAppSettings::builder()
                        .app_lifecycle_management(
                            AppLifecycleManagement::builder()
                                .idle_settings(
                                    IdleSettings::builder()
                                        .lifecycle_management(LifecycleManagement::Enabled)
                                        .idle_timeout_in_minutes(60)
                                        .build(),
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
    private_space(&sm, &domain_id, "eve", "eve-lab").await;
    advance(&server, 1);
    let arn = jupyter_lab(&sm, &domain_id, "eve-lab").await;
    let created = T0 + 2.0;

    // Active at 30 min: the deadline moves to 90 min.
    advance(&server, 1800);
    let activity = post_activity(&server, &arn).await;
    assert_eq!(activity["IdleShutdownTime"], created + 5400.0);
    advance(&server, 3599);
    let before = usage(&server, &domain_id).await;
    assert_eq!(before["Instances"][0]["EndTime"], Value::Null);
    advance(&server, 1);
    let app = sm
        .describe_app()
        .domain_id(&domain_id)
        .space_name("eve-lab")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status().map(|s| s.as_str()), Some("Deleting"));
    advance(&server, 10 * 3600);
    let after = usage(&server, &domain_id).await;
    assert_eq!(after["Instances"][0]["BilledSeconds"], 5400);
    assert_eq!(after["Instances"][0]["EndTime"], created + 5400.0);
    assert_eq!(after["TotalCostUsd"], 0.075);
    let app = sm
        .describe_app()
        .domain_id(&domain_id)
        .space_name("eve-lab")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .send()
        .await
        .unwrap();
    assert_eq!(app.status().map(|s| s.as_str()), Some("Deleted"));
}
