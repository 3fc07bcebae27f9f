//! `sagemaker-studio-emulator quick-start` through the real binary against a running emulator:
//! the console's Quick setup made as API calls (a QuickSetupDomain with the console's settings,
//! the user profile, its default JupyterServer app), visible to any client afterwards.

mod common;

use serde_json::json;

use common::{auth, ok_as, server};

const BIN: &str = env!("CARGO_BIN_EXE_sagemaker-studio-emulator");

#[tokio::test]
async fn quick_start_makes_the_consoles_domain_profile_and_app() {
    let server = server().await;
    let addr = server.local_addr();
    let output = tokio::process::Command::new(BIN)
        .args([
            "quick-start",
            "--endpoint",
            &format!("http://{addr}"),
            "--user-name",
            "data-scientist",
            "--execution-role",
            "arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole",
            "--account-id",
            "111122223333",
        ])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.lines().count(), 3, "{stdout}");

    let caller = auth("111122223333", "us-east-1");
    let domains = ok_as(addr, Some(&caller), "ListDomains", &json!({})).await;
    let domain = &domains["Domains"][0];
    let name = domain["DomainName"].as_str().unwrap();
    assert!(name.starts_with("QuickSetupDomain-20"), "{name}");
    let id = domain["DomainId"].as_str().unwrap();
    let described = ok_as(
        addr,
        Some(&caller),
        "DescribeDomain",
        &json!({"DomainId": id}),
    )
    .await;
    let defaults = &described["DefaultUserSettings"];
    assert_eq!(defaults["StudioWebPortal"], "ENABLED");
    assert_eq!(defaults["DefaultLandingUri"], "studio::");
    assert_eq!(
        defaults["SharingSettings"]["NotebookOutputOption"],
        "Allowed"
    );
    assert_eq!(
        defaults["JupyterServerAppSettings"]["DefaultResourceSpec"]["SageMakerImageArn"],
        "arn:aws:sagemaker:us-east-1:081325390199:image/jupyter-server-3"
    );
    let app = ok_as(
        addr,
        Some(&caller),
        "DescribeApp",
        &json!({"DomainId": id, "UserProfileName": "data-scientist",
                "AppType": "JupyterServer", "AppName": "default"}),
    )
    .await;
    assert_eq!(app["ResourceSpec"]["InstanceType"], "system");
    server.shutdown().await.unwrap();
}
