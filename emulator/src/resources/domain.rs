//! Domains: CreateDomain, DescribeDomain, ListDomains, UpdateDomain, DeleteDomain.
//!
//! A domain is the top of the Studio tree. Its settings (`DefaultUserSettings`, `DomainSettings`,
//! …) are validated JSON kept and returned as given; the emulator reasons only about its id,
//! name, status and the defaults that app creation resolves through.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::lifecycle::{Status, Transition};
use crate::resources::pagination::{time_key, Order};
use crate::resources::tags::TagList;
use crate::resources::{
    copy_members, image, optional_str, optional_value, required_str, status_members, tags, Ctx,
    Input, Life, HEX, LOWER_ALNUM,
};
use crate::store::{Removal, Tables};

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
#[derive(Debug, Clone)]
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
        tags::tags_of(tables, &domain.arn)
            .iter()
            .filter(|(k, _)| k != tags::DOMAIN_ARN_TAG)
            .cloned()
            .collect()
    } else {
        Vec::new()
    }
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

    /// Hands out the next POSIX uid of the domain's home EFS (AWS starts at 200001).
    pub fn allocate_home_uid(&mut self) -> String {
        let uid = self.next_home_uid;
        self.next_home_uid += 1;
        uid.to_string()
    }
}

/// The first HomeEfsFileSystemUid AWS hands out in a domain (values seen in DescribeUserProfile
/// outputs are 200001, 200002, …).
const FIRST_HOME_UID: u64 = 200_001;

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

/// CreateDomain.
pub fn create_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "DomainName")?;
    let auth_mode = required_str(input, "AuthMode")?;
    if optional_value(input, "DefaultUserSettings").is_none() {
        return Err(super::missing("DefaultUserSettings"));
    }
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
    let sso = (auth_mode == "SSO").then(|| {
        let instance = format!("ssoins-{}", ctx.random_chars(16, HEX));
        let app_arn = format!(
            "arn:aws:sso::{}:application/{instance}/apl-{}",
            ctx.account_id,
            ctx.random_chars(16, HEX)
        );
        (ctx.random_chars(16, HEX), app_arn)
    });
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
    let mut items: Vec<_> = tables
        .domains
        .values()
        .map(|d| {
            let mut item = Input::new();
            item.insert("DomainArn".into(), d.arn.clone().into());
            item.insert("DomainId".into(), d.id.clone().into());
            item.insert("DomainName".into(), d.name.clone().into());
            status_members(&mut item, &d.life, ctx.now, Status::Gone);
            item.insert("Url".into(), d.url.clone().into());
            (time_key(d.life.created.0, d.sequence), Value::Object(item))
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    // Default page size 10: "MaxResults … The default value is 10." (ListDomains API reference).
    let page = ctx.page("ListDomains", input, Order::Ascending, 10, items)?;
    Ok(page.into_output("Domains"))
}

/// UpdateDomain: merges the given settings, `Updating` until the update delay has passed.
pub fn update_domain(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    for member in ["DefaultUserSettings", "DefaultSpaceSettings"] {
        image::check_custom_images(tables, optional_value(input, member))?;
    }
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
    let done_at = domain.life.start_delete(ctx, Transition::DomainDelete);
    tables.schedule_removal(done_at, Removal::Domain(domain_id));
    Ok(json!({}))
}
