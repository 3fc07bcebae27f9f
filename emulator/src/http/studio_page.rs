//! The emulator's stand-in for Studio itself: what opening a presigned URL shows. With
//! `--studio-base-url` pointing at `/_emulator/studio`, `CreatePresignedDomainUrl` answers
//! `…/_emulator/studio/DOMAIN/auth?token=…` (without it, the dashboard's "Launch" button opens the
//! same page with the token of AWS's URL, whose host is unreachable offline). Opening it while
//! the URL is valid shows a small Studio launcher for that user (`ui/studio.html`, the grant and
//! the region's instance prices inlined): their apps and spaces with live statuses, "New
//! notebook" (a KernelGateway app, or a JupyterLab space and its app) on an instance type of the
//! price table, "Shut down" on each app, and what the user's instances cost. Every button is a
//! SageMaker API call on `POST /` as the grant's account and region, as a boto3 client would make
//! it; the apps table is also rendered here, so the page shows them before its script runs.
//! After `ExpiresInSeconds` the URL is refused as AWS refuses an expired presigned URL (HTTP 403,
//! "Invalid or Expired Auth Token").

use serde_json::{json, Value};

use crate::resources::app::Owner;
use crate::resources::presigned_url::Grant;
use crate::resources::Tables;
use crate::service::Service;
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::Status;
use crate::sim::prices;

/// The page's template, embedded at build time.
pub const TEMPLATE: &str = include_str!("ui/studio.html");

/// The instance type "New notebook" preselects (Studio Classic's default for kernels).
pub const DEFAULT_NOTEBOOK_INSTANCE_TYPE: &str = "ml.t3.medium";

/// What AWS's Studio answers for a presigned URL past its `ExpiresInSeconds` or altered.
pub const EXPIRED_TEXT: &str = "Invalid or Expired Auth Token";

/// Why a presigned URL cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not sealed by this server, altered, past its expiry, or for another domain.
    InvalidOrExpired,
}

/// Checks a grant against the URL's domain and the time it is opened.
pub fn check(grant: Option<Grant>, domain_id: &str, now: Timestamp) -> Result<Grant, Refusal> {
    match grant {
        Some(g) if g.domain_id == domain_id && now.0 <= g.url_expires_at => Ok(g),
        _ => Err(Refusal::InvalidOrExpired),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page of `grant`'s user at `now`; its apps table lists their Studio Classic apps and the
/// apps of the space the URL opens (the script then lists their spaces' apps too).
pub fn render(tables: &Tables, grant: &Grant, now: Timestamp) -> String {
    let lower = grant.user_profile_name.to_lowercase();
    let mut rows = String::new();
    for app in tables.apps.values().filter(|app| {
        app.domain_id == grant.domain_id
            && match &app.owner {
                Owner::UserProfile(owner) => *owner == lower,
                Owner::Space(space) => grant.space_name.as_deref() == Some(space.as_str()),
            }
    }) {
        let status = app.life.status(now, Status::Deleted).as_str();
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"status {}\">{}</td><td></td></tr>\n",
            escape(&app.app_name),
            escape(&app.app_type),
            escape(&app.instance_type),
            status.to_lowercase(),
            status
        ));
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"5\">No apps yet.</td></tr>\n");
    }
    let config = json!({
        "AccountId": grant.account_id,
        "Region": grant.region,
        "DomainId": grant.domain_id,
        "UserProfileName": grant.user_profile_name,
        "SpaceName": grant.space_name,
        "SessionExpiresAt": grant.session_expires_at as f64 / 1000.0,
        "KernelImageArn": crate::resources::app::first_party_image(&grant.region, "datascience-1.0"),
        "DefaultInstanceType": DEFAULT_NOTEBOOK_INSTANCE_TYPE,
        "InstanceTypes": instance_types(&grant.region),
    });
    // JSON inside <script>: no "<" may close the element early (only strings can hold one).
    let config = config.to_string().replace('<', "\\u003c");
    TEMPLATE
        .replacen("{{USER}}", &escape(&grant.user_profile_name), 2)
        .replacen("{{DOMAIN}}", &escape(&grant.domain_id), 1)
        .replacen("{{REGION}}", &escape(&grant.region), 1)
        .replacen("{{ROWS}}", &rows, 1)
        .replacen("{{CONFIG}}", &config, 1)
}

/// The region's instance types with their hourly price (null when the table has none), cheapest
/// first: what "New notebook" offers. A region the price table lacks still offers the default
/// type, unpriced (the meter reports its cost as unknown too).
fn instance_types(region: &str) -> Vec<Value> {
    let mut types: Vec<(&str, Option<&prices::InstanceSpec>)> = prices::instance_types(region)
        .into_iter()
        .map(|instance_type| (instance_type, prices::lookup(region, instance_type)))
        .collect();
    if types.is_empty() {
        types.push((DEFAULT_NOTEBOOK_INSTANCE_TYPE, None));
    }
    let price = |spec: Option<&prices::InstanceSpec>| spec.and_then(|spec| spec.usd_per_hour);
    types.sort_by(|a, b| {
        price(a.1)
            .unwrap_or(f64::MAX)
            .total_cmp(&price(b.1).unwrap_or(f64::MAX))
            .then(a.0.cmp(b.0))
    });
    types
        .into_iter()
        .map(|(instance_type, spec)| {
            json!({"InstanceType": instance_type, "HourlyPriceUsd": price(spec),
                   "VCpu": spec.map(|s| s.vcpu), "MemoryGiB": spec.map(|s| s.memory_gib),
                   "Gpus": spec.map(|s| s.gpus)})
        })
        .collect()
}

/// The Studio page a presigned URL opens, if its grant is valid now.
pub fn page(
    service: &Service,
    grant: Option<Grant>,
    domain_id: &str,
    language: &str,
) -> Result<String, Refusal> {
    let now = service.catch_up();
    let grant = check(grant, domain_id, now)?;
    let html = service.read_partition(&grant.account_id, &grant.region, |tables, now| {
        render(tables, &grant, now)
    });
    Ok(crate::http::ui::page_in(&html, language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_studio_page_is_self_contained_and_offers_the_price_table() {
        assert!(TEMPLATE.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(TEMPLATE.contains(crate::http::ui::COMMON_SCRIPT_SLOT));
        for slot in [
            "{{USER}}",
            "{{DOMAIN}}",
            "{{REGION}}",
            "{{ROWS}}",
            "{{CONFIG}}",
        ] {
            assert!(TEMPLATE.contains(slot), "{slot}");
        }
        for external in ["src=\"http", "href=\"http", "@import", "<link"] {
            assert!(!TEMPLATE.contains(external), "{external}");
        }
        let types = instance_types("us-east-1");
        assert_eq!(types[0]["InstanceType"], "ml.t3.medium");
        assert_eq!(types[0]["HourlyPriceUsd"], 0.05);
        assert!(types.iter().any(|t| t["InstanceType"] == "ml.m5.large"));
        let unpriced = instance_types("mars-north-1");
        assert_eq!(unpriced.len(), 1);
        assert_eq!(unpriced[0]["InstanceType"], DEFAULT_NOTEBOOK_INSTANCE_TYPE);
        assert_eq!(unpriced[0]["HourlyPriceUsd"], Value::Null);
    }
}
