//! THE table of operations: `X-Amz-Target` operation name → handler. Nothing else lists
//! operations; the README's operations table is checked against this one by a test.

use serde_json::Value;

use crate::error::ApiResult;
use crate::resources::{
    app, app_image_config, domain, image, lifecycle_config, presigned_url, space, tags,
    user_profile, Ctx, Input,
};
use crate::store::Tables;

/// A handler: runs under its partition's lock with one `now`; no HTTP, no await.
pub type Handler = fn(&mut Tables, &Ctx, &Input) -> ApiResult<Value>;

/// Every served operation, sorted by name (binary-searched; a test checks the order).
pub const OPERATIONS: &[(&str, Handler)] = &[
    ("AddTags", tags::add_tags),
    ("CreateApp", app::create_app),
    (
        "CreateAppImageConfig",
        app_image_config::create_app_image_config,
    ),
    ("CreateDomain", domain::create_domain),
    ("CreateImage", image::create_image),
    ("CreateImageVersion", image::create_image_version),
    (
        "CreatePresignedDomainUrl",
        presigned_url::create_presigned_domain_url,
    ),
    ("CreateSpace", space::create_space),
    (
        "CreateStudioLifecycleConfig",
        lifecycle_config::create_studio_lifecycle_config,
    ),
    ("CreateUserProfile", user_profile::create_user_profile),
    ("DeleteApp", app::delete_app),
    (
        "DeleteAppImageConfig",
        app_image_config::delete_app_image_config,
    ),
    ("DeleteDomain", domain::delete_domain),
    ("DeleteImage", image::delete_image),
    ("DeleteImageVersion", image::delete_image_version),
    ("DeleteSpace", space::delete_space),
    (
        "DeleteStudioLifecycleConfig",
        lifecycle_config::delete_studio_lifecycle_config,
    ),
    ("DeleteTags", tags::delete_tags),
    ("DeleteUserProfile", user_profile::delete_user_profile),
    ("DescribeApp", app::describe_app),
    (
        "DescribeAppImageConfig",
        app_image_config::describe_app_image_config,
    ),
    ("DescribeDomain", domain::describe_domain),
    ("DescribeImage", image::describe_image),
    ("DescribeImageVersion", image::describe_image_version),
    ("DescribeSpace", space::describe_space),
    (
        "DescribeStudioLifecycleConfig",
        lifecycle_config::describe_studio_lifecycle_config,
    ),
    ("DescribeUserProfile", user_profile::describe_user_profile),
    ("ListAliases", image::list_aliases),
    (
        "ListAppImageConfigs",
        app_image_config::list_app_image_configs,
    ),
    ("ListApps", app::list_apps),
    ("ListDomains", domain::list_domains),
    ("ListImageVersions", image::list_image_versions),
    ("ListImages", image::list_images),
    ("ListSpaces", space::list_spaces),
    (
        "ListStudioLifecycleConfigs",
        lifecycle_config::list_studio_lifecycle_configs,
    ),
    ("ListTags", tags::list_tags),
    ("ListUserProfiles", user_profile::list_user_profiles),
    (
        "UpdateAppImageConfig",
        app_image_config::update_app_image_config,
    ),
    ("UpdateDomain", domain::update_domain),
    ("UpdateImage", image::update_image),
    ("UpdateImageVersion", image::update_image_version),
    ("UpdateSpace", space::update_space),
    ("UpdateUserProfile", user_profile::update_user_profile),
];

/// Whether a successful call of `operation` changes state (and so is journaled): every Create,
/// Update and Delete, and AddTags; not CreatePresignedDomainUrl, which only signs a URL.
pub fn changes_state(operation: &str) -> bool {
    operation != "CreatePresignedDomainUrl"
        && ["Create", "Update", "Delete", "Add"]
            .iter()
            .any(|verb| operation.starts_with(verb))
}

/// The handler of `operation`, if it is served.
pub fn handler(operation: &str) -> Option<Handler> {
    OPERATIONS
        .binary_search_by(|(name, _)| (*name).cmp(operation))
        .ok()
        .map(|i| OPERATIONS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique_so_lookup_finds_every_operation() {
        for pair in OPERATIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (name, _) in OPERATIONS {
            assert!(handler(name).is_some(), "{name}");
        }
        assert!(handler("CreateTrainingJob").is_none());
    }

    #[test]
    fn every_operation_of_the_model_slice_is_served() {
        let served: Vec<&str> = OPERATIONS.iter().map(|(name, _)| *name).collect();
        assert_eq!(crate::model::operation_names(), served);
    }

    #[test]
    fn readme_operations_table_matches_the_dispatch_table() {
        let readme = include_str!("../../README.md");
        let section = readme
            .split("## Supported operations")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap_or_default();
        let listed: Vec<&str> = section
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once('`').map(|(name, _)| name))
            .filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
            .collect();
        let served: Vec<&str> = OPERATIONS.iter().map(|(name, _)| *name).collect();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort_unstable();
        assert_eq!(
            listed_sorted, served,
            "README operations table vs dispatch table"
        );
    }
}
