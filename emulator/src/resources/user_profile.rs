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

use serde::Deserialize;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{self, AuthMode, AutoMountHomeEFS, UserProfileSortKey};
use crate::resources::pagination::Order;
use crate::resources::settings::{self, SettingsOf};
use crate::resources::table::Indexed;
use crate::resources::{
    domain, epoch, image, optional_value, to_stored, wire_status, Ctx, Input, Life,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// A user profile of a domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct UserProfile {
    pub domain_id: String,
    /// As given at creation.
    pub name: String,
    pub arn: String,
    /// POSIX uid on the domain's home EFS, e.g. `200005`.
    pub home_efs_uid: String,
    /// Settings kept as given: the DescribeUserProfile members CreateUserProfile takes as they
    /// are (`SingleSignOnUserIdentifier`, `SingleSignOnUserValue`, `UserSettings`), as JSON,
    /// `UserSettings` merged by UpdateUserProfile (see [`UserProfile::given_settings`]).
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
    /// The settings kept as given, typed: a DescribeUserProfile output holding only those
    /// members.
    pub fn given_settings(&self) -> ApiResult<api::DescribeUserProfileResponse> {
        api::DescribeUserProfileResponse::deserialize(&self.given)
            .map_err(|e| ApiError::Internal(format!("user profile {} settings: {e}", self.arn)))
    }

    /// The profile's own settings (`UserSettings`), as the apps' settings chain reads them.
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
pub fn create_user_profile(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateUserProfileRequest,
) -> ApiResult<api::CreateUserProfileResponse> {
    let domain_id = input.domain_id.as_str();
    let name = input.user_profile_name.as_str();
    let domain = domain::find_live(tables, ctx, domain_id)?;
    let sso_identifier = input.single_sign_on_user_identifier.is_some();
    let sso_value = input.single_sign_on_user_value.is_some();
    if domain.auth_mode == AuthMode::Sso && !(sso_identifier && sso_value) {
        // "This field is required only if the domain's authentication mode is SSO."
        // (CreateUserProfile API reference, SingleSignOnUserIdentifier/SingleSignOnUserValue)
        return Err(ApiError::validation(
            "SingleSignOnUserIdentifier and SingleSignOnUserValue are required when the domain's AuthMode is SSO.",
        ));
    }
    if domain.auth_mode != AuthMode::Sso && (sso_identifier || sso_value) {
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
    settings::check_user_settings(input.user_settings.as_ref(), SettingsOf::UserProfile)?;
    image::check_custom_images(tables, input.user_settings.as_ref())?;
    let initial_tags = domain::child_tags(tables, ctx, domain_id, input.tags.as_deref(), &arn)?;
    let home_efs_uid = domain::find_mut(tables, ctx, domain_id)?.allocate_home_uid();
    let given = api::DescribeUserProfileResponse {
        single_sign_on_user_identifier: input.single_sign_on_user_identifier,
        single_sign_on_user_value: input.single_sign_on_user_value,
        user_settings: input.user_settings,
        ..Default::default()
    };
    let profile = UserProfile {
        domain_id: input.domain_id,
        name: input.user_profile_name,
        arn: arn.clone(),
        home_efs_uid,
        given: super::stored_object(&given),
        life: Life::created(ctx, Transition::UserProfileCreate),
        sequence: tables.next_sequence(),
    };
    let described_arn = profile.described_arn();
    tables.user_profiles.insert(key, profile);
    tables.tags.insert(arn, initial_tags);
    Ok(api::CreateUserProfileResponse {
        user_profile_arn: Some(described_arn),
    })
}

/// DescribeUserProfile.
pub fn describe_user_profile(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeUserProfileRequest,
) -> ApiResult<api::DescribeUserProfileResponse> {
    let profile = find(tables, ctx, &input.domain_id, &input.user_profile_name)?;
    let mut out = profile.given_settings()?;
    if let Some(settings) = out.user_settings.as_mut() {
        fill_in_user_settings(settings);
    }
    Ok(api::DescribeUserProfileResponse {
        domain_id: Some(profile.domain_id.clone()),
        user_profile_arn: Some(profile.described_arn()),
        user_profile_name: Some(profile.name.clone()),
        home_efs_file_system_uid: Some(profile.home_efs_uid.clone()),
        status: wire_status(&profile.life, ctx.now, Status::Gone),
        creation_time: Some(epoch(profile.life.created)),
        last_modified_time: Some(epoch(profile.life.last_modified(ctx.now))),
        failure_reason: profile.life.failure_reason(ctx.now).map(str::to_string),
        ..out
    })
}

/// The members DescribeUserProfile shows in `UserSettings` although the call did not give them:
/// recorded on AWS (July 2026, fixtures/recordings/c7n-studio-2026-07, DescribeUserProfile of
/// profiles created by Terraform with only `ExecutionRole`): `"CustomFileSystemConfigs": []` and
/// `"AutoMountHomeEFS": "DefaultAsDomain"`. A profile created without `UserSettings` shows none:
/// no recording shows that case.
fn fill_in_user_settings(settings: &mut api::UserSettings) {
    settings
        .custom_file_system_configs
        .get_or_insert_with(Vec::new);
    settings
        .auto_mount_home_efs
        .get_or_insert(AutoMountHomeEFS::DefaultAsDomain);
}

/// ListUserProfiles: filters `DomainIdEquals` and `UserProfileNameContains` (case-insensitive,
/// like the names), `SortBy` `CreationTime` (default) or `LastModifiedTime`, `SortOrder`, 10 per
/// page by default (ListUserProfiles API reference). With no `SortOrder` the newest come first:
/// the API reference says "The default is Ascending", but a recorded answer of AWS
/// (fixtures/recordings/c7n-studio-2026-07, ListUserProfiles) lists them newest first.
pub fn list_user_profiles(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListUserProfilesRequest,
) -> ApiResult<api::ListUserProfilesResponse> {
    let domain_filter = input.domain_id_equals.as_deref();
    let contains = input
        .user_profile_name_contains
        .as_deref()
        .map(str::to_lowercase);
    let page = ctx.list_in_creation_order(
        "ListUserProfiles",
        &input,
        input.sort_by == Some(UserProfileSortKey::LastModifiedTime),
        10,
        Order::from_sort_order(input.sort_order),
        |after, order| tables.user_profiles.in_order(domain_filter, after, order),
        |p: &UserProfile| {
            contains
                .as_deref()
                .is_none_or(|c| p.name.to_lowercase().contains(c))
        },
        |p| p.life.last_modified(ctx.now),
        |p| api::UserProfileDetails {
            domain_id: Some(p.domain_id.clone()),
            user_profile_name: Some(p.name.clone()),
            status: wire_status(&p.life, ctx.now, Status::Gone),
            creation_time: Some(epoch(p.life.created)),
            last_modified_time: Some(epoch(p.life.last_modified(ctx.now))),
        },
    )?;
    Ok(api::ListUserProfilesResponse {
        user_profiles: Some(page.items),
        next_token: page.next_token,
    })
}

/// UpdateUserProfile: merges `UserSettings`; `Updating` until the update delay has passed.
pub fn update_user_profile(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::UpdateUserProfileRequest,
) -> ApiResult<api::UpdateUserProfileResponse> {
    let domain_id = input.domain_id.as_str();
    let name = input.user_profile_name.as_str();
    find(tables, ctx, domain_id, name)?;
    settings::check_user_settings(input.user_settings.as_ref(), SettingsOf::UserProfile)?;
    image::check_custom_images(tables, input.user_settings.as_ref())?;
    // "The UpdateUserProfile API call fails if the user has any apps that are in InService
    // status. Delete all apps, then call UpdateUserProfile API to update the security groups."
    // (developer guide, adding RStudio to an existing domain). The refusal's words are ours.
    if input
        .user_settings
        .as_ref()
        .is_some_and(|s| s.security_groups.is_some())
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
    // The patch: the Describe member this call sets, merged member by member into the kept
    // settings (a member not given keeps its value).
    let patch = api::DescribeUserProfileResponse {
        user_settings: input.user_settings,
        ..Default::default()
    };
    let mut given = Value::Object(std::mem::take(&mut profile.given));
    super::merge_settings(&mut given, &to_stored(&patch));
    profile.given = match given {
        Value::Object(members) => members,
        _ => Input::new(),
    };
    profile
        .life
        .start_update(ctx, Transition::UserProfileUpdate);
    Ok(api::UpdateUserProfileResponse {
        user_profile_arn: Some(profile.described_arn()),
    })
}

/// DeleteUserProfile: refused while the profile has apps that are not `Deleted` or owns private
/// spaces; otherwise `Deleting`, then gone.
pub fn delete_user_profile(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteUserProfileRequest,
) -> ApiResult<api::Empty> {
    let domain_id = input.domain_id.as_str();
    let name = input.user_profile_name.as_str();
    let profile = find(tables, ctx, domain_id, name)?;
    if profile.life.is_deleting() {
        return Ok(api::Empty {});
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
    Ok(api::Empty {})
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

    #[test]
    fn settings_are_kept_as_given_filled_in_when_described_and_merged_by_updates() {
        let mut f = Fixture::new();
        let id = f.domain();
        let settings = json!({"ExecutionRole": crate::resources::fixture::ROLE,
                              "KernelGatewayAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}}});
        f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "Ana", "UserSettings": settings}),
        );
        f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "bo"}),
        );
        // The state file's form: the members as given, nothing else.
        let kept = &f.tables.user_profiles.get(&key(&id, "ana")).unwrap().given;
        assert_eq!(
            Value::Object(kept.clone()),
            json!({"UserSettings": settings})
        );
        f.advance(1);

        let mut ana = f.ok(
            describe_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        for time in ["CreationTime", "LastModifiedTime"] {
            assert!(ana
                .as_object_mut()
                .unwrap()
                .remove(time)
                .unwrap()
                .is_number());
        }
        assert_eq!(
            ana,
            json!({"DomainId": id, "UserProfileName": "Ana", "Status": "InService",
                   "UserProfileArn": format!("arn:aws:sagemaker:us-east-1:111122223333:user-profile/{id}/Ana"),
                   "HomeEfsFileSystemUid": "200005",
                   "UserSettings": {"ExecutionRole": crate::resources::fixture::ROLE,
                       "KernelGatewayAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}},
                       "CustomFileSystemConfigs": [], "AutoMountHomeEFS": "DefaultAsDomain"}})
        );
        let bo = f.ok(
            describe_user_profile,
            json!({"DomainId": id, "UserProfileName": "bo"}),
        );
        assert!(bo.get("UserSettings").is_none());

        // Names filter ignoring case; pages of one, oldest first when asked.
        let first = f.ok(
            list_user_profiles,
            json!({"DomainIdEquals": id, "SortOrder": "Ascending", "MaxResults": 1}),
        );
        assert_eq!(first["UserProfiles"][0]["UserProfileName"], "Ana");
        assert_eq!(first["UserProfiles"][0]["Status"], "InService");
        assert_eq!(first["UserProfiles"][0]["DomainId"], id.as_str());
        let next = f.ok(
            list_user_profiles,
            json!({"DomainIdEquals": id, "SortOrder": "Ascending", "MaxResults": 1,
                   "NextToken": first["NextToken"]}),
        );
        assert_eq!(next["UserProfiles"][0]["UserProfileName"], "bo");
        assert!(next.get("NextToken").is_none());
        let named = f.ok(list_user_profiles, json!({"UserProfileNameContains": "AN"}));
        assert_eq!(named["UserProfiles"].as_array().unwrap().len(), 1);
        let none = f.ok(list_user_profiles, json!({"DomainIdEquals": "d-none"}));
        assert_eq!(none, json!({"UserProfiles": []}));

        // An update merges UserSettings member by member.
        f.ok(
            update_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana",
                   "UserSettings": {"KernelGatewayAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.m5.large"}},
                                    "DefaultLandingUri": "studio::"}}),
        );
        let kept = &f.tables.user_profiles.get(&key(&id, "ana")).unwrap().given;
        assert_eq!(
            Value::Object(kept.clone()),
            json!({"UserSettings": {"ExecutionRole": crate::resources::fixture::ROLE, "DefaultLandingUri": "studio::",
                       "KernelGatewayAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.m5.large"}}}})
        );
    }
}
