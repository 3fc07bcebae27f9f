//! The awsJson1.1 protocol over raw HTTP, against the real router: the error envelope
//! and the success envelope; every malformed request (missing or foreign target, wrong method,
//! bodies that are not a JSON object, wrong JSON types, a body over the limit) gets a typed 4xx
//! and the server keeps serving; the caller's account and region come from the SigV4 credential
//! scope; concurrent writers over separate connections; a refused call changes nothing; paging
//! tokens cannot be forged or replayed; and the admin API.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{json, Value};

const JSON_11: &[u8] = b"application/x-amz-json-1.1";

/// Whether `s` is a UUID as AWS writes request ids: 8-4-4-4-12 hex digits.
fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Asserts the full AWS error envelope: status, headers and body.
fn assert_error_envelope(response: &Response, status: u16, code: &str) {
    assert_eq!(response.status, status, "{}", response.describe());
    let request_id = response
        .header("x-amzn-RequestId")
        .unwrap_or_else(|| panic!("no x-amzn-RequestId: {:?}", response.headers));
    assert!(is_uuid(request_id), "request id {request_id:?}");
    assert_eq!(
        response.header("x-amzn-ErrorType"),
        Some(code),
        "{:?}",
        response.headers
    );
    assert_eq!(
        response.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    let body = response.json();
    assert_eq!(body["__type"], code, "{body}");
    let message = body["Message"].as_str().expect("Message is a string");
    assert!(!message.is_empty(), "{body}");
    assert_eq!(body["message"], body["Message"], "{body}");
}

/// ListDomains answers 200: the server is still serving.
async fn assert_still_serving(addr: std::net::SocketAddr, after: &str) {
    let response = call(addr, "ListDomains", &json!({})).await;
    assert_eq!(
        response.status,
        200,
        "after {after}: {}",
        response.describe()
    );
}

#[tokio::test]
async fn an_error_has_status_400_request_id_error_type_header_and_both_message_members() {
    let server = server().await;
    let addr = server.local_addr();
    let response = call(
        addr,
        "DescribeDomain",
        &json!({"DomainId": "d-000000000000"}),
    )
    .await;
    assert_error_envelope(&response, 400, "ResourceNotFound");
    assert!(
        response.message().contains("d-000000000000"),
        "{}",
        response.message()
    );
    let again = call(
        addr,
        "DescribeDomain",
        &json!({"DomainId": "d-000000000000"}),
    )
    .await;
    assert_ne!(
        response.header("x-amzn-RequestId"),
        again.header("x-amzn-RequestId"),
        "every response has its own request id"
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_successful_call_answers_200_with_request_id_and_a_json_object() {
    let server = server().await;
    let addr = server.local_addr();
    let response = call(addr, "ListDomains", &json!({})).await;
    assert_eq!(response.status, 200, "{}", response.describe());
    assert!(is_uuid(response.header("x-amzn-RequestId").unwrap_or("")));
    assert_eq!(
        response.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(response.header("x-amzn-ErrorType"), None);
    assert_eq!(response.json(), json!({"Domains": []}));

    // An operation without output (DeleteDomain) still answers a JSON object.
    let domain = create_domain(addr, "no-output").await;
    let deleted = call(addr, "DeleteDomain", &json!({"DomainId": domain})).await;
    assert_eq!(deleted.status, 200, "{}", deleted.describe());
    assert!(deleted.json().is_object(), "{}", deleted.describe());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn header_names_are_case_insensitive_as_the_rust_sdk_sends_them_lower_case() {
    let server = server().await;
    let addr = server.local_addr();
    let headers: [(&str, &[u8]); 2] = [
        ("content-type", JSON_11),
        ("x-amz-target", b"SageMaker.ListDomains"),
    ];
    let response = send(addr, "POST", "/", &headers, b"{}").await;
    assert_eq!(response.status, 200, "{}", response.describe());
    let shouting: [(&str, &[u8]); 2] = [
        ("CONTENT-TYPE", JSON_11),
        ("X-AMZ-TARGET", b"SageMaker.ListDomains"),
    ];
    let response = send(addr, "POST", "/", &shouting, b"{}").await;
    assert_eq!(response.status, 200, "{}", response.describe());
    server.shutdown().await.unwrap();
}

/// One malformed request of the table below.
struct Bad {
    label: &'static str,
    method: &'static str,
    path: &'static str,
    /// `X-Amz-Target`, or none.
    target: Option<&'static [u8]>,
    body: Vec<u8>,
    status: u16,
    code: &'static str,
}

fn bad(label: &'static str, target: &'static [u8], body: &[u8], code: &'static str) -> Bad {
    Bad {
        label,
        method: "POST",
        path: "/",
        target: Some(target),
        body: body.to_vec(),
        status: 400,
        code,
    }
}

fn bad_requests() -> Vec<Bad> {
    const LIST: &[u8] = b"SageMaker.ListDomains";
    const CREATE: &[u8] = b"SageMaker.CreateDomain";
    const USER: &[u8] = b"SageMaker.CreateUserProfile";
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_member = format!(
        "{{\"DomainName\": \"x\", \"Tags\": {}{}}}",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    vec![
        Bad {
            target: None,
            ..bad(
                "missing X-Amz-Target",
                LIST,
                b"{}",
                "UnknownOperationException",
            )
        },
        bad(
            "an operation SageMaker does not have",
            b"SageMaker.NoSuchOp",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "an operation SageMaker has but the emulator does not serve",
            b"SageMaker.CreateTrainingJob",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "a target of another service",
            b"DynamoDB_20120810.ListTables",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "a target without an operation",
            b"SageMaker.",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "a target without a dot",
            b"SageMaker",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "an empty target",
            b"",
            b"{}",
            "UnknownOperationException",
        ),
        bad(
            "a target that is not UTF-8",
            b"SageMaker.List\xffDomains",
            b"{}",
            "UnknownOperationException",
        ),
        Bad {
            method: "GET",
            target: None,
            body: Vec::new(),
            ..bad("GET /", LIST, b"", "UnknownOperationException")
        },
        Bad {
            method: "GET",
            body: Vec::new(),
            ..bad(
                "GET / with a target",
                LIST,
                b"",
                "UnknownOperationException",
            )
        },
        Bad {
            method: "PUT",
            ..bad("PUT /", LIST, b"{}", "UnknownOperationException")
        },
        Bad {
            method: "DELETE",
            path: "/some/path",
            ..bad(
                "DELETE on another path",
                LIST,
                b"{}",
                "UnknownOperationException",
            )
        },
        bad(
            "a body that is an array",
            LIST,
            b"[1]",
            "SerializationException",
        ),
        bad(
            "a body that is a string",
            LIST,
            b"\"x\"",
            "SerializationException",
        ),
        bad(
            "a body that is a number",
            LIST,
            b"42",
            "SerializationException",
        ),
        bad(
            "a body that is true",
            LIST,
            b"true",
            "SerializationException",
        ),
        bad(
            "a body that is null",
            LIST,
            b"null",
            "SerializationException",
        ),
        bad(
            "a truncated object",
            LIST,
            b"{",
            "SerializationException",
        ),
        bad(
            "two objects",
            LIST,
            b"{}{}",
            "SerializationException",
        ),
        bad(
            "an object with trailing garbage",
            LIST,
            b"{\"MaxResults\": 1} x",
            "SerializationException",
        ),
        bad(
            "invalid UTF-8",
            LIST,
            b"\xff\xfe\xfd",
            "SerializationException",
        ),
        bad(
            "invalid UTF-8 inside a string",
            CREATE,
            b"{\"DomainName\": \"a\xffb\"}",
            "SerializationException",
        ),
        bad(
            "a number beyond f64",
            LIST,
            b"{\"MaxResults\": 1e400}",
            "SerializationException",
        ),
        bad(
            "nesting 100000 deep",
            LIST,
            deep.as_bytes(),
            "SerializationException",
        ),
        bad(
            "nesting 5000 deep inside a member",
            CREATE,
            deep_member.as_bytes(),
            "SerializationException",
        ),
        bad(
            "DomainName a number",
            CREATE,
            b"{\"DomainName\": 5, \"AuthMode\": \"IAM\", \"DefaultUserSettings\": {}}",
            "SerializationException",
        ),
        bad(
            "MaxResults a string",
            LIST,
            b"{\"MaxResults\": \"10\"}",
            "SerializationException",
        ),
        bad(
            "MaxResults a fraction",
            LIST,
            b"{\"MaxResults\": 1.5}",
            "SerializationException",
        ),
        bad(
            "MaxResults beyond an integer",
            LIST,
            b"{\"MaxResults\": 99999999999999999999}",
            "SerializationException",
        ),
        bad(
            "SubnetIds a string",
            CREATE,
            b"{\"DomainName\": \"d\", \"AuthMode\": \"IAM\", \"DefaultUserSettings\": {}, \"SubnetIds\": \"subnet-1\"}",
            "SerializationException",
        ),
        bad(
            "DefaultUserSettings a list",
            CREATE,
            b"{\"DomainName\": \"d\", \"AuthMode\": \"IAM\", \"DefaultUserSettings\": []}",
            "SerializationException",
        ),
        bad(
            "Tags an object",
            USER,
            b"{\"DomainId\": \"d-000000000000\", \"UserProfileName\": \"u\", \"Tags\": {}}",
            "SerializationException",
        ),
        bad(
            "MaxResults zero",
            LIST,
            b"{\"MaxResults\": 0}",
            "ValidationException",
        ),
        bad(
            "MaxResults negative",
            LIST,
            b"{\"MaxResults\": -1}",
            "ValidationException",
        ),
        bad(
            "an empty body where members are required",
            CREATE,
            b"",
            "ValidationException",
        ),
        bad(
            "a forged NextToken",
            LIST,
            b"{\"NextToken\": \"forged\"}",
            "ValidationException",
        ),
        bad(
            "DescribeDomain of nothing",
            b"SageMaker.DescribeDomain",
            b"{\"DomainId\": \"d-000000000000\"}",
            "ResourceNotFound",
        ),
        Bad {
            status: 413,
            ..bad(
                "a 2 MiB body",
                CREATE,
                &vec![b' '; 2 * 1024 * 1024],
                "RequestEntityTooLargeException",
            )
        },
        Bad {
            status: 413,
            ..bad(
                "a 2 MiB JSON object",
                CREATE,
                format!("{{\"DomainName\": \"{}\"}}", "a".repeat(2 * 1024 * 1024)).as_bytes(),
                "RequestEntityTooLargeException",
            )
        },
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_malformed_request_gets_a_typed_4xx_and_the_server_keeps_serving() {
    let server = server().await;
    let addr = server.local_addr();
    let mut failures = Vec::new();
    for case in bad_requests() {
        let mut headers: Vec<(&str, &[u8])> = vec![("Content-Type", JSON_11)];
        if let Some(target) = case.target {
            headers.push(("X-Amz-Target", target));
        }
        let response = send(addr, case.method, case.path, &headers, &case.body).await;
        let typed = response
            .header("x-amzn-ErrorType")
            .zip(response.error_code())
            .filter(|(header, body)| header == body)
            .map(|(_, body)| body);
        if response.status != case.status || typed.as_deref() != Some(case.code) {
            failures.push(format!(
                "{}: expected {} {}, got HTTP {} {:?} {}",
                case.label,
                case.status,
                case.code,
                response.status,
                response.header("x-amzn-ErrorType"),
                response.text().chars().take(300).collect::<String>()
            ));
        } else {
            assert_error_envelope(&response, case.status, case.code);
        }
        assert_still_serving(addr, case.label).await;
    }
    assert!(
        failures.is_empty(),
        "{} malformed requests got the wrong answer:\n{}",
        failures.len(),
        failures.join("\n")
    );
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_request_entity_too_large_and_a_body_under_it_is_read() {
    let server = server().await;
    let addr = server.local_addr();
    let too_big = vec![b' '; 2 * 1024 * 1024];
    let response = call_raw(addr, None, "ListDomains", &too_big).await;
    assert_error_envelope(&response, 413, "RequestEntityTooLargeException");
    // Just under the limit: read, parsed (whitespace around {}) and answered.
    let mut padded = vec![b' '; 1024 * 1024 - 2];
    padded.extend_from_slice(b"{}");
    let response = call_raw(addr, None, "ListDomains", &padded).await;
    assert_eq!(response.status, 200, "{}", response.describe());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_empty_body_is_read_as_an_empty_object() {
    let server = server().await;
    let addr = server.local_addr();
    let response = call_raw(addr, None, "ListDomains", b"").await;
    assert_eq!(response.status, 200, "{}", response.describe());
    assert_eq!(response.json(), json!({"Domains": []}));
    let response = call_raw(addr, None, "ListDomains", b" \r\n\t").await;
    assert_eq!(response.status, 200, "{}", response.describe());
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_request_without_content_type_is_answered_not_dropped() {
    let server = server().await;
    let addr = server.local_addr();
    let headers: [(&str, &[u8]); 1] = [("X-Amz-Target", b"SageMaker.ListDomains")];
    let response = send(addr, "POST", "/", &headers, b"{}").await;
    assert!(
        response.status == 200 || (400..500).contains(&response.status),
        "{}",
        response.describe()
    );
    assert!(
        response.status == 200 || response.error_code().is_some(),
        "{}",
        response.describe()
    );
    assert_still_serving(addr, "no Content-Type").await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn wrong_json_types_in_members_are_serialization_exceptions_with_aws_texts() {
    let server = server().await;
    let addr = server.local_addr();
    let message = refused(
        addr,
        "CreateDomain",
        &json!({"DomainName": 5, "AuthMode": "IAM", "DefaultUserSettings": {}}),
        "SerializationException",
    )
    .await;
    assert_eq!(message, "NUMBER_VALUE can not be converted to a String");
    let message = refused(
        addr,
        "ListDomains",
        &json!({"MaxResults": "10"}),
        "SerializationException",
    )
    .await;
    assert_eq!(message, "STRING_VALUE can not be converted to an Integer");
    let message = refused(
        addr,
        "CreateDomain",
        &json!({"DomainName": "d", "AuthMode": "IAM", "DefaultUserSettings": {}, "SubnetIds": "subnet-1"}),
        "SerializationException",
    )
    .await;
    assert_eq!(message, "Expected list or null");
    // Nothing was created by any of them.
    assert_eq!(
        ok(addr, "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Who calls: account and region from the SigV4 credential scope
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn each_account_and_region_of_the_credential_scope_is_a_separate_world() {
    let server = server().await;
    let addr = server.local_addr();
    let owner = auth("111111111111", "eu-west-1");
    let other_account = auth("222222222222", "eu-west-1");
    let other_region = auth("111111111111", "us-east-1");

    let created = ok_as(
        addr,
        Some(&owner),
        "CreateDomain",
        &json!({"DomainName": "scoped", "AuthMode": "IAM", "DefaultUserSettings": default_user_settings()}),
    )
    .await;
    let domain_id = created["DomainId"].as_str().unwrap().to_string();
    let arn = created["DomainArn"].as_str().unwrap();
    assert_eq!(
        arn,
        format!("arn:aws:sagemaker:eu-west-1:111111111111:domain/{domain_id}")
    );
    assert_eq!(
        created["Url"],
        format!("https://{domain_id}.studio.eu-west-1.sagemaker.aws")
    );

    let mine = ok_as(addr, Some(&owner), "ListDomains", &json!({})).await;
    assert_eq!(mine["Domains"].as_array().unwrap().len(), 1, "{mine:?}");
    for (who, caller) in [
        ("another account", Some(other_account.as_str())),
        (
            "another region of the same account",
            Some(other_region.as_str()),
        ),
        ("the default caller", None),
    ] {
        let listed = ok_as(addr, caller, "ListDomains", &json!({})).await;
        assert_eq!(listed["Domains"], json!([]), "{who} sees {listed:?}");
        refused_as(
            addr,
            caller,
            "DescribeDomain",
            &json!({"DomainId": domain_id}),
            "ResourceNotFound",
        )
        .await;
        refused_as(
            addr,
            caller,
            "CreateUserProfile",
            &json!({"DomainId": domain_id, "UserProfileName": "intruder"}),
            "ResourceNotFound",
        )
        .await;
        refused_as(
            addr,
            caller,
            "DeleteDomain",
            &json!({"DomainId": domain_id}),
            "ResourceNotFound",
        )
        .await;
    }
    let described = ok_as(
        addr,
        Some(&owner),
        "DescribeDomain",
        &json!({"DomainId": domain_id}),
    )
    .await;
    assert_eq!(described["DomainArn"], arn);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn an_access_key_that_is_not_twelve_digits_uses_the_default_account() {
    let server = server().await;
    let addr = server.local_addr();
    for (key, region) in [
        ("AKIDEXAMPLE", "us-west-2"),
        ("1234567890123", "us-west-2"),
        ("12345678901", "us-west-2"),
        ("ASIA00000000", "us-west-2"),
    ] {
        let caller = auth(key, region);
        let created = ok_as(
            addr,
            Some(&caller),
            "CreateDomain",
            &json!({"DomainName": "default-account", "AuthMode": "IAM", "DefaultUserSettings": default_user_settings()}),
        )
        .await;
        let arn = created["DomainArn"].as_str().unwrap();
        assert!(
            arn.starts_with("arn:aws:sagemaker:us-west-2:000000000000:domain/d-"),
            "{key}: {arn}"
        );
    }
    // Without any Authorization: the default account and the default region.
    let created = ok(
        addr,
        "CreateDomain",
        &json!({"DomainName": "anonymous", "AuthMode": "IAM", "DefaultUserSettings": default_user_settings()}),
    )
    .await;
    assert!(
        created["DomainArn"]
            .as_str()
            .unwrap()
            .starts_with("arn:aws:sagemaker:us-east-1:000000000000:domain/d-"),
        "{created:?}"
    );
    // The four domains above share one world: (000000000000, us-west-2).
    let listed = ok_as(
        addr,
        Some(&auth("000000000000", "us-west-2")),
        "ListDomains",
        &json!({}),
    )
    .await;
    assert_eq!(listed["Domains"].as_array().unwrap().len(), 4, "{listed:?}");
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Concurrent writers
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creates_of_one_user_profile_name_succeed_exactly_once() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "race").await;
    let tasks: Vec<_> = (0..48)
        .map(|_| {
            let domain = domain.clone();
            tokio::spawn(async move {
                call(
                    addr,
                    "CreateUserProfile",
                    &json!({"DomainId": domain, "UserProfileName": "same-name"}),
                )
                .await
            })
        })
        .collect();
    let mut created = 0;
    let mut in_use = 0;
    for task in tasks {
        let response = task.await.expect("the task ends");
        match (response.status, response.error_code().as_deref()) {
            (200, None) => created += 1,
            (400, Some("ResourceInUse")) => in_use += 1,
            _ => panic!("unexpected answer: {}", response.describe()),
        }
    }
    assert_eq!((created, in_use), (1, 47));
    let listed = ok(
        addr,
        "ListUserProfiles",
        &json!({"DomainIdEquals": domain, "MaxResults": 100}),
    )
    .await;
    let profiles = listed["UserProfiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 1, "{listed:?}");
    assert_eq!(profiles[0]["UserProfileName"], "same-name");
    // Only the one created profile took a home uid.
    let described = ok(
        addr,
        "DescribeUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "same-name"}),
    )
    .await;
    assert_eq!(described["HomeEfsFileSystemUid"], "200005");
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creates_of_distinct_names_all_succeed_and_page_once_each() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "crowd").await;
    let names: Vec<String> = (0..48).map(|i| format!("user-{i:02}")).collect();
    let tasks: Vec<_> = names
        .iter()
        .map(|name| {
            let body = json!({"DomainId": domain, "UserProfileName": name});
            tokio::spawn(async move { call(addr, "CreateUserProfile", &body).await })
        })
        .collect();
    for task in tasks {
        let response = task.await.expect("the task ends");
        assert_eq!(response.status, 200, "{}", response.describe());
    }

    let mut seen = Vec::new();
    let mut tokens = BTreeSet::new();
    let mut pages = 0;
    let mut request = json!({"DomainIdEquals": domain, "MaxResults": 7});
    loop {
        let page = ok(addr, "ListUserProfiles", &request).await;
        pages += 1;
        let items = page["UserProfiles"].as_array().unwrap();
        assert!(items.len() <= 7, "page of {}", items.len());
        seen.extend(
            items
                .iter()
                .map(|p| p["UserProfileName"].as_str().unwrap().to_string()),
        );
        match page.get("NextToken").and_then(Value::as_str) {
            Some(token) => {
                assert!(tokens.insert(token.to_string()), "token repeated: {token}");
                request["NextToken"] = token.into();
            }
            None => break,
        }
        assert!(pages < 20, "paging does not end");
    }
    assert_eq!(pages, 7, "48 profiles by 7 make 7 pages");
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(seen.len(), 48, "each profile listed once: {seen:?}");
    assert_eq!(unique, names.iter().collect::<BTreeSet<_>>());
    // Uids were handed out once each.
    let mut uids = BTreeSet::new();
    for name in &names {
        let described = ok(
            addr,
            "DescribeUserProfile",
            &json!({"DomainId": domain, "UserProfileName": name}),
        )
        .await;
        uids.insert(
            described["HomeEfsFileSystemUid"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    // 200005, 200010, … by fives (recorded, fixtures/recordings/c7n-studio-2026-07).
    let expected: BTreeSet<String> = (1..=48u32).map(|i| (200_000 + 5 * i).to_string()).collect();
    assert_eq!(uids, expected);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn pages_stay_stable_while_profiles_are_created_between_them() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "stable").await;
    let create = |name: String| {
        let body = json!({"DomainId": domain, "UserProfileName": name});
        async move { ok(addr, "CreateUserProfile", &body).await }
    };
    for i in 0..6 {
        create(format!("first-{i}")).await;
    }
    let mut seen = Vec::new();
    let mut request = json!({"DomainIdEquals": domain, "MaxResults": 4});
    let mut added = 0;
    loop {
        let page = ok(addr, "ListUserProfiles", &request).await;
        seen.extend(
            page["UserProfiles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["UserProfileName"].as_str().unwrap().to_string()),
        );
        let Some(token) = page.get("NextToken").and_then(Value::as_str) else {
            break;
        };
        request["NextToken"] = token.into();
        // Others write between the pages: two new profiles each time.
        for _ in 0..2 {
            server.clock().advance(std::time::Duration::from_millis(10));
            create(format!("later-{added}")).await;
            added += 1;
        }
        assert!(added < 40, "paging does not end");
    }
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "a profile listed twice: {seen:?}");
    for i in 0..6 {
        assert!(
            seen.contains(&format!("first-{i}")),
            "first-{i} skipped: {seen:?}"
        );
    }
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// A refused call changes nothing
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn refused_calls_change_nothing() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "untouched").await;
    ok(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "alice"}),
    )
    .await;
    server.clock().advance(std::time::Duration::from_secs(10));
    let domain_before = ok(addr, "DescribeDomain", &json!({"DomainId": domain})).await;
    assert_eq!(domain_before["Status"], "InService");
    let alice = json!({"DomainId": domain, "UserProfileName": "alice"});
    let alice_before = ok(addr, "DescribeUserProfile", &alice).await;

    // A KernelGateway app needs an instance type: nobody configured one.
    refused(
        addr,
        "CreateApp",
        &json!({"DomainId": domain, "UserProfileName": "alice", "AppType": "KernelGateway", "AppName": "kg"}),
        "ValidationException",
    )
    .await;
    let apps = ok(addr, "ListApps", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(apps["Apps"], json!([]));
    refused(
        addr,
        "DescribeApp",
        &json!({"DomainId": domain, "UserProfileName": "alice", "AppType": "KernelGateway", "AppName": "kg"}),
        "ResourceNotFound",
    )
    .await;

    // Names are case-insensitive: ALICE is taken.
    refused(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "ALICE"}),
        "ResourceInUse",
    )
    .await;
    // A private space without an owner, and one owned by nobody.
    refused(
        addr,
        "CreateSpace",
        &json!({"DomainId": domain, "SpaceName": "s", "SpaceSharingSettings": {"SharingType": "Private"}}),
        "ValidationException",
    )
    .await;
    refused(
        addr,
        "CreateSpace",
        &json!({"DomainId": domain, "SpaceName": "s", "SpaceSharingSettings": {"SharingType": "Private"},
                "OwnershipSettings": {"OwnerUserProfileName": "nobody"}}),
        "ResourceNotFound",
    )
    .await;
    let spaces = ok(addr, "ListSpaces", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(spaces["Spaces"], json!([]));
    // None of the refusals took a home uid: the next profile gets the next one.
    ok(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "bob"}),
    )
    .await;
    let bob = ok(
        addr,
        "DescribeUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "bob"}),
    )
    .await;
    assert_eq!(bob["HomeEfsFileSystemUid"], "200010");
    server.clock().advance(std::time::Duration::from_secs(10));

    // A domain with user profiles cannot be deleted; it stays InService, unmodified.
    refused(
        addr,
        "DeleteDomain",
        &json!({"DomainId": domain}),
        "ResourceInUse",
    )
    .await;
    let domain_after = ok(addr, "DescribeDomain", &json!({"DomainId": domain})).await;
    assert_eq!(domain_after["Status"], "InService");
    assert_eq!(
        domain_after["LastModifiedTime"],
        domain_before["LastModifiedTime"]
    );

    // A profile with a live app cannot be deleted; it stays InService.
    ok(
        addr,
        "CreateApp",
        &json!({"DomainId": domain, "UserProfileName": "alice", "AppType": "JupyterServer", "AppName": "default"}),
    )
    .await;
    refused(addr, "DeleteUserProfile", &alice, "ResourceInUse").await;
    let alice_after = ok(addr, "DescribeUserProfile", &alice).await;
    assert_eq!(alice_after["Status"], "InService");
    assert_eq!(
        alice_after["LastModifiedTime"],
        alice_before["LastModifiedTime"]
    );
    let profiles = ok(addr, "ListUserProfiles", &json!({"DomainIdEquals": domain})).await;
    assert_eq!(profiles["UserProfiles"].as_array().unwrap().len(), 2);
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Paging tokens
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_forged_next_token_is_a_validation_exception() {
    let server = server().await;
    let addr = server.local_addr();
    for name in ["one", "two", "three"] {
        create_domain(addr, name).await;
    }
    let first = ok(addr, "ListDomains", &json!({"MaxResults": 1})).await;
    let token = first["NextToken"]
        .as_str()
        .expect("a next page")
        .to_string();
    // The real token works.
    let second = ok(
        addr,
        "ListDomains",
        &json!({"MaxResults": 1, "NextToken": token}),
    )
    .await;
    assert_ne!(second["Domains"], first["Domains"]);
    let (body, mac) = token.rsplit_once('.').unwrap_or((token.as_str(), ""));
    let flipped_mac: String = mac
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect();
    for forged in [
        "forged".to_string(),
        "x.0000000000000000".to_string(),
        format!("{body}.{flipped_mac}"),
        format!("A{token}"),
        format!("{token}0"),
        ".".to_string(),
        "\u{00e9}\u{00e9}.zz".to_string(),
    ] {
        let message = refused(
            addr,
            "ListDomains",
            &json!({"MaxResults": 1, "NextToken": forged}),
            "ValidationException",
        )
        .await;
        assert!(message.contains("NextToken"), "{forged}: {message}");
    }
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_next_token_of_one_operation_or_request_is_refused_by_another() {
    let server = server().await;
    let addr = server.local_addr();
    let domain = create_domain(addr, "tokens").await;
    create_domain(addr, "tokens-2").await;
    for name in ["a", "b", "c"] {
        ok(
            addr,
            "CreateUserProfile",
            &json!({"DomainId": domain, "UserProfileName": name}),
        )
        .await;
    }
    let domains = ok(addr, "ListDomains", &json!({"MaxResults": 1})).await;
    let domains_token = domains["NextToken"].as_str().unwrap();
    let profiles = ok(
        addr,
        "ListUserProfiles",
        &json!({"DomainIdEquals": domain, "MaxResults": 1}),
    )
    .await;
    let profiles_token = profiles["NextToken"].as_str().unwrap();

    for (operation, body) in [
        (
            "ListUserProfiles",
            json!({"DomainIdEquals": domain, "NextToken": domains_token}),
        ),
        ("ListSpaces", json!({"NextToken": domains_token})),
        ("ListApps", json!({"NextToken": profiles_token})),
        ("ListDomains", json!({"NextToken": profiles_token})),
        // Same operation, other filters.
        (
            "ListUserProfiles",
            json!({"DomainIdEquals": domain, "UserProfileNameContains": "a", "NextToken": profiles_token}),
        ),
        (
            "ListUserProfiles",
            json!({"DomainIdEquals": domain, "SortOrder": "Descending", "NextToken": profiles_token}),
        ),
    ] {
        refused(addr, operation, &body, "ValidationException").await;
    }
    // The token stays good for the request it was issued for, with any page size.
    let next = ok(
        addr,
        "ListUserProfiles",
        &json!({"DomainIdEquals": domain, "MaxResults": 5, "NextToken": profiles_token}),
    )
    .await;
    assert_eq!(next["UserProfiles"].as_array().unwrap().len(), 2);
    server.shutdown().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// The admin API
// ---------------------------------------------------------------------------------------------

async fn admin(addr: std::net::SocketAddr, method: &str, path: &str, body: &[u8]) -> Response {
    let headers: [(&str, &[u8]); 1] = [("Content-Type", b"application/json")];
    send(addr, method, path, &headers, body).await
}

#[tokio::test]
async fn admin_health_answers_ok_with_the_version() {
    let server = server().await;
    let addr = server.local_addr();
    let response = admin(addr, "GET", "/_emulator/health", b"").await;
    assert_eq!(response.status, 200, "{}", response.describe());
    let body = response.json();
    assert_eq!(body["Status"], "ok");
    assert_eq!(body["Version"], env!("CARGO_PKG_VERSION"));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_clock_shows_manual_mode_and_advance_moves_now_by_the_seconds_given() {
    let server = server().await;
    let addr = server.local_addr();
    let clock = admin(addr, "GET", "/_emulator/clock", b"").await;
    assert_eq!(clock.status, 200, "{}", clock.describe());
    let clock = clock.json();
    assert_eq!(clock["Mode"], "manual");
    assert_eq!(clock["TimeScale"], 1.0);
    assert_eq!(seconds(&clock["Now"]), T0_SECONDS);

    let advanced = admin(
        addr,
        "POST",
        "/_emulator/clock/advance",
        br#"{"Seconds": 90}"#,
    )
    .await;
    assert_eq!(advanced.status, 200, "{}", advanced.describe());
    assert_eq!(seconds(&advanced.json()["Now"]), T0_SECONDS + 90.0);
    let clock = admin(addr, "GET", "/_emulator/clock", b"").await.json();
    assert_eq!(seconds(&clock["Now"]), T0_SECONDS + 90.0);
    assert_eq!(server.clock().now().0, T0_MILLIS + 90_000);

    // Fractions are kept to the millisecond; the API sees the same time.
    let advanced = admin(
        addr,
        "POST",
        "/_emulator/clock/advance",
        br#"{"Seconds": 0.5}"#,
    )
    .await;
    assert_eq!(seconds(&advanced.json()["Now"]), T0_SECONDS + 90.5);
    let created = ok(
        addr,
        "CreateDomain",
        &json!({"DomainName": "timed", "AuthMode": "IAM", "DefaultUserSettings": default_user_settings()}),
    )
    .await;
    let described = ok(
        addr,
        "DescribeDomain",
        &json!({"DomainId": created["DomainId"]}),
    )
    .await;
    assert_eq!(seconds(&described["CreationTime"]), T0_SECONDS + 90.5);
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_clock_advance_refuses_bad_bodies_with_a_typed_400_and_keeps_the_time() {
    let server = server().await;
    let addr = server.local_addr();
    let bodies: [&[u8]; 12] = [
        b"",
        b"{}",
        b"{",
        b"[1]",
        b"null",
        b"\xff",
        br#"{"Seconds": "90"}"#,
        br#"{"Seconds": -1}"#,
        br#"{"Seconds": 1e11}"#,
        br#"{"Seconds": null}"#,
        br#"{"Seconds": [90]}"#,
        br#"{"seconds": 90}"#,
    ];
    for body in bodies {
        let response = admin(addr, "POST", "/_emulator/clock/advance", body).await;
        let label = String::from_utf8_lossy(body);
        assert_eq!(response.status, 400, "{label}: {}", response.describe());
        let code = response.error_code();
        assert!(
            matches!(
                code.as_deref(),
                Some("ValidationException" | "SerializationException")
            ),
            "{label}: {}",
            response.describe()
        );
        assert_eq!(
            response.header("x-amzn-ErrorType"),
            code.as_deref(),
            "{label}"
        );
        assert!(response.header("x-amzn-RequestId").is_some(), "{label}");
    }
    assert_eq!(server.clock().now().0, T0_MILLIS, "no bad body moved time");
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_reset_empties_every_world_and_keeps_serving() {
    let server = server().await;
    let addr = server.local_addr();
    let elsewhere = auth("333333333333", "ap-northeast-1");
    let domain = create_domain(addr, "before-reset").await;
    ok(
        addr,
        "CreateUserProfile",
        &json!({"DomainId": domain, "UserProfileName": "u"}),
    )
    .await;
    create_domain_as(addr, Some(&elsewhere), "elsewhere").await;

    let response = admin(addr, "POST", "/_emulator/reset", b"").await;
    assert_eq!(response.status, 200, "{}", response.describe());

    assert_eq!(
        ok(addr, "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    assert_eq!(
        ok_as(addr, Some(&elsewhere), "ListDomains", &json!({})).await["Domains"],
        json!([])
    );
    assert_eq!(
        ok(addr, "ListUserProfiles", &json!({})).await["UserProfiles"],
        json!([])
    );
    refused(
        addr,
        "DescribeDomain",
        &json!({"DomainId": domain}),
        "ResourceNotFound",
    )
    .await;
    // The configuration stays: same clock, and the server still creates.
    assert_eq!(server.clock().now().0, T0_MILLIS);
    create_domain(addr, "after-reset").await;
    server.shutdown().await.unwrap();
}

/// The admin API answers its errors "in the same envelope as the API's" (src/http/admin.rs): a typed 4xx
/// with `__type` and `x-amzn-ErrorType`, never an empty body.
fn assert_typed_4xx(response: &Response, what: &str) {
    assert!(
        (400..500).contains(&response.status),
        "{what}: {}",
        response.describe()
    );
    let code = response.error_code();
    assert!(code.is_some(), "{what}: untyped {}", response.describe());
    assert_eq!(
        response.header("x-amzn-ErrorType"),
        code.as_deref(),
        "{what}"
    );
}

#[tokio::test]
async fn admin_paths_with_the_wrong_method_are_refused_with_a_typed_4xx() {
    let server = server().await;
    let addr = server.local_addr();
    for (method, path) in [
        ("GET", "/_emulator/reset"),
        ("POST", "/_emulator/health"),
        ("DELETE", "/_emulator/clock"),
        ("GET", "/_emulator/clock/advance"),
    ] {
        let response = admin(addr, method, path, b"").await;
        assert_typed_4xx(&response, &format!("{method} {path}"));
    }
    assert_eq!(server.clock().now().0, T0_MILLIS);
    assert_still_serving(addr, "wrong admin methods").await;
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn admin_clock_advance_refuses_an_oversized_body_with_a_typed_413() {
    let server = server().await;
    let addr = server.local_addr();
    let mut body = br#"{"Seconds": 90}"#.to_vec();
    body.resize(3 * 1024 * 1024, b' ');
    let response = admin(addr, "POST", "/_emulator/clock/advance", &body).await;
    assert_eq!(response.status, 413, "{}", response.describe());
    assert_typed_4xx(&response, "a 3 MiB body");
    assert_eq!(server.clock().now().0, T0_MILLIS);
    server.shutdown().await.unwrap();
}
