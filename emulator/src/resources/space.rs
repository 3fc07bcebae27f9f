//! Spaces: CreateSpace, DescribeSpace, ListSpaces, UpdateSpace, DeleteSpace.
//!
//! A space is private (`SpaceSharingSettings.SharingType` `Private`, owned by one user profile
//! named in `OwnershipSettings`) or shared. Each space runs at most one app at a time and gets its
//! own Studio host (`Url`).

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::Order;
use crate::resources::table::Indexed;
use crate::resources::{
    copy_members, domain, image, lookup, optional_str, optional_value, required_str,
    status_members, user_profile, Ctx, Input, Life, LOWER_ALNUM,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// Members of CreateSpace kept and returned by DescribeSpace as given.
const GIVEN_MEMBERS: &[&str] = &[
    "SpaceSettings",
    "OwnershipSettings",
    "SpaceSharingSettings",
    "SpaceDisplayName",
];

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
    /// Settings kept as given (see `GIVEN_MEMBERS`).
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
    /// The space's settings (`SpaceSettings`).
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
    /// Editor space is inferred.
    pub fn described_url(&self) -> String {
        match self
            .space_settings()
            .and_then(|s| s.get("AppType"))
            .and_then(Value::as_str)
        {
            Some("JupyterLab") => format!("{}/jupyterlab/default", self.url),
            Some("CodeEditor") => format!("{}/codeeditor/default", self.url),
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
pub fn create_space(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "SpaceName")?;
    domain::find_live(tables, ctx, domain_id)?;
    let sharing = optional_value(input, "SpaceSharingSettings")
        .and_then(|s| s.get("SharingType"))
        .and_then(Value::as_str)
        .unwrap_or("Shared");
    let owner = optional_value(input, "OwnershipSettings")
        .and_then(|o| lookup(o, &["OwnerUserProfileName"]))
        .and_then(Value::as_str);
    // "OwnershipSettings … Required if SpaceSharingSettings.SharingType is Private"
    // (CreateSpace API reference, OwnershipSettings and SpaceSharingSettings).
    if sharing == "Private" && owner.is_none() {
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
    if sharing == "Private" && optional_value(input, "SpaceSettings").is_none() {
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
    image::check_custom_images(tables, optional_value(input, "SpaceSettings"))?;
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
    // A space owned by a user profile shows no HomeEfsFileSystemUid of its own (recorded, May
    // 2025: a private and a shared space with `OwnershipSettings`,
    // fixtures/recordings/inquisitivefrog-2025-05); a space without an owner has one from the
    // domain's sequence (recorded, July 2026, fixtures/recordings/c7n-studio-2026-07). That the
    // owner is what decides it is inferred: it is what tells the two recordings apart.
    let home_efs_uid = match owner {
        Some(_) => None,
        None => Some(domain::find_mut(tables, ctx, domain_id)?.allocate_home_uid()),
    };
    let mut given = Input::new();
    copy_members(input, &mut given, GIVEN_MEMBERS);
    let space = Space {
        domain_id: domain_id.to_string(),
        name: name.to_string(),
        arn: arn.clone(),
        url: format!(
            "https://{}.studio.{}.sagemaker.aws",
            ctx.random_chars(15, LOWER_ALNUM),
            ctx.region
        ),
        home_efs_uid,
        given,
        life: Life::created(ctx, Transition::SpaceCreate),
        sequence: tables.next_sequence(),
    };
    tables.spaces.insert(key, space);
    tables.tags.insert(arn.clone(), initial_tags);
    Ok(json!({"SpaceArn": arn}))
}

/// DescribeSpace.
pub fn describe_space(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let space = find(
        tables,
        ctx,
        required_str(input, "DomainId")?,
        required_str(input, "SpaceName")?,
    )?;
    let mut out = space.given.clone();
    out.insert("DomainId".into(), space.domain_id.clone().into());
    out.insert("SpaceArn".into(), space.arn.clone().into());
    out.insert("SpaceName".into(), space.name.clone().into());
    if let Some(uid) = &space.home_efs_uid {
        out.insert("HomeEfsFileSystemUid".into(), uid.clone().into());
    }
    status_members(&mut out, &space.life, ctx.now, Status::Gone);
    super::failure_member(&mut out, &space.life, ctx.now);
    out.insert("Url".into(), space.described_url().into());
    Ok(Value::Object(out))
}

/// ListSpaces: filters `DomainIdEquals` and `SpaceNameContains`, `SortBy` `CreationTime`
/// (default) or `LastModifiedTime`, `SortOrder` (newest first when absent, as AWS is recorded
/// doing: see [`Order::OBSERVED_STUDIO_DEFAULT`]), 10 per page by default.
pub fn list_spaces(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_filter = optional_str(input, "DomainIdEquals")?;
    let contains = optional_str(input, "SpaceNameContains")?;
    let order = Order::from_input(input, Order::OBSERVED_STUDIO_DEFAULT);
    let page = ctx.list_in_creation_order(
        "ListSpaces",
        input,
        input.get("SortBy").and_then(Value::as_str) == Some("LastModifiedTime"),
        10,
        order,
        |after, order| tables.spaces.in_order(domain_filter, after, order),
        |s: &Space| contains.is_none_or(|c| s.name.contains(c)),
        |s| s.life.last_modified(ctx.now),
        |s| summary(s, ctx),
    )?;
    Ok(page.into_output("Spaces"))
}

/// A `SpaceDetails` of ListSpaces.
fn summary(space: &Space, ctx: &Ctx) -> Value {
    let mut item = Input::new();
    item.insert("DomainId".into(), space.domain_id.clone().into());
    item.insert("SpaceName".into(), space.name.clone().into());
    status_members(&mut item, &space.life, ctx.now, Status::Gone);
    if let Some(settings) = space.space_settings() {
        let mut settings_summary = Input::new();
        copy_members(
            settings.as_object().unwrap_or(&Input::new()),
            &mut settings_summary,
            &["AppType", "RemoteAccess", "SpaceStorageSettings"],
        );
        item.insert(
            "SpaceSettingsSummary".into(),
            Value::Object(settings_summary),
        );
    }
    // Only when the space was created with sharing settings: AWS's ListSpaces shows no
    // summary for a space created without them (recorded, fixtures/recordings/c7n-studio-2026-07).
    if space.given.contains_key("SpaceSharingSettings") {
        item.insert(
            "SpaceSharingSettingsSummary".into(),
            json!({"SharingType": space.sharing_type()}),
        );
    }
    if let Some(owner) = space
        .given
        .get("OwnershipSettings")
        .and_then(|o| o.get("OwnerUserProfileName"))
    {
        item.insert(
            "OwnershipSettingsSummary".into(),
            json!({"OwnerUserProfileName": owner}),
        );
    }
    if let Some(display) = space.given.get("SpaceDisplayName") {
        item.insert("SpaceDisplayName".into(), display.clone());
    }
    Value::Object(item)
}

/// UpdateSpace: merges `SpaceSettings`, replaces `SpaceDisplayName`; `Updating` until the update
/// delay has passed.
pub fn update_space(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "SpaceName")?;
    image::check_custom_images(tables, optional_value(input, "SpaceSettings"))?;
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
    if optional_value(input, "SpaceSettings")
        .and_then(|s| lookup(s, &["AppType"]))
        .is_some()
    {
        return Err(ApiError::validation(
            "Updating AppType for Space is not supported.",
        ));
    }
    if let Some(patch) = optional_value(input, "SpaceSettings") {
        let target = space
            .given
            .entry("SpaceSettings")
            .or_insert_with(|| json!({}));
        super::merge_settings(target, patch);
    }
    copy_members(input, &mut space.given, &["SpaceDisplayName"]);
    space.life.start_update(ctx, Transition::SpaceUpdate);
    Ok(json!({"SpaceArn": space.arn}))
}

/// DeleteSpace: refused while the space has an app that is not `Deleted`.
pub fn delete_space(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?;
    let name = required_str(input, "SpaceName")?;
    let space = find(tables, ctx, domain_id, name)?;
    if space.life.is_deleting() {
        return Ok(json!({}));
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
    Ok(json!({}))
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
}
