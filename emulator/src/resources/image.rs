//! Custom images: CreateImage, DescribeImage, ListImages, UpdateImage, DeleteImage; their versions
//! CreateImageVersion, DescribeImageVersion, ListImageVersions, UpdateImageVersion,
//! DeleteImageVersion; and ListAliases.
//!
//! Images and versions report their own statuses (`CREATING` → `CREATED`, `UPDATING` → `CREATED`,
//! `DELETING` → gone) on the emulator's clock, which is what boto3's waiters `image_created`,
//! `image_updated`, `image_deleted`, `image_version_created` and `image_version_deleted` poll.
//! Names appear lower-cased in ARNs, as the model's image-version ARN pattern
//! (`image-version/[a-z0-9]([-.]?[a-z0-9])*/[0-9]+`) requires.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::{in_time_window, name_key, sort_items, time_key, Order};
use crate::resources::{
    copy_members, json_time, optional_str, optional_value, required_str, tags, Ctx, Input, Life,
};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};

/// Properties of a version kept and returned as given.
const VERSION_PROPERTIES: &[&str] = &[
    "VendorGuidance",
    "JobType",
    "MLFramework",
    "ProgrammingLang",
    "Processor",
    "Horovod",
    "ReleaseNotes",
];

/// A custom image.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Image {
    pub name: String,
    pub arn: String,
    pub role_arn: String,
    pub description: Option<String>,
    pub display_name: Option<String>,
    pub life: Life,
    pub sequence: u64,
    /// The number the next version gets (versions count from 1).
    pub next_version: u64,
}

/// A version of a custom image.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ImageVersion {
    pub image_name: String,
    pub version: u64,
    pub arn: String,
    pub base_image: String,
    pub client_token: String,
    pub aliases: Vec<String>,
    /// `VERSION_PROPERTIES` as given.
    pub properties: Input,
    pub life: Life,
    pub sequence: u64,
}

/// The image API's status words for a derived status.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pending => "CREATING",
        Status::InService => "CREATED",
        Status::Updating => "UPDATING",
        Status::Deleting | Status::Deleted | Status::Gone => "DELETING",
        Status::Failed => "CREATE_FAILED",
        Status::UpdateFailed => "UPDATE_FAILED",
        Status::DeleteFailed => "DELETE_FAILED",
    }
}

fn image_not_found(name: &str) -> ApiError {
    ApiError::not_found(format!("Image {name} does not exist."))
}

fn find_image<'t>(tables: &'t Tables, name: &str) -> ApiResult<&'t Image> {
    tables.images.get(name).ok_or_else(|| image_not_found(name))
}

/// Whether any domain, user profile or space settings name the image in `CustomImages`.
fn image_user(tables: &Tables, name: &str) -> Option<String> {
    let names_image = |given: &Input| {
        given.values().any(|settings| {
            custom_images(settings)
                .iter()
                .any(|c| c.get("ImageName").and_then(Value::as_str) == Some(name))
        })
    };
    tables
        .domains
        .values()
        .find(|d| names_image(&d.given))
        .map(|d| format!("Domain {}", d.arn))
        .or_else(|| {
            tables
                .user_profiles
                .values()
                .find(|p| names_image(&p.given))
                .map(|p| format!("UserProfile {}", p.arn))
        })
        .or_else(|| {
            tables
                .spaces
                .values()
                .find(|s| names_image(&s.given))
                .map(|s| format!("Space {}", s.arn))
        })
}

/// Every `CustomImages` entry inside a settings value (any app settings member).
pub fn custom_images(settings: &Value) -> Vec<&Value> {
    let mut found = Vec::new();
    if let Value::Object(members) = settings {
        for (member, value) in members {
            if member == "CustomImages" {
                if let Value::Array(images) = value {
                    found.extend(images.iter());
                }
            } else {
                found.extend(custom_images(value));
            }
        }
    }
    found
}

/// Checks that every `CustomImages` entry of `settings` names an image and an app image config
/// that exist ("custom images referenced in app settings must exist").
pub fn check_custom_images(
    tables: &Tables,
    settings: Option<&impl serde::Serialize>,
) -> ApiResult<()> {
    // `CustomImages` sits in several app settings of several settings shapes: walked as the
    // JSON the settings are stored as, whatever their type.
    let settings = settings.map(super::to_stored);
    for custom in settings.as_ref().map(custom_images).unwrap_or_default() {
        if let Some(image) = custom.get("ImageName").and_then(Value::as_str) {
            let found = tables.images.get(image).filter(|i| !i.life.is_deleting());
            if found.is_none() {
                return Err(image_not_found(image));
            }
            if let Some(version) = custom.get("ImageVersionNumber").and_then(Value::as_u64) {
                if !tables
                    .image_versions
                    .contains_key(&(image.to_string(), version))
                {
                    return Err(ApiError::not_found(format!(
                        "ImageVersion {image}/{version} does not exist."
                    )));
                }
            }
        }
        if let Some(config) = custom.get("AppImageConfigName").and_then(Value::as_str) {
            if !tables.app_image_configs.contains_key(config) {
                return Err(ApiError::not_found(format!(
                    "AppImageConfig {config} does not exist."
                )));
            }
        }
    }
    Ok(())
}

/// CreateImage.
pub fn create_image(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "ImageName")?;
    let role_arn = required_str(input, "RoleArn")?;
    let arn = ctx.arn(&format!("image/{}", name.to_lowercase()));
    // The ARN carries the name lower-cased, so names are unique ignoring case. AWS's words
    // (aws-samples/sagemaker-studio-custom-image-samples#17).
    if tables.images.keys().any(|k| k.eq_ignore_ascii_case(name)) {
        return Err(ApiError::in_use(format!(
            "The Image with ImageName {name} already exists. Please use a different ImageName."
        )));
    }
    let initial = tags::initial_tags(&tags::tags_from(input, "Tags")?, &[], None, &arn)?;
    let image = Image {
        name: name.to_string(),
        arn: arn.clone(),
        role_arn: role_arn.to_string(),
        description: optional_str(input, "Description")?.map(str::to_string),
        display_name: optional_str(input, "DisplayName")?.map(str::to_string),
        life: Life::created(ctx, Transition::ImageCreate),
        sequence: tables.next_sequence(),
        next_version: 1,
    };
    tables.images.insert(name.to_string(), image);
    tables.tags.insert(arn.clone(), initial);
    Ok(json!({"ImageArn": arn}))
}

fn image_details(image: &Image, ctx: &Ctx) -> Value {
    let mut out = Input::new();
    out.insert("CreationTime".into(), json_time(image.life.created));
    if let Some(d) = &image.description {
        out.insert("Description".into(), d.clone().into());
    }
    if let Some(d) = &image.display_name {
        out.insert("DisplayName".into(), d.clone().into());
    }
    out.insert("ImageArn".into(), image.arn.clone().into());
    out.insert("ImageName".into(), image.name.clone().into());
    out.insert(
        "ImageStatus".into(),
        status_word(image.life.status(ctx.now, Status::Gone)).into(),
    );
    super::failure_member(&mut out, &image.life, ctx.now);
    out.insert(
        "LastModifiedTime".into(),
        json_time(image.life.last_modified(ctx.now)),
    );
    Value::Object(out)
}

/// DescribeImage.
pub fn describe_image(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image = find_image(tables, required_str(input, "ImageName")?)?;
    let mut out = image_details(image, ctx);
    out["RoleArn"] = image.role_arn.clone().into();
    Ok(out)
}

/// `SortOrder` of the image listings: `ASCENDING` or `DESCENDING` (the default).
fn image_order(input: &Input) -> Order {
    match input.get("SortOrder").and_then(Value::as_str) {
        Some("ASCENDING") => Order::Ascending,
        _ => Order::Descending,
    }
}

/// ListImages: `NameContains`, time windows, `SortBy` `CREATION_TIME` (default),
/// `LAST_MODIFIED_TIME` or `IMAGE_NAME`, `SortOrder` (default `DESCENDING`), 10 per page.
pub fn list_images(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let contains = optional_str(input, "NameContains")?;
    let sort_by = optional_str(input, "SortBy")?;
    let mut items: Vec<(String, Value)> = tables
        .images
        .values()
        .filter(|i| contains.is_none_or(|n| i.name.contains(n)))
        .filter(|i| {
            in_time_window(
                input,
                "CreationTimeBefore",
                "CreationTimeAfter",
                i.life.created,
            )
        })
        .filter(|i| {
            in_time_window(
                input,
                "LastModifiedTimeBefore",
                "LastModifiedTimeAfter",
                i.life.last_modified(ctx.now),
            )
        })
        .map(|i| {
            let key = match sort_by {
                Some("IMAGE_NAME") => name_key(&i.name, i.sequence),
                Some("LAST_MODIFIED_TIME") => time_key(i.life.last_modified(ctx.now).0, i.sequence),
                _ => time_key(i.life.created.0, i.sequence),
            };
            (key, image_details(i, ctx))
        })
        .collect();
    let order = image_order(input);
    sort_items(&mut items, order);
    let page = ctx.page("ListImages", input, order, 10, items)?;
    Ok(page.into_output("Images"))
}

/// UpdateImage: `DeleteProperties` (`Description`, `DisplayName`) removes, the others replace;
/// `UPDATING` until the update delay has passed.
pub fn update_image(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "ImageName")?;
    let description = optional_str(input, "Description")?.map(str::to_string);
    let display_name = optional_str(input, "DisplayName")?.map(str::to_string);
    let role_arn = optional_str(input, "RoleArn")?.map(str::to_string);
    let deletes: Vec<&str> = input
        .get("DeleteProperties")
        .and_then(Value::as_array)
        .map(|p| p.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let image = tables
        .images
        .get_mut(name)
        .ok_or_else(|| image_not_found(name))?;
    match image.life.status(ctx.now, Status::Gone) {
        Status::InService => {}
        other => {
            return Err(ApiError::in_use(format!(
                "Image {} is {}: it can be updated only when CREATED.",
                image.arn,
                status_word(other)
            )))
        }
    }
    for property in deletes {
        match property {
            "Description" => image.description = None,
            "DisplayName" => image.display_name = None,
            other => {
                return Err(ApiError::validation(format!(
                    "DeleteProperties can name Description and DisplayName, not '{other}'."
                )))
            }
        }
    }
    if description.is_some() {
        image.description = description;
    }
    if display_name.is_some() {
        image.display_name = display_name;
    }
    if let Some(role_arn) = role_arn {
        image.role_arn = role_arn;
    }
    image.life.start_update(ctx, Transition::ImageUpdate);
    Ok(json!({"ImageArn": image.arn}))
}

/// DeleteImage: the image and all its versions ("Deletes a SageMaker AI image and all versions of
/// the image", DeleteImage API reference); refused while settings name it in `CustomImages`.
pub fn delete_image(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "ImageName")?;
    let image = find_image(tables, name)?;
    if image.life.is_deleting() {
        return Ok(json!({}));
    }
    if let Some(user) = image_user(tables, name) {
        return Err(ApiError::in_use(format!(
            "Image {} is in use by {user}.",
            image.arn
        )));
    }
    let mut removals = Vec::new();
    let failure = ctx.failure;
    for version in tables
        .image_versions
        .range_mut((name.to_string(), 0)..=(name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .filter(|v| !v.life.is_deleting())
    {
        // A failing image deletion (fault) leaves its versions as they are.
        if failure.is_some() {
            break;
        }
        if let Some(done) = version
            .life
            .start_delete(ctx, Transition::ImageVersionDelete)
        {
            removals.push((
                done,
                Removal::ImageVersion(name.to_string(), version.version),
            ));
        }
    }
    if let Some(image) = tables.images.get_mut(name) {
        if let Some(done) = image.life.start_delete(ctx, Transition::ImageDelete) {
            removals.push((done, Removal::Image(name.to_string())));
        }
    }
    for (at, removal) in removals {
        tables.schedule_removal(at, removal);
    }
    Ok(json!({}))
}

/// The version an input names by `Version` or `Alias` (not both), else the latest.
fn pick_version<'t>(
    tables: &'t Tables,
    image_name: &str,
    input: &Input,
) -> ApiResult<&'t ImageVersion> {
    find_image(tables, image_name)?;
    let alias = optional_str(input, "Alias")?;
    let number = input.get("Version").and_then(Value::as_u64);
    let mut versions = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v);
    let found = match (number, alias) {
        (Some(_), Some(_)) => {
            return Err(ApiError::validation(
                "Specify either Version or Alias, not both.",
            ))
        }
        (Some(n), None) => versions.find(|v| v.version == n),
        (None, Some(a)) => versions.find(|v| v.aliases.iter().any(|x| x == a)),
        (None, None) => versions.next_back(),
    };
    found.ok_or_else(|| {
        if number.is_none() && alias.is_none() {
            // AWS's words (aws-samples/sagemaker-studio-custom-image-samples#17).
            return ApiError::not_found(format!(
                "Latest ImageVersion with ImageName {image_name} does not exist. Please provide a valid ImageName."
            ));
        }
        ApiError::not_found(format!(
            "ImageVersion of image {image_name} ({}) does not exist.",
            match (number, alias) {
                (Some(n), _) => format!("version {n}"),
                (_, Some(a)) => format!("alias {a}"),
                _ => "latest".to_string(),
            }
        ))
    })
}

fn string_list(input: &Input, member: &str) -> Vec<String> {
    input
        .get(member)
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Refuses aliases that another version of the image already carries.
fn check_aliases_free(
    tables: &Tables,
    image_name: &str,
    except_version: Option<u64>,
    aliases: &[String],
) -> ApiResult<()> {
    for alias in aliases {
        let taken = tables
            .image_versions
            .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
            .any(|(_, v)| Some(v.version) != except_version && v.aliases.contains(alias));
        if taken {
            return Err(ApiError::validation(format!(
                "Alias '{alias}' already belongs to another version of image {image_name}."
            )));
        }
    }
    Ok(())
}

/// CreateImageVersion: numbered from 1 per image; idempotent on `ClientToken`.
pub fn create_image_version(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    let base_image = required_str(input, "BaseImage")?;
    let client_token = required_str(input, "ClientToken")?;
    let image = find_image(tables, image_name)?;
    // Idempotent on ClientToken: the same token answers the version it created.
    if let Some(existing) = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .find(|v| v.client_token == client_token)
    {
        return Ok(json!({"ImageVersionArn": existing.arn}));
    }
    // "ValidationException: Image … is in an invalid state" unless it is CREATED (as AWS
    // answers, quoted in aws-samples/sagemaker-studio-custom-image-samples#17).
    let status = image.life.status(ctx.now, Status::Gone);
    if status != Status::InService {
        return Err(ApiError::validation(format!(
            "Image {image_name} is in an invalid state."
        )));
    }
    let aliases = string_list(input, "Aliases");
    check_aliases_free(tables, image_name, None, &aliases)?;
    let version = image.next_version;
    let arn = ctx.arn(&format!(
        "image-version/{}/{version}",
        image_name.to_lowercase()
    ));
    let mut properties = Input::new();
    copy_members(input, &mut properties, VERSION_PROPERTIES);
    let image_version = ImageVersion {
        image_name: image_name.to_string(),
        version,
        arn: arn.clone(),
        base_image: base_image.to_string(),
        client_token: client_token.to_string(),
        aliases,
        properties,
        life: Life::created(ctx, Transition::ImageVersionCreate),
        sequence: tables.next_sequence(),
    };
    if let Some(image) = tables.images.get_mut(image_name) {
        image.next_version += 1;
    }
    tables
        .image_versions
        .insert((image_name.to_string(), version), image_version);
    Ok(json!({"ImageVersionArn": arn}))
}

fn version_details(tables: &Tables, version: &ImageVersion, ctx: &Ctx, full: bool) -> Value {
    let mut out = if full {
        version.properties.clone()
    } else {
        Input::new()
    };
    if full {
        out.insert("BaseImage".into(), version.base_image.clone().into());
        // The registry path SageMaker copied the base image to; the emulator keeps the base's.
        out.insert("ContainerImage".into(), version.base_image.clone().into());
    }
    out.insert("CreationTime".into(), json_time(version.life.created));
    if let Some(image) = tables.images.get(&version.image_name) {
        out.insert("ImageArn".into(), image.arn.clone().into());
    }
    out.insert("ImageVersionArn".into(), version.arn.clone().into());
    out.insert(
        "ImageVersionStatus".into(),
        status_word(version.life.status(ctx.now, Status::Gone)).into(),
    );
    super::failure_member(&mut out, &version.life, ctx.now);
    out.insert(
        "LastModifiedTime".into(),
        json_time(version.life.last_modified(ctx.now)),
    );
    out.insert("Version".into(), version.version.into());
    Value::Object(out)
}

/// DescribeImageVersion: by `Version` or `Alias`, else the latest.
pub fn describe_image_version(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    let version = pick_version(tables, image_name, input)?;
    Ok(version_details(tables, version, ctx, true))
}

/// ListImageVersions: time windows, `SortBy` `CREATION_TIME` (default), `LAST_MODIFIED_TIME` or
/// `VERSION`, `SortOrder` (default `DESCENDING`), 10 per page; `ResourceNotFound` for an unknown
/// image.
pub fn list_image_versions(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    find_image(tables, image_name)?;
    let sort_by = optional_str(input, "SortBy")?;
    let mut items: Vec<(String, Value)> = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .filter(|v| {
            in_time_window(
                input,
                "CreationTimeBefore",
                "CreationTimeAfter",
                v.life.created,
            )
        })
        .filter(|v| {
            in_time_window(
                input,
                "LastModifiedTimeBefore",
                "LastModifiedTimeAfter",
                v.life.last_modified(ctx.now),
            )
        })
        .map(|v| {
            let key = match sort_by {
                Some("VERSION") => format!("{:020}", v.version),
                Some("LAST_MODIFIED_TIME") => time_key(v.life.last_modified(ctx.now).0, v.sequence),
                _ => time_key(v.life.created.0, v.sequence),
            };
            (key, version_details(tables, v, ctx, false))
        })
        .collect();
    let order = image_order(input);
    sort_items(&mut items, order);
    let page = ctx.page("ListImageVersions", input, order, 10, items)?;
    Ok(page.into_output("ImageVersions"))
}

/// UpdateImageVersion: aliases added and removed, properties replaced.
pub fn update_image_version(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    let version = pick_version(tables, image_name, input)?.version;
    let to_add = string_list(input, "AliasesToAdd");
    let to_delete = string_list(input, "AliasesToDelete");
    check_aliases_free(tables, image_name, Some(version), &to_add)?;
    let Some(image_version) = tables
        .image_versions
        .get_mut(&(image_name.to_string(), version))
    else {
        return Err(image_not_found(image_name));
    };
    if image_version.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "ImageVersion {} is being deleted.",
            image_version.arn
        )));
    }
    image_version.aliases.retain(|a| !to_delete.contains(a));
    for alias in to_add {
        if !image_version.aliases.contains(&alias) {
            image_version.aliases.push(alias);
        }
    }
    copy_members(input, &mut image_version.properties, VERSION_PROPERTIES);
    let _ = ctx;
    Ok(json!({"ImageVersionArn": image_version.arn}))
}

/// DeleteImageVersion: by `Version` or `Alias`; `DELETING`, then gone.
pub fn delete_image_version(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    if optional_value(input, "Version").is_none() && optional_value(input, "Alias").is_none() {
        return Err(ApiError::validation(
            "Specify the version to delete by Version or Alias.",
        ));
    }
    let number = pick_version(tables, image_name, input)?.version;
    let key = (image_name.to_string(), number);
    let Some(version) = tables.image_versions.get_mut(&key) else {
        return Err(image_not_found(image_name));
    };
    if version.life.is_deleting() {
        return Ok(json!({}));
    }
    if let Some(done) = version
        .life
        .start_delete(ctx, Transition::ImageVersionDelete)
    {
        tables.schedule_removal(done, Removal::ImageVersion(key.0, key.1));
    }
    Ok(json!({}))
}

/// ListAliases: the aliases of an image's versions, or of one `Version`, or the one `Alias`.
pub fn list_aliases(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let image_name = required_str(input, "ImageName")?;
    find_image(tables, image_name)?;
    let alias = optional_str(input, "Alias")?;
    let number = input.get("Version").and_then(Value::as_u64);
    if let Some(n) = number {
        // ListAliases models ResourceNotFound: a version that does not exist is not found.
        if !tables
            .image_versions
            .contains_key(&(image_name.to_string(), n))
        {
            return Err(ApiError::not_found(format!(
                "ImageVersion {image_name}/{n} does not exist."
            )));
        }
    }
    let items: Vec<(String, Value)> = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .filter(|v| number.is_none_or(|n| v.version == n))
        .flat_map(|v| {
            v.aliases
                .iter()
                .filter(|a| alias.is_none_or(|x| x == a.as_str()))
                .map(move |a| (format!("{:020}|{a}", v.version), Value::from(a.clone())))
        })
        .collect();
    let page = ctx.page("ListAliases", input, Order::Ascending, 10, items)?;
    Ok(page.into_output("SageMakerImageVersionAliases"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_images_are_found_at_any_depth() {
        let settings = json!({
            "KernelGatewayAppSettings": {"CustomImages": [{"ImageName": "a", "AppImageConfigName": "c"}]},
            "JupyterLabAppSettings": {"CustomImages": [{"ImageName": "b"}]}
        });
        let names: Vec<&str> = custom_images(&settings)
            .iter()
            .filter_map(|c| c.get("ImageName").and_then(Value::as_str))
            .collect();
        assert_eq!(names, vec!["b", "a"]);
        assert!(crate::resources::lifecycle_config::mentions(&settings, "c"));
    }

    #[test]
    fn image_texts_and_failed_states_are_aws_words() {
        use crate::resources::fixture::{Fixture, ROLE};
        let mut f = Fixture::new();
        let image = json!({"ImageName": "conda", "RoleArn": ROLE});
        f.ok(create_image, image.clone());
        let error = f.refused(create_image, image);
        assert_eq!(
            error.message(),
            "The Image with ImageName conda already exists. Please use a different ImageName."
        );
        let version = json!({"ImageName": "conda", "BaseImage": "1.dkr.ecr.us-east-1.amazonaws.com/c:1", "ClientToken": "t"});
        assert_eq!(
            f.refused(create_image_version, version).message(),
            "Image conda is in an invalid state."
        );
        f.advance(1);
        assert!(f
            .refused(describe_image_version, json!({"ImageName": "conda"}))
            .message()
            .starts_with("Latest ImageVersion with ImageName conda does not exist."));
        f.failure = Some("Role cannot be assumed.".into());
        f.ok(create_image, json!({"ImageName": "bad", "RoleArn": ROLE}));
        f.failure = None;
        f.advance(1);
        let described = f.ok(describe_image, json!({"ImageName": "bad"}));
        assert_eq!(described["ImageStatus"], "CREATE_FAILED");
        assert_eq!(described["FailureReason"], "Role cannot be assumed.");
    }
}
