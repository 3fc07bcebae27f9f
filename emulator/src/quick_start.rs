//! `sagemaker-studio-emulator quick-start`: what the SageMaker console's Quick setup does, made
//! as API calls to a running emulator, so that a class starts where the console would leave it.
//! The calls go through the same API path as any client's (journaled, metered, visible to the
//! SDKs):
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

/// The calls of a quick setup, in order; `${DomainId}` stands for the id the first one returns.
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
            json!({"DomainId": "${DomainId}", "UserProfileName": user}),
        ),
        (
            "CreateApp",
            json!({"DomainId": "${DomainId}", "UserProfileName": user,
                   "AppType": "JupyterServer", "AppName": "default"}),
        ),
    ]
}

/// The console's timestamp of a quick setup (`20250513T204280`-like, UTC, seconds).
pub fn stamp(epoch_seconds: f64) -> String {
    // "YYYY-MM-DD HH:MM:SS" → "YYYYMMDDTHHMMSS"
    let text = crate::usage_table::utc(epoch_seconds);
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    format!(
        "{}T{}",
        &digits[..8.min(digits.len())],
        &digits[8.min(digits.len())..]
    )
}

/// Makes the quick setup's calls against `endpoint` as `account` in `region`; answers the
/// domain id, the user profile's ARN and the app's ARN.
pub async fn run(
    endpoint: &str,
    user: &str,
    role: &str,
    region: &str,
    account: &str,
) -> Result<Vec<String>, String> {
    let stamp = stamp(
        crate::sim::clock::wall_now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
    );
    let mut domain_id = String::new();
    let mut made = Vec::new();
    for (operation, body) in plan(user, role, &stamp, region, account) {
        let body = body.to_string().replace("${DomainId}", &domain_id);
        let out = call(endpoint, region, account, operation, &body).await?;
        match operation {
            "CreateDomain" => {
                domain_id = out["DomainId"].as_str().unwrap_or_default().to_string();
                made.push(format!(
                    "domain {domain_id} ({})",
                    out["DomainArn"].as_str().unwrap_or_default()
                ));
            }
            "CreateUserProfile" => made.push(format!(
                "user profile {}",
                out["UserProfileArn"].as_str().unwrap_or_default()
            )),
            _ => made.push(format!(
                "app {}",
                out["AppArn"].as_str().unwrap_or_default()
            )),
        }
    }
    Ok(made)
}

/// One SageMaker API call over plain HTTP/1.1, signed with a credential scope that names the
/// account and region (the emulator reads them from it).
async fn call(
    endpoint: &str,
    region: &str,
    account: &str,
    operation: &str,
    body: &str,
) -> Result<Value, String> {
    let target = format!("SageMaker.{operation}");
    let authorization = format!(
        "AWS4-HMAC-SHA256 Credential={account}/20260101/{region}/sagemaker/aws4_request, SignedHeaders=host, Signature=0"
    );
    let (status, body) = crate::cli_client::exchange(
        endpoint,
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", &target),
            ("Authorization", &authorization),
        ],
        body,
    )
    .await?;
    let value: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    if status != 200 {
        return Err(format!(
            "{operation}: {} {}",
            value["__type"].as_str().unwrap_or("HTTP error"),
            value["Message"].as_str().unwrap_or(&body)
        ));
    }
    Ok(value)
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
        assert_eq!(calls[2].1["AppType"], "JupyterServer");
        assert_eq!(stamp(1_767_225_600.0), "20260101T000000");
    }
}
