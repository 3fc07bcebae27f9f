//! `sagemaker-studio-emulator quick-start`: what the SageMaker console's Quick setup does, made
//! as API calls to a running emulator, so that a class starts where the console would leave it.
//! The calls go through the same API path as any client's (journaled, metered, visible to the
//! SDKs); their list is [`crate::service::quick_setup`]'s, the one the dashboard's Quick setup
//! form makes too.

use serde_json::Value;

pub use crate::service::quick_setup::{plan, stamp, DOMAIN_ID_PLACEHOLDER};

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
        let body = body.to_string().replace(DOMAIN_ID_PLACEHOLDER, &domain_id);
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
