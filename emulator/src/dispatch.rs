//! THE table of operations: `X-Amz-Target` operation name → handler. Nothing else lists
//! operations; the README's operations table is checked against this one by a test.

use serde_json::Value;

use crate::error::ApiResult;
use crate::resources::{app, domain, space, user_profile, Ctx, Input};
use crate::store::Tables;

/// A handler: runs under its partition's lock with one `now`; no HTTP, no await.
pub type Handler = fn(&mut Tables, &Ctx, &Input) -> ApiResult<Value>;

/// Every served operation, sorted by name (binary-searched; a test checks the order).
pub const OPERATIONS: &[(&str, Handler)] = &[
    ("CreateApp", app::create_app),
    ("CreateDomain", domain::create_domain),
    ("CreateSpace", space::create_space),
    ("CreateUserProfile", user_profile::create_user_profile),
    ("DeleteApp", app::delete_app),
    ("DeleteDomain", domain::delete_domain),
    ("DeleteSpace", space::delete_space),
    ("DeleteUserProfile", user_profile::delete_user_profile),
    ("DescribeApp", app::describe_app),
    ("DescribeDomain", domain::describe_domain),
    ("DescribeSpace", space::describe_space),
    ("DescribeUserProfile", user_profile::describe_user_profile),
    ("ListApps", app::list_apps),
    ("ListDomains", domain::list_domains),
    ("ListSpaces", space::list_spaces),
    ("ListUserProfiles", user_profile::list_user_profiles),
    ("UpdateDomain", domain::update_domain),
    ("UpdateSpace", space::update_space),
    ("UpdateUserProfile", user_profile::update_user_profile),
];

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
