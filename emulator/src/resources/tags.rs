//! Tags: AddTags, ListTags, DeleteTags on every Studio ARN, tags given at creation, and the tags
//! AWS adds by itself.
//!
//! - "Tag keys must be unique per resource" and AddTags "adds or overwrites" (AddTags API
//!   reference): a key given again replaces its value; a resource holds at most 50 tags.
//! - "Tags that you add to a SageMaker Domain or User Profile … are also added to any Apps that
//!   the Domain or User Profile launches after you call this API" (AddTags API reference): an app
//!   starts with its domain's and owner's tags.
//! - Resources created in a domain carry `sagemaker:domain-arn` (cost allocation by domain,
//!   "Domain resource tagging" in the SageMaker developer guide); with the domain's
//!   `TagPropagation` `ENABLED`, its custom tags propagate to the user profiles and spaces created
//!   in it ("Custom tag propagation", same guide).
//! - Keys starting with `aws:` are reserved for AWS (AWS tagging rules).

use crate::error::{ApiError, ApiResult};
use crate::model::api;
use crate::resources::pagination::Order;
use crate::resources::Ctx;
use crate::resources::Tables;
use crate::sim::lifecycle::Status;

/// A resource's tags, in the order they were first added.
pub type TagList = Vec<(String, String)>;

/// Tags by resource ARN. Lists are shared (`Arc`) and copied on write, for the same reason as
/// the indexed tables' rows: a snapshot's copy (taken while calls are held off) is then a
/// pointer per resource, not a copy of every tag (measured at 100,000 profiles: 60 ms → a few).
#[derive(Debug, Clone, Default)]
pub struct TagTable(std::collections::BTreeMap<String, std::sync::Arc<TagList>>);

impl TagTable {
    /// The tags of `arn`.
    pub fn get(&self, arn: &str) -> Option<&TagList> {
        self.0.get(arn).map(|tags| &**tags)
    }

    /// The tags of `arn`, to change in place.
    pub fn get_mut(&mut self, arn: &str) -> Option<&mut TagList> {
        self.0.get_mut(arn).map(std::sync::Arc::make_mut)
    }

    /// Sets the tags of `arn`.
    pub fn insert(&mut self, arn: String, tags: TagList) {
        self.0.insert(arn, std::sync::Arc::new(tags));
    }

    /// Forgets the tags of `arn` (its resource is gone).
    pub fn remove(&mut self, arn: &str) {
        self.0.remove(arn);
    }
}

impl serde::Serialize for TagTable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(arn, tags)| (arn, &**tags)))
    }
}

impl<'de> serde::Deserialize<'de> for TagTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tags = std::collections::BTreeMap::<String, TagList>::deserialize(deserializer)?;
        Ok(TagTable(
            tags.into_iter()
                .map(|(arn, list)| (arn, std::sync::Arc::new(list)))
                .collect(),
        ))
    }
}

/// The tag AWS puts on resources created in a domain.
pub const DOMAIN_ARN_TAG: &str = "sagemaker:domain-arn";

/// Most tags a resource may hold (AWS's per-resource limit; also the model's list max).
pub const MAX_TAGS: usize = 50;

/// Reads a typed `Tags` list (keys unique, not `aws:`-prefixed).
pub fn tag_list(list: Option<&[api::Tag]>) -> ApiResult<TagList> {
    let list = list.unwrap_or_default();
    let mut tags: TagList = Vec::with_capacity(list.len());
    for api::Tag { key, value } in list {
        check_new_key(&tags, key)?;
        tags.push((key.clone(), value.clone()));
    }
    Ok(tags)
}

/// Refuses a tag key that AWS reserves or that `tags` already holds.
fn check_new_key(tags: &TagList, key: &str) -> ApiResult<()> {
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Err(ApiError::validation(format!(
            "Tag keys starting with 'aws:' are reserved for AWS use: '{key}'."
        )));
    }
    if tags.iter().any(|(k, _)| k == key) {
        return Err(ApiError::validation(format!(
            "Duplicate tag key '{key}': tag keys must be unique per resource."
        )));
    }
    Ok(())
}

/// Tags as the typed outputs carry them.
pub fn api_tags(tags: &[(String, String)]) -> Vec<api::Tag> {
    tags.iter()
        .map(|(key, value)| api::Tag {
            key: key.clone(),
            value: value.clone(),
        })
        .collect()
}

/// Adds or overwrites `new` on `current`; refused past [`MAX_TAGS`].
fn merged(current: &TagList, new: &TagList, arn: &str) -> ApiResult<TagList> {
    let mut tags = current.clone();
    for (key, value) in new {
        match tags.iter_mut().find(|(k, _)| k == key) {
            Some(existing) => existing.1 = value.clone(),
            None => tags.push((key.clone(), value.clone())),
        }
    }
    let count = user_tag_count(&tags);
    if count > MAX_TAGS {
        return Err(ApiError::validation(format!(
            "Resource {arn} would have {count} tags: a resource can have at most {MAX_TAGS}."
        )));
    }
    Ok(tags)
}

/// Tags that count toward the limit: AWS's own `sagemaker:domain-arn` does not.
fn user_tag_count(tags: &TagList) -> usize {
    tags.iter().filter(|(k, _)| k != DOMAIN_ARN_TAG).count()
}

/// The tags a new resource starts with: its own, then `inherited` (not overriding its own, and
/// only as many as fit under the limit), then `sagemaker:domain-arn` when it lives in a domain
/// (AWS's own tag, not counted toward the 50).
pub fn initial_tags(
    own: &TagList,
    inherited: &[&TagList],
    domain_arn: Option<&str>,
    arn: &str,
) -> ApiResult<TagList> {
    let mut tags = own.clone();
    for list in inherited {
        for (key, value) in list.iter() {
            // Inherited tags fill up to the limit; they never make a launch fail.
            if user_tag_count(&tags) < MAX_TAGS && !tags.iter().any(|(k, _)| k == key) {
                tags.push((key.clone(), value.clone()));
            }
        }
    }
    if let Some(domain_arn) = domain_arn {
        tags.retain(|(k, _)| k != DOMAIN_ARN_TAG);
        tags.push((DOMAIN_ARN_TAG.to_string(), domain_arn.to_string()));
    }
    merged(&Vec::new(), &tags, arn)
}

/// The tags of `arn` (empty when it has none).
pub fn tags_of<'t>(tables: &'t Tables, arn: &str) -> &'t [(String, String)] {
    tables.tags.get(arn).map_or(&[], Vec::as_slice)
}

/// Whether `arn` names a Studio resource that exists in the caller's partition.
fn resource_exists(tables: &Tables, ctx: &Ctx, arn: &str) -> bool {
    let prefix = ctx.arn("");
    let Some(resource) = arn.strip_prefix(&prefix) else {
        return false;
    };
    let parts: Vec<&str> = resource.split('/').collect();
    match parts.as_slice() {
        ["domain", id] => tables.domains.contains_key(*id),
        ["user-profile", domain, name] => tables
            .user_profiles
            .contains_key(&(domain.to_string(), name.to_lowercase())),
        ["space", domain, name] => tables
            .spaces
            .contains_key(&(domain.to_string(), name.to_string())),
        ["app", ..] => tables.app_by_arn(arn).is_some(),
        ["studio-lifecycle-config", name] => tables
            .lifecycle_configs
            .values()
            .any(|c| c.arn == arn && c.name == *name),
        ["app-image-config", name] => tables
            .app_image_configs
            .values()
            .any(|c| c.arn == arn && c.name == *name),
        ["image", _] => tables.images.values().any(|i| i.arn == arn),
        ["image-version", _, _] => tables.image_versions.values().any(|v| v.arn == arn),
        _ => false,
    }
}

/// AddTags and ListTags on an app that is `Deleted` or `Failed` answer a ValidationException
/// with an empty message (aws/amazon-sagemaker-feedback#108: "An error occurred
/// (ValidationException) when calling the ListTags operation:" … "Same behavior for add-tags";
/// terraform-provider-aws#27265 for a failed app).
fn refuse_finished_app(tables: &Tables, ctx: &Ctx, arn: &str) -> ApiResult<()> {
    match tables.app_by_arn(arn).map(|app| app.status(ctx.now)) {
        Some(Status::Deleted | Status::Failed) => Err(ApiError::validation("")),
        _ => Ok(()),
    }
}

/// The ARN tags are kept under: a user profile's with its name lower-cased (names are
/// case-insensitive; DescribeUserProfile answers the ARN with the name as created, the tags are
/// the same under either spelling).
fn canonical_arn(arn: &str) -> String {
    match arn.split_once(":user-profile/") {
        Some((prefix, rest)) => format!("{prefix}:user-profile/{}", rest.to_lowercase()),
        None => arn.to_string(),
    }
}

/// The ARN a tagging call names, as tags are kept under it; a ValidationException when it names
/// no Studio resource of the caller's partition.
fn checked_arn(tables: &Tables, ctx: &Ctx, arn: &str) -> ApiResult<String> {
    if resource_exists(tables, ctx, arn) {
        Ok(canonical_arn(arn))
    } else {
        // AddTags/ListTags/DeleteTags model no ResourceNotFound: SageMaker answers a
        // ValidationException for an ARN it does not know.
        Err(ApiError::validation(format!(
            "The resource {arn} does not exist or is not taggable."
        )))
    }
}

/// AddTags: adds or overwrites; answers the tags given.
pub fn add_tags(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::AddTagsInput,
) -> ApiResult<api::AddTagsOutput> {
    let arn = checked_arn(tables, ctx, &input.resource_arn)?;
    refuse_finished_app(tables, ctx, &arn)?;
    let new = tag_list(Some(&input.tags))?;
    let tags = merged(
        &tables.tags.get(&arn).cloned().unwrap_or_default(),
        &new,
        &arn,
    )?;
    tables.tags.insert(arn, tags);
    // The tags as given (a key given twice was refused above), not the resource's whole list.
    Ok(api::AddTagsOutput {
        tags: Some(input.tags),
    })
}

/// ListTags: paged, 50 per page by default (the model's minimum `MaxResults` is 50).
pub fn list_tags(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListTagsInput,
) -> ApiResult<api::ListTagsOutput> {
    let arn = checked_arn(tables, ctx, &input.resource_arn)?;
    refuse_finished_app(tables, ctx, &arn)?;
    // Keyed by position: the order tags were first added.
    let items: Vec<(String, api::Tag)> = api_tags(tags_of(tables, &arn))
        .into_iter()
        .enumerate()
        .map(|(i, tag)| (format!("{i:020}"), tag))
        .collect();
    let page = ctx.page("ListTags", &input, Order::Ascending, MAX_TAGS, items)?;
    Ok(api::ListTagsOutput {
        tags: Some(page.items),
        next_token: page.next_token,
    })
}

/// DeleteTags: removes the keys given (absent keys are ignored).
pub fn delete_tags(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteTagsInput,
) -> ApiResult<api::DeleteTagsOutput> {
    let arn = checked_arn(tables, ctx, &input.resource_arn)?;
    if let Some(tags) = tables.tags.get_mut(&arn) {
        tags.retain(|(k, _)| !input.tag_keys.contains(k));
    }
    Ok(api::DeleteTagsOutput {})
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::app::{create_app, delete_app};
    use crate::resources::domain::describe_domain;
    use crate::resources::fixture::Fixture;

    #[test]
    fn at_most_50_tags_and_a_refused_add_adds_none() {
        let mut f = Fixture::new();
        let id = f.domain();
        let arn = f.ok(describe_domain, json!({"DomainId": id}))["DomainArn"].clone();
        let many: Vec<serde_json::Value> = (0..51)
            .map(|i| json!({"Key": format!("k{i}"), "Value": "v"}))
            .collect();
        let error = f.refused(add_tags, json!({"ResourceArn": arn, "Tags": many}));
        assert_eq!(error.code(), "ValidationException");
        assert_eq!(
            f.ok(list_tags, json!({"ResourceArn": arn}))["Tags"],
            json!([])
        );
    }

    #[test]
    fn a_deleted_app_refuses_tags_with_an_empty_message() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        let app = json!({"DomainId": id, "UserProfileName": "ana", "AppType": "KernelGateway",
                         "AppName": "k", "ResourceSpec": {"InstanceType": "ml.t3.medium"}});
        let arn = f.ok(create_app, app.clone())["AppArn"].clone();
        f.advance(1);
        f.ok(delete_app, app);
        f.advance(1);
        let input = json!({"ResourceArn": arn, "Tags": [{"Key": "k", "Value": "v"}]});
        // Two typed handlers of different types: each called in turn, one assertion for both.
        for error in [
            f.refused(list_tags, input.clone()),
            f.refused(add_tags, input),
        ] {
            assert_eq!(
                (error.code(), error.message().as_str()),
                ("ValidationException", "")
            );
        }
    }
}
