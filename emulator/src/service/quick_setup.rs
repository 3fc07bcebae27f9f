//! What the SageMaker console's Quick setup does, as a list of API calls: one list for both ways a
//! class starts — the `quick-start` subcommand and the dashboard's Quick setup form (which fetches
//! it from `GET /_emulator/quick-start/plan` and makes each call itself, as a boto3 client would).
//! The calls:
//! 1. CreateDomain `QuickSetupDomain-<UTC timestamp>` with the settings a real quick-setup
//!    domain carries (a captured DescribeDomain of one, us-east-1, 2025: IAM auth, the execution
//!    role for users and shared spaces, notebook sharing allowed, Studio as the landing page,
//!    the home EFS mounted, and JupyterServer on `system` with the region's `jupyter-server-3`);
//! 2. CreateUserProfile with the user name given;
//! 3. CreateApp of that profile's default JupyterServer app (Studio Classic's server, free).
//!
//! The console also fills in the account's default VPC and subnets and an S3 sharing bucket;
//! the emulator has no VPC to name, so the domain is created without them (the API allows it).

use serde_json::{json, Value};

/// Stands for the id the first call (CreateDomain) returns, in the inputs of the later calls.
pub const DOMAIN_ID_PLACEHOLDER: &str = "${DomainId}";

/// The calls of a quick setup, in order; [`DOMAIN_ID_PLACEHOLDER`] stands for the new domain's id.
pub fn plan(
    user: &str,
    role: &str,
    stamp: &str,
    region: &str,
    account: &str,
) -> Vec<(&'static str, Value)> {
    let image = crate::resources::app::default_jupyter_server_image(region);
    let mut jupyter = json!({"DefaultResourceSpec": {"InstanceType": "system"}});
    if let Some(image) = image {
        jupyter["DefaultResourceSpec"]["SageMakerImageArn"] = image.into();
    }
    vec![
        (
            "CreateDomain",
            json!({
                "DomainName": format!("QuickSetupDomain-{stamp}"),
                "AuthMode": "IAM",
                "AppNetworkAccessType": "PublicInternetOnly",
                "DefaultUserSettings": {
                    "ExecutionRole": role,
                    "SharingSettings": {
                        "NotebookOutputOption": "Allowed",
                        "S3OutputPath": format!("s3://sagemaker-studio-{account}-{}/sharing", stamp.to_lowercase()),
                    },
                    "JupyterServerAppSettings": jupyter,
                    "DefaultLandingUri": "studio::",
                    "StudioWebPortal": "ENABLED",
                    "AutoMountHomeEFS": "Enabled",
                },
                "DefaultSpaceSettings": {"ExecutionRole": role},
            }),
        ),
        (
            "CreateUserProfile",
            json!({"DomainId": DOMAIN_ID_PLACEHOLDER, "UserProfileName": user}),
        ),
        (
            "CreateApp",
            json!({"DomainId": DOMAIN_ID_PLACEHOLDER, "UserProfileName": user,
                   "AppType": "JupyterServer", "AppName": "default"}),
        ),
    ]
}

/// The console's timestamp of a quick setup (`20250513T204280`-like, UTC, seconds).
pub fn stamp(epoch_seconds: f64) -> String {
    let basic = crate::protocol::sigv4::format_basic_date(epoch_seconds.floor() as i64);
    basic.trim_end_matches('Z').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_is_the_consoles_quick_setup() {
        let calls = plan(
            "ana",
            "arn:aws:iam::111122223333:role/r",
            "20260101T000000",
            "us-east-1",
            "111122223333",
        );
        let names: Vec<&str> = calls.iter().map(|(op, _)| *op).collect();
        assert_eq!(names, ["CreateDomain", "CreateUserProfile", "CreateApp"]);
        let domain = &calls[0].1;
        assert_eq!(domain["DomainName"], "QuickSetupDomain-20260101T000000");
        assert_eq!(
            domain["DefaultUserSettings"]["JupyterServerAppSettings"]["DefaultResourceSpec"]
                ["SageMakerImageArn"],
            "arn:aws:sagemaker:us-east-1:081325390199:image/jupyter-server-3"
        );
        assert_eq!(calls[1].1["DomainId"], DOMAIN_ID_PLACEHOLDER);
        assert_eq!(calls[2].1["AppType"], "JupyterServer");
        assert_eq!(stamp(1_767_225_600.0), "20260101T000000");
        assert_eq!(stamp(1_767_225_661.9), "20260101T000101");
    }
}
