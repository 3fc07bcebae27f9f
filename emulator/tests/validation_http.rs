//! Validation through the server, generated from the model fixture: for every operation
//! of the dispatch table, a valid body (the model's full example, pointed at resources that
//! exist) is broken in one place per constraint — a required member omitted, an enum given a
//! value outside its set, a string over its maximum, under its minimum or against its pattern, a
//! list or map over its maximum size, a number out of range, a top-level member of the wrong JSON
//! type — and sent over HTTP. Each must come back as HTTP 400 `ValidationException` (or
//! `SerializationException` for a wrong type) naming the member's lowerCamel path with AWS's
//! text, and must store NOTHING: after every refused mutating call, the partition's snapshot
//! (every listing, plus the settings, properties and tags the listings omit) is what it was. The
//! baselines obey the service rules the model cannot express too (base64 lifecycle scripts,
//! `CustomImages` naming an image and app image config that exist, an app's lifecycle
//! configuration attached to its settings), and are then all sent, deletes last, to prove that
//! each is accepted and that every mutating one would have changed the snapshot. A few exact AWS
//! messages close the file.

mod common;

use std::time::Duration;

use common::*;
use sagemaker_studio_emulator::model::example::{example_input, example_value};
use sagemaker_studio_emulator::model::{self, Kind, Model, ShapeId};
use sagemaker_studio_emulator::service::dispatch;
use serde_json::{json, Map, Value};

/// Strings tried, in order, to break a pattern (each also padded to the shape's minimum).
const BAD_STRINGS: &[&str] = &[
    "!", "a!b", " ", "\n", "a b", "-", "_", ".", "-a", "x\ny", "\u{e9}",
];

/// How a case breaks the baseline.
#[derive(Debug, Clone)]
enum Mutation {
    /// Delete member `key` of the object at `parent` (a JSON pointer).
    Remove { parent: String, key: String },
    /// Replace the value at `pointer`.
    Set { pointer: String, value: Value },
}

/// What the server must answer.
#[derive(Debug, Clone)]
enum Expect {
    /// A ValidationException whose message contains all these fragments.
    Validation(Vec<String>),
    /// A SerializationException.
    Serialization,
}

#[derive(Debug, Clone)]
struct Case {
    operation: &'static str,
    /// Which baseline of the operation it breaks.
    baseline: usize,
    label: String,
    mutation: Mutation,
    expect: Expect,
}

fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}.{segment}")
    }
}

fn fits(min: Option<u64>, max: Option<u64>, n: usize) -> bool {
    let n = n as u64;
    min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)
}

/// Values of a scalar shape that break exactly one of its rules, with the rule's AWS text.
fn bad_scalars(kind: &Kind, valid: &Value) -> Vec<(Value, String)> {
    let mut out = Vec::new();
    match kind {
        Kind::String(shape) => {
            let valid = valid.as_str().unwrap_or("a");
            let (min, max) = (shape.length.min, shape.length.max);
            if let Some(values) = &shape.enum_values {
                out.push((
                    json!("NotAnEnumValue"),
                    format!(
                        "Member must satisfy enum value set: [{}]",
                        values.join(", ")
                    ),
                ));
            } else if let Some(pattern) = &shape.pattern {
                let pad = usize::try_from(min.unwrap_or(0)).unwrap_or(0);
                let bad = BAD_STRINGS
                    .iter()
                    .flat_map(|s| {
                        let missing = pad.saturating_sub(s.chars().count());
                        [(*s).to_string(), format!("{s}{}", "a".repeat(missing))]
                    })
                    .find(|s| !pattern.matches(s) && fits(min, max, s.chars().count()));
                if let Some(bad) = bad {
                    out.push((
                        Value::String(bad),
                        format!(
                            "Member must satisfy regular expression pattern: {}",
                            pattern.display()
                        ),
                    ));
                }
            }
            if let Some(max) = max {
                let len = usize::try_from(max).unwrap_or(usize::MAX - 1) + 1;
                let long: String = valid.chars().chain("a".chars()).cycle().take(len).collect();
                out.push((
                    Value::String(long),
                    format!("Member must have length less than or equal to {max}"),
                ));
            }
            if let Some(min) = min.filter(|&m| m > 0) {
                let short: String = valid
                    .chars()
                    .take(usize::try_from(min - 1).unwrap_or(0))
                    .collect();
                out.push((
                    Value::String(short),
                    format!("Member must have length greater than or equal to {min}"),
                ));
            }
        }
        Kind::Integer(range) | Kind::Long(range) => {
            let (lo, hi) = match kind {
                Kind::Integer(_) => (i64::from(i32::MIN), i64::from(i32::MAX)),
                _ => (i64::MIN, i64::MAX),
            };
            if let Some(max) = range.max.filter(|&m| m < hi) {
                out.push((
                    Value::from(max + 1),
                    format!("Member must have value less than or equal to {max}"),
                ));
            }
            if let Some(min) = range.min.filter(|&m| m > lo) {
                out.push((
                    Value::from(min - 1),
                    format!("Member must have value greater than or equal to {min}"),
                ));
            }
        }
        _ => {}
    }
    out
}

/// A JSON value of the wrong type for a shape (a SerializationException), if there is one.
fn wrong_type(kind: &Kind) -> Option<Value> {
    match kind {
        Kind::Structure(_) | Kind::Map(_) | Kind::List(_) => Some(json!("x")),
        Kind::String(_) => Some(json!(12)),
        Kind::Integer(_) | Kind::Long(_) => Some(json!("12")),
        Kind::Boolean => Some(json!("true")),
        Kind::Timestamp { .. } => Some(json!("2024-01-01T00:00:00Z")),
        _ => None,
    }
}

/// Walks a valid value of shape `id`, pushing one case per breakable constraint.
struct Generator<'m> {
    model: &'m Model,
    operation: &'static str,
    baseline: usize,
    cases: Vec<Case>,
}

impl Generator<'_> {
    fn push(&mut self, label: String, mutation: Mutation, expect: Expect) {
        self.cases.push(Case {
            operation: self.operation,
            baseline: self.baseline,
            label,
            mutation,
            expect,
        });
    }

    fn set(&mut self, label: String, pointer: &str, value: Value, expect: Expect) {
        self.push(
            label,
            Mutation::Set {
                pointer: pointer.to_string(),
                value,
            },
            expect,
        );
    }

    fn value(&mut self, id: ShapeId, value: &Value, pointer: &str, path: &str) {
        let model = self.model;
        let Some(shape) = model.get(id) else { return };
        match (&shape.kind, value) {
            (Kind::Structure(structure), Value::Object(object)) => {
                for member in &structure.members {
                    let Some(child) = object.get(&member.name) else {
                        continue;
                    };
                    let child_pointer = format!("{pointer}/{}", pointer_escape(&member.name));
                    let child_path = join(path, &member.path_name);
                    if member.required && !structure.union {
                        self.push(
                            format!("{child_path}: required member omitted"),
                            Mutation::Remove {
                                parent: pointer.to_string(),
                                key: member.name.clone(),
                            },
                            Expect::Validation(vec![format!(
                                "Value null at '{child_path}' failed to satisfy constraint: Member must not be null"
                            )]),
                        );
                    }
                    // Wrong JSON types at the top level (the unit tests cover every depth).
                    if pointer.is_empty() {
                        if let Some(wrong) =
                            model.get(member.shape).and_then(|s| wrong_type(&s.kind))
                        {
                            self.set(
                                format!("{child_path}: wrong JSON type {wrong}"),
                                &child_pointer,
                                wrong,
                                Expect::Serialization,
                            );
                        }
                    }
                    self.value(member.shape, child, &child_pointer, &child_path);
                }
            }
            (Kind::List(list), Value::Array(items)) => {
                let Some(first) = items.first() else { return };
                if let Some(max) = list.length.max {
                    let n = usize::try_from(max).unwrap_or(0) + 1;
                    self.set(
                        format!("{path}: {n} elements"),
                        pointer,
                        Value::Array(vec![first.clone(); n]),
                        Expect::Validation(vec![format!(
                            "at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"
                        )]),
                    );
                }
                if let Some(min) = list.length.min.filter(|&m| m > 0) {
                    let n = usize::try_from(min - 1).unwrap_or(0);
                    self.set(
                        format!("{path}: {n} elements"),
                        pointer,
                        Value::Array(vec![first.clone(); n]),
                        Expect::Validation(vec![format!(
                            "at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"
                        )]),
                    );
                }
                let Some(element) = model.get(list.member) else {
                    return;
                };
                let element_pointer = format!("{pointer}/0");
                match &element.kind {
                    Kind::Structure(_) | Kind::List(_) | Kind::Map(_) => {
                        let element_path = format!("{path}.1.member");
                        self.value(list.member, first, &element_pointer, &element_path);
                    }
                    kind => {
                        for (bad, rule) in bad_scalars(kind, first) {
                            self.set(
                                format!("{path}[0]: {rule}"),
                                &element_pointer,
                                bad,
                                Expect::Validation(vec![
                                    format!("at '{path}' failed to satisfy constraint: Member must satisfy constraint: ["),
                                    rule,
                                ]),
                            );
                        }
                    }
                }
            }
            (Kind::Map(map), Value::Object(entries)) => {
                let Some((first_key, first_value)) = entries.iter().next() else {
                    return;
                };
                if let Some(max) = map.length.max {
                    let n = usize::try_from(max).unwrap_or(0) + 1;
                    let many: Map<String, Value> = (0..n)
                        .map(|i| (format!("k{i}"), first_value.clone()))
                        .collect();
                    self.set(
                        format!("{path}: {n} entries"),
                        pointer,
                        Value::Object(many),
                        Expect::Validation(vec![format!(
                            "at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"
                        )]),
                    );
                }
                if let Some(key_shape) = model.get(map.key) {
                    for (bad, rule) in bad_scalars(&key_shape.kind, &json!(first_key)) {
                        let Value::String(bad) = bad else { continue };
                        let mut object = Map::new();
                        object.insert(bad, first_value.clone());
                        self.set(
                            format!("{path}: key breaks {rule}"),
                            pointer,
                            Value::Object(object),
                            Expect::Validation(vec![
                                format!("at '{path}' failed to satisfy constraint: Map keys must satisfy constraint: ["),
                                rule,
                            ]),
                        );
                    }
                }
                let value_pointer = format!("{pointer}/{}", pointer_escape(first_key));
                match model.get(map.value).map(|s| &s.kind) {
                    Some(Kind::Structure(_) | Kind::List(_) | Kind::Map(_)) => {
                        let value_path = format!("{path}.{first_key}.member");
                        self.value(map.value, first_value, &value_pointer, &value_path);
                    }
                    Some(kind) => {
                        for (bad, rule) in bad_scalars(kind, first_value) {
                            self.set(
                                format!("{path}: value breaks {rule}"),
                                &value_pointer,
                                bad,
                                Expect::Validation(vec![
                                    format!("at '{path}' failed to satisfy constraint: Map value must satisfy constraint: ["),
                                    rule,
                                ]),
                            );
                        }
                    }
                    None => {}
                }
            }
            (kind, valid) => {
                for (bad, rule) in bad_scalars(kind, valid) {
                    let shown = match &bad {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    self.set(
                        format!("{path}: {rule}"),
                        pointer,
                        bad,
                        Expect::Validation(vec![format!(
                            "Value '{shown}' at '{path}' failed to satisfy constraint: {rule}"
                        )]),
                    );
                }
            }
        }
    }
}

fn apply(baseline: &Map<String, Value>, mutation: &Mutation) -> Value {
    let mut root = Value::Object(baseline.clone());
    match mutation {
        Mutation::Remove { parent, key } => {
            root.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .and_then(|o| o.remove(key))
                .unwrap_or_else(|| panic!("no member {key} at {parent:?}"));
        }
        Mutation::Set { pointer, value } => {
            *root
                .pointer_mut(pointer)
                .unwrap_or_else(|| panic!("nothing at {pointer:?}")) = value.clone();
        }
    }
    root
}

/// Names and ARNs of the resources the baselines point at (see [`setup`]).
struct Fixture {
    domain_id: String,
    domain_arn: String,
    /// An empty domain that the DeleteDomain baseline deletes.
    spare_domain_id: String,
    /// A domain with `AuthMode` `SSO`, where profiles take `SingleSignOnUser*` members.
    sso_domain_id: String,
    /// The JupyterServer lifecycle configuration `a`, attached to user profile `a`.
    server_config_arn: String,
    /// The JupyterLab lifecycle configuration `lab`, attached to the domain's user defaults.
    lab_config_arn: String,
}

/// The name the model's examples give every resource ("a"): the domain's user profile and
/// private space, the image (versions 1 and 2), the app image config and the JupyterServer
/// lifecycle configuration that setup creates.
const EXISTING: &str = "a";
/// The name every Create* baseline gives its new resource; the Delete* baselines delete these
/// (a fixture named by other settings' `CustomImages` could not be deleted, or should not be).
const FRESH: &str = "fresh";
/// Base64 of `#!/bin/bash\necho hi\n`: lifecycle configuration content must be base64.
const SCRIPT_BASE64: &str = "IyEvYmluL2Jhc2gKZWNobyBoaQo=";

/// The valid bodies of `operation` that the cases break: the model's full example, pointed at
/// resources that exist and obeying the rules the model cannot express, so that the handler
/// accepts it (a Create* stores a new resource, an Update* or Delete* changes one). Operations
/// whose example names two alternatives that cannot go together (an app of a user profile or of
/// a space; an image version by `Version` or by `Alias`) have one baseline per alternative.
fn baselines(operation: &str, fixture: &Fixture) -> Vec<Map<String, Value>> {
    let Some(mut body) = example_input(model::model(), operation, true) else {
        return Vec::new();
    };
    for member in ["DomainId", "DomainIdEquals"] {
        if body.contains_key(member) {
            body.insert(member.into(), json!(fixture.domain_id));
        }
    }
    // Paging tokens of the examples are forged ("a"): the handler would refuse them.
    body.remove("NextToken");
    // Every taggable operation works on the fixture domain (ListTags shows its tags).
    if body.contains_key("ResourceArn") {
        body.insert("ResourceArn".into(), json!(fixture.domain_arn));
    }
    // ListApps takes one owner filter: "If SpaceNameEquals is set, then this value cannot be
    // set." (ListApps API reference).
    if operation == "ListApps" {
        body.remove("SpaceNameEquals");
    }
    // The fixture profile runs apps: UpdateUserProfile may not change its security groups then
    // (docs/fidelity.md row 70).
    if operation == "UpdateUserProfile" {
        if let Some(Value::Object(settings)) = body.get_mut("UserSettings") {
            settings.remove("SecurityGroups");
        }
    }
    // "Updating AppType for Space is not supported." (boto/boto3#4375): UpdateSpace takes no
    // AppType, even the space's own.
    if operation == "UpdateSpace" {
        if let Some(Value::Object(settings)) = body.get_mut("SpaceSettings") {
            settings.remove("AppType");
        }
    }
    // The fixture domain runs apps and has no RStudio: UpdateDomain's rules beyond the model
    // (docs/fidelity.md) refuse the members that need RStudio or no running app.
    if operation == "UpdateDomain" {
        for member in [
            "AppSecurityGroupManagement",
            "AppNetworkAccessType",
            "SubnetIds",
            "VpcId",
            "HomeEfsFileSystemCreation",
        ] {
            body.remove(member);
        }
        if let Some(Value::Object(settings)) = body.get_mut("DomainSettingsForUpdate") {
            settings.remove("RStudioServerProDomainSettingsForUpdate");
            settings.remove("ExecutionRoleIdentityConfig");
        }
    }
    match operation {
        "CreateDomain" => {
            body.insert("DomainName".into(), json!(FRESH));
        }
        "DeleteDomain" => {
            body.insert("DomainId".into(), json!(fixture.spare_domain_id));
        }
        "CreateUserProfile" => {
            // `SingleSignOnUser*` only in a domain whose AuthMode is SSO; none in an IAM one.
            body.insert("UserProfileName".into(), json!(FRESH));
            let mut of_sso = body.clone();
            of_sso.insert("DomainId".into(), json!(fixture.sso_domain_id));
            body.remove("SingleSignOnUserIdentifier");
            body.remove("SingleSignOnUserValue");
            return vec![body, of_sso];
        }
        "DeleteUserProfile" => {
            body.insert("UserProfileName".into(), json!(FRESH));
        }
        "CreateSpace" | "DeleteSpace" => {
            body.insert("SpaceName".into(), json!(FRESH));
        }
        "CreateApp" | "DescribeApp" | "DeleteApp" => {
            body.insert("AppName".into(), json!(FRESH));
            let mut of_profile = body.clone();
            of_profile.remove("SpaceName");
            of_profile.insert("AppType".into(), json!("JupyterServer"));
            // "When creating the app-type JupyterServer, the app-name must be default."
            of_profile.insert("AppName".into(), json!("default"));
            let mut of_space = body;
            of_space.remove("UserProfileName");
            of_space.insert("AppType".into(), json!("JupyterLab"));
            if operation == "CreateApp" {
                // Lifecycle configurations of the app's type, attached to the owner (profile
                // `a`) and to the domain's user defaults (which private space `a` runs under).
                of_profile["ResourceSpec"]["InstanceType"] = json!("system");
                of_profile["ResourceSpec"]["LifecycleConfigArn"] = json!(fixture.server_config_arn);
                of_space["ResourceSpec"]["InstanceType"] = json!("ml.t3.medium");
                of_space["ResourceSpec"]["LifecycleConfigArn"] = json!(fixture.lab_config_arn);
            }
            return vec![of_profile, of_space];
        }
        "CreateStudioLifecycleConfig" => {
            body.insert("StudioLifecycleConfigName".into(), json!(FRESH));
            body.insert("StudioLifecycleConfigContent".into(), json!(SCRIPT_BASE64));
        }
        "DeleteStudioLifecycleConfig" => {
            body.insert("StudioLifecycleConfigName".into(), json!(FRESH));
        }
        "CreateAppImageConfig" | "DeleteAppImageConfig" => {
            body.insert("AppImageConfigName".into(), json!(FRESH));
        }
        "CreateImage" | "DeleteImage" => {
            body.insert("ImageName".into(), json!(FRESH));
        }
        "CreateImageVersion" => {
            // Version 3 of image `a` (setup made 1 and 2); a new token and a free alias.
            body.insert("ClientToken".into(), json!(FRESH));
            body.insert("Aliases".into(), json!([FRESH]));
        }
        "UpdateImage" => {
            // Deleting a property and setting it in the same call contradict each other.
            let mut deleting = Map::new();
            deleting.insert("ImageName".into(), body["ImageName"].clone());
            deleting.insert("DeleteProperties".into(), body["DeleteProperties"].clone());
            body.remove("DeleteProperties");
            return vec![body, deleting];
        }
        "DescribeImageVersion" => {
            let mut by_alias = body.clone();
            body.remove("Alias");
            by_alias.remove("Version");
            return vec![body, by_alias];
        }
        "UpdateImageVersion" => {
            // Version 2 carries alias `b`: rename it to `c` by number, then back by alias.
            let mut by_alias = body.clone();
            body.remove("Alias");
            body.insert("Version".into(), json!(2));
            body.insert("AliasesToAdd".into(), json!(["c"]));
            body.insert("AliasesToDelete".into(), json!(["b"]));
            by_alias.remove("Version");
            by_alias.insert("Alias".into(), json!("c"));
            by_alias.insert("AliasesToAdd".into(), json!(["b"]));
            by_alias.insert("AliasesToDelete".into(), json!(["c"]));
            return vec![body, by_alias];
        }
        "DeleteImageVersion" => {
            // Version 3 (the CreateImageVersion baseline's) by number, version 2 by its alias.
            let mut by_alias = body.clone();
            body.remove("Alias");
            body.insert("Version".into(), json!(3));
            by_alias.remove("Version");
            by_alias.insert("Alias".into(), json!("b"));
            return vec![body, by_alias];
        }
        _ => {}
    }
    vec![body]
}

/// Operations that may change state: after each of their refusals the snapshot must be equal.
fn mutates(operation: &str) -> bool {
    ["Create", "Update", "Delete", "Add"]
        .iter()
        .any(|prefix| operation.starts_with(prefix))
}

/// What sending a baseline must do to the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// Store or change something the snapshot shows.
    Changes,
    /// Change nothing: reads, and CreatePresignedDomainUrl (its URL is a sealed token, stored
    /// nowhere).
    Nothing,
}

fn effect(operation: &str) -> Effect {
    if operation == "CreatePresignedDomainUrl" || !mutates(operation) {
        Effect::Nothing
    } else {
        Effect::Changes
    }
}

/// The order the Delete* baselines run in, after every other baseline: dependents first (the
/// apps before their space and profile, the versions before the image).
const DELETE_ORDER: &[&str] = &[
    "DeleteTags",
    "DeleteApp",
    "DeleteSpace",
    "DeleteUserProfile",
    "DeleteDomain",
    "DeleteImageVersion",
    "DeleteImage",
    "DeleteAppImageConfig",
    "DeleteStudioLifecycleConfig",
];

/// Calls a listing (or a Describe) that must succeed and pushes the member shown.
async fn read(conn: &mut Conn, out: &mut Vec<Value>, operation: &str, body: Value, member: &str) {
    let response = conn.call(operation, &body).await;
    assert_eq!(
        response.status,
        200,
        "{operation} {body}: {}",
        response.describe()
    );
    let answer = response.json();
    assert!(answer.get("NextToken").is_none(), "{operation}: more pages");
    out.push(if member.is_empty() {
        answer
    } else {
        answer[member].clone()
    });
}

/// Everything the partition shows: the listings of every resource family with their statuses,
/// times and (where listed) settings; the versions and aliases of image `a` and the properties
/// of each listed version (the listing omits them); the fixture domain's tags; the settings of the fixture
/// domain, user profile and space (their listings omit them).
async fn snapshot(conn: &mut Conn, fixture: &Fixture) -> Vec<Value> {
    let mut out = Vec::new();
    for (operation, member) in [
        ("ListDomains", "Domains"),
        ("ListUserProfiles", "UserProfiles"),
        ("ListSpaces", "Spaces"),
        ("ListApps", "Apps"),
        ("ListStudioLifecycleConfigs", "StudioLifecycleConfigs"),
        ("ListAppImageConfigs", "AppImageConfigs"),
        ("ListImages", "Images"),
    ] {
        read(
            conn,
            &mut out,
            operation,
            json!({"MaxResults": 100}),
            member,
        )
        .await;
    }
    let image = json!({"ImageName": EXISTING, "MaxResults": 100});
    read(
        conn,
        &mut out,
        "ListImageVersions",
        image.clone(),
        "ImageVersions",
    )
    .await;
    read(
        conn,
        &mut out,
        "ListAliases",
        image,
        "SageMakerImageVersionAliases",
    )
    .await;
    let listed: Vec<i64> = out[out.len() - 2]
        .as_array()
        .expect("ImageVersions")
        .iter()
        .filter_map(|v| v["Version"].as_i64())
        .collect();
    for version in listed {
        let body = json!({"ImageName": EXISTING, "Version": version});
        read(conn, &mut out, "DescribeImageVersion", body, "").await;
    }
    let body = json!({"ImageName": EXISTING});
    read(conn, &mut out, "DescribeImage", body, "").await;
    let body = json!({"ResourceArn": fixture.domain_arn, "MaxResults": 100});
    read(conn, &mut out, "ListTags", body, "Tags").await;
    let domain = json!({"DomainId": fixture.domain_id});
    read(conn, &mut out, "DescribeDomain", domain, "").await;
    let profile = json!({"DomainId": fixture.domain_id, "UserProfileName": EXISTING});
    read(conn, &mut out, "DescribeUserProfile", profile, "").await;
    let space = json!({"DomainId": fixture.domain_id, "SpaceName": EXISTING});
    read(conn, &mut out, "DescribeSpace", space, "").await;
    out
}

/// Creates what the baselines point at and lets it settle: the JupyterServer lifecycle
/// configuration `a` and the JupyterLab one `lab`; image `a` with version 1 (alias `a`, which
/// the examples' `CustomImages` name) and version 2 (alias `b`); the app image config `a` (also
/// named in `CustomImages`); a domain whose user defaults attach `lab`, its user profile `a`
/// attaching `a` and the private space `a` of that profile; an empty spare domain; an SSO
/// domain.
async fn setup(server: &sagemaker_studio_emulator::server::RunningServer) -> Fixture {
    let addr = server.local_addr();
    let mut config_arns = Vec::new();
    for (name, app_type) in [(EXISTING, "JupyterServer"), ("lab", "JupyterLab")] {
        let out = ok(
            addr,
            "CreateStudioLifecycleConfig",
            &json!({"StudioLifecycleConfigName": name, "StudioLifecycleConfigAppType": app_type,
                    "StudioLifecycleConfigContent": SCRIPT_BASE64}),
        )
        .await;
        config_arns.push(
            out["StudioLifecycleConfigArn"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let [server_config_arn, lab_config_arn] = <[String; 2]>::try_from(config_arns).unwrap();
    ok(
        addr,
        "CreateImage",
        &json!({"ImageName": EXISTING, "RoleArn": "arn:aws:iam::123456789012:role/SageMakerRole",
                "Description": "a", "DisplayName": "a"}),
    )
    .await;
    // Versions are added to a CREATED image only.
    server.clock().advance(Duration::from_secs(60));
    for alias in [EXISTING, "b"] {
        ok(
            addr,
            "CreateImageVersion",
            &json!({"ImageName": EXISTING, "BaseImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/image:latest",
                    "ClientToken": alias, "Aliases": [alias]}),
        )
        .await;
    }
    ok(
        addr,
        "CreateAppImageConfig",
        &json!({"AppImageConfigName": EXISTING,
                "KernelGatewayImageConfig": {"KernelSpecs": [{"Name": "python3"}]}}),
    )
    .await;
    let mut user_defaults = default_user_settings();
    user_defaults["JupyterLabAppSettings"] = json!({"LifecycleConfigArns": [lab_config_arn]});
    let created = ok(
        addr,
        "CreateDomain",
        &json!({"DomainName": "validation", "AuthMode": "IAM",
                "DefaultUserSettings": user_defaults,
                "SubnetIds": ["subnet-0123456789abcdef0"], "VpcId": "vpc-0123456789abcdef0"}),
    )
    .await;
    let domain_id = created["DomainId"].as_str().unwrap().to_string();
    let domain_arn = created["DomainArn"].as_str().unwrap().to_string();
    ok(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain_id, "UserProfileName": EXISTING,
                "UserSettings": {"JupyterServerAppSettings": {"LifecycleConfigArns": [server_config_arn]}}}),
    )
    .await;
    ok(
        addr,
        "CreateSpace",
        &json!({"DomainId": domain_id, "SpaceName": EXISTING,
                "SpaceSharingSettings": {"SharingType": "Private"},
                "SpaceSettings": {"AppType": "JupyterLab"},
                "OwnershipSettings": {"OwnerUserProfileName": EXISTING}}),
    )
    .await;
    let spare_domain_id = create_domain(addr, "spare").await;
    let sso = ok(
        addr,
        "CreateDomain",
        &json!({"DomainName": "sso", "AuthMode": "SSO",
                "DefaultUserSettings": default_user_settings(),
                "SubnetIds": ["subnet-0123456789abcdef0"], "VpcId": "vpc-0123456789abcdef0"}),
    )
    .await;
    let sso_domain_id = sso["DomainId"].as_str().unwrap().to_string();
    server.clock().advance(Duration::from_secs(60));
    Fixture {
        domain_id,
        domain_arn,
        spare_domain_id,
        sso_domain_id,
        server_config_arn,
        lab_config_arn,
    }
}

/// The valid bodies of each served operation (see [`baselines`]).
type Baselines = Vec<(&'static str, Vec<Map<String, Value>>)>;

fn generate(fixture: &Fixture) -> (Vec<Case>, Baselines) {
    let model = model::model();
    let mut cases = Vec::new();
    let mut all_baselines = Vec::new();
    for (operation, _, _) in dispatch::OPERATIONS {
        let Some(root) = model.operation(operation).and_then(|op| op.input) else {
            continue;
        };
        let bodies = baselines(operation, fixture);
        for (index, body) in bodies.iter().enumerate() {
            assert_eq!(
                model::validate_input(operation, body),
                Ok(()),
                "{operation} baseline {index} is not valid: {body:?}"
            );
            let mut generator = Generator {
                model,
                operation,
                baseline: index,
                cases: Vec::new(),
            };
            generator.value(root, &Value::Object(body.clone()), "", "");
            cases.append(&mut generator.cases);
        }
        all_baselines.push((*operation, bodies));
    }
    (cases, all_baselines)
}

#[tokio::test]
async fn every_generated_violation_is_refused_over_http_naming_its_member_and_stores_nothing() {
    let server = server().await;
    let addr = server.local_addr();
    let fixture = setup(&server).await;
    let (cases, baselines) = generate(&fixture);
    let served_in_model = baselines.len();
    assert_eq!(
        served_in_model,
        dispatch::OPERATIONS.len(),
        "every served operation has a baseline"
    );
    assert!(cases.len() > 2000, "only {} cases generated", cases.len());

    let mut conn = Conn::open(addr).await;
    let before = snapshot(&mut conn, &fixture).await;
    let mut failures = Vec::new();
    let mut per_operation: std::collections::BTreeMap<&str, usize> = Default::default();
    for case in &cases {
        *per_operation.entry(case.operation).or_default() += 1;
        let bodies = &baselines
            .iter()
            .find(|(op, _)| *op == case.operation)
            .expect("a baseline")
            .1;
        let body = apply(&bodies[case.baseline], &case.mutation);
        let response = conn.call(case.operation, &body).await;
        let code = response.error_code();
        let message = response.message();
        let ok = match &case.expect {
            Expect::Validation(fragments) => {
                response.status == 400
                    && code.as_deref() == Some("ValidationException")
                    && response.header("x-amzn-ErrorType") == Some("ValidationException")
                    && message.contains(" validation error")
                    && fragments.iter().all(|f| message.contains(f.as_str()))
            }
            Expect::Serialization => {
                response.status == 400 && code.as_deref() == Some("SerializationException")
            }
        };
        if !ok {
            failures.push(format!(
                "{} [{}] {}: expected {:?}, got {}",
                case.operation,
                case.baseline,
                case.label,
                case.expect,
                response.describe().chars().take(600).collect::<String>()
            ));
        }
        if mutates(case.operation) {
            let after = snapshot(&mut conn, &fixture).await;
            if after != before {
                failures.push(format!(
                    "{} [{}] {}: refused but the snapshot changed: {after:?}",
                    case.operation, case.baseline, case.label
                ));
                break;
            }
        }
    }
    eprintln!("{} cases over HTTP: {per_operation:?}", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    // The unmutated baselines are accepted: the reads (and CreatePresignedDomainUrl) leave the
    // snapshot as it was, every other one changes it, so the check above could see a stored
    // resource, a started transition or a changed setting. Deletes run last, dependents first.
    let mut order: Vec<&str> = baselines
        .iter()
        .map(|(op, _)| *op)
        .filter(|op| !op.starts_with("Delete"))
        .collect();
    order.extend_from_slice(DELETE_ORDER);
    let mut sent: Vec<&str> = order.clone();
    sent.sort_unstable();
    let served: Vec<&str> = baselines.iter().map(|(op, _)| *op).collect();
    assert_eq!(sent, served, "every baseline is sent exactly once");
    for operation in order {
        let bodies = &baselines.iter().find(|(op, _)| *op == operation).unwrap().1;
        for (index, body) in bodies.iter().enumerate() {
            server.clock().advance(Duration::from_secs(60));
            let before = snapshot(&mut conn, &fixture).await;
            let response = conn.call(operation, &Value::Object(body.clone())).await;
            assert_eq!(
                response.status,
                200,
                "{operation} baseline {index} {body:?}: {}",
                response.describe()
            );
            let after = snapshot(&mut conn, &fixture).await;
            match effect(operation) {
                Effect::Changes => assert_ne!(
                    before, after,
                    "{operation} baseline {index}: the baseline changed nothing"
                ),
                Effect::Nothing => assert_eq!(
                    before, after,
                    "{operation} baseline {index}: a read changed the snapshot"
                ),
            }
        }
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn every_served_operation_is_in_the_model() {
    for (operation, _, _) in dispatch::OPERATIONS {
        assert!(
            model::input_shape(operation).is_some(),
            "{operation} is served but not in the model slice"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Exact AWS messages
// ---------------------------------------------------------------------------------------------

async fn assert_exact(addr: std::net::SocketAddr, operation: &str, body: Value, expected: &str) {
    let message = refused(addr, operation, &body, "ValidationException").await;
    assert_eq!(message, expected, "{operation} {body}");
}

#[tokio::test]
async fn a_bad_domain_name_gets_the_exact_aws_text_and_creates_nothing() {
    let server = server().await;
    let addr = server.local_addr();
    assert_exact(
        addr,
        "CreateDomain",
        json!({"DomainName": "bad_name!", "AuthMode": "IAM", "DefaultUserSettings": default_user_settings()}),
        "1 validation error detected: Value 'bad_name!' at 'domainName' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
    )
    .await;
    assert_eq!(
        ok(addr, "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn missing_required_members_are_each_reported_as_null_in_member_order() {
    let server = server().await;
    let addr = server.local_addr();
    assert_exact(
        addr,
        "CreateUserProfile",
        json!({"DomainId": "d-abc123def456"}),
        "1 validation error detected: Value null at 'userProfileName' failed to satisfy \
         constraint: Member must not be null",
    )
    .await;
    let message = refused(addr, "CreateDomain", &json!({}), "ValidationException").await;
    assert!(
        message.starts_with("3 validation errors detected: "),
        "{message}"
    );
    for member in ["authMode", "defaultUserSettings", "domainName"] {
        assert!(
            message.contains(&format!(
                "Value null at '{member}' failed to satisfy constraint: Member must not be null"
            )),
            "{member}: {message}"
        );
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn two_violations_are_joined_with_a_semicolon() {
    let server = server().await;
    let addr = server.local_addr();
    assert_exact(
        addr,
        "DescribeUserProfile",
        json!({"DomainId": "D-UPPER", "UserProfileName": "bad_name"}),
        "2 validation errors detected: \
         Value 'D-UPPER' at 'domainId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^d-(-*[a-z0-9]){1,61}; \
         Value 'bad_name' at 'userProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
    )
    .await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_app_type_outside_the_enum_lists_the_model_values() {
    let server = server().await;
    let addr = server.local_addr();
    let values = model::enum_values("AppType").expect("AppType is an enum");
    assert_exact(
        addr,
        "CreateApp",
        json!({"DomainId": "d-abc123def456", "UserProfileName": "u", "AppType": "NotAType", "AppName": "default"}),
        &format!(
            "1 validation error detected: Value 'NotAType' at 'appType' failed to satisfy \
             constraint: Member must satisfy enum value set: [{}]",
            values.join(", ")
        ),
    )
    .await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_nested_violation_is_reported_by_its_full_lower_camel_path() {
    let server = server().await;
    let addr = server.local_addr();
    let message = refused(
        addr,
        "CreateDomain",
        &json!({"DomainName": "nested", "AuthMode": "IAM", "DefaultUserSettings": {
            "ExecutionRole": "arn:aws:iam::123456789012:role/R",
            "JupyterServerAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.bogus.large"}}
        }}),
        "ValidationException",
    )
    .await;
    assert!(
        message.starts_with(
            "1 validation error detected: Value 'ml.bogus.large' at \
             'defaultUserSettings.jupyterServerAppSettings.defaultResourceSpec.instanceType' \
             failed to satisfy constraint: Member must satisfy enum value set: [system, "
        ),
        "{message}"
    );
    assert_eq!(
        ok(addr, "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn numbers_and_list_sizes_out_of_range_print_their_bound() {
    let server = server().await;
    let addr = server.local_addr();
    assert_exact(
        addr,
        "ListDomains",
        json!({"MaxResults": 101}),
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy \
         constraint: Member must have value less than or equal to 100",
    )
    .await;
    let domain = create_domain(addr, "tagged").await;
    let tags: Vec<Value> = (0..51)
        .map(|i| json!({"Key": format!("k{i}"), "Value": "v"}))
        .collect();
    let message = refused(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "many-tags", "Tags": tags}),
        "ValidationException",
    )
    .await;
    assert!(
        message.starts_with("1 validation error detected: Value '[")
            && message.ends_with(
                "]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
            ),
        "{message}"
    );
    let profiles = ok(addr, "ListUserProfiles", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(profiles["UserProfiles"], json!([]));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_too_long_user_profile_name_breaks_its_length_and_pattern_together() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "long-names").await;
    let name = "a".repeat(64);
    let message = refused(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": name}),
        "ValidationException",
    )
    .await;
    assert_eq!(
        message,
        format!(
            "2 validation errors detected: \
             Value '{name}' at 'userProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}}; \
             Value '{name}' at 'userProfileName' failed to satisfy constraint: Member must have length less than or equal to 63"
        )
    );
    let profiles = ok(addr, "ListUserProfiles", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(profiles["UserProfiles"], json!([]));
    server.shutdown().await.unwrap();
}

/// The generator's baselines come from `model::example`, the synthesiser the unit tests use: its
/// minimal and full bodies of every served operation are valid inputs.
#[test]
fn the_model_examples_are_valid_inputs_of_every_served_operation() {
    let model = model::model();
    for (operation, _, _) in dispatch::OPERATIONS {
        for full in [false, true] {
            let body = example_input(model, operation, full).expect("an example");
            assert_eq!(
                model::validate_input(operation, &body),
                Ok(()),
                "{operation} full={full}"
            );
        }
        let root = model.operation(operation).and_then(|op| op.input);
        let value = root.map(|id| example_value(model, id, false, 0));
        assert!(matches!(value, Some(Value::Object(_))), "{operation}");
    }
}
