//! The emulator's stand-in for Studio itself: what opening a presigned URL shows. With
//! `--studio-base-url` pointing at `/_emulator/studio`, `CreatePresignedDomainUrl` answers
//! `…/_emulator/studio/DOMAIN/auth?token=…`; opening it while the URL is valid shows a small page
//! for that user (their apps and statuses). After `ExpiresInSeconds` it is refused as AWS refuses
//! an expired presigned URL (HTTP 403, "Invalid or Expired Auth Token").

use crate::resources::app::Owner;
use crate::resources::presigned_url::Grant;
use crate::resources::Tables;
use crate::service::Service;
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::Status;

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

/// The page of `grant`'s user: their Studio Classic apps, and the apps of the space it opens.
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
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"status {}\">{}</td></tr>\n",
            escape(&app.app_name),
            escape(&app.app_type),
            escape(&app.instance_type),
            status.to_lowercase(),
            status
        ));
    }
    if rows.is_empty() {
        rows.push_str("<tr><td colspan=\"4\">No apps yet.</td></tr>\n");
    }
    let space = grant
        .space_name
        .as_deref()
        .map(|s| format!(" · space <b>{}</b>", escape(s)))
        .unwrap_or_default();
    let session_left = (grant.session_expires_at - now.0).max(0) / 1000;
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SageMaker Studio (emulated) · {user}</title>\n\
<style>body{{font-family:sans-serif;margin:2rem;}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .6rem}}.inservice{{color:#080}}.pending{{color:#b60}}.deleted,.deleting{{color:#888}}</style>\n\
</head><body>\n<h1>SageMaker Studio <small>(emulator)</small></h1>\n\
<p>User <b id=\"user\">{user}</b> in domain <b>{domain}</b> ({region}){space}. Session ends in {session_left} s.</p>\n\
<table id=\"apps\"><tr><th>App</th><th>Type</th><th>Instance</th><th>Status</th></tr>\n{rows}</table>\n</body></html>\n",
        user = escape(&grant.user_profile_name),
        domain = escape(&grant.domain_id),
        region = escape(&grant.region),
    )
}
/// The Studio page a presigned URL opens, if its grant is valid now.
pub fn page(service: &Service, grant: Option<Grant>, domain_id: &str) -> Result<String, Refusal> {
    let now = service.catch_up();
    let grant = check(grant, domain_id, now)?;
    Ok(
        service.read_partition(&grant.account_id, &grant.region, |tables, now| {
            render(tables, &grant, now)
        }),
    )
}
