//! Studio lifecycle configurations: CreateStudioLifecycleConfig, DescribeStudioLifecycleConfig,
//! ListStudioLifecycleConfigs, DeleteStudioLifecycleConfig; and the rules that tie them to
//! settings and apps.
//!
//! - The content "must be base64 encoded" (CreateStudioLifecycleConfig API reference); the model
//!   bounds its length (1..16384).
//! - A configuration referenced by a domain's, user profile's or space's settings cannot be
//!   deleted (`ResourceInUse`, modelled for DeleteStudioLifecycleConfig).
//! - An app's `ResourceSpec.LifecycleConfigArn` must be one of the configurations attached to the
//!   app type's settings (`LifecycleConfigArns`) of its owner or domain ("the lifecycle
//!   configuration must be attached to the domain or user profile", Studio lifecycle
//!   configuration guide), of the app's type.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{
    self, SortOrder, StudioLifecycleConfigAppType, StudioLifecycleConfigSortKey, WireEnum,
};
use crate::resources::pagination::{name_key, time_key, Order};
use crate::resources::Tables;
use crate::resources::{epoch, tags, Ctx, Input};
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::Status;

/// A Studio lifecycle configuration.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LifecycleConfig {
    pub name: String,
    pub arn: String,
    /// Base64 script, as given.
    pub content: String,
    /// `JupyterServer`, `KernelGateway`, `JupyterLab` or `CodeEditor` (kept as the word, as the
    /// state file always held it).
    pub app_type: StudioLifecycleConfigAppType,
    pub created: Timestamp,
    pub sequence: u64,
}

fn not_found(name: &str) -> ApiError {
    ApiError::not_found(format!("Studio Lifecycle Config {name} does not exist."))
}

/// CreateStudioLifecycleConfig.
pub fn create_studio_lifecycle_config(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateStudioLifecycleConfigRequest,
) -> ApiResult<api::CreateStudioLifecycleConfigResponse> {
    let name = input.studio_lifecycle_config_name;
    let content = input.studio_lifecycle_config_content;
    if STANDARD.decode(content.trim()).is_err() {
        return Err(ApiError::validation(
            "StudioLifecycleConfigContent must be base64 encoded.",
        ));
    }
    let arn = ctx.arn(&format!("studio-lifecycle-config/{name}"));
    if tables.lifecycle_configs.contains_key(&name) {
        return Err(ApiError::in_use(format!(
            "Studio Lifecycle Config {arn} already exists."
        )));
    }
    let initial = tags::initial_tags(&tags::tag_list(input.tags.as_deref())?, &[], None, &arn)?;
    let config = LifecycleConfig {
        name: name.clone(),
        arn: arn.clone(),
        content,
        app_type: input.studio_lifecycle_config_app_type,
        created: ctx.now,
        sequence: tables.next_sequence(),
    };
    tables.lifecycle_configs.insert(name, config);
    tables.tags.insert(arn.clone(), initial);
    Ok(api::CreateStudioLifecycleConfigResponse {
        studio_lifecycle_config_arn: Some(arn),
    })
}

/// The configuration named `name`, or AWS's not-found.
fn named<'t>(tables: &'t Tables, name: &str) -> ApiResult<&'t LifecycleConfig> {
    tables
        .lifecycle_configs
        .get(name)
        .ok_or_else(|| not_found(name))
}

/// DescribeStudioLifecycleConfig.
pub fn describe_studio_lifecycle_config(
    tables: &mut Tables,
    _ctx: &Ctx,
    input: api::DescribeStudioLifecycleConfigRequest,
) -> ApiResult<api::DescribeStudioLifecycleConfigResponse> {
    let config = named(tables, &input.studio_lifecycle_config_name)?;
    Ok(api::DescribeStudioLifecycleConfigResponse {
        studio_lifecycle_config_arn: Some(config.arn.clone()),
        studio_lifecycle_config_name: Some(config.name.clone()),
        creation_time: Some(epoch(config.created)),
        // A configuration cannot be updated: it was last modified when created.
        last_modified_time: Some(epoch(config.created)),
        studio_lifecycle_config_app_type: Some(config.app_type),
        studio_lifecycle_config_content: Some(config.content.clone()),
    })
}

/// An item of ListStudioLifecycleConfigs: DescribeStudioLifecycleConfig's members but the
/// content.
fn list_item(config: &LifecycleConfig) -> api::StudioLifecycleConfigDetails {
    api::StudioLifecycleConfigDetails {
        studio_lifecycle_config_arn: Some(config.arn.clone()),
        studio_lifecycle_config_name: Some(config.name.clone()),
        creation_time: Some(epoch(config.created)),
        // Never updated: see `describe_studio_lifecycle_config`.
        last_modified_time: Some(epoch(config.created)),
        studio_lifecycle_config_app_type: Some(config.app_type),
    }
}

/// ListStudioLifecycleConfigs: `NameContains`, `AppTypeEquals`, creation and modification time
/// windows, `SortBy` `CreationTime` (default), `LastModifiedTime` or `Name`, `SortOrder` (default
/// `Descending`), 10 per page by default (ListStudioLifecycleConfigs API reference).
pub fn list_studio_lifecycle_configs(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListStudioLifecycleConfigsRequest,
) -> ApiResult<api::ListStudioLifecycleConfigsResponse> {
    let contains = input.name_contains.as_deref();
    let by_name = input.sort_by == Some(StudioLifecycleConfigSortKey::Name);
    // A configuration's last modification is its creation: the modification window and
    // `LastModifiedTime` order read `created`.
    let mut items: Vec<(String, &LifecycleConfig)> = tables
        .lifecycle_configs
        .values()
        .filter(|c| contains.is_none_or(|n| c.name.contains(n)))
        .filter(|c| input.app_type_equals.is_none_or(|t| c.app_type == t))
        .filter(|c| {
            crate::resources::pagination::in_time_window(
                c.created,
                input.creation_time_before,
                input.creation_time_after,
            )
        })
        .filter(|c| {
            crate::resources::pagination::in_time_window(
                c.created,
                input.modified_time_before,
                input.modified_time_after,
            )
        })
        .map(|c| {
            let key = if by_name {
                name_key(&c.name, c.sequence)
            } else {
                time_key(c.created.0, c.sequence)
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
    let page = ctx.page("ListStudioLifecycleConfigs", &input, order, 10, items)?;
    Ok(api::ListStudioLifecycleConfigsResponse {
        studio_lifecycle_configs: Some(page.items.into_iter().map(list_item).collect()),
        next_token: page.next_token,
    })
}

/// Whether a JSON value mentions `needle` as a string anywhere.
pub fn mentions(value: &Value, needle: &str) -> bool {
    match value {
        Value::String(s) => s == needle,
        Value::Array(items) => items.iter().any(|v| mentions(v, needle)),
        Value::Object(members) => members.values().any(|v| mentions(v, needle)),
        _ => false,
    }
}

/// DeleteStudioLifecycleConfig: refused while a domain's, user profile's or space's settings name
/// it, or an app that is not `Deleted` runs with it.
pub fn delete_studio_lifecycle_config(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteStudioLifecycleConfigRequest,
) -> ApiResult<api::Empty> {
    let config = named(tables, &input.studio_lifecycle_config_name)?;
    let name = config.name.clone();
    let arn = config.arn.clone();
    // The settings are walked as the JSON they are kept as, any member at any depth: an ARN may
    // sit in every app type's `LifecycleConfigArns` and `DefaultResourceSpec`, of user, space
    // and domain settings alike, and a typed walk would have to name each of those places.
    let in_settings = |given: &Input| given.values().any(|v| mentions(v, &arn));
    let user = tables
        .domains
        .values()
        .find(|d| in_settings(&d.given))
        .map(|d| format!("Domain {}", d.arn))
        .or_else(|| {
            tables
                .user_profiles
                .values()
                .find(|p| in_settings(&p.given))
                .map(|p| format!("UserProfile {}", p.arn))
        })
        .or_else(|| {
            tables
                .spaces
                .values()
                .find(|s| in_settings(&s.given))
                .map(|s| format!("Space {}", s.arn))
        })
        .or_else(|| {
            // "… there must be no running apps using the Amazon SageMaker Studio Lifecycle
            // Configuration" (DeleteStudioLifecycleConfig API reference).
            tables
                .apps
                .values()
                .find(|app| {
                    app.status(ctx.now) != Status::Deleted && mentions(&app.resource_spec, &arn)
                })
                .map(|app| format!("App {}", app.arn))
        });
    if let Some(user) = user {
        return Err(ApiError::in_use(format!(
            "Studio Lifecycle Config {arn} is in use by {user}."
        )));
    }
    tables.lifecycle_configs.remove(&name);
    tables.tags.remove(&arn);
    Ok(api::Empty {})
}

/// Checks an app's `ResourceSpec.LifecycleConfigArn`: it exists, is for the app's type, and is
/// attached (`LifecycleConfigArns`) to the app type's settings in `chain` (owner or domain).
/// Answers the app's `FailureReason` when the script fails (see [`script_failure`]).
pub fn check_app_lifecycle_config(
    tables: &Tables,
    app_type: &str,
    settings_member: Option<&str>,
    chain: &[Option<&Value>],
    resource_spec: &Value,
) -> ApiResult<Option<String>> {
    // The model's pattern admits the literal `None`: no lifecycle configuration.
    let Some(arn) = resource_spec
        .get("LifecycleConfigArn")
        .and_then(Value::as_str)
        .filter(|arn| *arn != "None")
    else {
        return Ok(None);
    };
    let Some(config) = tables.lifecycle_configs.values().find(|c| c.arn == arn) else {
        return Err(ApiError::not_found(format!(
            "Studio Lifecycle Config {arn} does not exist."
        )));
    };
    if config.app_type.as_str() != app_type {
        return Err(ApiError::validation(format!(
            "Studio Lifecycle Config {arn} is for {} apps, not {app_type}.",
            config.app_type.as_str()
        )));
    }
    let attached = settings_member.is_some_and(|member| {
        chain.iter().flatten().any(|settings| {
            settings
                .get(member)
                .and_then(|s| s.get("LifecycleConfigArns"))
                .is_some_and(|arns| mentions(arns, arn))
        })
    });
    if !attached {
        return Err(ApiError::validation(format!(
            "Studio Lifecycle Config {arn} is not attached to the user profile, space or domain: add it to {}.LifecycleConfigArns first.",
            settings_member.unwrap_or("the app's settings")
        )));
    }
    Ok(script_failure(config))
}

/// Whether a lifecycle configuration's script fails when an app runs it, and the app's
/// `FailureReason` then. On AWS an app whose lifecycle script exits non-zero ends `Failed`
/// (Terraform's provider issue #27265: "unexpected state 'Failed', wanted target 'InService'");
/// the emulator runs no script, so a script fails when it has a top-level line `exit N` with N
/// not 0: that is how a test asks for a failing app.
pub fn script_failure(config: &LifecycleConfig) -> Option<String> {
    use base64::Engine as _;
    let script = base64::engine::general_purpose::STANDARD
        .decode(config.content.trim())
        .ok()?;
    let script = String::from_utf8_lossy(&script);
    let status = script.lines().find_map(|line| {
        let status = line.trim().strip_prefix("exit")?.trim();
        status.parse::<u8>().ok().filter(|status| *status != 0)
    })?;
    Some(format!(
        "The lifecycle configuration script {} exited with status {status}; the app could not be started. Check the app's logs in CloudWatch (log group /aws/sagemaker/studio) for details.",
        config.arn
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::Fixture;

    fn config(f: &mut Fixture, name: &str, script: &str) -> LifecycleConfig {
        use base64::Engine as _;
        let content = base64::engine::general_purpose::STANDARD.encode(script);
        f.ok(
            create_studio_lifecycle_config,
            json!({"StudioLifecycleConfigName": name, "StudioLifecycleConfigContent": content,
                   "StudioLifecycleConfigAppType": "KernelGateway"}),
        );
        f.tables.lifecycle_configs[name].clone()
    }

    #[test]
    fn a_script_fails_on_a_top_level_non_zero_exit_only() {
        let mut f = Fixture::new();
        let failing = config(&mut f, "fails", "#!/bin/bash\nset -e\nexit 3\n");
        assert!(script_failure(&failing)
            .unwrap()
            .contains("exited with status 3"));
        for (name, script) in [
            ("fine", "#!/bin/bash\necho hi\n"),
            ("zero", "exit 0\n"),
            ("word", "echo exit 5\n"),
        ] {
            assert_eq!(
                script_failure(&config(&mut f, name, script)),
                None,
                "{script}"
            );
        }
    }

    #[test]
    fn the_app_type_is_kept_as_its_word() {
        let mut f = Fixture::new();
        let kept = serde_json::to_value(config(&mut f, "c", "echo hi\n")).unwrap();
        assert_eq!(kept["app_type"], "KernelGateway");
        let read: LifecycleConfig = serde_json::from_value(kept).unwrap();
        assert_eq!(read.app_type, StudioLifecycleConfigAppType::KernelGateway);
    }

    #[test]
    fn content_must_be_base64() {
        let mut f = Fixture::new();
        let error = f.refused(
            create_studio_lifecycle_config,
            json!({"StudioLifecycleConfigName": "x", "StudioLifecycleConfigContent": "not base64!",
                   "StudioLifecycleConfigAppType": "KernelGateway"}),
        );
        assert_eq!(error.code(), "ValidationException");
    }
}
