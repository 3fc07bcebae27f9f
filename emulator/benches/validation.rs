//! Cost of request validation, the check every request pays: a realistic CreateDomain body
//! (valid), the same body with three violations, and the full synthesised body of every
//! operation. A plain timing loop (`harness = false`); run with `cargo bench --bench validation`.
#![allow(clippy::disallowed_methods)] // Instant::now: a benchmark measures wall time.

use std::hint::black_box;
use std::time::Instant;

use sagemaker_studio_emulator::model::{self, example};
use serde_json::{json, Map, Value};

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn time(label: &str, iterations: u32, mut f: impl FnMut()) {
    for _ in 0..iterations / 10 {
        f();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    let ns = start.elapsed().as_nanos() / u128::from(iterations);
    println!("{label:<45} {ns:>8} ns/op");
}

fn main() {
    // Parse the model and compile its patterns outside the timed loops.
    let model = model::model();
    let create_domain = object(json!({
        "DomainName": "ml-platform",
        "AuthMode": "IAM",
        "DefaultUserSettings": {
            "ExecutionRole": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole",
            "SecurityGroups": ["sg-0123456789abcdef0"],
            "JupyterServerAppSettings": {
                "DefaultResourceSpec": {"InstanceType": "system"}
            },
            "KernelGatewayAppSettings": {
                "DefaultResourceSpec": {"InstanceType": "ml.t3.medium"},
                "CustomImages": [{"ImageName": "my-image", "AppImageConfigName": "my-config"}]
            },
            "JupyterLabAppSettings": {
                "DefaultResourceSpec": {"InstanceType": "ml.t3.medium"},
                "AppLifecycleManagement": {"IdleSettings": {
                    "LifecycleManagement": "ENABLED", "IdleTimeoutInMinutes": 120
                }}
            },
            "SharingSettings": {"NotebookOutputOption": "Disabled"}
        },
        "SubnetIds": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
        "VpcId": "vpc-0123456789abcdef0",
        "AppNetworkAccessType": "VpcOnly",
        "Tags": [{"Key": "team", "Value": "ml"}, {"Key": "env", "Value": "dev"}]
    }));
    let mut broken = create_domain.clone();
    broken.insert("DomainName".into(), json!("bad name!"));
    broken.insert("AuthMode".into(), json!("LDAP"));
    broken.insert("SubnetIds".into(), json!(["subnet_1"]));

    time("CreateDomain, realistic, valid", 200_000, || {
        black_box(model::validate_input("CreateDomain", black_box(&create_domain)).is_ok());
    });
    time("CreateDomain, realistic, 3 violations", 200_000, || {
        black_box(model::validate_input("CreateDomain", black_box(&broken)).is_err());
    });
    time(
        "DescribeDomain, minimal (incl. building body)",
        1_000_000,
        || {
            let body = object(json!({"DomainId": "d-abc123def456"}));
            black_box(model::validate_input("DescribeDomain", black_box(&body)).is_ok());
        },
    );
    let fulls: Vec<(&str, Map<String, Value>)> = model::operation_names()
        .into_iter()
        .filter_map(|op| example::example_input(model, op, true).map(|b| (op, b)))
        .collect();
    time(
        "all 43 operations, every member set (all 43)",
        2_000,
        || {
            for (op, body) in &fulls {
                black_box(model::validate_input(op, black_box(body)).is_ok());
            }
        },
    );
}
