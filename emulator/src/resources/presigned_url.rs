//! CreatePresignedDomainUrl: the URL that opens Studio for a user ("Open Studio" in the seed).
//!
//! Shape as AWS returns it: `https://DOMAIN_ID.studio.REGION.sagemaker.aws/auth?token=…`, on the
//! space's own host when `SpaceName` is given. `ExpiresInSeconds` (5..300, default 300) bounds
//! how long the URL can be opened; `SessionExpirationDurationInSeconds` (1800..43200, default
//! 43200) how long the Studio session it opens lasts (CreatePresignedDomainUrl API reference).
//! The token is the grant itself: account, region, domain, user, space, landing URI and both
//! expiries, sealed with the server's key so that it cannot be altered. With a Studio base URL
//! configured (`--studio-base-url`), the URL points at the emulator's own Studio page instead.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::model::api::{self, AuthMode, SharingType, WireEnum};
use crate::resources::Tables;
use crate::resources::{domain, space, user_profile, Ctx};

/// Default of `ExpiresInSeconds` ("This value defaults to 300").
pub const DEFAULT_EXPIRES_IN_SECONDS: u64 = 300;
/// Default of `SessionExpirationDurationInSeconds` ("This value defaults to 43200").
pub const DEFAULT_SESSION_SECONDS: u64 = 43_200;

/// What a presigned URL grants, as carried in its token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Grant {
    pub account_id: String,
    pub region: String,
    pub domain_id: String,
    pub user_profile_name: String,
    pub space_name: Option<String>,
    pub landing_uri: Option<String>,
    /// Epoch milliseconds after which the URL can no longer be opened.
    pub url_expires_at: i64,
    /// Epoch milliseconds at which the session it opens ends.
    pub session_expires_at: i64,
}

/// CreatePresignedDomainUrl.
pub fn create_presigned_domain_url(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreatePresignedDomainUrlRequest,
) -> ApiResult<api::CreatePresignedDomainUrlResponse> {
    let domain_id = input.domain_id.as_str();
    let domain = domain::find(tables, ctx, domain_id)?;
    // "This operation can only be called when the authentication mode equals IAM."
    // (CreatePresignedDomainUrl API reference): SSO users sign in through IAM Identity Center.
    if domain.auth_mode != AuthMode::Iam {
        return Err(ApiError::validation(format!(
            "CreatePresignedDomainUrl can only be called for a domain whose AuthMode is IAM; Domain [{}] uses {}.",
            domain.arn, domain.auth_mode.as_str()
        )));
    }
    let profile = user_profile::find(tables, ctx, domain_id, &input.user_profile_name)?;
    // The domain's Studio host with `studio-` before the domain id: "https://studio-d-….studio.
    // us-east-1.sagemaker.aws/auth?token=…" (a public AWS CLI transcript of May 2025,
    // inquisitivefrog/machine-learning; the developer guide's example has no `studio-`). For a
    // space, its own host (inferred).
    let mut host = domain.url.replacen("https://", "https://studio-", 1);
    let space_name = input.space_name.as_deref();
    if let Some(space_name) = space_name {
        let space = space::find(tables, ctx, domain_id, space_name)?;
        if let Some(owner) = space.owner_lower() {
            // The space record answers its sharing type as the word it keeps.
            let private =
                SharingType::from_wire(space.sharing_type()) == Some(SharingType::Private);
            if private && owner != profile.name.to_lowercase() {
                return Err(ApiError::validation(format!(
                    "Space {space_name} is private to another user profile."
                )));
            }
        }
        host = space.url.clone();
    }
    // The model bounds both (5..300, 1800..43200); a negative number would count as unset, as
    // it did when read from JSON.
    let seconds =
        |given: Option<i32>, default| given.and_then(|s| u64::try_from(s).ok()).unwrap_or(default);
    let expires_in = seconds(input.expires_in_seconds, DEFAULT_EXPIRES_IN_SECONDS);
    let session = seconds(
        input.session_expiration_duration_in_seconds,
        DEFAULT_SESSION_SECONDS,
    );
    let grant = Grant {
        account_id: ctx.account_id.to_string(),
        region: ctx.region.to_string(),
        domain_id: domain_id.to_string(),
        user_profile_name: profile.name.clone(),
        space_name: input.space_name.clone(),
        landing_uri: input.landing_uri,
        url_expires_at: ctx.now.plus(std::time::Duration::from_secs(expires_in)).0,
        session_expires_at: ctx.now.plus(std::time::Duration::from_secs(session)).0,
    };
    let token = seal(ctx, &grant);
    let url = match ctx.studio_base_url {
        Some(base) => format!(
            "{}/{domain_id}/auth?token={token}",
            base.trim_end_matches('/')
        ),
        None => format!("{host}/auth?token={token}"),
    };
    Ok(api::CreatePresignedDomainUrlResponse {
        authorized_url: Some(url),
    })
}

/// `base64url(grant JSON).mac`.
fn seal(ctx: &Ctx, grant: &Grant) -> String {
    let body = serde_json::to_vec(grant).unwrap_or_default();
    format!(
        "{}.{:016x}",
        URL_SAFE_NO_PAD.encode(&body),
        ctx.pager.mac_bytes(&body)
    )
}

/// Opens a token: the grant if the server sealed it, else `None`.
pub fn open(pager: &crate::resources::pagination::Pager, token: &str) -> Option<Grant> {
    let (body, mac) = token.rsplit_once('.')?;
    let bytes = URL_SAFE_NO_PAD.decode(body).ok()?;
    let mac = u64::from_str_radix(mac, 16).ok()?;
    (mac == pager.mac_bytes(&bytes))
        .then(|| serde_json::from_slice(&bytes).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::domain::create_domain;
    use crate::resources::fixture::{Fixture, ROLE};
    use crate::resources::user_profile::create_user_profile;

    #[test]
    fn a_url_opens_for_a_profile_of_an_iam_domain_only() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        let url = f.ok(
            create_presigned_domain_url,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        let url = url["AuthorizedUrl"].as_str().unwrap();
        assert!(url.starts_with(&format!(
            "https://studio-{id}.studio.us-east-1.sagemaker.aws/auth?token="
        )));
        let sso = f.ok(
            create_domain,
            json!({"DomainName": "s", "AuthMode": "SSO", "DefaultUserSettings": {"ExecutionRole": ROLE}}),
        )["DomainId"].as_str().unwrap().to_string();
        f.advance(1);
        f.ok(
            create_user_profile,
            json!({"DomainId": sso, "UserProfileName": "bo", "SingleSignOnUserIdentifier": "UserName", "SingleSignOnUserValue": "bo"}),
        );
        let error = f.refused(
            create_presigned_domain_url,
            json!({"DomainId": sso, "UserProfileName": "bo"}),
        );
        assert_eq!(error.code(), "ValidationException");
        assert!(error.message().contains("AuthMode is IAM"));
    }
}
