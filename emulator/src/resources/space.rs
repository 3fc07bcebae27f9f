//! Spaces: CreateSpace, DescribeSpace, ListSpaces, UpdateSpace, DeleteSpace.
//!
//! A space is private (`SpaceSharingSettings.SharingType` `Private`, owned by one user profile
//! named in `OwnershipSettings`) or shared. Each space runs at most one app at a time and gets its
//! own Studio host (`Url`).

use serde::Deserialize;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{self, AppType, SharingType, SpaceSortKey};
use crate::resources::pagination::Order;
use crate::resources::table::Indexed;
use crate::resources::{
    domain, epoch, image, optional_value, to_stored, user_profile, wire_status, Ctx, Input, Life,
    LOWER_ALNUM,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// A space of a domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Space {
    pub domain_id: String,
    pub name: String,
    pub arn: String,
    /// The space's own Studio host: `https://ID.studio.REGION.sagemaker.aws`.
    pub url: String,
    /// POSIX uid on the domain's home EFS: only a space without an owner has its own (see
    /// `create_space`).
    pub home_efs_uid: Option<String>,
    /// Settings kept as given: the DescribeSpace members CreateSpace takes as they are
    /// (`SpaceSettings`, `OwnershipSettings`, `SpaceSharingSettings`, `SpaceDisplayName`), as
    /// JSON, merged by UpdateSpace (see [`Space::given_settings`]).
    pub given: Input,
    pub life: Life,
    pub sequence: u64,
}

impl Indexed for Space {
    fn domain_id(&self) -> &str {
        &self.domain_id
    }
    fn sequence(&self) -> u64 {
        self.sequence
    }
}

impl Space {
    /// The settings kept as given, typed: a DescribeSpace output holding only those members.
    pub fn given_settings(&self) -> ApiResult<api::DescribeSpaceResponse> {
        api::DescribeSpaceResponse::deserialize(&self.given)
            .map_err(|e| ApiError::Internal(format!("space {} settings: {e}", self.arn)))
    }

    /// The space's settings (`SpaceSettings`), as the apps' settings chain reads them.
    pub fn space_settings(&self) -> Option<&Value> {
        optional_value(&self.given, "SpaceSettings")
    }

    /// `Private` or `Shared` (AWS's default when not given is `Shared`).
    pub fn sharing_type(&self) -> &str {
        self.given
            .get("SpaceSharingSettings")
            .and_then(|s| s.get("SharingType"))
            .and_then(Value::as_str)
            .unwrap_or("Shared")
    }

    /// `Url` as DescribeSpace shows it: the space's host, and for a JupyterLab space the path of
    /// its app, `/jupyterlab/default` (recorded, fixtures/recordings/inquisitivefrog-2025-05:
    /// two JupyterLab spaces of a console domain; a space without an app type shows the bare host,
    /// recorded in fixtures/recordings/c7n-studio-2026-07). `/codeeditor/default` for a Code
    /// Editor space is inferred. `app_type` is the kept `SpaceSettings.AppType`.
    pub fn described_url(&self, app_type: Option<AppType>) -> String {
        match app_type {
            Some(AppType::JupyterLab) => format!("{}/jupyterlab/default", self.url),
            Some(AppType::CodeEditor) => format!("{}/codeeditor/default", self.url),
            _ => self.url.clone(),
        }
    }

    /// The owning user profile's name, lower-cased (private spaces).
    pub fn owner_lower(&self) -> Option<String> {
        self.given
            .get("OwnershipSettings")
            .and_then(|o| o.get("OwnerUserProfileName"))
            .and_then(Value::as_str)
            .map(str::to_lowercase)
    }
}

/// Finds a space that exists at `now` or answers AWS's not-found.
pub fn find<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    domain_id: &str,
    name: &str,
) -> ApiResult<&'t Space> {
    tables
        .spaces
        .get(&(domain_id.to_string(), name.to_string()))
        .ok_or_else(|| not_found(ctx, domain_id, name))
}

fn not_found(ctx: &Ctx, domain_id: &str, name: &str) -> ApiError {
    ApiError::not_found(format!(
        "Space [{}] does not exist.",
        ctx.arn(&format!("space/{domain_id}/{name}"))
    ))
}

/// CreateSpace.
pub fn create_space(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateSpaceRequest,
) -> ApiResult<api::CreateSpaceResponse> {
    let domain_id = input.domain_id.as_str();
    let name = input.space_name.as_str();
    domain::find_live(tables, ctx, domain_id)?;
    let sharing = input
        .space_sharing_settings
        .as_ref()
        .map_or(SharingType::Shared, |s| s.sharing_type);
    let owner = input
        .ownership_settings
        .as_ref()
        .map(|o| o.owner_user_profile_name.as_str());
    // "OwnershipSettings … Required if SpaceSharingSettings.SharingType is Private"
    // (CreateSpace API reference, OwnershipSettings and SpaceSharingSettings).
    if sharing == SharingType::Private && owner.is_none() {
        return Err(ApiError::validation(
            "OwnershipSettings.OwnerUserProfileName is required for a space whose SharingType is Private.",
        ));
    }
    if let Some(owner) = owner {
        let profile = user_profile::find(tables, ctx, domain_id, owner)?;
        if profile.life.is_deleting() {
            return Err(ApiError::in_use(format!(
                "UserProfile [{}] is being deleted.",
                profile.arn
            )));
        }
    }
    // "ValidationException: SpaceSettings must be provided for creating private space [ARN]"
    // (reported: Terraform's provider issue #38370 quoting AWS, July 2024).
    if sharing == SharingType::Private && input.space_settings.is_none() {
        return Err(ApiError::validation(format!(
            "SpaceSettings must be provided for creating private space [{}]",
            ctx.arn(&format!("space/{domain_id}/{name}"))
        )));
    }
    let key = (domain_id.to_string(), name.to_string());
    let arn = ctx.arn(&format!("space/{domain_id}/{name}"));
    if tables.spaces.contains_key(&key) {
        return Err(ApiError::in_use(format!("Space [{arn}] already exists.")));
    }
    ctx.quotas
        .check(&QuotaName::Spaces, tables.spaces.len() as u64)?;
    image::check_custom_images(tables, input.space_settings.as_ref())?;
    let initial_tags = domain::child_tags(tables, ctx, domain_id, input.tags.as_deref(), &arn)?;
    // A space owned by a user profile shows no HomeEfsFileSystemUid of its own (recorded, May
    // 2025: a private and a shared space with `OwnershipSettings`,
    // fixtures/recordings/inquisitivefrog-2025-05); a space without an owner has one from the
    // domain's sequence (recorded, July 2026, fixtures/recordings/c7n-studio-2026-07). That the
    // owner is what decides it is inferred: it is what tells the two recordings apart.
    let home_efs_uid = match owner {
        Some(_) => None,
        None => Some(domain::find_mut(tables, ctx, domain_id)?.allocate_home_uid()),
    };
    let given = api::DescribeSpaceResponse {
        space_settings: input.space_settings,
        ownership_settings: input.ownership_settings,
        space_sharing_settings: input.space_sharing_settings,
        space_display_name: input.space_display_name,
        ..Default::default()
    };
    let space = Space {
        domain_id: input.domain_id,
        name: input.space_name,
        arn: arn.clone(),
        url: format!(
            "https://{}.studio.{}.sagemaker.aws",
            ctx.random_chars(15, LOWER_ALNUM),
            ctx.region
        ),
        home_efs_uid,
        given: super::stored_object(&given),
        life: Life::created(ctx, Transition::SpaceCreate),
        sequence: tables.next_sequence(),
    };
    tables.spaces.insert(key, space);
    tables.tags.insert(arn.clone(), initial_tags);
    Ok(api::CreateSpaceResponse {
        space_arn: Some(arn),
    })
}

/// DescribeSpace.
pub fn describe_space(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeSpaceRequest,
) -> ApiResult<api::DescribeSpaceResponse> {
    let space = find(tables, ctx, &input.domain_id, &input.space_name)?;
    let out = space.given_settings()?;
    let app_type = out.space_settings.as_ref().and_then(|s| s.app_type);
    Ok(api::DescribeSpaceResponse {
        domain_id: Some(space.domain_id.clone()),
        space_arn: Some(space.arn.clone()),
        space_name: Some(space.name.clone()),
        home_efs_file_system_uid: space.home_efs_uid.clone(),
        status: wire_status(&space.life, ctx.now, Status::Gone),
        creation_time: Some(epoch(space.life.created)),
        last_modified_time: Some(epoch(space.life.last_modified(ctx.now))),
        failure_reason: space.life.failure_reason(ctx.now).map(str::to_string),
        url: Some(space.described_url(app_type)),
        ..out
    })
}

/// ListSpaces: filters `DomainIdEquals` and `SpaceNameContains`, `SortBy` `CreationTime`
/// (default) or `LastModifiedTime`, `SortOrder` (newest first when absent, as AWS is recorded
/// doing: see [`Order::OBSERVED_STUDIO_DEFAULT`]), 10 per page by default.
pub fn list_spaces(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListSpacesRequest,
) -> ApiResult<api::ListSpacesResponse> {
    let domain_filter = input.domain_id_equals.as_deref();
    let contains = input.space_name_contains.as_deref();
    let page = ctx.list_in_creation_order(
        "ListSpaces",
        &input,
        input.sort_by == Some(SpaceSortKey::LastModifiedTime),
        10,
        Order::from_sort_order(input.sort_order),
        |after, order| tables.spaces.in_order(domain_filter, after, order),
        |s: &Space| contains.is_none_or(|c| s.name.contains(c)),
        |s| s.life.last_modified(ctx.now),
        |s| summary(s, ctx),
    )?;
    Ok(api::ListSpacesResponse {
        // Only the page's items are rendered, so only they read their kept settings back.
        spaces: Some(page.items.into_iter().collect::<ApiResult<_>>()?),
        next_token: page.next_token,
    })
}

/// A `SpaceDetails` of ListSpaces.
fn summary(space: &Space, ctx: &Ctx) -> ApiResult<api::SpaceDetails> {
    let given = space.given_settings()?;
    Ok(api::SpaceDetails {
        domain_id: Some(space.domain_id.clone()),
        space_name: Some(space.name.clone()),
        status: wire_status(&space.life, ctx.now, Status::Gone),
        creation_time: Some(epoch(space.life.created)),
        last_modified_time: Some(epoch(space.life.last_modified(ctx.now))),
        space_settings_summary: given
            .space_settings
            .map(|settings| api::SpaceSettingsSummary {
                app_type: settings.app_type,
                remote_access: settings.remote_access,
                space_storage_settings: settings.space_storage_settings,
            }),
        // Only when the space was created with sharing settings: AWS's ListSpaces shows no
        // summary for a space created without them (recorded, fixtures/recordings/c7n-studio-2026-07).
        space_sharing_settings_summary: given.space_sharing_settings.map(|sharing| {
            api::SpaceSharingSettingsSummary {
                sharing_type: Some(sharing.sharing_type),
            }
        }),
        ownership_settings_summary: given.ownership_settings.map(|ownership| {
            api::OwnershipSettingsSummary {
                owner_user_profile_name: Some(ownership.owner_user_profile_name),
            }
        }),
        space_display_name: given.space_display_name,
    })
}

/// UpdateSpace: merges `SpaceSettings`, replaces `SpaceDisplayName`; `Updating` until the update
/// delay has passed.
pub fn update_space(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::UpdateSpaceRequest,
) -> ApiResult<api::UpdateSpaceResponse> {
    let domain_id = input.domain_id.as_str();
    let name = input.space_name.as_str();
    image::check_custom_images(tables, input.space_settings.as_ref())?;
    let Some(space) = tables
        .spaces
        .get_mut(&(domain_id.to_string(), name.to_string()))
    else {
        return Err(not_found(ctx, domain_id, name));
    };
    if space.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "Space [{}] is being deleted.",
            space.arn
        )));
    }
    super::refuse_update_after_failed_delete(&space.life, ctx.now, "Space", &space.arn)?;
    // AWS refuses `SpaceSettings.AppType` in UpdateSpace, even the space's current type:
    // "Updating AppType for Space is not supported." (boto/boto3#4375, a user's report quoting
    // AWS's answer to a describe-edit-update round trip). The API reference only says "you can't
    // change the app type of your space by specifying a different value for this field"; the
    // reported answer wins.
    if input
        .space_settings
        .as_ref()
        .is_some_and(|s| s.app_type.is_some())
    {
        return Err(ApiError::validation(
            "Updating AppType for Space is not supported.",
        ));
    }
    // The patch: the Describe members this call sets, merged member by member into the kept
    // settings (a member not given keeps its value; `SpaceDisplayName`, a string, is replaced).
    let patch = api::DescribeSpaceResponse {
        space_settings: input.space_settings,
        space_display_name: input.space_display_name,
        ..Default::default()
    };
    let mut given = Value::Object(std::mem::take(&mut space.given));
    super::merge_settings(&mut given, &to_stored(&patch));
    space.given = match given {
        Value::Object(members) => members,
        _ => Input::new(),
    };
    space.life.start_update(ctx, Transition::SpaceUpdate);
    Ok(api::UpdateSpaceResponse {
        space_arn: Some(space.arn.clone()),
    })
}

/// DeleteSpace: refused while the space has an app that is not `Deleted`.
pub fn delete_space(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteSpaceRequest,
) -> ApiResult<api::Empty> {
    let domain_id = input.domain_id.as_str();
    let name = input.space_name.as_str();
    let space = find(tables, ctx, domain_id, name)?;
    if space.life.is_deleting() {
        return Ok(api::Empty {});
    }
    if tables
        .apps_of_space(domain_id, name)
        .any(|app| app.is_live(ctx.now))
    {
        return Err(ApiError::in_use(format!(
            "Unable to delete Space [{}] because App(s) are associated with it.",
            space.arn
        )));
    }
    let key = (domain_id.to_string(), name.to_string());
    let Some(space) = tables.spaces.get_mut(&key) else {
        return Err(not_found(ctx, domain_id, name));
    };
    if let Some(done_at) = space.life.start_delete(ctx, Transition::SpaceDelete) {
        tables.schedule_removal(done_at, Removal::Space(key.0, key.1));
    }
    Ok(api::Empty {})
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::Fixture;

    #[test]
    fn a_private_space_needs_its_owner() {
        let mut f = Fixture::new();
        let id = f.domain();
        let error = f.refused(
            create_space,
            json!({"DomainId": id, "SpaceName": "mine", "SpaceSharingSettings": {"SharingType": "Private"}}),
        );
        assert_eq!(error.code(), "ValidationException");
        f.profile(&id, "ana");
        let owned = json!({"DomainId": id, "SpaceName": "mine", "SpaceSharingSettings": {"SharingType": "Private"},
                           "OwnershipSettings": {"OwnerUserProfileName": "ana"}});
        // ... and its settings (TF #38370).
        let error = f.refused(create_space, owned.clone());
        assert!(error.message().starts_with(
            "SpaceSettings must be provided for creating private space [arn:aws:sagemaker:"
        ));
        let mut with_settings = owned;
        with_settings["SpaceSettings"] = json!({"AppType": "JupyterLab"});
        f.ok(create_space, with_settings);
    }

    #[test]
    fn an_update_keeps_the_app_type_and_a_delete_failed_space_refuses_updates() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.ok(
            create_space,
            json!({"DomainId": id, "SpaceName": "lab", "SpaceSettings": {"AppType": "JupyterLab"}}),
        );
        f.advance(1);
        // Any AppType is refused, the current one too (boto/boto3#4375).
        for app_type in ["CodeEditor", "JupyterLab"] {
            let error = f.refused(
                update_space,
                json!({"DomainId": id, "SpaceName": "lab", "SpaceSettings": {"AppType": app_type}}),
            );
            assert_eq!(
                error.message(),
                "Updating AppType for Space is not supported."
            );
        }
        f.failure = Some("Volume busy.".into());
        f.ok(delete_space, json!({"DomainId": id, "SpaceName": "lab"}));
        f.failure = None;
        f.advance(1);
        let described = f.ok(describe_space, json!({"DomainId": id, "SpaceName": "lab"}));
        assert_eq!(described["Status"], "Delete_Failed");
        let error = f.refused(
            update_space,
            json!({"DomainId": id, "SpaceName": "lab", "SpaceDisplayName": "x"}),
        );
        assert!(error.message().contains("Delete_Failed"));
    }

    /// An output less its times, which move with the clock (checked present).
    fn timeless(mut value: Value) -> Value {
        let members = value.as_object_mut().unwrap();
        for time in ["CreationTime", "LastModifiedTime"] {
            assert!(
                members.remove(time).is_some_and(|t| t.is_number()),
                "{time}"
            );
        }
        value
    }

    #[test]
    fn settings_are_kept_as_given_summarized_in_lists_and_merged_by_updates() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        let settings = json!({"AppType": "JupyterLab", "RemoteAccess": "ENABLED",
                              "SpaceStorageSettings": {"EbsStorageSettings": {"EbsVolumeSizeInGb": 10}},
                              "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}}});
        f.ok(
            create_space,
            json!({"DomainId": id, "SpaceName": "mine", "SpaceDisplayName": "Mine",
                   "SpaceSharingSettings": {"SharingType": "Private"},
                   "OwnershipSettings": {"OwnerUserProfileName": "ana"},
                   "SpaceSettings": settings, "Tags": [{"Key": "team", "Value": "a"}]}),
        );
        f.ok(create_space, json!({"DomainId": id, "SpaceName": "team"}));
        // The state file's form: the members as given, nothing else.
        let kept = &f
            .tables
            .spaces
            .get(&(id.clone(), "mine".into()))
            .unwrap()
            .given;
        assert_eq!(
            Value::Object(kept.clone()),
            json!({"SpaceDisplayName": "Mine", "SpaceSharingSettings": {"SharingType": "Private"},
                   "OwnershipSettings": {"OwnerUserProfileName": "ana"}, "SpaceSettings": settings})
        );
        f.advance(1);

        let mine = f.ok(describe_space, json!({"DomainId": id, "SpaceName": "mine"}));
        let url = mine["Url"].as_str().unwrap().to_string();
        assert!(url.ends_with(".studio.us-east-1.sagemaker.aws/jupyterlab/default"));
        assert_eq!(
            timeless(mine),
            json!({"DomainId": id, "SpaceName": "mine", "Status": "InService", "Url": url,
                   "SpaceArn": format!("arn:aws:sagemaker:us-east-1:111122223333:space/{id}/mine"),
                   "SpaceDisplayName": "Mine", "SpaceSharingSettings": {"SharingType": "Private"},
                   "OwnershipSettings": {"OwnerUserProfileName": "ana"}, "SpaceSettings": settings})
        );
        let team = f.ok(describe_space, json!({"DomainId": id, "SpaceName": "team"}));
        assert!(!team["Url"].as_str().unwrap().ends_with("/default"));
        assert!(team["HomeEfsFileSystemUid"].is_string());
        assert!(team.get("SpaceSettings").is_none());

        let listed = f.ok(
            list_spaces,
            json!({"DomainIdEquals": id, "SortOrder": "Ascending"}),
        );
        let spaces: Vec<Value> = listed["Spaces"]
            .as_array()
            .unwrap()
            .iter()
            .cloned()
            .map(timeless)
            .collect();
        assert_eq!(
            spaces,
            vec![
                json!({"DomainId": id, "SpaceName": "mine", "Status": "InService",
                       "SpaceDisplayName": "Mine",
                       "SpaceSettingsSummary": {"AppType": "JupyterLab", "RemoteAccess": "ENABLED",
                           "SpaceStorageSettings": {"EbsStorageSettings": {"EbsVolumeSizeInGb": 10}}},
                       "SpaceSharingSettingsSummary": {"SharingType": "Private"},
                       "OwnershipSettingsSummary": {"OwnerUserProfileName": "ana"}}),
                json!({"DomainId": id, "SpaceName": "team", "Status": "InService"}),
            ]
        );
        assert!(listed.get("NextToken").is_none());

        // An update merges SpaceSettings member by member and replaces the display name.
        f.ok(
            update_space,
            json!({"DomainId": id, "SpaceName": "mine", "SpaceDisplayName": "Ours",
                   "SpaceSettings": {"JupyterLabAppSettings": {"DefaultResourceSpec": {"SageMakerImageArn": "arn:aws:sagemaker:us-east-1:081325390199:image/sagemaker-distribution-cpu"}}}}),
        );
        let updated = f.ok(describe_space, json!({"DomainId": id, "SpaceName": "mine"}));
        assert_eq!(updated["Status"], "Updating");
        assert_eq!(updated["SpaceDisplayName"], "Ours");
        assert_eq!(
            updated["SpaceSettings"],
            json!({"AppType": "JupyterLab", "RemoteAccess": "ENABLED",
                   "SpaceStorageSettings": {"EbsStorageSettings": {"EbsVolumeSizeInGb": 10}},
                   "JupyterLabAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium",
                       "SageMakerImageArn": "arn:aws:sagemaker:us-east-1:081325390199:image/sagemaker-distribution-cpu"}}})
        );
    }
}
