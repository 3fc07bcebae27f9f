//! Domains: CreateDomain, DescribeDomain, ListDomains, UpdateDomain, DeleteDomain.
//!
//! A domain is the top of the Studio tree. Its settings (`DefaultUserSettings`, `DomainSettings`,
//! …) are validated JSON kept and returned as given; the emulator reasons only about its id,
//! name, status and the defaults that app creation resolves through.

use serde::Deserialize;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{
    self, AppNetworkAccessType, AuthMode, AutoMountHomeEFS, ExecutionRoleIdentityConfig,
    HomeEfsFileSystemCreation, TagPropagation,
};
use crate::resources::pagination::Order;
use crate::resources::settings::{self, SettingsOf};
use crate::resources::table::Indexed;
use crate::resources::tags::TagList;
use crate::resources::{
    epoch, image, optional_value, tags, to_stored, wire_status, Ctx, Input, Life, HEX, LOWER_ALNUM,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};
use crate::sim::quotas::QuotaName;

/// A Studio domain.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Domain {
    /// `d-` + 12 lowercase alphanumerics.
    pub id: String,
    pub name: String,
    pub arn: String,
    /// `https://ID.studio.REGION.sagemaker.aws`.
    pub url: String,
    pub auth_mode: AuthMode,
    /// `PublicInternetOnly` (AWS's default) or `VpcOnly`.
    pub app_network_access_type: AppNetworkAccessType,
    /// `ENABLED` or `DISABLED` (AWS's default).
    pub tag_propagation: TagPropagation,
    /// `fs-` + 17 hex, as EFS ids are.
    pub home_efs_file_system_id: String,
    /// `sg-` + 17 hex: AWS creates it for `VpcOnly` domains.
    pub security_group_id_for_domain_boundary: Option<String>,
    /// `SingleSignOnManagedApplicationInstanceId` and `SingleSignOnApplicationArn` (SSO domains).
    pub sso: Option<(String, String)>,
    /// Settings kept as given: the DescribeDomain members CreateDomain takes as they are
    /// (`DefaultUserSettings`, `DomainSettings`, `SubnetIds`, …), as JSON, merged by
    /// UpdateDomain (see [`Domain::given_settings`]).
    pub given: Input,
    pub life: Life,
    /// Creation order among domains.
    pub sequence: u64,
    /// The next `HomeEfsFileSystemUid` for a user profile or space of this domain.
    pub next_home_uid: u64,
    /// `RetentionPolicy` of the DeleteDomain call, once deleted.
    pub retention_policy: Option<api::RetentionPolicy>,
}

/// The tags a user profile or space created in `domain_id` starts with: its own `Tags`, the
/// domain's propagated tags, and `sagemaker:domain-arn`.
pub fn child_tags(
    tables: &Tables,
    ctx: &Ctx,
    domain_id: &str,
    own_tags: Option<&[api::Tag]>,
    arn: &str,
) -> ApiResult<TagList> {
    let domain = find(tables, ctx, domain_id)?;
    tags::initial_tags(
        &tags::tag_list(own_tags)?,
        &[&propagated_tags(tables, domain)],
        Some(&domain.arn),
        arn,
    )
}

/// The tags a resource created in `domain` inherits besides its own: the domain's custom tags
/// when `TagPropagation` is `ENABLED`.
pub fn propagated_tags(tables: &Tables, domain: &Domain) -> TagList {
    if domain.tag_propagation == TagPropagation::Enabled {
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
    /// The settings kept as given, typed: a DescribeDomain output holding only those members.
    pub fn given_settings(&self) -> ApiResult<api::DescribeDomainResponse> {
        api::DescribeDomainResponse::deserialize(&self.given)
            .map_err(|e| ApiError::Internal(format!("domain {} settings: {e}", self.id)))
    }

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
fn check_create_rules(input: &api::CreateDomainRequest) -> ApiResult<AppNetworkAccessType> {
    let app_network_access_type = input
        .app_network_access_type
        .unwrap_or(AppNetworkAccessType::PublicInternetOnly);
    if app_network_access_type == AppNetworkAccessType::VpcOnly
        && (input.vpc_id.is_none() || input.subnet_ids.is_none())
    {
        return Err(ApiError::validation(
            "VpcId and SubnetIds are required when AppNetworkAccessType is VpcOnly.",
        ));
    }
    let domain_settings = input.domain_settings.as_ref();
    let rstudio = domain_settings
        .and_then(|s| s.r_studio_server_pro_domain_settings.as_ref())
        .is_some();
    if input.app_security_group_management.is_some() && !rstudio {
        return Err(ApiError::validation(APP_SECURITY_GROUP_NEEDS_RSTUDIO));
    }
    // "A collection of settings that configure the Amazon Q experience within the domain. The
    // AuthMode that you use to create the domain must be SSO." (DomainSettings.AmazonQSettings)
    if input.auth_mode != AuthMode::Sso
        && domain_settings.is_some_and(|s| s.amazon_q_settings.is_some())
    {
        return Err(ApiError::validation(
            "DomainSettings.AmazonQSettings needs a domain whose AuthMode is SSO.",
        ));
    }
    settings::check_user_settings(Some(&input.default_user_settings), SettingsOf::Domain)?;
    Ok(app_network_access_type)
}

/// CreateDomain.
pub fn create_domain(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateDomainRequest,
) -> ApiResult<api::CreateDomainResponse> {
    let app_network_access_type = check_create_rules(&input)?;
    // "A Failed domain still counts against the 'Total domains' quota" (a real refusal quoted in
    // aws/amazon-sagemaker-examples#1564): every domain in the table counts.
    ctx.quotas
        .check(&QuotaName::Domains, tables.domains.len() as u64)?;
    let own_tags = tags::tag_list(input.tags.as_deref())?;
    image::check_custom_images(tables, Some(&input.default_user_settings))?;
    image::check_custom_images(tables, input.default_space_settings.as_ref())?;
    let id = loop {
        let candidate = format!("d-{}", ctx.random_chars(12, LOWER_ALNUM));
        if !tables.domains.contains_key(&candidate) {
            break candidate;
        }
    };
    let arn = ctx.arn(&format!("domain/{id}"));
    let url = format!("https://{id}.studio.{}.sagemaker.aws", ctx.region);
    let given = api::DescribeDomainResponse {
        default_user_settings: Some(input.default_user_settings),
        domain_settings: input.domain_settings,
        subnet_ids: input.subnet_ids,
        vpc_id: input.vpc_id,
        kms_key_id: input.kms_key_id,
        home_efs_file_system_kms_key_id: input.home_efs_file_system_kms_key_id,
        app_security_group_management: input.app_security_group_management,
        default_space_settings: input.default_space_settings,
        home_efs_file_system_creation: input.home_efs_file_system_creation,
        ..Default::default()
    };
    let sso = (input.auth_mode == AuthMode::Sso).then(|| sso_application(ctx));
    let domain = Domain {
        id: id.clone(),
        name: input.domain_name,
        arn: arn.clone(),
        url: url.clone(),
        auth_mode: input.auth_mode,
        security_group_id_for_domain_boundary: (app_network_access_type
            == AppNetworkAccessType::VpcOnly)
            .then(|| format!("sg-{}", ctx.random_chars(17, HEX))),
        app_network_access_type,
        tag_propagation: input.tag_propagation.unwrap_or(TagPropagation::Disabled),
        home_efs_file_system_id: format!("fs-{}", ctx.random_chars(17, HEX)),
        sso,
        given: super::stored_object(&given),
        life: Life::created(ctx, Transition::DomainCreate),
        sequence: tables.next_sequence(),
        next_home_uid: FIRST_HOME_UID,
        retention_policy: None,
    };
    let initial_tags = tags::initial_tags(&own_tags, &[], None, &arn)?;
    tables.domains.insert(id.clone(), domain);
    tables.tags.insert(arn.clone(), initial_tags);
    Ok(api::CreateDomainResponse {
        domain_arn: Some(arn),
        domain_id: Some(id),
        url: Some(url),
    })
}

/// DescribeDomain.
pub fn describe_domain(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeDomainRequest,
) -> ApiResult<api::DescribeDomainResponse> {
    let domain = find(tables, ctx, &input.domain_id)?;
    let mut out = domain.given_settings()?;
    // AWS fills in `AutoMountHomeEFS: Enabled` when the caller did not set it (Terraform's
    // domain acceptance test `testAccDomain_basic` expects it of a domain created with only an
    // execution role; captured DescribeDomain outputs show it too).
    if let Some(defaults) = out.default_user_settings.as_mut() {
        defaults
            .auto_mount_home_efs
            .get_or_insert(AutoMountHomeEFS::Enabled);
    }
    let (instance, app_arn) = domain.sso.clone().unzip();
    Ok(api::DescribeDomainResponse {
        domain_arn: Some(domain.arn.clone()),
        domain_id: Some(domain.id.clone()),
        domain_name: Some(domain.name.clone()),
        home_efs_file_system_id: Some(domain.home_efs_file_system_id.clone()),
        single_sign_on_managed_application_instance_id: instance,
        single_sign_on_application_arn: app_arn,
        status: wire_status(&domain.life, ctx.now, Status::Gone),
        creation_time: Some(epoch(domain.life.created)),
        last_modified_time: Some(epoch(domain.life.last_modified(ctx.now))),
        failure_reason: domain.life.failure_reason(ctx.now).map(str::to_string),
        security_group_id_for_domain_boundary: domain.security_group_id_for_domain_boundary.clone(),
        auth_mode: Some(domain.auth_mode),
        app_network_access_type: Some(domain.app_network_access_type),
        url: Some(domain.url.clone()),
        tag_propagation: Some(domain.tag_propagation),
        ..out
    })
}

/// ListDomains: every domain, oldest first (AWS documents no order; creation order is stable).
pub fn list_domains(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListDomainsRequest,
) -> ApiResult<api::ListDomainsResponse> {
    // Read straight from the creation-order index: O(log n + page) at any number of domains.
    // Default page size 10: "MaxResults … The default value is 10." (ListDomains API reference).
    let page = ctx.list_in_creation_order(
        "ListDomains",
        &input,
        false,
        10,
        Order::Ascending,
        |after, order| tables.domains.in_order(None, after, order),
        |_| true,
        |d: &Domain| d.life.last_modified(ctx.now),
        |d| api::DomainDetails {
            domain_arn: Some(d.arn.clone()),
            domain_id: Some(d.id.clone()),
            domain_name: Some(d.name.clone()),
            status: wire_status(&d.life, ctx.now, Status::Gone),
            creation_time: Some(epoch(d.life.created)),
            last_modified_time: Some(epoch(d.life.last_modified(ctx.now))),
            url: Some(d.url.clone()),
        },
    )?;
    Ok(api::ListDomainsResponse {
        domains: Some(page.items),
        next_token: page.next_token,
    })
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
fn check_update_rules(
    tables: &Tables,
    ctx: &Ctx,
    input: &api::UpdateDomainRequest,
) -> ApiResult<()> {
    let domain = find(tables, ctx, &input.domain_id)?;
    if domain.life.is_deleting() {
        // find_live answers this one.
        return Ok(());
    }
    super::refuse_update_after_failed_delete(&domain.life, ctx.now, "Domain", &domain.arn)?;
    let given = domain.given_settings()?;
    let change = RequestedChange::of(domain, &given, input);
    if change.security_groups && !change.rstudio_now && !change.rstudio_given {
        return Err(ApiError::validation(APP_SECURITY_GROUP_NEEDS_RSTUDIO));
    }
    if change.access == Some(AppNetworkAccessType::VpcOnly)
        && (input.vpc_id.is_none() || input.subnet_ids.as_ref().is_none_or(Vec::is_empty))
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
    if input.home_efs_file_system_creation == Some(HomeEfsFileSystemCreation::Disabled)
        && given
            .home_efs_file_system_creation
            .unwrap_or(HomeEfsFileSystemCreation::Enabled)
            == HomeEfsFileSystemCreation::Enabled
    {
        return Err(ApiError::validation(format!(
            "HomeEfsFileSystemCreation of Domain [{}] cannot be changed from Enabled to Disabled.",
            domain.arn
        )));
    }
    settings::check_user_settings(input.default_user_settings.as_ref(), SettingsOf::Domain)
}

/// What an UpdateDomain call asks to change, as the rules about running apps need it.
struct RequestedChange {
    access: Option<AppNetworkAccessType>,
    access_changes: bool,
    rstudio_now: bool,
    rstudio_given: bool,
    rstudio_settings: bool,
    security_groups: bool,
    removes_subnets: bool,
    identity_config_changes: bool,
}

impl RequestedChange {
    fn of(
        domain: &Domain,
        given: &api::DescribeDomainResponse,
        input: &api::UpdateDomainRequest,
    ) -> Self {
        let update = input.domain_settings_for_update.as_ref();
        let rstudio_update =
            update.and_then(|s| s.r_studio_server_pro_domain_settings_for_update.as_ref());
        let removes_subnets = match (&input.subnet_ids, &given.subnet_ids) {
            (Some(new), Some(old)) => old.iter().any(|id| !new.contains(id)),
            _ => false,
        };
        let identity_now = given
            .domain_settings
            .as_ref()
            .and_then(|s| s.execution_role_identity_config)
            .unwrap_or(ExecutionRoleIdentityConfig::Disabled);
        let identity_config_changes = update
            .and_then(|s| s.execution_role_identity_config)
            .is_some_and(|c| c != identity_now);
        RequestedChange {
            access: input.app_network_access_type,
            access_changes: input
                .app_network_access_type
                .is_some_and(|a| a != domain.app_network_access_type),
            rstudio_now: given
                .domain_settings
                .as_ref()
                .is_some_and(|s| s.r_studio_server_pro_domain_settings.is_some()),
            // `DomainExecutionRoleArn` is required in the ForUpdate shape: given whenever the
            // RStudio member is.
            rstudio_given: rstudio_update.is_some(),
            rstudio_settings: rstudio_update.is_some(),
            security_groups: input.app_security_group_management.is_some(),
            removes_subnets,
            identity_config_changes,
        }
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

/// DomainSettingsForUpdate as the DomainSettings it merges into: its RStudio member is named
/// `…ForUpdate`; the rest match DomainSettings member for member (SageMaker API reference,
/// DomainSettingsForUpdate).
fn settings_patch(update: api::DomainSettingsForUpdate) -> api::DomainSettings {
    api::DomainSettings {
        amazon_q_settings: update.amazon_q_settings,
        docker_settings: update.docker_settings,
        execution_role_identity_config: update.execution_role_identity_config,
        ip_address_type: update.ip_address_type,
        r_studio_server_pro_domain_settings: update
            .r_studio_server_pro_domain_settings_for_update
            .map(|rstudio| api::RStudioServerProDomainSettings {
                default_resource_spec: rstudio.default_resource_spec,
                domain_execution_role_arn: rstudio.domain_execution_role_arn,
                r_studio_connect_url: rstudio.r_studio_connect_url,
                r_studio_package_manager_url: rstudio.r_studio_package_manager_url,
            }),
        security_group_ids: update.security_group_ids,
        trusted_identity_propagation_settings: update.trusted_identity_propagation_settings,
        unified_studio_settings: update.unified_studio_settings,
    }
}

/// UpdateDomain: merges the given settings, `Updating` until the update delay has passed.
pub fn update_domain(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::UpdateDomainRequest,
) -> ApiResult<api::UpdateDomainResponse> {
    image::check_custom_images(tables, input.default_user_settings.as_ref())?;
    image::check_custom_images(tables, input.default_space_settings.as_ref())?;
    check_update_rules(tables, ctx, &input)?;
    let domain = find_live(tables, ctx, &input.domain_id)?;
    // The patch: the Describe members this call sets, merged member by member into the kept
    // settings (a member not given keeps its value).
    let patch = api::DescribeDomainResponse {
        default_user_settings: input.default_user_settings,
        default_space_settings: input.default_space_settings,
        domain_settings: input.domain_settings_for_update.map(settings_patch),
        subnet_ids: input.subnet_ids,
        vpc_id: input.vpc_id,
        app_security_group_management: input.app_security_group_management,
        home_efs_file_system_creation: input.home_efs_file_system_creation,
        ..Default::default()
    };
    let mut given = Value::Object(std::mem::take(&mut domain.given));
    super::merge_settings(&mut given, &to_stored(&patch));
    domain.given = match given {
        Value::Object(members) => members,
        _ => Input::new(),
    };
    if let Some(access) = input.app_network_access_type {
        if access == AppNetworkAccessType::VpcOnly
            && domain.security_group_id_for_domain_boundary.is_none()
        {
            domain.security_group_id_for_domain_boundary =
                Some(format!("sg-{}", ctx.random_chars(17, HEX)));
        }
        domain.app_network_access_type = access;
    }
    if let Some(tag_propagation) = input.tag_propagation {
        domain.tag_propagation = tag_propagation;
    }
    domain.life.start_update(ctx, Transition::DomainUpdate);
    Ok(api::UpdateDomainResponse {
        domain_arn: Some(domain.arn.clone()),
    })
}

/// DeleteDomain: refused while the domain has user profiles or spaces; otherwise `Deleting`, then
/// gone. `RetentionPolicy.HomeEfsFileSystem` (`Retain`, the default, or `Delete`) is recorded.
pub fn delete_domain(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteDomainRequest,
) -> ApiResult<api::Empty> {
    let domain_id = input.domain_id;
    let domain = find(tables, ctx, &domain_id)?;
    if domain.life.is_deleting() {
        // Already being deleted: the call is accepted again and changes nothing.
        return Ok(api::Empty {});
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
    let domain = find_mut(tables, ctx, &domain_id)?;
    domain.retention_policy = input.retention_policy;
    if let Some(done_at) = domain.life.start_delete(ctx, Transition::DomainDelete) {
        tables.schedule_removal(done_at, Removal::Domain(domain_id));
    }
    Ok(api::Empty {})
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
