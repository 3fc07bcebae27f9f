//! Statuses over raw HTTP on a manual clock with a custom delay profile (docs/contract.md §3): each
//! transition holds until exactly its delay has passed, `LastModifiedTime` moves to the end of the
//! transition, deleted domains, profiles and spaces become `ResourceNotFound` while deleted apps
//! stay visible as `Deleted`, and `CreationTime` is the clock's now in epoch seconds.

mod common;

use std::time::Duration;

use common::*;
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile, Transition};
use serde_json::{json, Value};

const DOMAIN_CREATE: u64 = 300;
const DOMAIN_UPDATE: u64 = 45;
const DOMAIN_DELETE: u64 = 120;
const PROFILE_CREATE: u64 = 20;
const PROFILE_DELETE: u64 = 15;
const SPACE_CREATE: u64 = 25;
const SPACE_DELETE: u64 = 35;
const APP_CREATE: u64 = 60;
const APP_DELETE: u64 = 30;

/// Distinct delays per transition, so that a transition timed by the wrong delay shows.
fn delays() -> DelayProfile {
    DelayProfile::new(DelayPreset::Fast)
        .with(Transition::DomainCreate, Duration::from_secs(DOMAIN_CREATE))
        .with(Transition::DomainUpdate, Duration::from_secs(DOMAIN_UPDATE))
        .with(Transition::DomainDelete, Duration::from_secs(DOMAIN_DELETE))
        .with(
            Transition::UserProfileCreate,
            Duration::from_secs(PROFILE_CREATE),
        )
        .with(
            Transition::UserProfileDelete,
            Duration::from_secs(PROFILE_DELETE),
        )
        .with(Transition::SpaceCreate, Duration::from_secs(SPACE_CREATE))
        .with(Transition::SpaceDelete, Duration::from_secs(SPACE_DELETE))
        .with(Transition::AppCreate, Duration::from_secs(APP_CREATE))
        .with(Transition::AppDelete, Duration::from_secs(APP_DELETE))
}

/// Elapsed simulated seconds since `T0` (what the manual clock has been advanced by).
fn at(seconds_since_t0: f64) -> f64 {
    T0_SECONDS + seconds_since_t0
}

fn millis(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[tokio::test]
async fn a_domain_is_pending_until_exactly_its_create_delay_then_in_service() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "slow").await;
    let describe = json!({"DomainId": domain});

    let pending = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(pending["Status"], "Pending");
    assert_eq!(seconds(&pending["CreationTime"]), at(0.0));
    assert_eq!(seconds(&pending["LastModifiedTime"]), at(0.0));

    server.clock().advance(secs(DOMAIN_CREATE) - millis(1));
    let still = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(still["Status"], "Pending", "1 ms before the delay");
    assert_eq!(seconds(&still["LastModifiedTime"]), at(0.0));
    let listed = ok(addr, "ListDomains", &json!({})).await;
    assert_eq!(listed["Domains"][0]["Status"], "Pending");

    server.clock().advance(millis(1));
    let ready = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(ready["Status"], "InService", "at exactly the delay");
    assert_eq!(seconds(&ready["CreationTime"]), at(0.0));
    assert_eq!(
        seconds(&ready["LastModifiedTime"]),
        at(DOMAIN_CREATE as f64),
        "LastModifiedTime is the end of the transition"
    );
    let listed = ok(addr, "ListDomains", &json!({})).await;
    assert_eq!(listed["Domains"][0]["Status"], "InService");
    assert_eq!(
        seconds(&listed["Domains"][0]["LastModifiedTime"]),
        at(DOMAIN_CREATE as f64)
    );

    // Later reads do not move it further.
    server.clock().advance(secs(1000));
    let later = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(
        seconds(&later["LastModifiedTime"]),
        at(DOMAIN_CREATE as f64)
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn the_admin_clock_advance_moves_statuses_like_the_embedded_clock() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "admin-timed").await;
    let describe = json!({"DomainId": domain});
    let headers: [(&str, &[u8]); 1] = [("Content-Type", b"application/json")];
    let advance = |seconds: u64| {
        let body = format!("{{\"Seconds\": {seconds}}}");
        async move {
            let response = send(
                addr,
                "POST",
                "/_emulator/clock/advance",
                &headers,
                body.as_bytes(),
            )
            .await;
            assert_eq!(response.status, 200, "{}", response.describe());
        }
    };
    advance(DOMAIN_CREATE - 1).await;
    assert_eq!(
        ok(addr, "DescribeDomain", &describe).await["Status"],
        "Pending"
    );
    advance(1).await;
    assert_eq!(
        ok(addr, "DescribeDomain", &describe).await["Status"],
        "InService"
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn update_domain_is_updating_until_its_delay_and_moves_last_modified_time() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "updated").await;
    let describe = json!({"DomainId": domain});
    server.clock().advance(secs(400));

    ok(
        addr,
        "UpdateDomain",
        &json!({"DomainId": domain, "DefaultUserSettings": {"SecurityGroups": ["sg-0123456789abcdef0"]}}),
    )
    .await;
    let updating = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(updating["Status"], "Updating");
    assert_eq!(seconds(&updating["CreationTime"]), at(0.0));
    assert_eq!(seconds(&updating["LastModifiedTime"]), at(400.0));
    // Settings merged member by member: the role given at creation stays (and AWS's default
    // AutoMountHomeEFS is filled in, see docs/fidelity.md).
    assert_eq!(
        updating["DefaultUserSettings"],
        json!({"ExecutionRole": "arn:aws:iam::123456789012:role/SageMakerRole",
               "SecurityGroups": ["sg-0123456789abcdef0"], "AutoMountHomeEFS": "Enabled"})
    );

    server.clock().advance(secs(DOMAIN_UPDATE) - millis(1));
    assert_eq!(
        ok(addr, "DescribeDomain", &describe).await["Status"],
        "Updating"
    );
    server.clock().advance(millis(1));
    let done = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(done["Status"], "InService");
    assert_eq!(
        seconds(&done["LastModifiedTime"]),
        at(400.0 + DOMAIN_UPDATE as f64)
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn delete_domain_is_deleting_then_resource_not_found_after_the_delete_delay() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "doomed").await;
    let describe = json!({"DomainId": domain});
    server.clock().advance(secs(DOMAIN_CREATE + 10));

    ok(addr, "DeleteDomain", &describe).await;
    let deleting = ok(addr, "DescribeDomain", &describe).await;
    assert_eq!(deleting["Status"], "Deleting");
    assert_eq!(
        seconds(&deleting["LastModifiedTime"]),
        at((DOMAIN_CREATE + 10) as f64),
        "LastModifiedTime is the DeleteDomain call"
    );
    // While it is being deleted: a second delete is accepted, new children are refused.
    ok(addr, "DeleteDomain", &describe).await;
    refused(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "late"}),
        "ResourceInUse",
    )
    .await;

    server.clock().advance(secs(DOMAIN_DELETE) - millis(1));
    assert_eq!(
        ok(addr, "DescribeDomain", &describe).await["Status"],
        "Deleting"
    );
    let listed = ok(addr, "ListDomains", &json!({})).await;
    assert_eq!(listed["Domains"][0]["Status"], "Deleting");

    server.clock().advance(millis(1));
    let message = refused(addr, "DescribeDomain", &describe, "ResourceNotFound").await;
    assert!(message.contains(&domain), "{message}");
    assert_eq!(
        ok(addr, "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    refused(addr, "DeleteDomain", &describe, "ResourceNotFound").await;
    refused(
        addr,
        "UpdateDomain",
        &json!({"DomainId": domain}),
        "ResourceNotFound",
    )
    .await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn user_profiles_and_spaces_follow_their_own_delays_and_disappear_after_deletion() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "family").await;
    let profile = json!({"DomainId": domain, "UserProfileName": "alice"});
    let space = json!({"DomainId": domain, "SpaceName": "shared"});
    ok(addr, "CreateUserProfile", &profile).await;
    ok(addr, "CreateSpace", &space).await;

    assert_eq!(
        ok(addr, "DescribeUserProfile", &profile).await["Status"],
        "Pending"
    );
    assert_eq!(ok(addr, "DescribeSpace", &space).await["Status"], "Pending");
    server.clock().advance(secs(PROFILE_CREATE));
    let alice = ok(addr, "DescribeUserProfile", &profile).await;
    assert_eq!(alice["Status"], "InService");
    assert_eq!(
        seconds(&alice["LastModifiedTime"]),
        at(PROFILE_CREATE as f64)
    );
    assert_eq!(ok(addr, "DescribeSpace", &space).await["Status"], "Pending");
    server.clock().advance(secs(SPACE_CREATE - PROFILE_CREATE));
    let shared = ok(addr, "DescribeSpace", &space).await;
    assert_eq!(shared["Status"], "InService");
    assert_eq!(
        seconds(&shared["LastModifiedTime"]),
        at(SPACE_CREATE as f64)
    );

    // t = SPACE_CREATE: delete both.
    ok(addr, "DeleteUserProfile", &profile).await;
    ok(addr, "DeleteSpace", &space).await;
    assert_eq!(
        ok(addr, "DescribeUserProfile", &profile).await["Status"],
        "Deleting"
    );
    assert_eq!(
        ok(addr, "DescribeSpace", &space).await["Status"],
        "Deleting"
    );
    // The domain still has them: it cannot be deleted yet.
    refused(
        addr,
        "DeleteDomain",
        &json!({"DomainId": domain}),
        "ResourceInUse",
    )
    .await;

    server.clock().advance(secs(PROFILE_DELETE));
    refused(addr, "DescribeUserProfile", &profile, "ResourceNotFound").await;
    let profiles = ok(addr, "ListUserProfiles", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(profiles["UserProfiles"], json!([]));
    assert_eq!(
        ok(addr, "DescribeSpace", &space).await["Status"],
        "Deleting"
    );
    server.clock().advance(secs(SPACE_DELETE - PROFILE_DELETE));
    refused(addr, "DescribeSpace", &space, "ResourceNotFound").await;
    let spaces = ok(addr, "ListSpaces", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(spaces["Spaces"], json!([]));
    // Now the domain can go.
    ok(addr, "DeleteDomain", &json!({"DomainId": domain})).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn delete_app_is_deleting_then_deleted_and_the_app_stays_visible() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "apps").await;
    let profile = json!({"DomainId": domain, "UserProfileName": "alice"});
    ok(addr, "CreateUserProfile", &profile).await;
    server.clock().advance(secs(100));

    let app = json!({"DomainId": domain, "UserProfileName": "alice", "AppType": "JupyterServer", "AppName": "default"});
    let created = ok(addr, "CreateApp", &app).await;
    assert_eq!(
        created["AppArn"],
        format!(
            "arn:aws:sagemaker:us-east-1:000000000000:app/{domain}/alice/JupyterServer/default"
        )
    );
    let pending = ok(addr, "DescribeApp", &app).await;
    assert_eq!(pending["Status"], "Pending");
    assert_eq!(seconds(&pending["CreationTime"]), at(100.0));
    server.clock().advance(secs(APP_CREATE) - millis(1));
    assert_eq!(ok(addr, "DescribeApp", &app).await["Status"], "Pending");
    server.clock().advance(millis(1));
    assert_eq!(ok(addr, "DescribeApp", &app).await["Status"], "InService");

    // t = 160: delete.
    ok(addr, "DeleteApp", &app).await;
    assert_eq!(ok(addr, "DescribeApp", &app).await["Status"], "Deleting");
    // Deleting again while it is deleting is refused: "You can only delete an app with the
    // status `InService`" (developer guide, deleting a domain).
    let message = refused(addr, "DeleteApp", &app, "ValidationException").await;
    assert!(message.contains("is in Deleting status"), "{message}");
    // The profile still has a live app.
    refused(addr, "DeleteUserProfile", &profile, "ResourceInUse").await;

    server.clock().advance(secs(APP_DELETE) - millis(1));
    assert_eq!(ok(addr, "DescribeApp", &app).await["Status"], "Deleting");
    server.clock().advance(millis(1));
    let deleted = ok(addr, "DescribeApp", &app).await;
    assert_eq!(deleted["Status"], "Deleted");
    assert_eq!(seconds(&deleted["CreationTime"]), at(100.0));
    let listed = ok(addr, "ListApps", &json!({"DomainIdEquals": domain})).await;
    let apps = listed["Apps"].as_array().unwrap();
    assert_eq!(apps.len(), 1, "{listed:?}");
    assert_eq!(apps[0]["Status"], "Deleted");
    assert_eq!(apps[0]["AppName"], "default");
    assert_eq!(apps[0]["UserProfileName"], "alice");

    // Deleting a Deleted app is a ValidationException; the profile can go now.
    let message = refused(addr, "DeleteApp", &app, "ValidationException").await;
    assert!(message.contains("has already been deleted"), "{message}");
    ok(addr, "DeleteUserProfile", &profile).await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn creation_time_is_the_clocks_now_in_epoch_seconds_for_every_resource() {
    let server = server_with(delays()).await;
    let addr = server.local_addr();
    server.clock().advance(millis(1_234_567));
    let now = at(1_234.567);
    let domain = create_domain(addr, "stamped").await;
    let profile = json!({"DomainId": domain, "UserProfileName": "alice"});
    let space = json!({"DomainId": domain, "SpaceName": "lab"});
    // A space starts apps only once InService: the app here belongs to the user profile.
    let app = json!({"DomainId": domain, "UserProfileName": "alice", "AppType": "KernelGateway",
                     "AppName": "default", "ResourceSpec": {"InstanceType": "ml.t3.medium"}});
    ok(addr, "CreateUserProfile", &profile).await;
    ok(addr, "CreateSpace", &space).await;
    ok(addr, "CreateApp", &app).await;

    let checks: [(&str, &Value, &str); 4] = [
        ("DescribeDomain", &json!({"DomainId": domain}), "domain"),
        ("DescribeUserProfile", &profile, "user profile"),
        ("DescribeSpace", &space, "space"),
        ("DescribeApp", &app, "app"),
    ];
    for (operation, body, what) in checks {
        let out = ok(addr, operation, body).await;
        assert_eq!(seconds(&out["CreationTime"]), now, "{what}: {out:?}");
        if let Some(modified) = out.get("LastModifiedTime") {
            assert_eq!(seconds(modified), now, "{what}: {out:?}");
        }
    }
    // Lists show the same instants.
    let domains = ok(addr, "ListDomains", &json!({})).await;
    assert_eq!(seconds(&domains["Domains"][0]["CreationTime"]), now);
    let profiles = ok(addr, "ListUserProfiles", &json!({})).await;
    assert_eq!(seconds(&profiles["UserProfiles"][0]["CreationTime"]), now);
    let spaces = ok(addr, "ListSpaces", &json!({})).await;
    assert_eq!(seconds(&spaces["Spaces"][0]["CreationTime"]), now);
    let apps = ok(addr, "ListApps", &json!({})).await;
    assert_eq!(seconds(&apps["Apps"][0]["CreationTime"]), now);
    server.shutdown().await.unwrap();
}
