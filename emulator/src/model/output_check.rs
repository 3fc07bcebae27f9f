//! The output-shape check: does a response body match its operation's output shape in the model?
//!
//! The SDKs ignore unknown members and most type slips, so a response the emulator gets wrong
//! (a member AWS never sends, a string where the model has a number, a status outside the enum,
//! a required member missing, an id that breaks its pattern) would pass every client test and
//! still mislead a user. The service runs this check on every output when it is turned on (test
//! builds, and `--check-output-shapes` for the Python and JS suites), so every test of the
//! emulator also guards the shapes of its responses.
//!
//! The check is strict where the model is precise: members must be known, JSON types right,
//! enums and patterns and lengths respected, `null` never sent (AWS omits absent members).

use serde_json::Value;

use super::shape::{Kind, Length, Model, ShapeId};

/// Checks `output` against the output shape of `operation`; answers every mismatch found, each
/// as `path: what is wrong` (empty when the output matches). An operation without an output
/// shape (the Delete* calls) must answer an empty object.
pub fn check(model: &Model, operation: &str, output: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    match model.operation(operation).and_then(|op| op.output) {
        Some(root) => walk(model, root, output, operation, &mut problems),
        None => {
            if output.as_object().is_none_or(|o| !o.is_empty()) {
                problems.push(format!(
                    "{operation}: has no output shape but answered {output}"
                ));
            }
        }
    }
    problems
}

/// Values that AWS is recorded answering although they break the model's pattern: the check lets
/// them through, and only them. `ResourceSpec.SageMakerImageArn` of a JupyterServer app created
/// with no image is an ECR repository ARN (`arn:aws:ecr:REGION:ACCOUNT:repository/looseleaf-
/// jupyter-server-3`, recorded in July 2026, fixtures/recordings/c7n-studio-2026-07), where the
/// model's `ImageArn` pattern wants `…:sagemaker:…:image/…`.
fn recorded_outside_the_model(shape: &str, text: &str) -> bool {
    shape == "ImageArn"
        && text.starts_with("arn:aws:ecr:")
        && text.ends_with(":repository/looseleaf-jupyter-server-3")
}

fn walk(model: &Model, id: ShapeId, value: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(shape) = model.get(id) else {
        problems.push(format!("{path}: shape #{id} is not in the model"));
        return;
    };
    let mut wrong_type = |expected: &str| {
        problems.push(format!(
            "{path}: expected {expected} ({}), got {}",
            shape.name,
            super::json_kind(value)
        ));
    };
    match (&shape.kind, value) {
        (_, Value::Null) => problems.push(format!(
            "{path}: null ({}): AWS omits a member it has no value for",
            shape.name
        )),
        (Kind::Structure(structure), Value::Object(object)) => {
            for (name, member_value) in object {
                match structure
                    .members
                    .binary_search_by(|m| m.name.as_str().cmp(name))
                {
                    Ok(i) => walk(
                        model,
                        structure.members[i].shape,
                        member_value,
                        &format!("{path}.{name}"),
                        problems,
                    ),
                    Err(_) => {
                        problems.push(format!("{path}.{name}: no such member in {}", shape.name))
                    }
                }
            }
            for member in structure.members.iter().filter(|m| m.required) {
                if !object.contains_key(&member.name) {
                    problems.push(format!(
                        "{path}.{}: required by {} but missing",
                        member.name, shape.name
                    ));
                }
            }
            if structure.union && object.len() > 1 {
                problems.push(format!(
                    "{path}: a union ({}) with {} members set",
                    shape.name,
                    object.len()
                ));
            }
        }
        (Kind::List(list), Value::Array(items)) => {
            length(list.length, items.len(), path, problems);
            for (i, item) in items.iter().enumerate() {
                walk(model, list.member, item, &format!("{path}[{i}]"), problems);
            }
        }
        (Kind::Map(map), Value::Object(entries)) => {
            length(map.length, entries.len(), path, problems);
            for (key, entry) in entries {
                walk(
                    model,
                    map.key,
                    &Value::String(key.clone()),
                    &format!("{path}<key {key}>"),
                    problems,
                );
                walk(model, map.value, entry, &format!("{path}[{key}]"), problems);
            }
        }
        (Kind::String(string), Value::String(text)) => {
            if !string.enum_allows(text) {
                problems.push(format!(
                    "{path}: '{text}' is not a value of the enum {}",
                    shape.name
                ));
            }
            length(string.length, text.chars().count(), path, problems);
            if let Some(pattern) = &string.pattern {
                if !pattern.matches(text) && !recorded_outside_the_model(&shape.name, text) {
                    problems.push(format!(
                        "{path}: '{text}' does not match the pattern of {}: {}",
                        shape.name,
                        pattern.display()
                    ));
                }
            }
        }
        (Kind::Integer(range) | Kind::Long(range), Value::Number(n)) => match n.as_i64() {
            Some(n) => {
                if range.min.is_some_and(|min| n < min) || range.max.is_some_and(|max| n > max) {
                    problems.push(format!(
                        "{path}: {n} is outside the range of {}",
                        shape.name
                    ));
                }
            }
            None => wrong_type("an integer"),
        },
        (Kind::Float(range) | Kind::Double(range), Value::Number(n)) => {
            let n = n.as_f64().unwrap_or(f64::NAN);
            if range.min.is_some_and(|min| n < min) || range.max.is_some_and(|max| n > max) {
                problems.push(format!(
                    "{path}: {n} is outside the range of {}",
                    shape.name
                ));
            }
        }
        (Kind::Boolean, Value::Bool(_)) => {}
        (Kind::Timestamp { .. }, Value::Number(_)) => {}
        (Kind::Blob(_), Value::String(_)) => {}
        (Kind::Structure(_), _) => wrong_type("an object"),
        (Kind::List(_), _) => wrong_type("an array"),
        (Kind::Map(_), _) => wrong_type("an object"),
        (Kind::String(_), _) => wrong_type("a string"),
        (Kind::Integer(_) | Kind::Long(_), _) => wrong_type("an integer"),
        (Kind::Float(_) | Kind::Double(_), _) => wrong_type("a number"),
        (Kind::Boolean, _) => wrong_type("a boolean"),
        (Kind::Timestamp { .. }, _) => wrong_type("epoch seconds"),
        (Kind::Blob(_), _) => wrong_type("base64 text"),
    }
}

fn length(limit: Length, len: usize, path: &str, problems: &mut Vec<String>) {
    let len = len as u64;
    if limit.min.is_some_and(|min| len < min) || limit.max.is_some_and(|max| len > max) {
        problems.push(format!(
            "{path}: length {len} outside {}..{}",
            limit.min.map_or(String::new(), |m| m.to_string()),
            limit.max.map_or(String::new(), |m| m.to_string())
        ));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check;
    use crate::model::model;

    #[test]
    fn a_well_formed_output_passes() {
        let output = json!({
            "DomainArn": "arn:aws:sagemaker:us-east-1:000000000000:domain/d-abcdefghijkl",
            "DomainId": "d-abcdefghijkl",
            "Url": "https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws"
        });
        assert_eq!(
            check(model(), "CreateDomain", &output),
            Vec::<String>::new()
        );
    }

    #[test]
    fn unknown_members_wrong_types_bad_enums_and_nulls_are_reported() {
        let output = json!({
            "DomainId": "d-abcdefghijkl",
            "Status": "Exploding",
            "CreationTime": "yesterday",
            "Invented": 1,
            "Url": null
        });
        let problems = check(model(), "DescribeDomain", &output);
        let text = problems.join("\n");
        assert!(
            text.contains("DescribeDomain.Invented: no such member"),
            "{text}"
        );
        assert!(
            text.contains("'Exploding' is not a value of the enum DomainStatus"),
            "{text}"
        );
        assert!(
            text.contains("DescribeDomain.CreationTime: expected epoch seconds"),
            "{text}"
        );
        assert!(text.contains("DescribeDomain.Url: null"), "{text}");
    }

    #[test]
    fn nested_lists_and_patterns_are_walked() {
        let output = json!({"Tags": [{"Key": "k", "Value": "v"}, {"Key": 5}]});
        let problems = check(model(), "ListTags", &output);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("ListTags.Tags[1].Key: expected a string"));
        assert!(problems[1].contains("ListTags.Tags[1].Value: required by Tag but missing"));
    }

    #[test]
    fn an_operation_without_output_must_answer_an_empty_object() {
        assert!(check(model(), "DeleteDomain", &json!({})).is_empty());
        assert_eq!(check(model(), "DeleteDomain", &json!({"X": 1})).len(), 1);
    }
}
