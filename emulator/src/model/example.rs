//! Request bodies synthesised from the model: for every operation a body that passes validation,
//! with only the required members or with every member set. Tests use them as the valid
//! baseline that each generated case breaks in one place; they also make handy request samples.
//!
//! Strings are the first of [`CANDIDATES`] (padded to the minimum length if need be) that
//! satisfies the shape's enum, pattern and length; a test checks every string shape of the slice
//! gets one, so a new pattern that none fits shows up as a failing test, not as a bad sample.

use serde_json::{Map, Number, Value};

use super::shape::{Kind, Length, Model, Range, ShapeId, StringShape};

/// Plausible values tried, in order, against a string shape's pattern.
pub const CANDIDATES: &[&str] = &[
    "a",
    "abc",
    "a1",
    "1",
    "0",
    "123456789012",
    "1.0",
    "1.0.0",
    "d-abc123def456",
    "fs-0123abcd",
    "dzd_abc123",
    "/home/sagemaker-user",
    "s3://bucket/key",
    "https://example.com/a/b/c",
    "UserName",
    "DisplayName",
    "None",
    "Python 3.10",
    "arn:aws:iam::123456789012:role/SageMakerRole",
    "arn:aws:sagemaker:us-east-1:123456789012:domain/d-abc123def456",
    "arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc123def456/alice",
    "arn:aws:sagemaker:us-east-1:123456789012:space/d-abc123def456/space",
    "arn:aws:sagemaker:us-east-1:123456789012:app/d-abc123def456/alice/JupyterLab/default",
    "arn:aws:sagemaker:us-east-1:123456789012:app-image-config/config",
    "arn:aws:sagemaker:us-east-1:123456789012:studio-lifecycle-config/config",
    "arn:aws:sagemaker:us-east-1:123456789012:image/image",
    "arn:aws:sagemaker:us-east-1:123456789012:image-version/image/1",
    "arn:aws:sagemaker:us-east-1:123456789012:training-plan/plan",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:secret",
    "arn:aws:sso::123456789012:application/ssoins-1234/apl-1234abcd",
    "arn:aws:codewhisperer:us-east-1:123456789012:profile/ABCDEF",
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/image:latest",
];

/// A body for `operation` that passes validation: only the required members, or every member
/// when `full`. None for an operation not in the model or without input.
pub fn example_input(model: &Model, operation: &str, full: bool) -> Option<Map<String, Value>> {
    let input = model.operation(operation)?.input?;
    match example_value(model, input, full, 0) {
        Value::Object(object) => Some(object),
        _ => None,
    }
}

/// A string satisfying the shape's enum, pattern and length, if one of the candidates does.
pub fn example_string(shape: &StringShape) -> Option<String> {
    if let Some(values) = &shape.enum_values {
        return values.first().cloned();
    }
    // Padding is for short minimums (ARNs of at least 20 characters, say), never a huge string.
    let min = usize::try_from(shape.length.min.unwrap_or(0))
        .unwrap_or(0)
        .min(4096);
    let fits = |s: &str| fits_rules(shape, s);
    for candidate in CANDIDATES {
        if fits(candidate) {
            return Some((*candidate).to_string());
        }
        let len = candidate.chars().count();
        if len < min {
            let padded = format!("{candidate}{}", "a".repeat(min - len));
            if fits(&padded) {
                return Some(padded);
            }
        }
    }
    None
}

/// How many elements or entries an example list or map gets: one, within the length bounds.
fn example_count(length: Length) -> usize {
    let n = length
        .min
        .unwrap_or(0)
        .max(1)
        .min(length.max.unwrap_or(u64::MAX));
    usize::try_from(n).unwrap_or(1)
}

fn example_int(range: Range<i64>) -> i64 {
    let mut n = 1;
    if let Some(min) = range.min {
        n = n.max(min);
    }
    if let Some(max) = range.max {
        n = n.min(max);
    }
    n
}

fn example_float(range: Range<f64>) -> Value {
    let mut n = 1.0f64;
    if let Some(min) = range.min {
        n = n.max(min);
    }
    if let Some(max) = range.max {
        n = n.min(max);
    }
    Number::from_f64(n).map_or(Value::Null, Value::Number)
}

/// Nesting beyond which the synthesiser stops (the slice has no recursive shapes).
const MAX_DEPTH: usize = 32;

/// An example value of shape `id` (see [`example_input`]).
pub fn example_value(model: &Model, id: ShapeId, full: bool, depth: usize) -> Value {
    let Some(shape) = model.get(id) else {
        return Value::Null;
    };
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    match &shape.kind {
        Kind::Structure(structure) => {
            let mut object = Map::new();
            if structure.union {
                if let Some(member) = structure.members.first() {
                    object.insert(
                        member.name.clone(),
                        example_value(model, member.shape, full, depth + 1),
                    );
                }
            } else {
                for member in &structure.members {
                    if member.required || full {
                        object.insert(
                            member.name.clone(),
                            example_value(model, member.shape, full, depth + 1),
                        );
                    }
                }
            }
            Value::Object(object)
        }
        Kind::List(list) => Value::Array(
            (0..example_count(list.length))
                .map(|_| example_value(model, list.member, full, depth + 1))
                .collect(),
        ),
        Kind::Map(map) => {
            let mut object = Map::new();
            let want = example_count(map.length);
            let keys: Vec<String> = match model.get(map.key).map(|s| &s.kind) {
                Some(Kind::String(key)) => {
                    let mut keys: Vec<String> = example_string(key).into_iter().collect();
                    keys.extend(
                        CANDIDATES
                            .iter()
                            .map(|c| (*c).to_string())
                            .filter(|c| key.enum_allows(c) && fits_rules(key, c)),
                    );
                    keys
                }
                _ => Vec::new(),
            };
            for key in keys {
                if object.len() >= want {
                    break;
                }
                if !object.contains_key(&key) {
                    object.insert(key, example_value(model, map.value, full, depth + 1));
                }
            }
            Value::Object(object)
        }
        Kind::String(string) => example_string(string).map_or(Value::Null, Value::String),
        Kind::Integer(range) | Kind::Long(range) => Value::from(example_int(*range)),
        Kind::Float(range) | Kind::Double(range) => example_float(*range),
        Kind::Boolean => Value::Bool(true),
        Kind::Timestamp {
            epoch_seconds: true,
        } => Value::from(1_700_000_000),
        Kind::Timestamp {
            epoch_seconds: false,
        } => Value::String("2023-11-14T22:13:20Z".to_string()),
        Kind::Blob(_) => Value::String("AA==".to_string()),
    }
}

/// Whether `s` satisfies the shape's length and pattern.
fn fits_rules(shape: &StringShape, s: &str) -> bool {
    let n = s.chars().count() as u64;
    shape.length.min.is_none_or(|min| n >= min)
        && shape.length.max.is_none_or(|max| n <= max)
        && shape.pattern.as_ref().is_none_or(|p| p.matches(s))
}
