//! The dashboard's HTTP surface over raw HTTP: the page and its config, the Studio tree
//! of `GET /_emulator/resources`, scenarios loaded with `POST /_emulator/scenario` and replayed
//! lazily on the manual clock, `GET /` redirecting browsers only, and `--scenario` refusing a bad
//! file at start.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{send, server, T0_SECONDS};
use serde_json::{json, Value};

const SEED: &str = include_str!("../../fixtures/scenarios/seed-notebooks.json");
const BIN: &str = env!("CARGO_BIN_EXE_sagemaker-studio-emulator");

async fn get(addr: std::net::SocketAddr, path: &str) -> common::Response {
    send(addr, "GET", path, &[], b"").await
}

async fn post(addr: std::net::SocketAddr, path: &str, body: &str) -> common::Response {
    send(
        addr,
        "POST",
        path,
        &[("Content-Type", b"application/json")],
        body.as_bytes(),
    )
    .await
}

#[tokio::test]
async fn the_page_and_its_config_are_served() {
    let server = server().await;
    let addr = server.local_addr();
    let page = get(addr, "/_emulator/ui").await;
    assert_eq!(page.status, 200, "{}", page.describe());
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.text().contains("id=\"total-cost\""));
    // No other page may frame it (a framed Reset is one click away), nor sniff its type.
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    assert_eq!(
        page.header("content-security-policy"),
        Some("frame-ancestors 'none'")
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    // Reset asks before it wipes everything.
    assert!(page.text().contains("window.confirm("));
    // Bound to 127.0.0.1: the controls are on.
    let config = get(addr, "/_emulator/ui/config").await;
    assert_eq!(config.json(), json!({"Controls": true}));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn browsers_opening_the_root_are_sent_to_the_dashboard_and_sdks_are_not() {
    let server = server().await;
    let addr = server.local_addr();
    let browser = send(
        addr,
        "GET",
        "/",
        &[("Accept", b"text/html,application/xhtml+xml,*/*;q=0.8")],
        b"",
    )
    .await;
    assert_eq!(browser.status, 303);
    assert_eq!(browser.header("location"), Some("/_emulator/ui"));
    let other = get(addr, "/").await;
    assert_eq!(other.status, 400);
    assert_eq!(
        other.error_code().as_deref(),
        Some("UnknownOperationException")
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_scenario_posted_at_runtime_unfolds_on_the_clock() {
    let server = server().await;
    let addr = server.local_addr();
    let loaded = post(addr, "/_emulator/scenario", SEED).await;
    assert_eq!(loaded.status, 200, "{}", loaded.describe());
    let progress = &loaded.json()["Scenario"];
    assert_eq!(progress["Name"], "seed-notebooks");
    assert_eq!(progress["T0"], T0_SECONDS);
    assert_eq!(progress["Done"], 4);

    // Half-way through hour 2: one shared ml.t3.medium instance, two notebooks on it.
    server.clock().advance(Duration::from_secs(5400));
    let tree = get(
        addr,
        "/_emulator/resources?AccountId=000000000000&Region=us-east-1",
    )
    .await;
    assert_eq!(tree.status, 200, "{}", tree.describe());
    let tree = tree.json();
    assert_eq!(tree["Now"], T0_SECONDS + 5400.0);
    let domain = &tree["Domains"][0];
    // Named from the emulator's clock at T0, as the console stamps a Quick setup.
    assert_eq!(
        domain["DomainName"].as_str().unwrap(),
        format!(
            "QuickSetupDomain-{}",
            sagemaker_studio_emulator::service::quick_setup::stamp(T0_SECONDS)
        )
    );
    assert_eq!(domain["Status"], "InService");
    let profile = &domain["UserProfiles"][0];
    assert_eq!(profile["UserProfileName"], "data-scientist");
    let apps: Vec<(&str, &str, &str)> = profile["Apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["AppName"].as_str().unwrap(),
                a["InstanceType"].as_str().unwrap(),
                a["Status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        apps,
        [
            ("default", "system", "InService"),
            ("notebook-1", "ml.t3.medium", "InService"),
            ("notebook-2", "ml.t3.medium", "InService"),
        ]
    );
    let usage = get(addr, "/_emulator/usage").await.json();
    assert_eq!(usage["TotalCostUsd"], 0.075);
    assert_eq!(
        usage["Instances"][0]["Apps"],
        json!(["notebook-1", "notebook-2"])
    );

    // Another account sees nothing.
    let other = get(addr, "/_emulator/resources?AccountId=999999999999").await;
    assert_eq!(other.json()["Domains"], json!([]));

    // Reset forgets the scenario too: time passing replays nothing more.
    assert_eq!(post(addr, "/_emulator/reset", "").await.status, 200);
    server.clock().advance(Duration::from_secs(7200));
    let after = get(addr, "/_emulator/resources").await.json();
    assert_eq!(after["Domains"], json!([]));
    assert_eq!(after["Scenario"], Value::Null);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_bad_scenario_body_is_a_typed_400_and_changes_nothing() {
    let server = server().await;
    let addr = server.local_addr();
    let not_json = post(addr, "/_emulator/scenario", "{").await;
    assert_eq!(not_json.status, 400);
    assert_eq!(
        not_json.error_code().as_deref(),
        Some("SerializationException")
    );
    let bad = post(
        addr,
        "/_emulator/scenario",
        r#"{"Steps": [{"AtSeconds": 0, "Call": "LaunchRocket"}]}"#,
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.error_code().as_deref(), Some("ValidationException"));
    assert!(
        bad.message()
            .contains("Steps[0].Call: 'LaunchRocket' is not an operation"),
        "{}",
        bad.message()
    );
    let wrong_method = get(addr, "/_emulator/scenario").await;
    assert_eq!(wrong_method.status, 405);
    assert_eq!(
        get(addr, "/_emulator/resources").await.json()["Scenario"],
        Value::Null
    );
    server.shutdown().await.unwrap();
}

#[test]
fn a_bad_scenario_file_stops_the_binary_with_the_problem_named() {
    let dir = std::env::temp_dir().join(format!("smse-scenario-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        r#"{"Steps": [{"AtSeconds": 60, "Call": "ListDomains"}, {"AtSeconds": 10, "Call": "ListDomains"}]}"#,
    )
    .unwrap();
    let missing = dir.join("missing.json");
    for (path, problem) in [
        (
            &file,
            "Steps[1].AtSeconds: 10 comes after 60: AtSeconds must not decrease",
        ),
        (&missing, "cannot read it"),
    ] {
        let out = Command::new(BIN)
            .args(["--port", "0", "--clock", "manual", "--scenario"])
            .arg(path)
            .env_remove("SMSE_UI_CONTROLS")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty(), "it must not listen");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("--scenario {}: ", path.display()))
                && stderr.contains(problem),
            "{stderr}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The Quick setup form's calls: the plan the dashboard fetches, made as any client makes calls,
/// leaves what the `quick-start` subcommand leaves (a QuickSetupDomain stamped with the emulator's
/// now, the profile, its JupyterServer app).
#[tokio::test]
async fn the_quick_setup_plan_is_the_subcommands_calls_stamped_with_the_emulators_now() {
    let server = server().await;
    let addr = server.local_addr();
    let role = "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole";
    let plan = get(
        addr,
        &format!("/_emulator/quick-start/plan?UserName=ana&ExecutionRole={role}&AccountId=111122223333&Region=eu-west-1"),
    )
    .await;
    assert_eq!(plan.status, 200, "{}", plan.describe());
    let plan = plan.json();
    assert_eq!(plan["AccountId"], "111122223333");
    assert_eq!(plan["Region"], "eu-west-1");
    let placeholder = plan["DomainIdPlaceholder"].as_str().unwrap();
    let expected = sagemaker_studio_emulator::quick_start::plan(
        "ana",
        role,
        &sagemaker_studio_emulator::quick_start::stamp(T0_SECONDS),
        "eu-west-1",
        "111122223333",
    );
    let calls = plan["Calls"].as_array().unwrap();
    assert_eq!(calls.len(), expected.len());
    for (call, (operation, input)) in calls.iter().zip(&expected) {
        assert_eq!(call["Operation"], *operation);
        assert_eq!(call["Input"], *input);
    }

    let caller = common::auth("111122223333", "eu-west-1");
    let mut domain_id = String::new();
    for call in calls {
        let input = call["Input"].to_string().replace(placeholder, &domain_id);
        let input: Value = serde_json::from_str(&input).unwrap();
        let out = common::ok_as(
            addr,
            Some(&caller),
            call["Operation"].as_str().unwrap(),
            &input,
        )
        .await;
        if let Some(id) = out.get("DomainId").and_then(Value::as_str) {
            domain_id = id.to_string();
        }
    }
    let app = common::ok_as(
        addr,
        Some(&caller),
        "DescribeApp",
        &json!({"DomainId": domain_id, "UserProfileName": "ana", "AppType": "JupyterServer", "AppName": "default"}),
    )
    .await;
    assert_eq!(app["ResourceSpec"]["InstanceType"], "system");

    // Without the two names there is nothing to plan.
    let refused = get(addr, "/_emulator/quick-start/plan?UserName=ana").await;
    assert_eq!(refused.status, 400, "{}", refused.describe());
    server.shutdown().await.unwrap();
}

/// The dashboard is served in the language Accept-Language prefers, and says caches must keep
/// the languages apart.
#[tokio::test]
async fn the_dashboard_speaks_the_language_the_browser_prefers() {
    let server = server().await;
    let addr = server.local_addr();
    for (accept, language) in [
        (&b"ja,en-US;q=0.8"[..], "ja"),
        (b"en-US,en;q=0.9,ja;q=0.8", "en"),
        (b"fr", "en"),
    ] {
        let page = send(
            addr,
            "GET",
            "/_emulator/ui",
            &[("Accept-Language", accept)],
            b"",
        )
        .await;
        assert_eq!(page.status, 200);
        assert!(
            page.text().contains(&format!("<html lang=\"{language}\">")),
            "{}",
            String::from_utf8_lossy(accept)
        );
        assert_eq!(page.header("vary"), Some("Accept-Language"));
        assert!(
            !page.text().contains("/*@common.js@*/"),
            "the shared script is inlined"
        );
    }
    server.shutdown().await.unwrap();
}

/// `--help` shows no secret given through the environment (`SMSE_ADMIN_TOKEN=… --help` printed
/// it as `[env: SMSE_ADMIN_TOKEN=…]`).
#[test]
fn help_does_not_print_the_admin_token_from_the_environment() {
    let out = Command::new(BIN)
        .arg("--help")
        .env("SMSE_ADMIN_TOKEN", "s3cr3t-from-env")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--admin-token"), "{help}");
    assert!(!help.contains("s3cr3t-from-env"), "{help}");
}

/// `--time-scale 1e300` (the issue: the clock left its range and every SDK call failed) and 0 are
/// refused at start, the bounds named.
#[test]
fn absurd_time_scales_are_refused_with_their_bounds() {
    for scale in ["1e300", "0", "-1", "NaN", "1000001"] {
        let out = Command::new(BIN)
            .args(["--port", "0", &format!("--time-scale={scale}")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{scale}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("from 0.001 to 1000000"),
            "{scale}: {stderr}"
        );
    }
}
