//! Tests of the model and validator. Most are generated from the fixture: for every operation a
//! valid body (from [`example`]) is broken in one place per constraint of the slice, and the
//! answer must name that member's lowerCamel path with AWS's text. The rest pin exact AWS
//! messages.

use serde_json::{json, Map, Value};

use super::example::{example_input, example_string, example_value};
use super::shape::{Kind, Length, Model, ShapeId, StringShape};
use super::*;

/// The Studio operations the emulator serves (docs/operations.md's table, 43 rows).
const STUDIO_OPERATIONS: &[&str] = &[
    "AddTags",
    "CreateApp",
    "CreateAppImageConfig",
    "CreateDomain",
    "CreateImage",
    "CreateImageVersion",
    "CreatePresignedDomainUrl",
    "CreateSpace",
    "CreateStudioLifecycleConfig",
    "CreateUserProfile",
    "DeleteApp",
    "DeleteAppImageConfig",
    "DeleteDomain",
    "DeleteImage",
    "DeleteImageVersion",
    "DeleteSpace",
    "DeleteStudioLifecycleConfig",
    "DeleteTags",
    "DeleteUserProfile",
    "DescribeApp",
    "DescribeAppImageConfig",
    "DescribeDomain",
    "DescribeImage",
    "DescribeImageVersion",
    "DescribeSpace",
    "DescribeStudioLifecycleConfig",
    "DescribeUserProfile",
    "ListAliases",
    "ListAppImageConfigs",
    "ListApps",
    "ListDomains",
    "ListImageVersions",
    "ListImages",
    "ListSpaces",
    "ListStudioLifecycleConfigs",
    "ListTags",
    "ListUserProfiles",
    "UpdateAppImageConfig",
    "UpdateDomain",
    "UpdateImage",
    "UpdateImageVersion",
    "UpdateSpace",
    "UpdateUserProfile",
];

fn body(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(object) => object,
        other => panic!("not an object: {other}"),
    }
}

fn validation(operation: &str, value: Value) -> String {
    match validate_input(operation, &body(value)) {
        Err(InputError::Validation(message)) => message,
        other => panic!("{operation}: expected a ValidationException, got {other:?}"),
    }
}

fn serialization_of(operation: &str, value: Value) -> String {
    match validate_input(operation, &body(value)) {
        Err(InputError::Serialization(message)) => message,
        other => panic!("{operation}: expected a SerializationException, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The model itself
// ---------------------------------------------------------------------------------------------

#[test]
fn the_embedded_fixture_loads_with_every_pattern_compiled() {
    let model = match Model::from_json(FIXTURE) {
        Ok(model) => model,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(model.botocore_version(), "1.44.8");
    assert!(model.shapes().len() > 300, "{}", model.shapes().len());
    assert_eq!(botocore_version(), "1.44.8");
}

#[test]
fn the_slice_holds_exactly_the_studio_operations_sorted() {
    assert_eq!(operation_names(), STUDIO_OPERATIONS);
    for name in STUDIO_OPERATIONS {
        let input = input_shape(name).map(|s| s.name.as_str());
        assert!(
            input.is_some_and(|n| n.starts_with(name)),
            "{name}: input {input:?}"
        );
    }
    assert_eq!(
        output_shape("CreateDomain").map(|s| s.name.as_str()),
        Some("CreateDomainResponse")
    );
    assert!(output_shape("DeleteDomain").is_none());
    assert!(enum_values("AppType").is_some_and(|v| v.iter().any(|t| t == "JupyterLab")));
    assert!(enum_values("DomainName").is_none());
}

#[test]
fn an_operation_outside_the_model_is_not_refused_here() {
    assert_eq!(
        validate_input("CreateTrainingJob", &body(json!({"x": 1}))),
        Ok(())
    );
}

#[test]
fn every_string_shape_of_every_input_has_a_valid_example() {
    let model = model();
    let mut missing = Vec::new();
    for shape in model.shapes() {
        if let Kind::String(string) = &shape.kind {
            if example_string(string).is_none() {
                missing.push(shape.name.clone());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no candidate fits: {missing:?} (extend example::CANDIDATES)"
    );
}

#[test]
fn minimal_and_full_examples_of_every_operation_are_valid() {
    for name in operation_names() {
        for full in [false, true] {
            let input = match example_input(model(), name, full) {
                Some(input) => input,
                None => panic!("{name}: no example"),
            };
            assert_eq!(
                validate_input(name, &input),
                Ok(()),
                "{name} full={full}: {input:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cases generated from the fixture
// ---------------------------------------------------------------------------------------------

/// Values tried, in order, as a string that breaks a pattern.
const BAD_STRINGS: &[&str] = &["!", "a!b", " ", "\n", "a b", "-", "_", ".", "-a", "x\ny"];

#[derive(Debug)]
enum Mutation {
    /// Delete member `key` of the object at `parent` (a JSON pointer).
    Remove { parent: String, key: String },
    /// Replace the value at `pointer`.
    Set { pointer: String, value: Value },
}

#[derive(Debug)]
enum Expect {
    /// A ValidationException whose text contains all these.
    Validation(Vec<String>),
    /// A SerializationException with exactly this text.
    Serialization(String),
    /// Accepted.
    Valid,
}

#[derive(Debug)]
struct Case {
    operation: &'static str,
    label: String,
    mutation: Mutation,
    expect: Expect,
}

struct Generator<'m> {
    model: &'m Model,
    operation: &'static str,
    cases: Vec<Case>,
    /// Constraints no generated value could break (e.g. pattern `.*` with no length bound).
    skipped: Vec<String>,
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

fn fits_length(length: Length, n: usize) -> bool {
    let n = n as u64;
    length.min.is_none_or(|min| n >= min) && length.max.is_none_or(|max| n <= max)
}

/// Values of a string shape that break one rule each, with the rule's text.
fn bad_strings(shape: &StringShape, valid: &str) -> (Vec<(Value, String)>, Vec<&'static str>) {
    let mut out = Vec::new();
    let mut unbreakable = Vec::new();
    if let Some(values) = &shape.enum_values {
        out.push((
            Value::String("NotAnEnumValue".to_string()),
            format!(
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            ),
        ));
    } else if let Some(pattern) = &shape.pattern {
        // Each bad string as is, then padded with `a` to the minimum length.
        let min = usize::try_from(shape.length.min.unwrap_or(0)).unwrap_or(0);
        let bad = BAD_STRINGS
            .iter()
            .flat_map(|s| {
                let pad = min.saturating_sub(s.chars().count());
                [(*s).to_string(), format!("{s}{}", "a".repeat(pad))]
            })
            .find(|s| !pattern.matches(s) && fits_length(shape.length, s.chars().count()));
        match bad {
            Some(bad) => out.push((
                Value::String(bad),
                format!(
                    "Member must satisfy regular expression pattern: {}",
                    pattern.display()
                ),
            )),
            None => unbreakable.push("pattern"),
        }
    }
    if let Some(max) = shape.length.max {
        let len = usize::try_from(max).unwrap_or(usize::MAX - 1) + 1;
        let mut long: String = valid.chars().cycle().take(len).collect();
        if long.chars().count() < len {
            long = "a".repeat(len);
        }
        out.push((
            Value::String(long),
            format!("Member must have length less than or equal to {max}"),
        ));
    }
    if let Some(min) = shape.length.min.filter(|&min| min > 0) {
        let short: String = valid
            .chars()
            .take(usize::try_from(min - 1).unwrap_or(0))
            .collect();
        out.push((
            Value::String(short),
            format!("Member must have length greater than or equal to {min}"),
        ));
    }
    (out, unbreakable)
}

/// Values of a number shape out of its range, with the rule's text.
fn bad_numbers(kind: &Kind) -> Vec<(Value, String)> {
    let (range, lo, hi) = match kind {
        Kind::Integer(r) => (*r, i64::from(i32::MIN), i64::from(i32::MAX)),
        Kind::Long(r) => (*r, i64::MIN, i64::MAX),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
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
    out
}

/// A JSON value of the wrong type for `kind`, with AWS's SerializationException text.
fn wrong_types(kind: &Kind) -> Vec<(Value, &'static str)> {
    match kind {
        Kind::Structure(_) => vec![
            (json!("x"), "Expected null"),
            (json!([]), "Start of list found where not expected"),
        ],
        Kind::List(_) => vec![
            (json!("x"), "Expected list or null"),
            (
                json!({}),
                "Start of structure or map found where not expected.",
            ),
        ],
        Kind::Map(_) => vec![
            (json!(1), "Expected map or null"),
            (json!([]), "Start of list found where not expected"),
        ],
        Kind::String(_) => vec![
            (json!(12), "NUMBER_VALUE can not be converted to a String"),
            (json!(true), "TRUE_VALUE can not be converted to a String"),
            (json!(["x"]), "Start of list found where not expected"),
            (
                json!({"x": 1}),
                "Start of structure or map found where not expected.",
            ),
        ],
        Kind::Integer(_) => vec![
            (
                json!("12"),
                "STRING_VALUE can not be converted to an Integer",
            ),
            (
                json!(false),
                "FALSE_VALUE can not be converted to an Integer",
            ),
            (
                json!(1.5),
                "NUMBER_VALUE can not be converted to an Integer",
            ),
            (
                json!(4_000_000_000u64),
                "NUMBER_VALUE can not be converted to an Integer",
            ),
        ],
        Kind::Long(_) => vec![(json!("12"), "STRING_VALUE can not be converted to a Long")],
        Kind::Boolean => vec![
            (
                json!("true"),
                "STRING_VALUE can not be converted to an Boolean",
            ),
            (json!(1), "NUMBER_VALUE can not be converted to a Boolean"),
        ],
        Kind::Timestamp { .. } => vec![
            (
                json!("2024-01-01T00:00:00Z"),
                "STRING_VALUE can not be converted to milliseconds since epoch",
            ),
            (
                json!({}),
                "Start of structure or map found where not expected.",
            ),
        ],
        _ => Vec::new(),
    }
}

impl Generator<'_> {
    fn push(&mut self, label: String, mutation: Mutation, expect: Expect) {
        self.cases.push(Case {
            operation: self.operation,
            label,
            mutation,
            expect,
        });
    }

    /// Cases for the value at `pointer` (lowerCamel `path`) of shape `id`, then its children.
    fn value(&mut self, id: ShapeId, value: &Value, pointer: &str, path: &str) {
        let model = self.model;
        let Some(shape) = model.get(id) else { return };
        // The body itself is a JSON object by contract (the protocol layer checks that).
        let wrong = if pointer.is_empty() {
            Vec::new()
        } else {
            wrong_types(&shape.kind)
        };
        for (wrong, message) in wrong {
            self.push(
                format!("{path}: wrong JSON type {wrong}"),
                Mutation::Set {
                    pointer: pointer.to_string(),
                    value: wrong,
                },
                Expect::Serialization(message.to_string()),
            );
        }
        match (&shape.kind, value) {
            (Kind::Structure(structure), Value::Object(object)) => {
                if structure.union {
                    for member in structure.members.iter().skip(1) {
                        let mut variant = Map::new();
                        variant.insert(
                            member.name.clone(),
                            example_value(model, member.shape, false, 0),
                        );
                        self.push(
                            format!("{path}: union variant {}", member.name),
                            Mutation::Set {
                                pointer: pointer.to_string(),
                                value: Value::Object(variant),
                            },
                            Expect::Valid,
                        );
                    }
                    let mut two = object.clone();
                    if let Some(second) = structure.members.get(1) {
                        two.insert(
                            second.name.clone(),
                            example_value(model, second.shape, false, 0),
                        );
                        self.push(
                            format!("{path}: union with two members"),
                            Mutation::Set {
                                pointer: pointer.to_string(),
                                value: Value::Object(two),
                            },
                            Expect::Serialization(format!(
                                "Union {} must have exactly one member set, found 2",
                                shape.name
                            )),
                        );
                    }
                }
                self.push(
                    format!("{path}: unknown member ignored"),
                    Mutation::Set {
                        pointer: format!("{pointer}/NotAMember"),
                        value: json!({"anything": [1, "x"]}),
                    },
                    Expect::Valid,
                );
                for member in &structure.members {
                    let Some(child) = object.get(&member.name) else {
                        continue;
                    };
                    let child_pointer = format!("{pointer}/{}", pointer_escape(&member.name));
                    let child_path = join(path, &member.path_name);
                    if member.required && !structure.union {
                        self.push(
                            format!("{child_path}: required member missing"),
                            Mutation::Remove {
                                parent: pointer.to_string(),
                                key: member.name.clone(),
                            },
                            Expect::Validation(vec![format!(
                                "Value null at '{child_path}' failed to satisfy constraint: Member must not be null"
                            )]),
                        );
                        self.push(
                            format!("{child_path}: required member null"),
                            Mutation::Set {
                                pointer: child_pointer.clone(),
                                value: Value::Null,
                            },
                            Expect::Validation(vec![format!(
                                "Value null at '{child_path}' failed to satisfy constraint: Member must not be null"
                            )]),
                        );
                    } else if !structure.union {
                        self.push(
                            format!("{child_path}: optional member null"),
                            Mutation::Set {
                                pointer: child_pointer.clone(),
                                value: Value::Null,
                            },
                            Expect::Valid,
                        );
                    }
                    self.value(member.shape, child, &child_pointer, &child_path);
                }
            }
            (Kind::List(list), Value::Array(items)) => {
                let Some(first) = items.first() else { return };
                if let Some(max) = list.length.max {
                    let n = usize::try_from(max).unwrap_or(0) + 1;
                    self.push(
                        format!("{path}: {n} elements"),
                        Mutation::Set {
                            pointer: pointer.to_string(),
                            value: Value::Array(vec![first.clone(); n]),
                        },
                        Expect::Validation(vec![format!(
                            "at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"
                        )]),
                    );
                }
                if let Some(min) = list.length.min.filter(|&m| m > 0) {
                    let n = usize::try_from(min - 1).unwrap_or(0);
                    self.push(
                        format!("{path}: {n} elements"),
                        Mutation::Set {
                            pointer: pointer.to_string(),
                            value: Value::Array(vec![first.clone(); n]),
                        },
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
                        self.push(
                            format!("{element_path}: null element"),
                            Mutation::Set {
                                pointer: element_pointer.clone(),
                                value: Value::Null,
                            },
                            Expect::Validation(vec![format!(
                                "Value null at '{element_path}' failed to satisfy constraint: Member must not be null"
                            )]),
                        );
                        self.value(list.member, first, &element_pointer, &element_path);
                    }
                    kind => {
                        for (wrong, message) in wrong_types(kind) {
                            self.push(
                                format!("{path}[0]: wrong JSON type {wrong}"),
                                Mutation::Set {
                                    pointer: element_pointer.clone(),
                                    value: wrong,
                                },
                                Expect::Serialization(message.to_string()),
                            );
                        }
                        let header = format!(
                            "at '{path}' failed to satisfy constraint: Member must satisfy constraint: ["
                        );
                        self.push(
                            format!("{path}[0]: null element"),
                            Mutation::Set {
                                pointer: element_pointer.clone(),
                                value: Value::Null,
                            },
                            Expect::Validation(vec![
                                header.clone(),
                                "Member must not be null]".to_string(),
                            ]),
                        );
                        for (bad, rule) in self.bad_scalars(element, first, path) {
                            self.push(
                                format!("{path}[0]: {rule}"),
                                Mutation::Set {
                                    pointer: element_pointer.clone(),
                                    value: bad,
                                },
                                Expect::Validation(vec![header.clone(), rule]),
                            );
                        }
                    }
                }
            }
            (Kind::Map(map), Value::Object(entries)) => {
                let (Some(key_shape), Some(value_shape)) =
                    (model.get(map.key), model.get(map.value))
                else {
                    return;
                };
                let Some((first_key, first_value)) = entries.iter().next() else {
                    return;
                };
                if let Some(max) = map.length.max {
                    let n = usize::try_from(max).unwrap_or(0) + 1;
                    let many: Map<String, Value> = (0..n)
                        .map(|i| (format!("k{i}"), first_value.clone()))
                        .collect();
                    self.push(
                        format!("{path}: {n} entries"),
                        Mutation::Set {
                            pointer: pointer.to_string(),
                            value: Value::Object(many),
                        },
                        Expect::Validation(vec![format!(
                            "at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"
                        )]),
                    );
                }
                if let Kind::String(key_string) = &key_shape.kind {
                    let (bad_keys, unbreakable) = bad_strings(key_string, first_key);
                    for what in unbreakable {
                        self.skipped.push(format!("{path} key {what}"));
                    }
                    for (bad, rule) in bad_keys {
                        let Value::String(bad) = bad else { continue };
                        let mut object = Map::new();
                        object.insert(bad, first_value.clone());
                        self.push(
                            format!("{path}: key breaks {rule}"),
                            Mutation::Set {
                                pointer: pointer.to_string(),
                                value: Value::Object(object),
                            },
                            Expect::Validation(vec![
                                format!("at '{path}' failed to satisfy constraint: Map keys must satisfy constraint: ["),
                                rule,
                            ]),
                        );
                    }
                }
                let value_pointer = format!("{pointer}/{}", pointer_escape(first_key));
                match &value_shape.kind {
                    Kind::Structure(_) | Kind::List(_) | Kind::Map(_) => {
                        let value_path = format!("{path}.{first_key}.member");
                        self.value(map.value, first_value, &value_pointer, &value_path);
                    }
                    _ => {
                        let header = format!(
                            "at '{path}' failed to satisfy constraint: Map value must satisfy constraint: ["
                        );
                        for (bad, rule) in self.bad_scalars(value_shape, first_value, path) {
                            self.push(
                                format!("{path}: value breaks {rule}"),
                                Mutation::Set {
                                    pointer: value_pointer.clone(),
                                    value: bad,
                                },
                                Expect::Validation(vec![header.clone(), rule]),
                            );
                        }
                    }
                }
            }
            (_, valid) => {
                for (bad, rule) in self.bad_scalars(shape, valid, path) {
                    let shown = match &bad {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    self.push(
                        format!("{path}: {rule}"),
                        Mutation::Set {
                            pointer: pointer.to_string(),
                            value: bad,
                        },
                        Expect::Validation(vec![format!(
                            "Value '{shown}' at '{path}' failed to satisfy constraint: {rule}"
                        )]),
                    );
                }
            }
        }
    }

    /// Out-of-constraint values for a scalar shape (recording the rules nothing can break).
    fn bad_scalars(&mut self, shape: &Shape, valid: &Value, path: &str) -> Vec<(Value, String)> {
        match &shape.kind {
            Kind::String(string) => {
                let valid = valid.as_str().unwrap_or("a");
                let (bad, unbreakable) = bad_strings(string, valid);
                for what in unbreakable {
                    self.skipped.push(format!("{path} {what} {}", shape.name));
                }
                bad
            }
            kind => bad_numbers(kind),
        }
    }
}

fn generated_cases() -> (Vec<Case>, Vec<String>) {
    let model = model();
    let mut cases = Vec::new();
    let mut skipped = Vec::new();
    for operation in operation_names() {
        let Some(full) = example_input(model, operation, true) else {
            continue;
        };
        let Some(root) = model.operation(operation).and_then(|op| op.input) else {
            continue;
        };
        let mut generator = Generator {
            model,
            operation,
            cases: Vec::new(),
            skipped: Vec::new(),
        };
        generator.value(root, &Value::Object(full), "", "");
        cases.append(&mut generator.cases);
        skipped.extend(
            generator
                .skipped
                .into_iter()
                .map(|s| format!("{operation}: {s}")),
        );
    }
    (cases, skipped)
}

fn apply(case: &Case) -> Option<Map<String, Value>> {
    let mut root = Value::Object(example_input(model(), case.operation, true)?);
    match &case.mutation {
        Mutation::Remove { parent, key } => {
            root.pointer_mut(parent)?.as_object_mut()?.remove(key)?;
        }
        Mutation::Set { pointer, value } => {
            if let Some(slot) = root.pointer_mut(pointer) {
                *slot = value.clone();
            } else {
                // A new member of an object (the "unknown member" cases).
                let (parent, key) = pointer.rsplit_once('/')?;
                root.pointer_mut(parent)?
                    .as_object_mut()?
                    .insert(key.to_string(), value.clone());
            }
        }
    }
    match root {
        Value::Object(object) => Some(object),
        _ => None,
    }
}

#[test]
fn every_generated_case_gets_the_aws_answer() {
    let (cases, skipped) = generated_cases();
    let mut failures = Vec::new();
    let (mut validations, mut serializations, mut valids) = (0, 0, 0);
    for case in &cases {
        let Some(input) = apply(case) else {
            failures.push(format!(
                "{} {}: mutation does not apply",
                case.operation, case.label
            ));
            continue;
        };
        let got = validate_input(case.operation, &input);
        let ok = match (&case.expect, &got) {
            (Expect::Validation(parts), Err(InputError::Validation(message))) => {
                validations += 1;
                parts.iter().all(|p| message.contains(p.as_str()))
            }
            (Expect::Serialization(expected), Err(InputError::Serialization(message))) => {
                serializations += 1;
                message == expected
            }
            (Expect::Valid, Ok(())) => {
                valids += 1;
                true
            }
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{} {}: expected {:?}, got {:?}",
                case.operation, case.label, case.expect, got
            ));
        }
    }
    eprintln!(
        "generated cases: {} ({validations} validation, {serializations} serialization, {valids} valid); \
         constraints no generated value can break: {skipped:?}",
        cases.len()
    );
    assert!(cases.len() > 1000, "only {} cases generated", cases.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_required_member_of_every_operation_is_enforced_at_top_level() {
    for name in operation_names() {
        let Some(Kind::Structure(structure)) = input_shape(name).map(|s| &s.kind) else {
            panic!("{name}: input is not a structure");
        };
        let required: Vec<&str> = structure
            .members
            .iter()
            .filter(|m| m.required)
            .map(|m| m.path_name.as_str())
            .collect();
        match validate_input(name, &Map::new()) {
            Ok(()) => assert!(required.is_empty(), "{name}: {{}} accepted"),
            Err(InputError::Validation(message)) => {
                for member in &required {
                    let text = format!(
                        "Value null at '{member}' failed to satisfy constraint: Member must not be null"
                    );
                    assert!(message.contains(&text), "{name}: {message}");
                }
            }
            Err(other) => panic!("{name}: {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Exact AWS messages
// ---------------------------------------------------------------------------------------------

#[test]
fn a_bad_user_profile_name_gets_the_exact_aws_text() {
    assert_eq!(
        validation(
            "DescribeUserProfile",
            json!({"DomainId": "d-abc123def456", "UserProfileName": "bad_name"})
        ),
        "1 validation error detected: Value 'bad_name' at 'userProfileName' failed to satisfy \
         constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
    );
}

/// The request of aws-samples/sagemaker-ssh-helper#70, answered by SageMaker with these four
/// violations (AWS listed them userProfileName first; ours follow the members' order).
#[test]
fn the_sagemaker_ssh_helper_request_gets_the_four_aws_violations() {
    let v = r#"{"ResourceArn": "arn:aws:sagemaker:eu-west-1:123456789012:notebook-instance/Sparse-Transformer", "ResourceName": "Sparse-Transformer"}"#;
    let message = validation(
        "DescribeUserProfile",
        json!({"DomainId": v, "UserProfileName": v}),
    );
    assert_eq!(
        message,
        format!(
            "4 validation errors detected: \
             Value '{v}' at 'domainId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^d-(-*[a-z0-9]){{1,61}}; \
             Value '{v}' at 'domainId' failed to satisfy constraint: Member must have length less than or equal to 63; \
             Value '{v}' at 'userProfileName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}}; \
             Value '{v}' at 'userProfileName' failed to satisfy constraint: Member must have length less than or equal to 63"
        )
    );
}

#[test]
fn missing_required_members_are_each_reported_as_null() {
    assert_eq!(
        validation("CreateDomain", json!({"VpcId": "vpc-1"})),
        "3 validation errors detected: \
         Value null at 'authMode' failed to satisfy constraint: Member must not be null; \
         Value null at 'defaultUserSettings' failed to satisfy constraint: Member must not be null; \
         Value null at 'domainName' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn a_required_member_sent_as_null_is_missing() {
    assert_eq!(
        validation("DescribeDomain", json!({"DomainId": null})),
        "1 validation error detected: Value null at 'domainId' failed to satisfy constraint: \
         Member must not be null"
    );
}

#[test]
fn an_enum_violation_lists_the_model_values_in_brackets() {
    assert_eq!(
        validation(
            "CreateApp",
            json!({"DomainId": "d-abc123def456", "AppType": "NotAType", "AppName": "default", "UserProfileName": "alice"})
        ),
        "1 validation error detected: Value 'NotAType' at 'appType' failed to satisfy constraint: \
         Member must satisfy enum value set: [JupyterServer, KernelGateway, DetailedProfiler, \
         TensorBoard, CodeEditor, JupyterLab, RStudioServerPro, RSessionGateway, Canvas]"
    );
}

#[test]
fn nested_members_are_reported_by_their_full_lower_camel_path() {
    let message = validation(
        "CreateDomain",
        json!({
            "DomainName": "studio",
            "AuthMode": "IAM",
            "DefaultUserSettings": {
                "JupyterServerAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.bogus"}}
            },
            "Tags": [{"Key": "team", "Value": "ml"}, {"Key": "owner"}],
        }),
    );
    assert!(
        message.starts_with("2 validation errors detected: "),
        "{message}"
    );
    assert!(message.contains(
        "Value 'ml.bogus' at 'defaultUserSettings.jupyterServerAppSettings.defaultResourceSpec.instanceType' \
         failed to satisfy constraint: Member must satisfy enum value set: [system, ml.t3.micro,"
    ), "{message}");
    assert!(message.contains(
        "Value null at 'tags.2.member.value' failed to satisfy constraint: Member must not be null"
    ), "{message}");
}

#[test]
fn a_list_of_strings_is_judged_as_a_whole_with_the_element_rules_in_brackets() {
    assert_eq!(
        validation(
            "CreateDomain",
            json!({"DomainName": "studio", "AuthMode": "IAM", "DefaultUserSettings": {},
                   "SubnetIds": ["subnet-1", "bad_subnet!"]})
        ),
        "1 validation error detected: Value '[subnet-1, bad_subnet!]' at 'subnetIds' failed to \
         satisfy constraint: Member must satisfy constraint: [Member must have length less than or \
         equal to 32, Member must have length greater than or equal to 0, Member must satisfy \
         regular expression pattern: ^[-0-9a-zA-Z]+]"
    );
}

#[test]
fn a_too_long_list_is_printed_as_java_prints_it() {
    let subnets: Vec<String> = (0..17).map(|i| format!("subnet-{i}")).collect();
    let message = validation(
        "CreateDomain",
        json!({"DomainName": "studio", "AuthMode": "IAM", "DefaultUserSettings": {}, "SubnetIds": subnets}),
    );
    assert_eq!(
        message,
        format!(
            "1 validation error detected: Value '[{}]' at 'subnetIds' failed to satisfy constraint: \
             Member must have length less than or equal to 16",
            subnets.join(", ")
        )
    );
}

#[test]
fn a_map_key_violation_names_the_map_and_its_key_rules() {
    let message = validation(
        "CreateAppImageConfig",
        json!({"AppImageConfigName": "config", "JupyterLabAppImageConfig": {
            "ContainerConfig": {"ContainerEnvironmentVariables": {"   ": "x", "A": "y"}}}}),
    );
    assert_eq!(
        message,
        "1 validation error detected: Value '{   =x, A=y}' at \
         'jupyterLabAppImageConfig.containerConfig.containerEnvironmentVariables' failed to satisfy \
         constraint: Map keys must satisfy constraint: [Member must have length less than or equal \
         to 256, Member must have length greater than or equal to 0, Member must satisfy regular \
         expression pattern: ^(?!\\s*$).+]"
    );
}

#[test]
fn numbers_out_of_range_print_the_bound() {
    assert_eq!(
        validation("ListDomains", json!({"MaxResults": 101})),
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: \
         Member must have value less than or equal to 100"
    );
    assert_eq!(
        validation("ListDomains", json!({"MaxResults": 0})),
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: \
         Member must have value greater than or equal to 1"
    );
}

#[test]
fn at_most_ten_violations_are_listed() {
    let tags: Vec<Value> = (0..12).map(|_| json!({"Key": ""})).collect();
    let message = validation(
        "AddTags",
        json!({"ResourceArn": "arn:aws:sagemaker:us-east-1:123456789012:domain/d-1", "Tags": tags}),
    );
    assert!(
        message.starts_with("10 validation errors detected: "),
        "{message}"
    );
    assert_eq!(
        message.matches("failed to satisfy constraint").count(),
        10,
        "{message}"
    );
}

#[test]
fn unknown_members_and_null_optionals_are_ignored() {
    assert_eq!(
        validate_input(
            "ListDomains",
            &body(json!({"NextToken": null, "MaxResults": null, "Bogus": {"deep": [1, 2]}}))
        ),
        Ok(())
    );
}

#[test]
fn timestamps_are_epoch_seconds_numbers() {
    assert_eq!(
        validate_input(
            "ListImages",
            &body(json!({"CreationTimeAfter": 1_605_418_477.297}))
        ),
        Ok(())
    );
    assert_eq!(
        serialization_of(
            "ListImages",
            json!({"CreationTimeAfter": "2020-11-15T05:34:37Z"})
        ),
        "STRING_VALUE can not be converted to milliseconds since epoch"
    );
}

#[test]
fn wrong_json_types_are_serialization_exceptions_with_aws_texts() {
    assert_eq!(
        serialization_of("DescribeDomain", json!({"DomainId": 1})),
        "NUMBER_VALUE can not be converted to a String"
    );
    assert_eq!(
        serialization_of("ListDomains", json!({"MaxResults": "10"})),
        "STRING_VALUE can not be converted to an Integer"
    );
    assert_eq!(
        serialization_of("CreateDomain", json!({"SubnetIds": "subnet-1"})),
        "Expected list or null"
    );
    assert_eq!(
        serialization_of("CreateDomain", json!({"DefaultUserSettings": []})),
        "Start of list found where not expected"
    );
    assert_eq!(
        serialization_of("CreateDomain", json!({"DefaultUserSettings": "x"})),
        "Expected null"
    );
    assert_eq!(
        serialization_of("CreateDomain", json!({"Tags": {"Key": "k"}})),
        "Start of structure or map found where not expected."
    );
    // A type error wins over any number of constraint violations.
    assert_eq!(
        serialization_of(
            "CreateDomain",
            json!({"DomainName": "bad name!", "Tags": [{"Key": 5}]})
        ),
        "NUMBER_VALUE can not be converted to a String"
    );
}

#[test]
fn a_union_needs_exactly_one_member() {
    let settings = |config: Value| {
        json!({"DomainName": "studio", "AuthMode": "IAM",
               "DefaultUserSettings": {"CustomFileSystemConfigs": [config]}})
    };
    assert_eq!(
        validate_input(
            "CreateDomain",
            &body(settings(
                json!({"EFSFileSystemConfig": {"FileSystemId": "fs-0123abcd"}})
            ))
        ),
        Ok(())
    );
    assert_eq!(
        serialization_of("CreateDomain", settings(json!({}))),
        "Union CustomFileSystemConfig must have exactly one member set, found 0"
    );
    assert_eq!(
        validation(
            "CreateDomain",
            settings(json!({"EFSFileSystemConfig": {"FileSystemPath": "/"}}))
        ),
        "1 validation error detected: Value null at \
         'defaultUserSettings.customFileSystemConfigs.1.member.eFSFileSystemConfig.fileSystemId' \
         failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn string_length_counts_characters_not_bytes() {
    let name = "é".repeat(63);
    let ok = json!({"DomainId": "d-abc123def456", "UserProfileName": name});
    // 63 characters but 126 bytes: only the pattern fails, not the length.
    let message = validation("DescribeUserProfile", ok);
    assert!(!message.contains("length"), "{message}");
}

#[test]
fn input_error_exposes_code_and_message() {
    let e = InputError::Validation("m".to_string());
    assert_eq!((e.code(), e.message()), ("ValidationException", "m"));
    let e = InputError::Serialization("s".to_string());
    assert_eq!(e.to_string(), "SerializationException: s");
}
