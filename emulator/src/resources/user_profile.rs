//! User profiles: CreateUserProfile, DescribeUserProfile, ListUserProfiles, UpdateUserProfile,
//! DeleteUserProfile.
//!
//! Names are case-insensitive ("This value is not case sensitive", CreateUserProfile API
//! reference): the table is keyed by the lower-cased name and the name is returned as given.
//! The ARN that CreateUserProfile and DescribeUserProfile answer carries the name as given
//! (`user-profile/d-nehutxreazmp/default-20250520T093900`, recorded in May 2025,
//! fixtures/recordings/inquisitivefrog-2025-05); AWS's refusals carry it lower-cased (the ARN
//! `user-profile/d-93ieiwizyjyp/default-20240725t130739` of the console's profile
//! `default-20240725T130739`, aws/amazon-sagemaker-feedback#113), and so does the key tags are
//! kept under.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::Order;
use crate::resources::settings::{self, SettingsOf};
use crate::resources::table::Indexed;
use crate::resources::{
    copy_members, domain, image, lookup, optional_str, optional_value, required_str,
    status_members, Ctx, Input, Life,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// Members of CreateUserProfile kept and returned by DescribeUserProfile as given.
const GIVEN_MEMBERS: &[&str] = &[
    "SingleSignOnUserIdentifier",
    "SingleSignOnUserValue",
    "UserSettings",
];

/// A user profile of a domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct UserProfile {
    pub domain_id: String,
    /// As given at creation.
    pub name: String,
    pub arn: String,
    /// POSIX uid on the domain's home EFS, e.g. `200005`.
    pub home_efs_uid: String,
    /// Settings kept as given (see `GIVEN_MEMBERS`).
    pub given: Input,
    pub life: Life,
    pub sequence: u64,
}

impl Indexed for UserProfile {
    fn domain_id(&self) -> &str {
        &self.domain_id
    }
    fn sequence(&self) -> u64 {
        self.sequence
    }
}

impl UserProfile {
    /// The profile's own settings (`UserSettings`).
    pub fn user_settings(&self) -> Option<&Value> {
        optional_value(&self.given, "UserSettings")
    }
}

/// The table key of a profile name.
pub fn key(domain_id: &str, name: &str) -> (String, String) {
    (domain_id.to_string(), name.to_lowercase())
}

/// The ARN of a profile with its name lower-cased: the key its tags are kept under, and the ARN
/// AWS's refusals name (see the module's documentation).
pub fn arn(ctx: &Ctx, domain_id: &str, name: &str) -> String {
    ctx.arn(&format!("user-profile/{domain_id}/{}", name.to_lowercase()))
}

impl UserProfile {
    /// The ARN as CreateUserProfile and DescribeUserProfile answer it: the name as given.
    pub fn described_arn(&self) -> String {
        match self.arn.rsplit_once('/') {
            Some((prefix, _)) => format!("{prefix}/{}", self.name),
            None => self.arn.clone(),
        }
    }
}

/// Finds a profile that exists at `now` or answers AWS's not-found.
pub fn find<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    domain_id: &str,
    name: &str,
) -> ApiResult<&'t UserProfile> {
    tables
        .user_profiles
        .get(&key(domain_id, name))
        .ok_or_else(|| not_found(ctx, domain_id, name))
}

fn not_found(ctx: &Ctx, domain_id: &str, name: &str) -> ApiError {
    ApiError::not_found(format!(
        "UserProfile [{}] does not exist.",
        arn(ctx, domain_id, name)
    ))
}

/// CreateUserProfile.
pub fn create_user_profile(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "UserProfileName")?;
    let domain = domain::find_live(tables, ctx, domain_id)?;
    if domain.auth_mode == crate::model::api::AuthMode::Sso
        && (optional_str(input, "SingleSignOnUserIdentifier")?.is_none()
            || optional_str(input, "SingleSignOnUserValue")?.is_none())
    {
        // "This field is required only if the domain's authentication mode is SSO."
        // (CreateUserProfile API reference, SingleSignOnUserIdentifier/SingleSignOnUserValue)
        return Err(ApiError::validation(
            "SingleSignOnUserIdentifier and SingleSignOnUserValue are required when the domain's AuthMode is SSO.",
        ));
    }
    if domain.auth_mode != crate::model::api::AuthMode::Sso
        && (optional_str(input, "SingleSignOnUserIdentifier")?.is_some()
            || optional_str(input, "SingleSignOnUserValue")?.is_some())
    {
        // "If the Domain's AuthMode is not IAM Identity Center, this field cannot be specified."
        return Err(ApiError::validation(
            "SingleSignOnUserIdentifier and SingleSignOnUserValue can be specified only when the domain's AuthMode is SSO.",
        ));
    }
    let key = key(domain_id, name);
    let arn = arn(ctx, domain_id, name);
    if tables.user_profiles.contains_key(&key) {
        return Err(ApiError::in_use(format!(
            "UserProfile [{arn}] already exists."
        )));
    }
    ctx.quotas
        .check(&QuotaName::UserProfiles, tables.user_profiles.len() as u64)?;
    settings::check_user_settings(
        optional_value(input, "UserSettings")
            .map(super::from_stored)
            .transpose()?
            .as_ref(),
        SettingsOf::UserProfile,
    )?;
    image::check_custom_images(tables, optional_value(input, "UserSettings"))?;
    let initial_tags = domain::child_tags(
        tables,
        ctx,
        domain_id,
        optional_value(input, "Tags")
            .map(super::from_stored::<Vec<crate::model::api::Tag>>)
            .transpose()?
            .as_deref(),
        &arn,
    )?;
    let home_efs_uid = domain::find_mut(tables, ctx, domain_id)?.allocate_home_uid();
    let mut given = Input::new();
    copy_members(input, &mut given, GIVEN_MEMBERS);
    let profile = UserProfile {
        domain_id: domain_id.to_string(),
        name: name.to_string(),
        arn: arn.clone(),
        home_efs_uid,
        given,
        life: Life::created(ctx, Transition::UserProfileCreate),
        sequence: tables.next_sequence(),
    };
    let described_arn = profile.described_arn();
    tables.user_profiles.insert(key, profile);
    tables.tags.insert(arn, initial_tags);
    Ok(json!({"UserProfileArn": described_arn}))
}

/// DescribeUserProfile.
pub fn describe_user_profile(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "UserProfileName")?;
    let profile = find(tables, ctx, domain_id, name)?;
    let mut out = profile.given.clone();
    if let Some(Value::Object(settings)) = out.get_mut("UserSettings") {
        fill_in_user_settings(settings);
    }
    out.insert("DomainId".into(), profile.domain_id.clone().into());
    out.insert("UserProfileArn".into(), profile.described_arn().into());
    out.insert("UserProfileName".into(), profile.name.clone().into());
    out.insert(
        "HomeEfsFileSystemUid".into(),
        profile.home_efs_uid.clone().into(),
    );
    status_members(&mut out, &profile.life, ctx.now, Status::Gone);
    super::failure_member(&mut out, &profile.life, ctx.now);
    Ok(Value::Object(out))
}

/// The members DescribeUserProfile shows in `UserSettings` although the call did not give them:
/// recorded on AWS (July 2026, fixtures/recordings/c7n-studio-2026-07, DescribeUserProfile of
/// profiles created by Terraform with only `ExecutionRole`): `"CustomFileSystemConfigs": []` and
/// `"AutoMountHomeEFS": "DefaultAsDomain"`. A profile created without `UserSettings` shows none:
/// no recording shows that case.
fn fill_in_user_settings(settings: &mut Input) {
    settings
        .entry("CustomFileSystemConfigs")
        .or_insert_with(|| Value::Array(Vec::new()));
    settings
        .entry("AutoMountHomeEFS")
        .or_insert_with(|| "DefaultAsDomain".into());
}

/// ListUserProfiles: filters `DomainIdEquals` and `UserProfileNameContains` (case-insensitive,
/// like the names), `SortBy` `CreationTime` (default) or `LastModifiedTime`, `SortOrder`, 10 per
/// page by default (ListUserProfiles API reference). With no `SortOrder` the newest come first:
/// the API reference says "The default is Ascending", but a recorded answer of AWS
/// (fixtures/recordings/c7n-studio-2026-07, ListUserProfiles) lists them newest first.
pub fn list_user_profiles(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_filter = optional_str(input, "DomainIdEquals")?;
    let contains = optional_str(input, "UserProfileNameContains")?.map(str::to_lowercase);
    let order = Order::from_input(input, Order::OBSERVED_STUDIO_DEFAULT);
    let page = ctx.list_in_creation_order(
        "ListUserProfiles",
        input,
        input.get("SortBy").and_then(Value::as_str) == Some("LastModifiedTime"),
        10,
        order,
        |after, order| tables.user_profiles.in_order(domain_filter, after, order),
        |p: &UserProfile| {
            contains
                .as_deref()
                .is_none_or(|c| p.name.to_lowercase().contains(c))
        },
        |p| p.life.last_modified(ctx.now),
        |p| {
            let mut item = Input::new();
            item.insert("DomainId".into(), p.domain_id.clone().into());
            item.insert("UserProfileName".into(), p.name.clone().into());
            status_members(&mut item, &p.life, ctx.now, Status::Gone);
            Value::Object(item)
        },
    )?;
    Ok(page.into_output("UserProfiles"))
}

/// UpdateUserProfile: merges `UserSettings`; `Updating` until the update delay has passed.
pub fn update_user_profile(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "UserProfileName")?;
    find(tables, ctx, domain_id, name)?;
    settings::check_user_settings(
        optional_value(input, "UserSettings")
            .map(super::from_stored)
            .transpose()?
            .as_ref(),
        SettingsOf::UserProfile,
    )?;
    image::check_custom_images(tables, optional_value(input, "UserSettings"))?;
    // "The UpdateUserProfile API call fails if the user has any apps that are in InService
    // status. Delete all apps, then call UpdateUserProfile API to update the security groups."
    // (developer guide, adding RStudio to an existing domain). The refusal's words are ours.
    if optional_value(input, "UserSettings")
        .and_then(|s| lookup(s, &["SecurityGroups"]))
        .is_some()
    {
        if let Some(app) = tables
            .apps_of_user_profile(domain_id, &name.to_lowercase())
            .find(|app| app.status(ctx.now) == Status::InService)
        {
            return Err(ApiError::validation(format!(
                "Unable to update the security groups of UserProfile [{}] with InService App [{}]: delete all InService apps of the user profile, and try again.",
                arn(ctx, domain_id, name),
                app.arn
            )));
        }
    }
    let Some(profile) = tables.user_profiles.get_mut(&key(domain_id, name)) else {
        return Err(not_found(ctx, domain_id, name));
    };
    if profile.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "UserProfile [{}] is being deleted.",
            profile.arn
        )));
    }
    super::refuse_update_after_failed_delete(&profile.life, ctx.now, "UserProfile", &profile.arn)?;
    if let Some(patch) = optional_value(input, "UserSettings") {
        let target = profile
            .given
            .entry("UserSettings")
            .or_insert_with(|| json!({}));
        super::merge_settings(target, patch);
    }
    profile
        .life
        .start_update(ctx, Transition::UserProfileUpdate);
    Ok(json!({"UserProfileArn": profile.described_arn()}))
}

/// DeleteUserProfile: refused while the profile has apps that are not `Deleted` or owns private
/// spaces; otherwise `Deleting`, then gone.
pub fn delete_user_profile(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "UserProfileName")?;
    let profile = find(tables, ctx, domain_id, name)?;
    if profile.life.is_deleting() {
        return Ok(json!({}));
    }
    let lower = name.to_lowercase();
    if tables
        .apps_of_user_profile(domain_id, &lower)
        .any(|app| app.is_live(ctx.now))
    {
        // AWS's wording, e.g. aws/amazon-sagemaker-feedback#113.
        return Err(ApiError::in_use(format!(
            "Unable to delete UserProfile [{}] because App(s) are associated with it.",
            profile.arn
        )));
    }
    if tables
        .spaces_of(domain_id)
        .any(|space| space.owner_lower().as_deref() == Some(lower.as_str()))
    {
        return Err(ApiError::in_use(format!(
            "Unable to delete UserProfile [{}] because Space(s) are associated with it.",
            profile.arn
        )));
    }
    let key = key(domain_id, name);
    let Some(profile) = tables.user_profiles.get_mut(&key) else {
        return Err(not_found(ctx, domain_id, name));
    };
    if let Some(done_at) = profile
        .life
        .start_delete(ctx, Transition::UserProfileDelete)
    {
        tables.schedule_removal(done_at, Removal::UserProfile(key.0, key.1));
    }
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::Fixture;
    use crate::sim::quotas::QuotaLimits;

    #[test]
    fn names_are_unique_ignoring_case_and_quotas_count_every_profile() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "Ana"}),
        );
        let error = f.refused(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        assert_eq!(error.code(), "ResourceInUse");
        let described = f.ok(
            describe_user_profile,
            json!({"DomainId": id, "UserProfileName": "ANA"}),
        );
        assert_eq!(described["UserProfileName"], "Ana");
        assert_eq!(described["HomeEfsFileSystemUid"], "200005");
        f.quotas = QuotaLimits::unlimited();
        f.quotas.set(QuotaName::UserProfiles, 1);
        let error = f.refused(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "bo"}),
        );
        assert_eq!(error.code(), "ResourceLimitExceeded");
        assert!(error.message().contains(
            "'Maximum number of Studio user profiles allowed per account' is 1 UserProfiles"
        ));
    }

    #[test]
    fn a_failed_profile_shows_its_reason_and_can_be_deleted() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.failure = Some("No home directory.".into());
        f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        f.failure = None;
        f.advance(1);
        let described = f.ok(
            describe_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        assert_eq!(described["Status"], "Failed");
        assert_eq!(described["FailureReason"], "No home directory.");
        f.ok(
            delete_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
    }

    #[test]
    fn security_groups_wait_for_in_service_apps_and_the_arn_keeps_the_names_case() {
        let mut f = Fixture::new();
        let id = f.domain();
        let created = f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "Ana"}),
        );
        assert!(created["UserProfileArn"]
            .as_str()
            .unwrap()
            .ends_with("/Ana"));
        f.advance(1);
        let app = json!({"DomainId": id, "UserProfileName": "ana", "AppType": "KernelGateway",
                         "AppName": "k", "ResourceSpec": {"InstanceType": "ml.t3.medium"}});
        f.ok(crate::resources::app::create_app, app.clone());
        f.advance(1);
        let groups = json!({"DomainId": id, "UserProfileName": "ana",
                            "UserSettings": {"SecurityGroups": ["sg-0123456789abcdef0"]}});
        let error = f.refused(update_user_profile, groups.clone());
        assert_eq!(error.code(), "ValidationException");
        assert!(error.message().contains("InService App"));
        // Other settings are not held back.
        f.ok(
            update_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana",
                   "UserSettings": {"DefaultLandingUri": "studio::"}}),
        );
        f.advance(1);
        f.ok(crate::resources::app::delete_app, app);
        f.advance(1);
        f.ok(update_user_profile, groups);
    }
}
