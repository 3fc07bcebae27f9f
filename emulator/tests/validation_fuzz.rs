//! Property tests of the request validator: whatever JSON a client sends, `validate_input`
//! answers (Ok, a ValidationException or a SerializationException) and never panics, for every
//! operation of the model. Two generators: arbitrary JSON objects, and valid example bodies with
//! one value anywhere inside replaced by arbitrary JSON (which reaches the deep shapes).

use proptest::prelude::*;
use proptest::sample::Index;
use sagemaker_studio_emulator::model::{self, example, InputError};
use serde_json::{Map, Value};

/// Arbitrary JSON, strings biased towards the model's vocabulary.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("d-abc123def456"),
            Just("JupyterLab"),
            Just("ml.t3.medium"),
            Just(""),
            Just("arn:aws:iam::123456789012:role/R")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..20).prop_map(Value::Array),
            prop::collection::btree_map(member_name(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Member-like keys: real member names of the model half of the time.
fn member_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,12}",
        prop::sample::select(vec![
            "DomainId",
            "DomainName",
            "AuthMode",
            "DefaultUserSettings",
            "Tags",
            "Key",
            "Value",
            "SubnetIds",
            "AppType",
            "MaxResults",
            "UserSettings",
            "CustomFileSystemConfigs",
            "EFSFileSystemConfig",
            "ContainerEnvironmentVariables",
            "CreationTimeAfter",
        ])
        .prop_map(str::to_string),
    ]
}

fn check(operation: &str, input: &Map<String, Value>) -> Result<(), TestCaseError> {
    match model::validate_input(operation, input) {
        Ok(()) => {}
        Err(InputError::Validation(m)) => {
            prop_assert!(m.contains("validation error"), "{m}");
            let n: usize = m
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            prop_assert!((1..=10).contains(&n), "{m}");
        }
        Err(InputError::Serialization(m)) => prop_assert!(!m.is_empty()),
    }
    Ok(())
}

/// JSON pointers of every value inside `v`.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_objects_never_panic(body in prop::collection::btree_map(member_name(), json(), 0..12)) {
        let input: Map<String, Value> = body.into_iter().collect();
        for operation in model::operation_names() {
            check(operation, &input)?;
        }
    }

    #[test]
    fn valid_bodies_with_one_value_replaced_never_panic(
        op in any::<Index>(),
        full in any::<bool>(),
        at in any::<Index>(),
        replacement in json(),
    ) {
        let names = model::operation_names();
        let operation = names[op.index(names.len())];
        let Some(input) = example::example_input(model::model(), operation, full) else {
            return Ok(());
        };
        let mut root = Value::Object(input);
        let mut all = Vec::new();
        pointers(&root, String::new(), &mut all);
        all.retain(|p| !p.is_empty());
        if !all.is_empty() {
            let pointer = &all[at.index(all.len())];
            if let Some(slot) = root.pointer_mut(pointer) {
                *slot = replacement;
            }
        }
        if let Value::Object(input) = root {
            check(operation, &input)?;
        }
    }
}
