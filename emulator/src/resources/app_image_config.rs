//! App image configurations: CreateAppImageConfig, DescribeAppImageConfig, ListAppImageConfigs,
//! UpdateAppImageConfig, DeleteAppImageConfig. A configuration tells Studio how to run a custom
//! image (kernel specs, file system); settings' `CustomImages` name one by
//! `AppImageConfigName`, and it must exist.

use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{self, AppImageConfigSortKey, SortOrder};
use crate::resources::pagination::{name_key, time_key, Order};
use crate::resources::Tables;
use crate::resources::{epoch, tags, to_stored, Ctx, Input};
use crate::sim::clock::Timestamp;

/// An app image configuration.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AppImageConfig {
    pub name: String,
    pub arn: String,
    /// The per-app-type configurations as given (`KernelGatewayImageConfig`,
    /// `JupyterLabAppImageConfig`, `CodeEditorAppImageConfig`), as JSON: the state file's form
    /// (see [`AppImageConfig::given_configs`]).
    pub configs: Input,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub sequence: u64,
}

impl AppImageConfig {
    /// The configurations kept as given, typed: a DescribeAppImageConfig output holding only
    /// those members.
    fn given_configs(&self) -> ApiResult<api::DescribeAppImageConfigResponse> {
        serde::Deserialize::deserialize(&self.configs).map_err(|e| {
            ApiError::Internal(format!("app image config {} settings: {e}", self.name))
        })
    }
}

/// The per-app-type configurations as a record keeps them: the JSON of a DescribeAppImageConfig
/// output holding only those members (the members given, as given).
fn stored_configs(
    kernel_gateway_image_config: Option<api::KernelGatewayImageConfig>,
    jupyter_lab_app_image_config: Option<api::JupyterLabAppImageConfig>,
    code_editor_app_image_config: Option<api::CodeEditorAppImageConfig>,
) -> Input {
    let configs = api::DescribeAppImageConfigResponse {
        kernel_gateway_image_config,
        jupyter_lab_app_image_config,
        code_editor_app_image_config,
        ..Default::default()
    };
    match to_stored(&configs) {
        Value::Object(members) => members,
        _ => Input::new(),
    }
}

fn not_found(name: &str) -> ApiError {
    ApiError::not_found(format!("AppImageConfig {name} does not exist."))
}

/// CreateAppImageConfig.
pub fn create_app_image_config(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateAppImageConfigRequest,
) -> ApiResult<api::CreateAppImageConfigResponse> {
    let name = input.app_image_config_name;
    let arn = ctx.arn(&format!("app-image-config/{name}"));
    if tables.app_image_configs.contains_key(&name) {
        // AWS's words (aws-samples/sagemaker-studio-custom-image-samples#17).
        return Err(ApiError::in_use(
            "The ID or Name specified is already in use.",
        ));
    }
    let initial = tags::initial_tags(&tags::tag_list(input.tags.as_deref())?, &[], None, &arn)?;
    let config = AppImageConfig {
        name: name.clone(),
        arn: arn.clone(),
        configs: stored_configs(
            input.kernel_gateway_image_config,
            input.jupyter_lab_app_image_config,
            input.code_editor_app_image_config,
        ),
        created: ctx.now,
        modified: ctx.now,
        sequence: tables.next_sequence(),
    };
    tables.app_image_configs.insert(name, config);
    tables.tags.insert(arn.clone(), initial);
    Ok(api::CreateAppImageConfigResponse {
        app_image_config_arn: Some(arn),
    })
}

/// DescribeAppImageConfig's answer: the configurations as given, with the record's names and
/// times.
fn described(config: &AppImageConfig) -> ApiResult<api::DescribeAppImageConfigResponse> {
    Ok(api::DescribeAppImageConfigResponse {
        app_image_config_arn: Some(config.arn.clone()),
        app_image_config_name: Some(config.name.clone()),
        creation_time: Some(epoch(config.created)),
        last_modified_time: Some(epoch(config.modified)),
        ..config.given_configs()?
    })
}

/// DescribeAppImageConfig.
pub fn describe_app_image_config(
    tables: &mut Tables,
    _ctx: &Ctx,
    input: api::DescribeAppImageConfigRequest,
) -> ApiResult<api::DescribeAppImageConfigResponse> {
    let name = &input.app_image_config_name;
    let config = tables
        .app_image_configs
        .get(name)
        .ok_or_else(|| not_found(name))?;
    described(config)
}

/// An item of ListAppImageConfigs: the same members as DescribeAppImageConfig's answer.
fn list_item(config: &AppImageConfig) -> ApiResult<api::AppImageConfigDetails> {
    let described = described(config)?;
    Ok(api::AppImageConfigDetails {
        app_image_config_arn: described.app_image_config_arn,
        app_image_config_name: described.app_image_config_name,
        code_editor_app_image_config: described.code_editor_app_image_config,
        creation_time: described.creation_time,
        jupyter_lab_app_image_config: described.jupyter_lab_app_image_config,
        kernel_gateway_image_config: described.kernel_gateway_image_config,
        last_modified_time: described.last_modified_time,
    })
}

/// ListAppImageConfigs: `NameContains`, time windows, `SortBy` `CreationTime` (default),
/// `LastModifiedTime` or `Name`, `SortOrder` (default `Descending`), 10 per page by default.
pub fn list_app_image_configs(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListAppImageConfigsRequest,
) -> ApiResult<api::ListAppImageConfigsResponse> {
    let contains = input.name_contains.as_deref();
    let mut items: Vec<(String, &AppImageConfig)> = tables
        .app_image_configs
        .values()
        .filter(|c| contains.is_none_or(|n| c.name.contains(n)))
        .filter(|c| {
            crate::resources::pagination::in_time_window(
                c.created,
                input.creation_time_before,
                input.creation_time_after,
            )
        })
        .filter(|c| {
            crate::resources::pagination::in_time_window(
                c.modified,
                input.modified_time_before,
                input.modified_time_after,
            )
        })
        .map(|c| {
            let key = match input.sort_by {
                Some(AppImageConfigSortKey::Name) => name_key(&c.name, c.sequence),
                Some(AppImageConfigSortKey::LastModifiedTime) => time_key(c.modified.0, c.sequence),
                Some(AppImageConfigSortKey::CreationTime) | None => {
                    time_key(c.created.0, c.sequence)
                }
            };
            (key, c)
        })
        .collect();
    let order = match input.sort_order {
        Some(SortOrder::Ascending) => Order::Ascending,
        Some(SortOrder::Descending) | None => Order::Descending,
    };
    // Keys are unique (they end in the creation sequence): a stable sort in either direction.
    items.sort_by(|a, b| match order {
        Order::Ascending => a.0.cmp(&b.0),
        Order::Descending => b.0.cmp(&a.0),
    });
    let page = ctx.page("ListAppImageConfigs", &input, order, 10, items)?;
    Ok(api::ListAppImageConfigsResponse {
        app_image_configs: Some(
            page.items
                .into_iter()
                .map(list_item)
                .collect::<ApiResult<_>>()?,
        ),
        next_token: page.next_token,
    })
}

/// UpdateAppImageConfig: each configuration given replaces the stored one; one not given keeps
/// its value.
pub fn update_app_image_config(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::UpdateAppImageConfigRequest,
) -> ApiResult<api::UpdateAppImageConfigResponse> {
    let name = &input.app_image_config_name;
    let config = tables
        .app_image_configs
        .get_mut(name)
        .ok_or_else(|| not_found(name))?;
    let kept = config.given_configs()?;
    config.configs = stored_configs(
        input
            .kernel_gateway_image_config
            .or(kept.kernel_gateway_image_config),
        input
            .jupyter_lab_app_image_config
            .or(kept.jupyter_lab_app_image_config),
        input
            .code_editor_app_image_config
            .or(kept.code_editor_app_image_config),
    );
    config.modified = ctx.now;
    Ok(api::UpdateAppImageConfigResponse {
        app_image_config_arn: Some(config.arn.clone()),
    })
}

/// DeleteAppImageConfig.
pub fn delete_app_image_config(
    tables: &mut Tables,
    _ctx: &Ctx,
    input: api::DeleteAppImageConfigRequest,
) -> ApiResult<api::Empty> {
    let name = &input.app_image_config_name;
    let config = tables
        .app_image_configs
        .remove(name)
        .ok_or_else(|| not_found(name))?;
    tables.tags.remove(&config.arn);
    Ok(api::Empty {})
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

    #[test]
    fn an_update_replaces_the_configurations_given_and_keeps_the_others_as_stored() {
        let mut f = Fixture::new();
        let kernel = json!({"KernelSpecs": [{"Name": "python3"}]});
        let lab = json!({"FileSystemConfig": {"MountPath": "/home/sagemaker-user"}});
        f.ok(
            create_app_image_config,
            json!({"AppImageConfigName": "c", "KernelGatewayImageConfig": kernel,
                   "JupyterLabAppImageConfig": lab}),
        );
        let new_kernel = json!({"KernelSpecs": [{"Name": "ir", "DisplayName": "R"}]});
        f.ok(
            update_app_image_config,
            json!({"AppImageConfigName": "c", "KernelGatewayImageConfig": new_kernel}),
        );
        let described = f.ok(
            describe_app_image_config,
            json!({"AppImageConfigName": "c"}),
        );
        assert_eq!(described["KernelGatewayImageConfig"], new_kernel);
        assert_eq!(described["JupyterLabAppImageConfig"], lab);
        // The record's JSON (the state file's form) holds the configurations as given, by their
        // member names, and nothing else.
        assert_eq!(
            Value::Object(f.tables.app_image_configs["c"].configs.clone()),
            json!({"KernelGatewayImageConfig": new_kernel, "JupyterLabAppImageConfig": lab})
        );
    }
}
