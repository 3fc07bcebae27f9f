//! Custom images: CreateImage, DescribeImage, ListImages, UpdateImage, DeleteImage; their versions
//! CreateImageVersion, DescribeImageVersion, ListImageVersions, UpdateImageVersion,
//! DeleteImageVersion; and ListAliases.
//!
//! Images and versions report their own statuses (`CREATING` → `CREATED`, `UPDATING` → `CREATED`,
//! `DELETING` → gone) on the emulator's clock, which is what boto3's waiters `image_created`,
//! `image_updated`, `image_deleted`, `image_version_created` and `image_version_deleted` poll.
//! Names appear lower-cased in ARNs, as the model's image-version ARN pattern
//! (`image-version/[a-z0-9]([-.]?[a-z0-9])*/[0-9]+`) requires.

use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{
    self, ImageSortBy, ImageSortOrder, ImageStatus, ImageVersionSortBy, ImageVersionSortOrder,
    ImageVersionStatus, WireEnum,
};
use crate::resources::pagination::{name_key, time_key, Order};
use crate::resources::{epoch, tags, Ctx, Input, Life};
use crate::resources::{Removal, Tables};
use crate::sim::lifecycle::{Status, Transition};

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
    /// The properties as given.
    pub properties: VersionProperties,
    pub life: Life,
    pub sequence: u64,
}

/// The properties of a version kept and returned as given: the members CreateImageVersion and
/// UpdateImageVersion take and DescribeImageVersion returns as they are. Under their wire names,
/// in the names' sorted order, so a record's JSON is the object of given members it was when they
/// were kept as JSON (state files written before load as they are, and are written the same).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct VersionProperties {
    #[serde(rename = "Horovod", default, skip_serializing_if = "Option::is_none")]
    pub horovod: Option<bool>,
    #[serde(rename = "JobType", default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<api::JobType>,
    #[serde(
        rename = "MLFramework",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ml_framework: Option<String>,
    #[serde(rename = "Processor", default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<api::Processor>,
    #[serde(
        rename = "ProgrammingLang",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub programming_lang: Option<String>,
    #[serde(
        rename = "ReleaseNotes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub release_notes: Option<String>,
    #[serde(
        rename = "VendorGuidance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_guidance: Option<api::VendorGuidance>,
}

impl VersionProperties {
    /// The properties a CreateImageVersion call gives.
    fn of_create(input: &api::CreateImageVersionRequest) -> Self {
        VersionProperties {
            horovod: input.horovod,
            job_type: input.job_type,
            ml_framework: input.ml_framework.clone(),
            processor: input.processor,
            programming_lang: input.programming_lang.clone(),
            release_notes: input.release_notes.clone(),
            vendor_guidance: input.vendor_guidance,
        }
    }

    /// The properties an UpdateImageVersion call gives.
    fn of_update(input: &api::UpdateImageVersionRequest) -> Self {
        VersionProperties {
            horovod: input.horovod,
            job_type: input.job_type,
            ml_framework: input.ml_framework.clone(),
            processor: input.processor,
            programming_lang: input.programming_lang.clone(),
            release_notes: input.release_notes.clone(),
            vendor_guidance: input.vendor_guidance,
        }
    }

    /// Replaces each property `given` sets; the others keep their values (UpdateImageVersion
    /// has no way to remove one).
    fn replace_given(&mut self, given: VersionProperties) {
        fn replace<T>(kept: &mut Option<T>, given: Option<T>) {
            if given.is_some() {
                *kept = given;
            }
        }
        // Destructured so that a property added here cannot be forgotten.
        let VersionProperties {
            horovod,
            job_type,
            ml_framework,
            processor,
            programming_lang,
            release_notes,
            vendor_guidance,
        } = given;
        replace(&mut self.horovod, horovod);
        replace(&mut self.job_type, job_type);
        replace(&mut self.ml_framework, ml_framework);
        replace(&mut self.processor, processor);
        replace(&mut self.programming_lang, programming_lang);
        replace(&mut self.release_notes, release_notes);
        replace(&mut self.vendor_guidance, vendor_guidance);
    }
}

/// The image API's status for a derived status: images have their own words (`CREATING`,
/// `CREATED`, …), not the Studio resources' (`Pending`, `InService`, …).
fn image_status(status: Status) -> ImageStatus {
    match status {
        Status::Pending => ImageStatus::Creating,
        Status::InService => ImageStatus::Created,
        Status::Updating => ImageStatus::Updating,
        Status::Deleting | Status::Deleted | Status::Gone => ImageStatus::Deleting,
        Status::Failed => ImageStatus::CreateFailed,
        Status::UpdateFailed => ImageStatus::UpdateFailed,
        Status::DeleteFailed => ImageStatus::DeleteFailed,
    }
}

/// A version's status for a derived status. `ImageVersionStatus` has no updating words: a version
/// never starts an update (UpdateImageVersion changes aliases and properties at once, with no
/// transition), so `Updating` and `Update_Failed` do not occur; a version in either would still
/// be the usable one it was, `CREATED`.
fn version_status(status: Status) -> ImageVersionStatus {
    match status {
        Status::Pending => ImageVersionStatus::Creating,
        Status::InService | Status::Updating | Status::UpdateFailed => ImageVersionStatus::Created,
        Status::Deleting | Status::Deleted | Status::Gone => ImageVersionStatus::Deleting,
        Status::Failed => ImageVersionStatus::CreateFailed,
        Status::DeleteFailed => ImageVersionStatus::DeleteFailed,
    }
}

/// A version number as the model's `ImageVersionNumber` (an Integer): versions count from 1 by
/// one per CreateImageVersion, so one past `i32::MAX` would take two billion calls; it is shown
/// as the largest the type holds rather than wrapped.
fn wire_version(version: u64) -> i32 {
    i32::try_from(version).unwrap_or(i32::MAX)
}

/// A `Version` given in an input as the number versions are kept under. `ImageVersionNumber` has
/// `min` 0, so the validator has refused a negative one.
fn version_number(version: Option<i32>) -> Option<u64> {
    version.and_then(|n| u64::try_from(n).ok())
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
pub fn create_image(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateImageRequest,
) -> ApiResult<api::CreateImageResponse> {
    let name = input.image_name;
    let arn = ctx.arn(&format!("image/{}", name.to_lowercase()));
    // The ARN carries the name lower-cased, so names are unique ignoring case. AWS's words
    // (aws-samples/sagemaker-studio-custom-image-samples#17).
    if tables.images.keys().any(|k| k.eq_ignore_ascii_case(&name)) {
        return Err(ApiError::in_use(format!(
            "The Image with ImageName {name} already exists. Please use a different ImageName."
        )));
    }
    let initial = tags::initial_tags(&tags::tag_list(input.tags.as_deref())?, &[], None, &arn)?;
    let image = Image {
        name: name.clone(),
        arn: arn.clone(),
        role_arn: input.role_arn,
        description: input.description,
        display_name: input.display_name,
        life: Life::created(ctx, Transition::ImageCreate),
        sequence: tables.next_sequence(),
        next_version: 1,
    };
    tables.images.insert(name, image);
    tables.tags.insert(arn.clone(), initial);
    Ok(api::CreateImageResponse {
        image_arn: Some(arn),
    })
}

/// An image as ListImages shows it; DescribeImage shows this and its `RoleArn`.
fn image_details(image: &Image, ctx: &Ctx) -> api::Image {
    api::Image {
        creation_time: epoch(image.life.created),
        description: image.description.clone(),
        display_name: image.display_name.clone(),
        failure_reason: image.life.failure_reason(ctx.now).map(str::to_string),
        image_arn: image.arn.clone(),
        image_name: image.name.clone(),
        image_status: image_status(image.life.status(ctx.now, Status::Gone)),
        last_modified_time: epoch(image.life.last_modified(ctx.now)),
    }
}

/// DescribeImage.
pub fn describe_image(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeImageRequest,
) -> ApiResult<api::DescribeImageResponse> {
    let image = find_image(tables, &input.image_name)?;
    // Destructured so that a member added to the List item cannot be left out of Describe.
    let api::Image {
        creation_time,
        description,
        display_name,
        failure_reason,
        image_arn,
        image_name,
        image_status,
        last_modified_time,
    } = image_details(image, ctx);
    Ok(api::DescribeImageResponse {
        creation_time: Some(creation_time),
        description,
        display_name,
        failure_reason,
        image_arn: Some(image_arn),
        image_name: Some(image_name),
        image_status: Some(image_status),
        last_modified_time: Some(last_modified_time),
        role_arn: Some(image.role_arn.clone()),
    })
}

/// `SortOrder` of the image listings: `ASCENDING` or `DESCENDING` (the default). ListImages and
/// ListImageVersions each have their own enum of the two words.
fn image_order(ascending: bool) -> Order {
    if ascending {
        Order::Ascending
    } else {
        Order::Descending
    }
}

/// ListImages: `NameContains`, time windows, `SortBy` `CREATION_TIME` (default),
/// `LAST_MODIFIED_TIME` or `IMAGE_NAME`, `SortOrder` (default `DESCENDING`), 10 per page.
pub fn list_images(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListImagesRequest,
) -> ApiResult<api::ListImagesResponse> {
    let contains = input.name_contains.as_deref();
    let mut items: Vec<(String, api::Image)> = tables
        .images
        .values()
        .filter(|i| contains.is_none_or(|n| i.name.contains(n)))
        .filter(|i| {
            crate::resources::pagination::in_time_window(
                i.life.created,
                input.creation_time_before,
                input.creation_time_after,
            )
        })
        .filter(|i| {
            crate::resources::pagination::in_time_window(
                i.life.last_modified(ctx.now),
                input.last_modified_time_before,
                input.last_modified_time_after,
            )
        })
        .map(|i| {
            let key = match input.sort_by {
                Some(ImageSortBy::ImageName) => name_key(&i.name, i.sequence),
                Some(ImageSortBy::LastModifiedTime) => {
                    time_key(i.life.last_modified(ctx.now).0, i.sequence)
                }
                Some(ImageSortBy::CreationTime) | None => time_key(i.life.created.0, i.sequence),
            };
            (key, image_details(i, ctx))
        })
        .collect();
    let order = image_order(input.sort_order == Some(ImageSortOrder::Ascending));
    crate::resources::pagination::sort_items(&mut items, order);
    let page = ctx.page("ListImages", &input, order, 10, items)?;
    Ok(api::ListImagesResponse {
        images: Some(page.items),
        next_token: page.next_token,
    })
}

/// UpdateImage: `DeleteProperties` (`Description`, `DisplayName`) removes, the others replace;
/// `UPDATING` until the update delay has passed.
pub fn update_image(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::UpdateImageRequest,
) -> ApiResult<api::UpdateImageResponse> {
    let name = input.image_name.as_str();
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
                image_status(other).as_str()
            )))
        }
    }
    // `ImageDeleteProperty` is a string with a pattern in the model, not an enum: the names are
    // matched here, and the validator's pattern has already refused any other.
    for property in input.delete_properties.iter().flatten() {
        match property.as_str() {
            "Description" => image.description = None,
            "DisplayName" => image.display_name = None,
            other => {
                return Err(ApiError::validation(format!(
                    "DeleteProperties can name Description and DisplayName, not '{other}'."
                )))
            }
        }
    }
    if input.description.is_some() {
        image.description = input.description;
    }
    if input.display_name.is_some() {
        image.display_name = input.display_name;
    }
    if let Some(role_arn) = input.role_arn {
        image.role_arn = role_arn;
    }
    image.life.start_update(ctx, Transition::ImageUpdate);
    Ok(api::UpdateImageResponse {
        image_arn: Some(image.arn.clone()),
    })
}

/// DeleteImage: the image and all its versions ("Deletes a SageMaker AI image and all versions of
/// the image", DeleteImage API reference); refused while settings name it in `CustomImages`.
pub fn delete_image(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteImageRequest,
) -> ApiResult<api::DeleteImageResponse> {
    let name = input.image_name.as_str();
    let image = find_image(tables, name)?;
    if image.life.is_deleting() {
        return Ok(api::DeleteImageResponse {});
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
    Ok(api::DeleteImageResponse {})
}

/// The image, and its version an input names by `Version` or `Alias` (not both), else the latest.
fn pick_version<'t>(
    tables: &'t Tables,
    image_name: &str,
    version: Option<i32>,
    alias: Option<&str>,
) -> ApiResult<(&'t Image, &'t ImageVersion)> {
    let image = find_image(tables, image_name)?;
    let number = version_number(version);
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
    let found = found.ok_or_else(|| {
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
    })?;
    Ok((image, found))
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
pub fn create_image_version(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateImageVersionRequest,
) -> ApiResult<api::CreateImageVersionResponse> {
    let image_name = input.image_name.as_str();
    let image = find_image(tables, image_name)?;
    // Idempotent on ClientToken: the same token answers the version it created.
    if let Some(existing) = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .find(|v| v.client_token == input.client_token)
    {
        return Ok(api::CreateImageVersionResponse {
            image_version_arn: Some(existing.arn.clone()),
        });
    }
    // "ValidationException: Image … is in an invalid state" unless it is CREATED (as AWS
    // answers, quoted in aws-samples/sagemaker-studio-custom-image-samples#17).
    let status = image.life.status(ctx.now, Status::Gone);
    if status != Status::InService {
        return Err(ApiError::validation(format!(
            "Image {image_name} is in an invalid state."
        )));
    }
    let aliases = input.aliases.clone().unwrap_or_default();
    check_aliases_free(tables, image_name, None, &aliases)?;
    let version = image.next_version;
    let arn = ctx.arn(&format!(
        "image-version/{}/{version}",
        image_name.to_lowercase()
    ));
    let image_version = ImageVersion {
        image_name: image_name.to_string(),
        version,
        arn: arn.clone(),
        base_image: input.base_image.clone(),
        client_token: input.client_token.clone(),
        aliases,
        properties: VersionProperties::of_create(&input),
        life: Life::created(ctx, Transition::ImageVersionCreate),
        sequence: tables.next_sequence(),
    };
    if let Some(image) = tables.images.get_mut(image_name) {
        image.next_version += 1;
    }
    tables
        .image_versions
        .insert((image_name.to_string(), version), image_version);
    Ok(api::CreateImageVersionResponse {
        image_version_arn: Some(arn),
    })
}

/// A version as ListImageVersions shows it; DescribeImageVersion shows this, its base image and
/// its properties. Every caller has found `image` first (an unknown image is
/// `ResourceNotFound` before any version is looked at), so `ImageArn` is always there.
fn version_details(image: &Image, version: &ImageVersion, ctx: &Ctx) -> api::ImageVersion {
    api::ImageVersion {
        creation_time: epoch(version.life.created),
        failure_reason: version.life.failure_reason(ctx.now).map(str::to_string),
        image_arn: image.arn.clone(),
        image_version_arn: version.arn.clone(),
        image_version_status: version_status(version.life.status(ctx.now, Status::Gone)),
        last_modified_time: epoch(version.life.last_modified(ctx.now)),
        version: wire_version(version.version),
    }
}

/// DescribeImageVersion: by `Version` or `Alias`, else the latest.
pub fn describe_image_version(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeImageVersionRequest,
) -> ApiResult<api::DescribeImageVersionResponse> {
    let (image, version) = pick_version(
        tables,
        &input.image_name,
        input.version,
        input.alias.as_deref(),
    )?;
    // Destructured so that a member added to the List item or to the properties cannot be left
    // out of Describe.
    let api::ImageVersion {
        creation_time,
        failure_reason,
        image_arn,
        image_version_arn,
        image_version_status,
        last_modified_time,
        version: number,
    } = version_details(image, version, ctx);
    let VersionProperties {
        horovod,
        job_type,
        ml_framework,
        processor,
        programming_lang,
        release_notes,
        vendor_guidance,
    } = version.properties.clone();
    Ok(api::DescribeImageVersionResponse {
        base_image: Some(version.base_image.clone()),
        // The registry path SageMaker copied the base image to; the emulator keeps the base's.
        container_image: Some(version.base_image.clone()),
        creation_time: Some(creation_time),
        failure_reason,
        horovod,
        image_arn: Some(image_arn),
        image_version_arn: Some(image_version_arn),
        image_version_status: Some(image_version_status),
        job_type,
        last_modified_time: Some(last_modified_time),
        ml_framework,
        processor,
        programming_lang,
        release_notes,
        vendor_guidance,
        version: Some(number),
    })
}

/// ListImageVersions: time windows, `SortBy` `CREATION_TIME` (default), `LAST_MODIFIED_TIME` or
/// `VERSION`, `SortOrder` (default `DESCENDING`), 10 per page; `ResourceNotFound` for an unknown
/// image.
pub fn list_image_versions(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListImageVersionsRequest,
) -> ApiResult<api::ListImageVersionsResponse> {
    let image_name = input.image_name.as_str();
    let image = find_image(tables, image_name)?;
    let mut items: Vec<(String, api::ImageVersion)> = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .filter(|v| {
            crate::resources::pagination::in_time_window(
                v.life.created,
                input.creation_time_before,
                input.creation_time_after,
            )
        })
        .filter(|v| {
            crate::resources::pagination::in_time_window(
                v.life.last_modified(ctx.now),
                input.last_modified_time_before,
                input.last_modified_time_after,
            )
        })
        .map(|v| {
            let key = match input.sort_by {
                Some(ImageVersionSortBy::Version) => format!("{:020}", v.version),
                Some(ImageVersionSortBy::LastModifiedTime) => {
                    time_key(v.life.last_modified(ctx.now).0, v.sequence)
                }
                Some(ImageVersionSortBy::CreationTime) | None => {
                    time_key(v.life.created.0, v.sequence)
                }
            };
            (key, version_details(image, v, ctx))
        })
        .collect();
    let order = image_order(input.sort_order == Some(ImageVersionSortOrder::Ascending));
    crate::resources::pagination::sort_items(&mut items, order);
    let page = ctx.page("ListImageVersions", &input, order, 10, items)?;
    Ok(api::ListImageVersionsResponse {
        image_versions: Some(page.items),
        next_token: page.next_token,
    })
}

/// UpdateImageVersion: aliases added and removed, properties replaced.
pub fn update_image_version(
    tables: &mut Tables,
    _ctx: &Ctx,
    input: api::UpdateImageVersionRequest,
) -> ApiResult<api::UpdateImageVersionResponse> {
    let image_name = input.image_name.as_str();
    let version = pick_version(tables, image_name, input.version, input.alias.as_deref())?
        .1
        .version;
    let to_add = input.aliases_to_add.clone().unwrap_or_default();
    let to_delete = input.aliases_to_delete.as_deref().unwrap_or_default();
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
    image_version
        .properties
        .replace_given(VersionProperties::of_update(&input));
    Ok(api::UpdateImageVersionResponse {
        image_version_arn: Some(image_version.arn.clone()),
    })
}

/// DeleteImageVersion: by `Version` or `Alias`; `DELETING`, then gone.
pub fn delete_image_version(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteImageVersionRequest,
) -> ApiResult<api::DeleteImageVersionResponse> {
    if input.version.is_none() && input.alias.is_none() {
        return Err(ApiError::validation(
            "Specify the version to delete by Version or Alias.",
        ));
    }
    let image_name = input.image_name;
    let number = pick_version(tables, &image_name, input.version, input.alias.as_deref())?
        .1
        .version;
    let Some(version) = tables.image_versions.get_mut(&(image_name.clone(), number)) else {
        return Err(image_not_found(&image_name));
    };
    if version.life.is_deleting() {
        return Ok(api::DeleteImageVersionResponse {});
    }
    if let Some(done) = version
        .life
        .start_delete(ctx, Transition::ImageVersionDelete)
    {
        tables.schedule_removal(done, Removal::ImageVersion(image_name, number));
    }
    Ok(api::DeleteImageVersionResponse {})
}

/// ListAliases: the aliases of an image's versions, or of one `Version`, or the one `Alias`.
pub fn list_aliases(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListAliasesRequest,
) -> ApiResult<api::ListAliasesResponse> {
    let image_name = input.image_name.as_str();
    find_image(tables, image_name)?;
    let alias = input.alias.as_deref();
    let number = version_number(input.version);
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
    let items: Vec<(String, String)> = tables
        .image_versions
        .range((image_name.to_string(), 0)..=(image_name.to_string(), u64::MAX))
        .map(|(_, v)| v)
        .filter(|v| number.is_none_or(|n| v.version == n))
        .flat_map(|v| {
            v.aliases
                .iter()
                .filter(|a| alias.is_none_or(|x| x == a.as_str()))
                .map(move |a| (format!("{:020}|{a}", v.version), a.clone()))
        })
        .collect();
    let page = ctx.page("ListAliases", &input, Order::Ascending, 10, items)?;
    Ok(api::ListAliasesResponse {
        next_token: page.next_token,
        sage_maker_image_version_aliases: Some(page.items),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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

    #[test]
    fn version_properties_keep_their_record_form_and_are_replaced_one_by_one() {
        use crate::resources::fixture::{Fixture, ROLE};
        // A version's properties in a state file, as they were kept when they were JSON: typed,
        // they read the same and write the same text.
        let kept = json!({"Horovod": true, "JobType": "TRAINING", "MLFramework": "TensorFlow 2.1",
                          "ProgrammingLang": "Python 3.8", "VendorGuidance": "STABLE"});
        let typed: VersionProperties = serde_json::from_value(kept.clone()).unwrap();
        assert_eq!(serde_json::to_string(&typed).unwrap(), kept.to_string());

        let mut f = Fixture::new();
        f.ok(create_image, json!({"ImageName": "conda", "RoleArn": ROLE}));
        f.advance(600);
        let mut version = kept.clone();
        version["ImageName"] = json!("conda");
        version["BaseImage"] = json!("1.dkr.ecr.us-east-1.amazonaws.com/c:1");
        version["ClientToken"] = json!("t");
        f.ok(create_image_version, version);
        f.ok(
            update_image_version,
            json!({"ImageName": "conda", "Version": 1, "JobType": "INFERENCE", "Processor": "GPU"}),
        );
        let described = f.ok(describe_image_version, json!({"ImageName": "conda"}));
        assert_eq!(described["JobType"], "INFERENCE");
        assert_eq!(described["Processor"], "GPU");
        assert_eq!(described["Horovod"], true);
        assert_eq!(described["VendorGuidance"], "STABLE");
        assert_eq!(described["ContainerImage"], described["BaseImage"]);
        assert!(described.get("ReleaseNotes").is_none());
    }
}
