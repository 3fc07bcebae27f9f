//! THE table of operations: `X-Amz-Target` operation name → handler. Nothing else lists
//! operations; the operations table of docs/operations.md is checked against this one by a test.
//! Every handler is typed: a row pairs the generated operation type (`api::op::X`, which names
//! the input and output types) with its handler, and [`run`] turns the validated JSON body into
//! the input and the output into its JSON text ([`Output`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{op, Operation};
use crate::resources::Tables;
use crate::resources::{
    app, app_image_config, domain, image, lifecycle_config, presigned_url, space, tags,
    user_profile, Ctx, Input,
};

/// A row's entry point: the typed handler behind [`run`], on the validated JSON body. It runs
/// under its partition's lock with one `now`; no HTTP, no await. It answers the typed output
/// unserialized ([`Answer`]): the caller writes it once the partition's lock is released.
pub type Handler = fn(&mut Tables, &Ctx, &Input) -> ApiResult<Box<dyn Answer>>;

/// A handler's typed output, not yet written: serialized by the caller after it has released
/// the partition's lock, so that writing the answer never holds up the partition's other calls.
pub trait Answer {
    /// The output's JSON text.
    fn output(&self) -> serde_json::Result<Output>;
}

impl<T: Serialize> Answer for T {
    fn output(&self) -> serde_json::Result<Output> {
        Output::of(self)
    }
}

/// An operation's output as it travels: the typed output serialized once, straight to the JSON
/// text of the response body. What needs the tree instead (the output-shape check, a scenario's
/// `Save`, [`Service::call`](crate::service::Service::call)) reads it back with
/// [`Output::to_value`]; the HTTP answer does not, and so no call builds it.
///
/// The text is the one `serde_json::to_value(output).to_string()` printed before: the
/// generated types declare their members in the model's order, which is sorted like the keys
/// of a `serde_json::Map` (a test holds both to it), and maps are `BTreeMap`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output(String);

impl Output {
    /// The output of a typed handler, serialized.
    pub fn of(output: &impl Serialize) -> serde_json::Result<Output> {
        serde_json::to_string(output).map(Output)
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The JSON text, owned (the response body).
    pub fn into_string(self) -> String {
        self.0
    }

    /// The output as a JSON tree.
    pub fn to_value(&self) -> ApiResult<Value> {
        serde_json::from_str(&self.0)
            .map_err(|e| ApiError::Internal(format!("an output read back as JSON: {e}")))
    }
}

/// Runs a typed handler of operation `O` on a body the validator has accepted: the body is read
/// into `O::Input` (borrowing the parsed JSON, no copy of the tree), and the typed output is
/// serialized once, as the response body (see [`Output`]).
pub fn run<O: Operation>(
    tables: &mut Tables,
    ctx: &Ctx,
    input: &Input,
    handler: fn(&mut Tables, &Ctx, O::Input) -> ApiResult<O::Output>,
) -> ApiResult<Box<dyn Answer>>
where
    O::Output: 'static,
{
    // The validator has checked every member's type, so a failure here is a shape the model
    // allows and the generated types do not: answered like any other type mismatch.
    let typed = O::Input::deserialize(input)
        .map_err(|e| ApiError::Serialization(format!("{} input: {e}", O::NAME)))?;
    Ok(Box::new(handler(tables, ctx, typed)?))
}

/// A row of [`OPERATIONS`] for a typed handler: the name comes from the generated operation
/// type, so a handler cannot be filed under another operation's shapes.
macro_rules! typed {
    ($op:ident, $handler:path, $effect:expr) => {
        (
            <op::$op as Operation>::NAME,
            |tables: &mut Tables, ctx: &Ctx, input: &Input| {
                run::<op::$op>(tables, ctx, input, $handler)
            },
            $effect,
        )
    };
}

/// What a successful call does to the state: a call that changes it is journaled (and so
/// replayed after a restart); one that reads is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Reads the state (Describe, List, and CreatePresignedDomainUrl, which only signs a URL).
    Reads,
    /// Changes the state: journaled.
    Changes,
}

use Effect::{Changes, Reads};

/// Every served operation, sorted by name (binary-searched; a test checks the order), with its
/// handler and its [`Effect`].
#[rustfmt::skip]
pub const OPERATIONS: &[(&str, Handler, Effect)] = &[
    typed!(AddTags, tags::add_tags, Changes),
    typed!(CreateApp, app::create_app, Changes),
    typed!(CreateAppImageConfig, app_image_config::create_app_image_config, Changes),
    typed!(CreateDomain, domain::create_domain, Changes),
    typed!(CreateImage, image::create_image, Changes),
    typed!(CreateImageVersion, image::create_image_version, Changes),
    typed!(CreatePresignedDomainUrl, presigned_url::create_presigned_domain_url, Reads),
    typed!(CreateSpace, space::create_space, Changes),
    typed!(CreateStudioLifecycleConfig, lifecycle_config::create_studio_lifecycle_config, Changes),
    typed!(CreateUserProfile, user_profile::create_user_profile, Changes),
    typed!(DeleteApp, app::delete_app, Changes),
    typed!(DeleteAppImageConfig, app_image_config::delete_app_image_config, Changes),
    typed!(DeleteDomain, domain::delete_domain, Changes),
    typed!(DeleteImage, image::delete_image, Changes),
    typed!(DeleteImageVersion, image::delete_image_version, Changes),
    typed!(DeleteSpace, space::delete_space, Changes),
    typed!(DeleteStudioLifecycleConfig, lifecycle_config::delete_studio_lifecycle_config, Changes),
    typed!(DeleteTags, tags::delete_tags, Changes),
    typed!(DeleteUserProfile, user_profile::delete_user_profile, Changes),
    typed!(DescribeApp, app::describe_app, Reads),
    typed!(DescribeAppImageConfig, app_image_config::describe_app_image_config, Reads),
    typed!(DescribeDomain, domain::describe_domain, Reads),
    typed!(DescribeImage, image::describe_image, Reads),
    typed!(DescribeImageVersion, image::describe_image_version, Reads),
    typed!(DescribeSpace, space::describe_space, Reads),
    typed!(DescribeStudioLifecycleConfig, lifecycle_config::describe_studio_lifecycle_config, Reads),
    typed!(DescribeUserProfile, user_profile::describe_user_profile, Reads),
    typed!(ListAliases, image::list_aliases, Reads),
    typed!(ListAppImageConfigs, app_image_config::list_app_image_configs, Reads),
    typed!(ListApps, app::list_apps, Reads),
    typed!(ListDomains, domain::list_domains, Reads),
    typed!(ListImageVersions, image::list_image_versions, Reads),
    typed!(ListImages, image::list_images, Reads),
    typed!(ListSpaces, space::list_spaces, Reads),
    typed!(ListStudioLifecycleConfigs, lifecycle_config::list_studio_lifecycle_configs, Reads),
    typed!(ListTags, tags::list_tags, Reads),
    typed!(ListUserProfiles, user_profile::list_user_profiles, Reads),
    typed!(UpdateAppImageConfig, app_image_config::update_app_image_config, Changes),
    typed!(UpdateDomain, domain::update_domain, Changes),
    typed!(UpdateImage, image::update_image, Changes),
    typed!(UpdateImageVersion, image::update_image_version, Changes),
    typed!(UpdateSpace, space::update_space, Changes),
    typed!(UpdateUserProfile, user_profile::update_user_profile, Changes),
];

/// Whether a successful call of `operation` changes state (and so is journaled): the table's
/// third column.
pub fn changes_state(operation: &str) -> bool {
    entry(operation).is_some_and(|(_, _, effect)| *effect == Changes)
}

fn entry(operation: &str) -> Option<&'static (&'static str, Handler, Effect)> {
    OPERATIONS
        .binary_search_by(|(name, _, _)| (*name).cmp(operation))
        .ok()
        .map(|i| &OPERATIONS[i])
}

/// The handler of `operation`, if it is served.
pub fn handler(operation: &str) -> Option<Handler> {
    entry(operation).map(|(_, handler, _)| *handler)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique_so_lookup_finds_every_operation() {
        for pair in OPERATIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (name, _, _) in OPERATIONS {
            assert!(handler(name).is_some(), "{name}");
        }
        assert!(handler("CreateTrainingJob").is_none());
    }

    /// The JSON text [`Output::of`] writes from a typed output, beside the one of the tree
    /// `serde_json::to_value` made of it before (sorted keys, since `Map` is a `BTreeMap`).
    fn text_and_tree_text<O: Operation>() -> (String, String)
    where
        O::Output: serde::de::DeserializeOwned,
    {
        let model = crate::model::model();
        let shape = model
            .operation(O::NAME)
            .and_then(|op| op.output)
            .expect("an output shape");
        let full = crate::model::example::example_value(model, shape, true, 0);
        let typed = O::Output::deserialize(&full).expect("the full example reads into the type");
        let text = Output::of(&typed).unwrap().into_string();
        let tree = serde_json::to_value(&typed).unwrap().to_string();
        (text, tree)
    }

    #[test]
    fn outputs_are_serialized_to_the_text_their_json_tree_printed() {
        use crate::model::api::op;
        let pairs = [
            text_and_tree_text::<op::DescribeDomain>(),
            text_and_tree_text::<op::CreateUserProfile>(),
            text_and_tree_text::<op::DescribeUserProfile>(),
            text_and_tree_text::<op::ListUserProfiles>(),
            text_and_tree_text::<op::DescribeApp>(),
            text_and_tree_text::<op::DescribeSpace>(),
            text_and_tree_text::<op::DescribeAppImageConfig>(),
            text_and_tree_text::<op::ListTags>(),
        ];
        for (text, tree) in pairs {
            assert!(text.len() > 2, "a full example: {text}");
            assert_eq!(text, tree);
        }
        // For every operation: the generated structures declare their members sorted by wire
        // name, as a `Map` orders its keys, and hold maps in `BTreeMap`s, so the text is the
        // tree's for any value, not only the examples above.
        let source = include_str!("../model/api.rs");
        assert!(!source.contains("HashMap"));
        for block in source.split("\npub struct ").skip(1) {
            let body = block.split("\n}").next().unwrap_or_default();
            let names: Vec<&str> = body
                .split("rename = \"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            assert_eq!(
                names,
                sorted,
                "pub struct {}",
                block.lines().next().unwrap_or("")
            );
        }
        let empty = Output::of(&crate::model::api::Empty {}).unwrap();
        assert_eq!(empty.as_str(), "{}");
        assert_eq!(empty.to_value().unwrap(), serde_json::json!({}));
    }

    /// Verbs of AWS operations that change state. An operation of the model named with one
    /// must be marked `Changes` (or be listed with its reason below), so that a future
    /// `Start…` or `Put…` cannot silently go unjournaled and be lost on restart.
    const CHANGING_VERBS: &[&str] = &[
        "Add",
        "Associate",
        "Attach",
        "Create",
        "Delete",
        "Deregister",
        "Detach",
        "Disable",
        "Disassociate",
        "Enable",
        "Import",
        "Put",
        "Register",
        "Remove",
        "Reset",
        "Restore",
        "Send",
        "Start",
        "Stop",
        "Tag",
        "Untag",
        "Update",
    ];
    /// Operations named like a change that change nothing, and why.
    const READS_DESPITE_THEIR_NAME: &[(&str, &str)] = &[(
        "CreatePresignedDomainUrl",
        "signs a URL; nothing is stored (the grant lives in the token)",
    )];

    #[test]
    fn every_changing_operation_of_the_model_is_marked_as_changing_state() {
        for name in crate::model::operation_names() {
            let (_, _, effect) = entry(name).expect("every model operation is served");
            let named_as_change = CHANGING_VERBS.iter().any(|verb| name.starts_with(verb));
            let exception = READS_DESPITE_THEIR_NAME.iter().any(|(n, _)| *n == name);
            let expected = if named_as_change && !exception {
                Changes
            } else {
                Reads
            };
            assert_eq!(*effect, expected, "{name}");
        }
    }

    #[test]
    fn every_operation_of_the_model_slice_is_served() {
        let served: Vec<&str> = OPERATIONS.iter().map(|(name, _, _)| *name).collect();
        assert_eq!(crate::model::operation_names(), served);
    }

    #[test]
    fn documented_operations_table_matches_the_dispatch_table() {
        let page = include_str!("../../../docs/operations.md");
        // The table under the page's title, up to its first section.
        let section = page
            .split("# Supported operations\n")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap_or_default();
        let listed: Vec<&str> = section
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once('`').map(|(name, _)| name))
            .filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
            .collect();
        let served: Vec<&str> = OPERATIONS.iter().map(|(name, _, _)| *name).collect();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort_unstable();
        assert_eq!(
            listed_sorted, served,
            "docs/operations.md's table vs the dispatch table"
        );
    }
}
