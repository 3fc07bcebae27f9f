//! App image configurations: CreateAppImageConfig, DescribeAppImageConfig, ListAppImageConfigs,
//! UpdateAppImageConfig, DeleteAppImageConfig. A configuration tells Studio how to run a custom
//! image (kernel specs, file system); settings' `CustomImages` name one by
//! `AppImageConfigName`, and it must exist.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::{in_time_window, name_key, sort_items, time_key, Order};
use crate::resources::Tables;
use crate::resources::{copy_members, json_time, optional_str, required_str, tags, Ctx, Input};
use crate::sim::clock::Timestamp;

/// The per-app-type configurations an app image config holds.
const CONFIG_MEMBERS: &[&str] = &[
    "KernelGatewayImageConfig",
    "JupyterLabAppImageConfig",
    "CodeEditorAppImageConfig",
];

/// An app image configuration.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AppImageConfig {
    pub name: String,
    pub arn: String,
    /// `CONFIG_MEMBERS` as given.
    pub configs: Input,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub sequence: u64,
}

fn not_found(name: &str) -> ApiError {
    ApiError::not_found(format!("AppImageConfig {name} does not exist."))
}

/// CreateAppImageConfig.
pub fn create_app_image_config(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "AppImageConfigName")?;
    let arn = ctx.arn(&format!("app-image-config/{name}"));
    if tables.app_image_configs.contains_key(name) {
        // AWS's words (aws-samples/sagemaker-studio-custom-image-samples#17).
        return Err(ApiError::in_use(
            "The ID or Name specified is already in use.",
        ));
    }
    let initial = tags::initial_tags(&tags::tags_from(input, "Tags")?, &[], None, &arn)?;
    let mut configs = Input::new();
    copy_members(input, &mut configs, CONFIG_MEMBERS);
    let config = AppImageConfig {
        name: name.to_string(),
        arn: arn.clone(),
        configs,
        created: ctx.now,
        modified: ctx.now,
        sequence: tables.next_sequence(),
    };
    tables.app_image_configs.insert(name.to_string(), config);
    tables.tags.insert(arn.clone(), initial);
    Ok(json!({"AppImageConfigArn": arn}))
}

fn details(config: &AppImageConfig) -> Value {
    let mut out = config.configs.clone();
    out.insert("AppImageConfigArn".into(), config.arn.clone().into());
    out.insert("AppImageConfigName".into(), config.name.clone().into());
    out.insert("CreationTime".into(), json_time(config.created));
    out.insert("LastModifiedTime".into(), json_time(config.modified));
    Value::Object(out)
}

/// DescribeAppImageConfig.
pub fn describe_app_image_config(
    tables: &mut Tables,
    _ctx: &Ctx,
    input: &Input,
) -> ApiResult<Value> {
    let name = required_str(input, "AppImageConfigName")?;
    let config = tables
        .app_image_configs
        .get(name)
        .ok_or_else(|| not_found(name))?;
    Ok(details(config))
}

/// ListAppImageConfigs: `NameContains`, time windows, `SortBy` `CreationTime` (default),
/// `LastModifiedTime` or `Name`, `SortOrder` (default `Descending`), 10 per page by default.
pub fn list_app_image_configs(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let contains = optional_str(input, "NameContains")?;
    let sort_by = optional_str(input, "SortBy")?;
    let mut items: Vec<(String, Value)> = tables
        .app_image_configs
        .values()
        .filter(|c| contains.is_none_or(|n| c.name.contains(n)))
        .filter(|c| in_time_window(input, "CreationTimeBefore", "CreationTimeAfter", c.created))
        .filter(|c| in_time_window(input, "ModifiedTimeBefore", "ModifiedTimeAfter", c.modified))
        .map(|c| {
            let key = match sort_by {
                Some("Name") => name_key(&c.name, c.sequence),
                Some("LastModifiedTime") => time_key(c.modified.0, c.sequence),
                _ => time_key(c.created.0, c.sequence),
            };
            (key, details(c))
        })
        .collect();
    let order = Order::from_input(input, Order::Descending);
    sort_items(&mut items, order);
    let page = ctx.page("ListAppImageConfigs", input, order, 10, items)?;
    Ok(page.into_output("AppImageConfigs"))
}

/// UpdateAppImageConfig: the configurations given replace the stored ones.
pub fn update_app_image_config(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "AppImageConfigName")?;
    let config = tables
        .app_image_configs
        .get_mut(name)
        .ok_or_else(|| not_found(name))?;
    copy_members(input, &mut config.configs, CONFIG_MEMBERS);
    config.modified = ctx.now;
    Ok(json!({"AppImageConfigArn": config.arn}))
}

/// DeleteAppImageConfig.
pub fn delete_app_image_config(tables: &mut Tables, _ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let name = required_str(input, "AppImageConfigName")?;
    let config = tables
        .app_image_configs
        .remove(name)
        .ok_or_else(|| not_found(name))?;
    tables.tags.remove(&config.arn);
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::Fixture;

    #[test]
    fn a_duplicate_name_is_aws_resource_in_use() {
        let mut f = Fixture::new();
        f.ok(create_app_image_config, json!({"AppImageConfigName": "c"}));
        let error = f.refused(create_app_image_config, json!({"AppImageConfigName": "c"}));
        assert_eq!(
            (error.code(), error.message().as_str()),
            (
                "ResourceInUse",
                "The ID or Name specified is already in use."
            )
        );
    }
}
