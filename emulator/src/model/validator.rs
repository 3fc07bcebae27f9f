//! The one generic validator: walks a request body against an operation's input shape and
//! answers with AWS's `SerializationException` / `ValidationException` texts.
//!
//! How AWS (its Coral framework) behaves, and where each fact comes from:
//! - Two phases. The body is first read into the input type: a JSON type that cannot be read as
//!   the member's type is a `SerializationException` and nothing is validated. Then every
//!   constraint is checked and all violations are reported together. Here one walk does both: the
//!   first type error ends it.
//! - Unknown members are ignored and a member given as `null` counts as absent (so a required
//!   member sent as `null` is "Member must not be null"). Probed on an awsJson1.1 service in
//!   2026 by an Athena emulator's tests ("null は入れ子でも無いのと同じで未知のキーは無視する");
//!   dynalite (architect/dynalite `validations/index.js`, built by probing DynamoDB) drops unknown
//!   keys and nulls the same way. The SDKs rely on it too: new members reach older servers.
//! - Message: `N validation error(s) detected: ` then the violations joined by `; `, each
//!   `Value 'v' at 'path' failed to satisfy constraint: <rule>` (`Value null at` for a missing
//!   member). SageMaker itself, DescribeUserProfile (aws-samples/sagemaker-ssh-helper#70):
//!   `4 validation errors detected: Value '…' at 'userProfileName' failed to satisfy constraint:
//!   Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}; Value '…'
//!   at 'userProfileName' failed to satisfy constraint: Member must have length less than or
//!   equal to 63; …` — the pattern is shown with a `^` prepended, and one value can fail several
//!   rules (pattern before length, as here).
//! - At most 10 violations are listed, and N counts the listed ones: kinesalite's PutRecords test
//!   (mhart/kinesalite `test/putRecords.js`, probed on Kinesis) sends 502 violations and gets
//!   `10 validation errors detected: …`.
//! - Paths: members lowerCamel, joined by `.`; a list element is `<list>.<1-based index>.member`,
//!   a map value `<map>.<key>.member`. E.g. EBS direct (awslabs/coldsnap#378):
//!   `Value '…' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less
//!   than or equal to 127`; IAM (SWO-GS/auto-tag#90): `at 'tags.6.member.value'`; DynamoDB
//!   (dynalite `test/query.js`): `at 'queryFilter.b.member.comparisonOperator'`. Only the first
//!   letter is lowered, also before an acronym (`RStudioServerProAppSettings` →
//!   `rStudioServerProAppSettings`, `EFSFileSystemConfig` → `eFSFileSystemConfig`): unverified
//!   against SageMaker, which may spell those differently.
//! - String length counts characters (Unicode code points, as Smithy's `@length` does), not
//!   bytes.
//! - A list of scalars whose elements break their shape's rules gets ONE violation at the list,
//!   listing all rules of the element shape in brackets. ACM, RequestCertificate: `Value '[ccc]'
//!   at 'subjectAlternativeNames' failed to satisfy constraint: Member must satisfy constraint:
//!   [Member must have length less than or equal to 253, Member must have length greater than or
//!   equal to 1, Member must satisfy regular expression pattern: …]`. Maps do the same with
//!   `Map keys must satisfy constraint: [...]` / `Map value must satisfy constraint: [...]`
//!   (dynalite `test/batchWriteItem.js`: `Value '{…}' at 'requestItems' failed to satisfy
//!   constraint: Map keys must satisfy constraint: [Member must have length less than or equal to
//!   255, Member must have length greater than or equal to 3, Member must satisfy regular
//!   expression pattern: [a-zA-Z0-9_.-]+]`). The bracket order is max length, min length, max
//!   value, min value, pattern, enum; a declared `min: 0` is listed too (Lambda: `Member must have
//!   length greater than or equal to 0`). Not reproduced, as no Studio shape needs it: a map whose
//!   values are lists reports those lists' lengths in its `Map value` bracket.
//! - Values print as Java's `toString`: strings bare, numbers as digits, a list `[a, b]` (DynamoDB:
//!   `Value '[]' at 'attributesToGet'`), a map `{k=v, k2=v2}`. A structure prints as Java's
//!   `Object.toString` there (`com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@2`), which
//!   carries no information; we print it like a map, `{Key=k, Value=v}`.
//! - The enum text lists the model's values in brackets joined by `, ` (dynalite:
//!   `Member must satisfy enum value set: [INDEXES, TOTAL, NONE]`). AWS's order is a Java hash
//!   set's and cannot be reproduced; we use the model's order. Likewise the order of violations
//!   across members is AWS's hash order; ours is the members' alphabetical (fixture) order.
//! - Type errors (SerializationException messages of today's Jackson-based Coral, as pinned by
//!   the probe-based tests of third-party emulators of Athena and of SES, floci-io/floci): `NUMBER_VALUE can not be converted to a
//!   String`, `TRUE_VALUE can not be converted to a String`, `STRING_VALUE can not be converted to
//!   an Integer`, `STRING_VALUE can not be converted to a Long`, `STRING_VALUE can not be
//!   converted to an Boolean` [sic], `NUMBER_VALUE can not be converted to a Boolean`, `Expected
//!   list or null`, `Expected map or null`, `Expected null` (scalar for a structure), `Start of
//!   list found where not expected`, `Start of structure or map found where not expected.`
//! - Timestamps are epoch seconds (JSON numbers, fractions allowed). AWS refuses an ISO-8601
//!   string with `STRING_VALUE can not be converted to milliseconds since epoch`
//!   (aws/aws-sdk-js-v3#4343; older Coral: aws/aws-cli#91), so do we.
//!
//! Where we are stricter than AWS, on purpose (the handlers keep validated JSON and return it as
//! given, so it must already have the model's JSON types): a boolean given as a string (Coral
//! coerces `"true"`, `"yes"`, …) and an integer given with a fraction or out of the type's range
//! (Jackson truncates) are SerializationExceptions. A union with other than exactly one member
//! set is a SerializationException too (smithy servers' behaviour; both SDKs refuse to send one).

use serde_json::{Map, Value};

use super::shape::{Kind, Length, Model, Range, Shape, ShapeId, StringShape};
use super::InputError;

/// AWS lists at most this many violations.
const MAX_REPORTED: usize = 10;

const START_OF_LIST: &str = "Start of list found where not expected";
const START_OF_STRUCTURE: &str = "Start of structure or map found where not expected.";

/// Validates `input` against the structure `root` of `model`.
pub(crate) fn validate(
    model: &Model,
    root: ShapeId,
    input: &Map<String, Value>,
) -> Result<(), InputError> {
    let mut walk = Walk {
        model,
        path: String::with_capacity(64),
        reported: Vec::new(),
    };
    match model.get(root).map(|s| &s.kind) {
        Some(Kind::Structure(structure)) => walk.structure(root, structure, input)?,
        // An input shape is always a structure; anything else is a broken fixture, caught by the
        // model's unit tests. Do not refuse requests over it.
        _ => return Ok(()),
    }
    if walk.reported.is_empty() {
        return Ok(());
    }
    let n = walk.reported.len();
    let mut message = if n == 1 {
        String::from("1 validation error detected: ")
    } else {
        format!("{n} validation errors detected: ")
    };
    message.push_str(&walk.reported.join("; "));
    Err(InputError::Validation(message))
}

struct Walk<'m> {
    model: &'m Model,
    /// The lowerCamel path of the value being checked.
    path: String,
    /// Violation texts, at most [`MAX_REPORTED`].
    reported: Vec<String>,
}

fn serialization(message: &str) -> InputError {
    InputError::Serialization(message.to_string())
}

/// The SerializationException for a scalar of the wrong JSON type. `target` is the Java type as
/// Coral names it, with its article (`a String`, `an Integer`, `milliseconds since epoch`).
fn not_convertible(value: &Value, target: &str) -> InputError {
    let token = match value {
        Value::Array(_) => return serialization(START_OF_LIST),
        Value::Object(_) => return serialization(START_OF_STRUCTURE),
        Value::String(_) => "STRING_VALUE",
        Value::Number(_) => "NUMBER_VALUE",
        Value::Bool(true) => "TRUE_VALUE",
        Value::Bool(false) => "FALSE_VALUE",
        Value::Null => "NULL_VALUE",
    };
    InputError::Serialization(format!("{token} can not be converted to {target}"))
}

impl Walk<'_> {
    fn shape(&self, id: ShapeId) -> Option<&Shape> {
        self.model.get(id)
    }

    /// Records a violation of `rule` by `value` (None: the member is missing) at the current path.
    fn violation(&mut self, value: Option<&Value>, rule: &str) {
        if self.reported.len() >= MAX_REPORTED {
            return;
        }
        let mut text = String::from("Value ");
        match value {
            None | Some(Value::Null) => text.push_str("null"),
            Some(v) => {
                text.push('\'');
                render(v, &mut text, 0);
                text.push('\'');
            }
        }
        text.push_str(" at '");
        text.push_str(&self.path);
        text.push_str("' failed to satisfy constraint: ");
        text.push_str(rule);
        self.reported.push(text);
    }

    fn push_segment(&mut self, segment: &str) -> usize {
        let mark = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        mark
    }

    fn structure(
        &mut self,
        id: ShapeId,
        structure: &super::shape::Structure,
        object: &Map<String, Value>,
    ) -> Result<(), InputError> {
        if structure.union {
            let set = structure
                .members
                .iter()
                .filter(|m| object.get(&m.name).is_some_and(|v| !v.is_null()))
                .count();
            if set != 1 {
                let name = self.shape(id).map_or("", |s| s.name.as_str());
                return Err(InputError::Serialization(format!(
                    "Union {name} must have exactly one member set, found {set}"
                )));
            }
        }
        for member in &structure.members {
            let mark = self.push_segment(&member.path_name);
            match object.get(&member.name) {
                None | Some(Value::Null) => {
                    if member.required {
                        self.violation(None, "Member must not be null");
                    }
                }
                Some(value) => self.member(member.shape, value)?,
            }
            self.path.truncate(mark);
        }
        Ok(())
    }

    /// Checks a present, non-null value of shape `id` at the current path.
    fn member(&mut self, id: ShapeId, value: &Value) -> Result<(), InputError> {
        let model = self.model;
        let Some(shape) = model.get(id) else {
            return Ok(());
        };
        match &shape.kind {
            Kind::Structure(structure) => match value {
                Value::Object(object) => self.structure(id, structure, object),
                Value::Array(_) => Err(serialization(START_OF_LIST)),
                _ => Err(serialization("Expected null")),
            },
            Kind::List(list) => match value {
                Value::Array(items) => {
                    if let Some(rule) = length_rule(list.length, items.len()) {
                        self.violation(Some(value), &rule);
                    }
                    self.elements(list.member, value, items)
                }
                Value::Object(_) => Err(serialization(START_OF_STRUCTURE)),
                _ => Err(serialization("Expected list or null")),
            },
            Kind::Map(map) => match value {
                Value::Object(entries) => {
                    if let Some(rule) = length_rule(map.length, entries.len()) {
                        self.violation(Some(value), &rule);
                    }
                    self.entries(map.key, map.value, value, entries)
                }
                Value::Array(_) => Err(serialization(START_OF_LIST)),
                _ => Err(serialization("Expected map or null")),
            },
            _ => {
                let mut broken = Vec::new();
                scalar(shape, value, &mut broken)?;
                for rule in broken {
                    self.violation(Some(value), &rule);
                }
                Ok(())
            }
        }
    }

    /// The elements of a list (`whole` is the list itself, for the message).
    fn elements(
        &mut self,
        element: ShapeId,
        whole: &Value,
        items: &[Value],
    ) -> Result<(), InputError> {
        let model = self.model;
        let Some(shape) = model.get(element) else {
            return Ok(());
        };
        if is_scalar(shape) {
            let mut broken = Vec::new();
            let mut any_null = false;
            for item in items {
                if item.is_null() {
                    any_null = true;
                } else {
                    scalar(shape, item, &mut broken)?;
                }
            }
            if any_null || !broken.is_empty() {
                let rule = format!(
                    "Member must satisfy constraint: {}",
                    bracketed(shape, any_null)
                );
                self.violation(Some(whole), &rule);
            }
            return Ok(());
        }
        for (index, item) in items.iter().enumerate() {
            let mark = self.push_segment(&(index + 1).to_string());
            self.path.push_str(".member");
            if item.is_null() {
                self.violation(None, "Member must not be null");
            } else {
                self.member(element, item)?;
            }
            self.path.truncate(mark);
        }
        Ok(())
    }

    /// The entries of a map (`whole` is the map itself, for the message).
    fn entries(
        &mut self,
        key: ShapeId,
        value: ShapeId,
        whole: &Value,
        entries: &Map<String, Value>,
    ) -> Result<(), InputError> {
        let model = self.model;
        let (Some(key_shape), Some(value_shape)) = (model.get(key), model.get(value)) else {
            return Ok(());
        };
        let mut bad_key = false;
        if let Kind::String(key_string) = &key_shape.kind {
            let mut broken = Vec::new();
            for k in entries.keys() {
                string_rules(key_string, k, &mut broken);
            }
            bad_key = !broken.is_empty();
        }
        if bad_key {
            let rule = format!(
                "Map keys must satisfy constraint: {}",
                bracketed(key_shape, false)
            );
            self.violation(Some(whole), &rule);
        }
        if is_scalar(value_shape) {
            let mut broken = Vec::new();
            let mut any_null = false;
            for v in entries.values() {
                if v.is_null() {
                    any_null = true;
                } else {
                    scalar(value_shape, v, &mut broken)?;
                }
            }
            if any_null || !broken.is_empty() {
                let rule = format!(
                    "Map value must satisfy constraint: {}",
                    bracketed(value_shape, any_null)
                );
                self.violation(Some(whole), &rule);
            }
            return Ok(());
        }
        for (k, v) in entries {
            let mark = self.push_segment(k);
            self.path.push_str(".member");
            if v.is_null() {
                self.violation(None, "Member must not be null");
            } else {
                self.member(value, v)?;
            }
            self.path.truncate(mark);
        }
        Ok(())
    }
}

fn is_scalar(shape: &Shape) -> bool {
    !matches!(
        shape.kind,
        Kind::Structure(_) | Kind::List(_) | Kind::Map(_)
    )
}

/// Checks a scalar's JSON type (Err: SerializationException) and pushes the rules it breaks.
fn scalar(shape: &Shape, value: &Value, broken: &mut Vec<String>) -> Result<(), InputError> {
    match &shape.kind {
        Kind::String(string) => match value {
            Value::String(text) => {
                string_rules(string, text, broken);
                Ok(())
            }
            other => Err(not_convertible(other, "a String")),
        },
        Kind::Integer(range) => {
            let n = integer(
                value,
                "an Integer",
                i64::from(i32::MIN),
                i64::from(i32::MAX),
            )?;
            int_rules(*range, n, broken);
            Ok(())
        }
        Kind::Long(range) => {
            let n = integer(value, "a Long", i64::MIN, i64::MAX)?;
            int_rules(*range, n, broken);
            Ok(())
        }
        Kind::Float(range) | Kind::Double(range) => {
            let target = if matches!(shape.kind, Kind::Float(_)) {
                "a Float"
            } else {
                "a Double"
            };
            match value.as_f64() {
                Some(n) if value.is_number() => {
                    float_rules(*range, n, broken);
                    Ok(())
                }
                _ => Err(not_convertible(value, target)),
            }
        }
        Kind::Boolean => match value {
            Value::Bool(_) => Ok(()),
            Value::String(_) => Err(serialization(
                "STRING_VALUE can not be converted to an Boolean",
            )),
            other => Err(not_convertible(other, "a Boolean")),
        },
        Kind::Timestamp { epoch_seconds } => match value {
            Value::Number(_) => Ok(()),
            Value::String(_) if !epoch_seconds => Ok(()),
            other => Err(not_convertible(other, "milliseconds since epoch")),
        },
        // Base64 text; its decoded length is not checked (no blob in the Studio inputs).
        Kind::Blob(_) => match value {
            Value::String(_) => Ok(()),
            other => Err(not_convertible(other, "a Blob")),
        },
        Kind::Structure(_) | Kind::List(_) | Kind::Map(_) => Ok(()),
    }
}

/// A JSON integer within `[lo, hi]`, or the SerializationException for it.
fn integer(value: &Value, target: &str, lo: i64, hi: i64) -> Result<i64, InputError> {
    match value.as_i64() {
        Some(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(not_convertible(value, target)),
    }
}

fn string_rules(shape: &StringShape, text: &str, broken: &mut Vec<String>) {
    if !shape.enum_allows(text) {
        broken.push(enum_rule(shape));
    }
    if let Some(pattern) = &shape.pattern {
        if !pattern.matches(text) {
            broken.push(format!(
                "Member must satisfy regular expression pattern: {}",
                pattern.display()
            ));
        }
    }
    if shape.length.min.is_some() || shape.length.max.is_some() {
        if let Some(rule) = length_rule(shape.length, text.chars().count()) {
            broken.push(rule);
        }
    }
}

fn int_rules(range: Range<i64>, n: i64, broken: &mut Vec<String>) {
    if let Some(max) = range.max.filter(|&max| n > max) {
        broken.push(format!(
            "Member must have value less than or equal to {max}"
        ));
    }
    if let Some(min) = range.min.filter(|&min| n < min) {
        broken.push(format!(
            "Member must have value greater than or equal to {min}"
        ));
    }
}

fn float_rules(range: Range<f64>, n: f64, broken: &mut Vec<String>) {
    if let Some(max) = range.max.filter(|&max| n > max) {
        broken.push(format!(
            "Member must have value less than or equal to {max:?}"
        ));
    }
    if let Some(min) = range.min.filter(|&min| n < min) {
        broken.push(format!(
            "Member must have value greater than or equal to {min:?}"
        ));
    }
}

/// The rule a length of `len` breaks, if any (characters, elements or entries).
fn length_rule(length: Length, len: usize) -> Option<String> {
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    if let Some(max) = length.max.filter(|&max| len > max) {
        return Some(format!(
            "Member must have length less than or equal to {max}"
        ));
    }
    if let Some(min) = length.min.filter(|&min| len < min) {
        return Some(format!(
            "Member must have length greater than or equal to {min}"
        ));
    }
    None
}

fn enum_rule(shape: &StringShape) -> String {
    let values = shape.enum_values.as_deref().unwrap_or_default();
    format!(
        "Member must satisfy enum value set: [{}]",
        values.join(", ")
    )
}

/// All rules of a scalar shape, in AWS's bracket order: `[rule, rule]`.
fn bracketed(shape: &Shape, with_not_null: bool) -> String {
    let mut rules: Vec<String> = Vec::new();
    let length_rules = |length: Length, rules: &mut Vec<String>| {
        if let Some(max) = length.max {
            rules.push(format!(
                "Member must have length less than or equal to {max}"
            ));
        }
        if let Some(min) = length.min {
            rules.push(format!(
                "Member must have length greater than or equal to {min}"
            ));
        }
    };
    match &shape.kind {
        Kind::String(string) => {
            length_rules(string.length, &mut rules);
            if let Some(pattern) = &string.pattern {
                rules.push(format!(
                    "Member must satisfy regular expression pattern: {}",
                    pattern.display()
                ));
            }
            if string.enum_values.is_some() {
                rules.push(enum_rule(string));
            }
        }
        Kind::Integer(range) | Kind::Long(range) => {
            if let Some(max) = range.max {
                rules.push(format!(
                    "Member must have value less than or equal to {max}"
                ));
            }
            if let Some(min) = range.min {
                rules.push(format!(
                    "Member must have value greater than or equal to {min}"
                ));
            }
        }
        Kind::Float(range) | Kind::Double(range) => {
            if let Some(max) = range.max {
                rules.push(format!(
                    "Member must have value less than or equal to {max:?}"
                ));
            }
            if let Some(min) = range.min {
                rules.push(format!(
                    "Member must have value greater than or equal to {min:?}"
                ));
            }
        }
        Kind::Blob(length) => length_rules(*length, &mut rules),
        _ => {}
    }
    if with_not_null {
        rules.push("Member must not be null".to_string());
    }
    format!("[{}]", rules.join(", "))
}

/// Nesting beyond which a value in a message is abbreviated (`...`).
const RENDER_DEPTH: usize = 16;

/// Writes `value` as Java's `toString` would (see the module doc).
fn render(value: &Value, out: &mut String, depth: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            if depth >= RENDER_DEPTH {
                out.push_str("[...]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render(item, out, depth + 1);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            if depth >= RENDER_DEPTH {
                out.push_str("{...}");
                return;
            }
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                render(v, out, depth + 1);
            }
            out.push('}');
        }
    }
}
