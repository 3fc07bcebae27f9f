//! Property tests of the protocol layer and the whole call path: arbitrary bytes as a body and
//! arbitrary targets and Authorization headers never panic `protocol::parse_request`, and
//! arbitrary JSON sent to every served operation through `Service::call` answers Ok or a typed
//! 4xx error, never a panic or a 500.

use axum::http::{HeaderMap, HeaderValue};
use proptest::prelude::*;
use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
use sagemaker_studio_emulator::protocol::{self, ApiRequest, Defaults};
use sagemaker_studio_emulator::service::dispatch::OPERATIONS;
use sagemaker_studio_emulator::service::Service;
use serde_json::{Map, Value};

fn defaults() -> Defaults {
    Defaults {
        account_id: "000000000000".into(),
        region: "us-east-1".into(),
    }
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("d-abc123def456"),
            Just("KernelGateway"),
            Just("ml.t3.medium"),
            Just("arn:aws:sagemaker:us-east-1:000000000000:domain/d-abc123def456"),
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[A-Z][A-Za-z]{0,12}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_requests_never_panic_the_protocol_layer(
        body in prop::collection::vec(any::<u8>(), 0..256),
        target in ".{0,40}",
        authorization in ".{0,80}",
    ) {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(&target) {
            headers.insert("x-amz-target", v);
        }
        if let Ok(v) = HeaderValue::from_str(&authorization) {
            headers.insert("authorization", v);
        }
        if let Err(e) = protocol::parse_request("SageMaker", &headers, &body, &defaults()) {
            prop_assert!(e.status() >= 400 && e.status() < 500, "{e:?}");
        }
    }

    #[test]
    fn arbitrary_json_to_every_operation_is_answered_with_ok_or_a_typed_4xx(
        op_index in 0..OPERATIONS.len(),
        members in prop::collection::btree_map("[A-Z][A-Za-z]{0,16}", json(), 0..6),
    ) {
        let service = Service::new(
            Clock::manual_at(Timestamp(1_767_225_600_000)),
            DelayProfile::new(DelayPreset::Instant),
            defaults(),
        );
        let input: Map<String, Value> = members.into_iter().collect();
        let request = ApiRequest {
            operation: OPERATIONS[op_index].0.to_string(),
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
            input,
        };
        if let Err(e) = service.call(&request) {
            prop_assert!(e.status() >= 400 && e.status() < 500, "{e:?}");
        }
    }
}
