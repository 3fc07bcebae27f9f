//! Domains: CreateDomain, DescribeDomain, ListDomains, UpdateDomain, DeleteDomain.
//!
//! A domain is the top of the Studio tree. Its settings (`DefaultUserSettings`, `DomainSettings`,
//! …) are validated JSON kept and returned as given; the emulator reasons only about its id,
//! name, status and the defaults that app creation resolves through.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::Order;
use crate::resources::settings::{self, SettingsOf};
use crate::resources::table::Indexed;
use crate::resources::tags::TagList;
use crate::resources::{
    copy_members, image, optional_str, optional_value, required_str, status_members, tags, Ctx,
    Input, Life, HEX, LOWER_ALNUM,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// Members of CreateDomain kept and returned by DescribeDomain as given.
const GIVEN_MEMBERS: &[&str] = &[
    "DefaultUserSettings",
    "DomainSettings",
    "SubnetIds",
    "VpcId",
    "KmsKeyId",
    "HomeEfsFileSystemKmsKeyId",
    "AppSecurityGroupManagement",
    "DefaultSpaceSettings",
    "HomeEfsFileSystemCreation",
];

/// A Studio domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Domain {
    /// `d-` + 12 lowercase alphanumerics.
    pub id: String,
    pub name: String,
    pub arn: String,
    /// `https://ID.studio.REGION.sagemaker.aws`.
    pub url: String,
    pub auth_mode: String,
    /// `PublicInternetOnly` (AWS's default) or `VpcOnly`.
    pub app_network_access_type: String,
    /// `ENABLED` or `DISABLED` (AWS's default).
    pub tag_propagation: String,
    /// `fs-` + 17 hex, as EFS ids are.
    pub home_efs_file_system_id: String,
    /// `sg-` + 17 hex: AWS creates it for `VpcOnly` domains.
    pub security_group_id_for_domain_boundary: Option<String>,
    /// `SingleSignOnManagedApplicationInstanceId` and `SingleSignOnApplicationArn` (SSO domains).
    pub sso: Option<(String, String)>,
    /// Settings kept as given (see `GIVEN_MEMBERS`).
    pub given: Input,
    pub life: Life,
    /// Creation order among domains.
    pub sequence: u64,
    /// The next `HomeEfsFileSystemUid` for a user profile or space of this domain.
    pub next_home_uid: u64,
    /// `RetentionPolicy` of the DeleteDomain call, once deleted.
    pub retention_policy: Option<Value>,
}

/// The tags a user profile or space created in `domain_id` starts with: its own `Tags`, the
/// domain's propagated tags, and `sagemaker:domain-arn`.
pub fn child_tags(
    tables: &Tables,
    ctx: &Ctx,
    domain_id: &str,
    input: &Input,
    arn: &str,
) -> ApiResult<TagList> {
    let domain = find(tables, ctx, domain_id)?;
    tags::initial_tags(
        &tags::tags_from(input, "Tags")?,
        &[&propagated_tags(tables, domain)],
        Some(&domain.arn),
        arn,
    )
}

/// The tags a resource created in `domain` inherits besides its own: the domain's custom tags
/// when `TagPropagation` is `ENABLED`.
pub fn propagated_tags(tables: &Tables, domain: &Domain) -> TagList {
    if domain.tag_propagation == "ENABLED" {
        custom_tags(tables, domain)
    } else {
        Vec::new()
    }
}

/// The domain's own tags, without AWS's `sagemaker:domain-arn`: what the apps it launches start
/// with ("Tags that you specify for the Domain are also added to all Apps that the Domain
/// launches.", CreateDomain API reference).
pub fn custom_tags(tables: &Tables, domain: &Domain) -> TagList {
    tags::tags_of(tables, &domain.arn)
        .iter()
        .filter(|(k, _)| k != tags::DOMAIN_ARN_TAG)
        .cloned()
        .collect()
}

impl Domain {
    /// The domain's default settings for user profiles (`DefaultUserSettings`).
    pub fn default_user_settings(&self) -> Option<&Value> {
        optional_value(&self.given, "DefaultUserSettings")
    }

    /// The domain's default settings for spaces (`DefaultSpaceSettings`).
    pub fn default_space_settings(&self) -> Option<&Value> {
        optional_value(&self.given, "DefaultSpaceSettings")
    }

    /// Hands out the next POSIX uid of the domain's home EFS: user profiles and spaces share
    /// one sequence that steps by `HOME_UID_STEP`.
    pub fn allocate_home_uid(&mut self) -> String {
        let uid = self.next_home_uid;
        self.next_home_uid += HOME_UID_STEP;
        uid.to_string()
    }
}

/// The first HomeEfsFileSystemUid of a domain, and the step between two. A recording of AWS
/// (July 2026, fixtures/recordings/c7n-studio-2026-07) shows the two user profiles and two spaces
/// of one new domain with 200005, 200010, 200015 and 200020: one sequence for both kinds, by
/// fives. (The developer guide's example output shows 200001; the newest recording wins.) Which
/// of two resources created in the same second gets the lower uid is not in creation order on
/// AWS; here it is.
const FIRST_HOME_UID: u64 = 200_005;
/// See `FIRST_HOME_UID`.
const HOME_UID_STEP: u64 = 5;

/// Finds a domain that exists at `now` (also one being deleted) or answers AWS's not-found.
pub fn find<'t>(tables: &'t Tables, ctx: &Ctx, domain_id: &str) -> ApiResult<&'t Domain> {
    tables
        .domains
        .get(domain_id)
        .ok_or_else(|| not_found(ctx, domain_id))
}

/// Like [`find`], mutable.
pub fn find_mut<'t>(
    tables: &'t mut Tables,
    ctx: &Ctx,
    domain_id: &str,
) -> ApiResult<&'t mut Domain> {
    tables
        .domains
        .get_mut(domain_id)
        .ok_or_else(|| not_found(ctx, domain_id))
}

/// A domain that must accept new children: it exists and is not being deleted.
pub fn find_live<'t>(
    tables: &'t mut Tables,
    ctx: &Ctx,
    domain_id: &str,
) -> ApiResult<&'t mut Domain> {
    let domain = find_mut(tables, ctx, domain_id)?;
    if domain.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "Domain [{}] is being deleted.",
            domain.arn
        )));
    }
    Ok(domain)
}

fn not_found(ctx: &Ctx, domain_id: &str) -> ApiError {
    ApiError::not_found(format!(
        "Domain [{}] does not exist.",
        ctx.arn(&format!("domain/{domain_id}"))
    ))
}

/// `SingleSignOnManagedApplicationInstanceId` and `SingleSignOnApplicationArn` of a new SSO
/// domain.
fn sso_application(ctx: &Ctx) -> (String, String) {
    let instance = format!("ssoins-{}", ctx.random_chars(16, HEX));
    let app_arn = format!(
        "arn:aws:sso::{}:application/{instance}/apl-{}",
        ctx.account_id,
        ctx.random_chars(16, HEX)
    );
    (ctx.random_chars(16, HEX), app_arn)
}

/// The rules of CreateDomain beyond the model, checked before anything is made; answers the
/// domain's `AppNetworkAccessType` (AWS's default `PublicInternetOnly`).
fn check_create_rules(input: &Input, auth_mode: &str) -> ApiResult<String> {
    let app_network_access_type = optional_str(input, "AppNetworkAccessType")?
        .unwrap_or("PublicInternetOnly")
        .to_string();
    if app_network_access_type == "VpcOnly"
        && (optional_str(input, "VpcId")?.is_none() || optional_value(input, "SubnetIds").is_none())
    {
        return Err(ApiError::validation(
            "VpcId and SubnetIds are required when AppNetworkAccessType is VpcOnly.",
        ));
    }

    let rstudio = lookup_str(
        optional_value(input, "DomainSettings"),
        &["RStudioServerProDomainSettings", "DomainExecutionRoleArn"],
    )
    .is_some();
    if optional_str(input, "AppSecurityGroupManagement")?.is_some() && !rstudio {
        return Err(ApiError::validation(APP_SECURITY_GROUP_NEEDS_RSTUDIO));
    }
    // "A collection of settings that configure the Amazon Q experience within the domain. The
    // AuthMode that you use to create the domain must be SSO." (DomainSettings.AmazonQSettings)
    if auth_mode != "SSO"
        && optional_value(input, "DomainSettings")
            .and_then(|s| s.get("AmazonQSettings"))
            .is_some_and(|q| !q.is_null())
    {
        return Err(ApiError::validation(
            "DomainSettings.AmazonQSettings needs a domain whose AuthMode is SSO.",
        ));
    }
    settings::check_user_settings(
        optional_value(input, "DefaultUserSettings"),
        SettingsOf::Domain,
    )?;
    Ok(app_network_access_type)
}

/// CreateDomain.
pub fn create_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "DomainName")?;
    let auth_mode = required_str(input, "AuthMode")?;
    if optional_value(input, "DefaultUserSettings").is_none() {
        return Err(super::missing("DefaultUserSettings"));
    }
    let app_network_access_type = check_create_rules(input, auth_mode)?;
    // "A Failed domain still counts against the 'Total domains' quota" (a real refusal quoted in
    // aws/amazon-sagemaker-examples#1564): every domain in the table counts.
    ctx.quotas
        .check(&QuotaName::Domains, tables.domains.len() as u64)?;
    let own_tags = tags::tags_from(input, "Tags")?;
    for member in ["DefaultUserSettings", "DefaultSpaceSettings"] {
        image::check_custom_images(tables, optional_value(input, member))?;
    }
    let id = loop {
        let candidate = format!("d-{}", ctx.random_chars(12, LOWER_ALNUM));
        if !tables.domains.contains_key(&candidate) {
            break candidate;
        }
    };
    let arn = ctx.arn(&format!("domain/{id}"));
    let url = format!("https://{id}.studio.{}.sagemaker.aws", ctx.region);
    let mut given = Input::new();
    copy_members(input, &mut given, GIVEN_MEMBERS);
    let sso = (auth_mode == "SSO").then(|| sso_application(ctx));
    let domain = Domain {
        id: id.clone(),
        name: name.to_string(),
        arn: arn.clone(),
        url: url.clone(),
        auth_mode: auth_mode.to_string(),
        security_group_id_for_domain_boundary: (app_network_access_type == "VpcOnly")
            .then(|| format!("sg-{}", ctx.random_chars(17, HEX))),
        app_network_access_type,
        tag_propagation: optional_str(input, "TagPropagation")?
            .unwrap_or("DISABLED")
            .to_string(),
        home_efs_file_system_id: format!("fs-{}", ctx.random_chars(17, HEX)),
        sso,
        given,
        life: Life::created(ctx, Transition::DomainCreate),
        sequence: tables.next_sequence(),
        next_home_uid: FIRST_HOME_UID,
        retention_policy: None,
    };
    let initial_tags = tags::initial_tags(&own_tags, &[], None, &arn)?;
    tables.domains.insert(id.clone(), domain);
    tables.tags.insert(arn.clone(), initial_tags);
    Ok(json!({"DomainArn": arn, "DomainId": id, "Url": url}))
}

/// DescribeDomain.
pub fn describe_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain = find(tables, ctx, required_str(input, "DomainId")?)?;
    let mut out = domain.given.clone();
    // AWS fills in `AutoMountHomeEFS: Enabled` when the caller did not set it (Terraform's
    // domain acceptance test `testAccDomain_basic` expects it of a domain created with only an
    // execution role; captured DescribeDomain outputs show it too).
    if let Some(Value::Object(defaults)) = out.get_mut("DefaultUserSettings") {
        defaults
            .entry("AutoMountHomeEFS")
            .or_insert_with(|| "Enabled".into());
    }
    out.insert("DomainArn".into(), domain.arn.clone().into());
    out.insert("DomainId".into(), domain.id.clone().into());
    out.insert("DomainName".into(), domain.name.clone().into());
    out.insert(
        "HomeEfsFileSystemId".into(),
        domain.home_efs_file_system_id.clone().into(),
    );
    if let Some((instance, app_arn)) = &domain.sso {
        out.insert(
            "SingleSignOnManagedApplicationInstanceId".into(),
            instance.clone().into(),
        );
        out.insert("SingleSignOnApplicationArn".into(), app_arn.clone().into());
    }
    status_members(&mut out, &domain.life, ctx.now, Status::Gone);
    super::failure_member(&mut out, &domain.life, ctx.now);
    if let Some(sg) = &domain.security_group_id_for_domain_boundary {
        out.insert("SecurityGroupIdForDomainBoundary".into(), sg.clone().into());
    }
    out.insert("AuthMode".into(), domain.auth_mode.clone().into());
    out.insert(
        "AppNetworkAccessType".into(),
        domain.app_network_access_type.clone().into(),
    );
    out.insert("Url".into(), domain.url.clone().into());
    out.insert(
        "TagPropagation".into(),
        domain.tag_propagation.clone().into(),
    );
    Ok(Value::Object(out))
}

/// ListDomains: every domain, oldest first (AWS documents no order; creation order is stable).
pub fn list_domains(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    // Read straight from the creation-order index: O(log n + page) at any number of domains.
    // Default page size 10: "MaxResults … The default value is 10." (ListDomains API reference).
    let page = ctx.list_in_creation_order(
        "ListDomains",
        input,
        10,
        Order::Ascending,
        |after, order| tables.domains.in_order(None, after, order),
        |_| true,
        |d: &Domain| d.life.last_modified(ctx.now),
        |d| {
            let mut item = Input::new();
            item.insert("DomainArn".into(), d.arn.clone().into());
            item.insert("DomainId".into(), d.id.clone().into());
            item.insert("DomainName".into(), d.name.clone().into());
            status_members(&mut item, &d.life, ctx.now, Status::Gone);
            item.insert("Url".into(), d.url.clone().into());
            Value::Object(item)
        },
    )?;
    Ok(page.into_output("Domains"))
}

impl Indexed for Domain {
    /// A domain indexes under itself: the per-domain index holds one row each.
    fn domain_id(&self) -> &str {
        &self.id
    }
    fn sequence(&self) -> u64 {
        self.sequence
    }
}

/// AWS's refusal of `AppSecurityGroupManagement` on a domain without RStudio (Terraform's
/// provider issue #39923, from UpdateDomain; the provider sends it only for RStudio domains).
const APP_SECURITY_GROUP_NEEDS_RSTUDIO: &str =
    "AppSecurityGroupManagement can only be set for Rstudio enabled domains.";

/// A string at `path` inside an optional settings value.
fn lookup_str<'a>(settings: Option<&'a Value>, path: &[&str]) -> Option<&'a str> {
    settings
        .and_then(|s| super::lookup(s, path))
        .and_then(Value::as_str)
}

/// The statuses of the domain's apps, counted as the update rules need them.
#[derive(Debug, Default)]
struct AppsInDomain {
    in_service: usize,
    pending: usize,
    deleting: usize,
}

fn apps_in_domain(tables: &Tables, ctx: &Ctx, domain_id: &str) -> AppsInDomain {
    let mut counts = AppsInDomain::default();
    for (_, app) in tables
        .apps
        .in_order(Some(domain_id), None, Order::Ascending)
    {
        match app.status(ctx.now) {
            Status::InService => counts.in_service += 1,
            Status::Pending => counts.pending += 1,
            Status::Deleting => counts.deleting += 1,
            _ => {}
        }
    }
    counts
}

/// The rules of UpdateDomain beyond the model, checked before anything changes. Sources, in the
/// order of the checks:
/// - `Delete_Failed`: "you cannot use or update the Domain" (DomainStatus, developer guide);
/// - `AppSecurityGroupManagement` needs RStudio (terraform-provider-aws#39923);
/// - "VpcId and Subnet IDs are required for updating domains to VpcOnly mode."
///   (terraform-provider-aws#45528: sent even when the domain already is VpcOnly);
/// - `AppNetworkAccessType` "cannot be updated if DomainSettings.RStudioServerProDomainSettings.
///   DomainExecutionRoleArn is already set or … is provided as part of the same request", and
///   "can only be modified if there are no apps in the InService, Pending, or Deleting state"
///   (UpdateDomain API reference);
/// - `SubnetIds`: "If removing subnets, ensure there are no apps in the InService, Pending, or
///   Deleting state." (same);
/// - `ExecutionRoleIdentityConfig`: "can only be modified if there are no apps in the InService
///   or Pending state." (DomainSettingsForUpdate);
/// - RStudio settings and `AppSecurityGroupManagement` while an app is InService: AWS's
///   "Unable to update Domain [ARN] with InService App. …" (terraform-provider-aws#31912,
///   aws/aws-sdk#367); the same text answers the other app-state rules above, whose own wording
///   is not public;
/// - `HomeEfsFileSystemCreation`: "You can change from Disabled to Enabled …, but you cannot
///   change from Enabled to Disabled." (default Enabled).
fn check_update_rules(tables: &Tables, ctx: &Ctx, input: &Input) -> ApiResult<()> {
    let domain = find(tables, ctx, required_str(input, "DomainId")?)?;
    if domain.life.is_deleting() {
        // find_live answers this one.
        return Ok(());
    }
    super::refuse_update_after_failed_delete(&domain.life, ctx.now, "Domain", &domain.arn)?;
    let change = RequestedChange::of(domain, input)?;
    if change.security_groups && !change.rstudio_now && !change.rstudio_given {
        return Err(ApiError::validation(APP_SECURITY_GROUP_NEEDS_RSTUDIO));
    }
    if change.access == Some("VpcOnly")
        && (optional_str(input, "VpcId")?.is_none()
            || optional_value(input, "SubnetIds")
                .and_then(Value::as_array)
                .is_none_or(|ids| ids.is_empty()))
    {
        return Err(ApiError::validation(
            "VpcId and Subnet IDs are required for updating domains to VpcOnly mode.",
        ));
    }
    if change.access_changes && (change.rstudio_now || change.rstudio_given) {
        return Err(ApiError::validation(format!(
            "The AppNetworkAccessType of Domain [{}] cannot be updated because DomainSettings.RStudioServerProDomainSettings.DomainExecutionRoleArn is set.",
            domain.arn
        )));
    }
    check_running_apps(tables, ctx, domain, &change)?;
    if optional_str(input, "HomeEfsFileSystemCreation")? == Some("Disabled")
        && domain
            .given
            .get("HomeEfsFileSystemCreation")
            .and_then(Value::as_str)
            .unwrap_or("Enabled")
            == "Enabled"
    {
        return Err(ApiError::validation(format!(
            "HomeEfsFileSystemCreation of Domain [{}] cannot be changed from Enabled to Disabled.",
            domain.arn
        )));
    }
    settings::check_user_settings(
        optional_value(input, "DefaultUserSettings"),
        SettingsOf::Domain,
    )
}

/// What an UpdateDomain call asks to change, as the rules about running apps need it.
struct RequestedChange<'a> {
    access: Option<&'a str>,
    access_changes: bool,
    rstudio_now: bool,
    rstudio_given: bool,
    rstudio_settings: bool,
    security_groups: bool,
    removes_subnets: bool,
    identity_config_changes: bool,
}

impl<'a> RequestedChange<'a> {
    fn of(domain: &Domain, input: &'a Input) -> ApiResult<Self> {
        let rstudio_update = optional_value(input, "DomainSettingsForUpdate")
            .and_then(|s| s.get("RStudioServerProDomainSettingsForUpdate"))
            .filter(|v| !v.is_null());
        let access = optional_str(input, "AppNetworkAccessType")?;
        let removes_subnets = match optional_value(input, "SubnetIds") {
            Some(Value::Array(new)) => domain
                .given
                .get("SubnetIds")
                .and_then(Value::as_array)
                .is_some_and(|old| old.iter().any(|id| !new.contains(id))),
            _ => false,
        };
        let identity_now = lookup_str(
            domain.given.get("DomainSettings"),
            &["ExecutionRoleIdentityConfig"],
        )
        .unwrap_or("DISABLED");
        let identity_config_changes = optional_value(input, "DomainSettingsForUpdate")
            .and_then(|s| s.get("ExecutionRoleIdentityConfig"))
            .and_then(Value::as_str)
            .is_some_and(|c| c != identity_now);
        Ok(RequestedChange {
            access,
            access_changes: access.is_some_and(|a| a != domain.app_network_access_type),
            rstudio_now: lookup_str(
                domain.given.get("DomainSettings"),
                &["RStudioServerProDomainSettings", "DomainExecutionRoleArn"],
            )
            .is_some(),
            rstudio_given: rstudio_update
                .and_then(|s| s.get("DomainExecutionRoleArn"))
                .is_some_and(|v| !v.is_null()),
            rstudio_settings: rstudio_update.is_some(),
            security_groups: optional_str(input, "AppSecurityGroupManagement")?.is_some(),
            removes_subnets,
            identity_config_changes,
        })
    }
}

/// The changes that wait for the domain's apps, each with the app states that block it, answered
/// with AWS's "Unable to update Domain [ARN] with InService App. …" (see `check_update_rules`).
fn check_running_apps(
    tables: &Tables,
    ctx: &Ctx,
    domain: &Domain,
    change: &RequestedChange,
) -> ApiResult<()> {
    let apps = apps_in_domain(tables, ctx, &domain.id);
    let live = apps.in_service + apps.pending + apps.deleting;
    let blocked = ((change.access_changes || change.removes_subnets) && live > 0)
        || (change.identity_config_changes && apps.in_service + apps.pending > 0)
        || ((change.rstudio_settings || change.security_groups) && apps.in_service > 0);
    if blocked {
        return Err(ApiError::validation(format!(
            "Unable to update Domain [{}] with InService App. Delete all InService apps in the domain including shared Apps for [domain-shared] User Profile, and try again.",
            domain.arn
        )));
    }
    Ok(())
}

/// UpdateDomain: merges the given settings, `Updating` until the update delay has passed.
pub fn update_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    for member in ["DefaultUserSettings", "DefaultSpaceSettings"] {
        image::check_custom_images(tables, optional_value(input, member))?;
    }
    check_update_rules(tables, ctx, input)?;
    let domain = find_live(tables, ctx, required_str(input, "DomainId")?)?;
    let mut given = domain.given.clone();
    for member in ["DefaultUserSettings", "DefaultSpaceSettings"] {
        if let Some(patch) = optional_value(input, member) {
            let target = given.entry(member).or_insert_with(|| json!({}));
            super::merge_settings(target, patch);
        }
    }
    if let Some(patch) = optional_value(input, "DomainSettingsForUpdate") {
        // DomainSettingsForUpdate names its RStudio member `…ForUpdate`; the rest match
        // DomainSettings member for member (SageMaker API reference, DomainSettingsForUpdate).
        let mut patch = patch.clone();
        if let Some(obj) = patch.as_object_mut() {
            if let Some(rstudio) = obj.remove("RStudioServerProDomainSettingsForUpdate") {
                obj.insert("RStudioServerProDomainSettings".into(), rstudio);
            }
        }
        let target = given.entry("DomainSettings").or_insert_with(|| json!({}));
        super::merge_settings(target, &patch);
    }
    copy_members(
        input,
        &mut given,
        &[
            "SubnetIds",
            "VpcId",
            "AppSecurityGroupManagement",
            "HomeEfsFileSystemCreation",
        ],
    );
    let access = optional_str(input, "AppNetworkAccessType")?.map(str::to_string);
    let tag_propagation = optional_str(input, "TagPropagation")?.map(str::to_string);

    domain.given = given;
    if let Some(access) = access {
        if access == "VpcOnly" && domain.security_group_id_for_domain_boundary.is_none() {
            domain.security_group_id_for_domain_boundary =
                Some(format!("sg-{}", ctx.random_chars(17, HEX)));
        }
        domain.app_network_access_type = access;
    }
    if let Some(tag_propagation) = tag_propagation {
        domain.tag_propagation = tag_propagation;
    }
    domain.life.start_update(ctx, Transition::DomainUpdate);
    Ok(json!({"DomainArn": domain.arn}))
}

/// DeleteDomain: refused while the domain has user profiles or spaces; otherwise `Deleting`, then
/// gone. `RetentionPolicy.HomeEfsFileSystem` (`Retain`, the default, or `Delete`) is recorded.
pub fn delete_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_id = required_str(input, "DomainId")?.to_string();
    let domain = find(tables, ctx, &domain_id)?;
    if domain.life.is_deleting() {
        // Already being deleted: the call is accepted again and changes nothing.
        return Ok(json!({}));
    }
    if tables.user_profiles_of(&domain_id).next().is_some() {
        return Err(ApiError::in_use(format!(
            "Unable to delete Domain [{}] because UserProfile(s) are associated with it.",
            domain.arn
        )));
    }
    if tables.spaces_of(&domain_id).next().is_some() {
        return Err(ApiError::in_use(format!(
            "Unable to delete Domain [{}] because Space(s) are associated with it.",
            domain.arn
        )));
    }
    let retention = optional_value(input, "RetentionPolicy").cloned();
    let domain = find_mut(tables, ctx, &domain_id)?;
    domain.retention_policy = retention;
    if let Some(done_at) = domain.life.start_delete(ctx, Transition::DomainDelete) {
        tables.schedule_removal(done_at, Removal::Domain(domain_id));
    }
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::{Fixture, ROLE};
    use crate::resources::user_profile::create_user_profile;

    #[test]
    fn a_domain_is_pending_then_in_service_with_aws_shaped_ids() {
        let mut f = Fixture::new();
        let out = f.ok(
            create_domain,
            json!({"DomainName": "d", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": ROLE}}),
        );
        let id = out["DomainId"].as_str().unwrap().to_string();
        assert!(id.starts_with("d-") && id.len() == 14);
        let pending = f.ok(describe_domain, json!({"DomainId": id}));
        assert_eq!(pending["Status"], "Pending");
        assert_eq!(
            pending["DefaultUserSettings"]["AutoMountHomeEFS"],
            "Enabled"
        );
        f.advance(1);
        assert_eq!(
            f.ok(describe_domain, json!({"DomainId": id}))["Status"],
            "InService"
        );
    }

    #[test]
    fn update_rules_refuse_and_change_nothing() {
        let mut f = Fixture::new();
        let id = f.domain();
        let error = f.refused(
            update_domain,
            json!({"DomainId": id, "AppSecurityGroupManagement": "Service"}),
        );
        assert_eq!(error.message(), APP_SECURITY_GROUP_NEEDS_RSTUDIO);
        let error = f.refused(
            update_domain,
            json!({"DomainId": id, "AppNetworkAccessType": "VpcOnly"}),
        );
        assert!(error
            .message()
            .starts_with("VpcId and Subnet IDs are required"));
        let described = f.ok(describe_domain, json!({"DomainId": id}));
        assert_eq!(described["Status"], "InService");
        assert_eq!(described["AppNetworkAccessType"], "PublicInternetOnly");
    }

    #[test]
    fn a_domain_with_user_profiles_is_not_deleted_and_a_failed_delete_keeps_it() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.ok(
            create_user_profile,
            json!({"DomainId": id, "UserProfileName": "ana"}),
        );
        let error = f.refused(delete_domain, json!({"DomainId": id}));
        assert_eq!(error.code(), "ResourceInUse");
        let other = f.domain();
        f.failure = Some("EFS is busy.".into());
        f.ok(delete_domain, json!({"DomainId": other}));
        f.failure = None;
        f.advance(1);
        let described = f.ok(describe_domain, json!({"DomainId": other}));
        assert_eq!(described["Status"], "Delete_Failed");
        assert_eq!(described["FailureReason"], "EFS is busy.");
        f.ok(delete_domain, json!({"DomainId": other}));
        f.advance(1);
        assert_eq!(
            f.refused(describe_domain, json!({"DomainId": other}))
                .code(),
            "ResourceNotFound"
        );
    }
}
