//! Rules beyond the model at the service layer (no HTTP): each test drives `Service::call` as the
//! API path does (validation, then the handler under the partition's lock) on a manual clock.
//! docs/fidelity.md names each test with the public source of its rule.

use serde_json::{json, Value};

use sagemaker_studio_emulator::clock::{Clock, Timestamp};
use sagemaker_studio_emulator::error::ApiError;
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
use sagemaker_studio_emulator::protocol::{ApiRequest, Defaults};
use sagemaker_studio_emulator::service::Service;

const ACCOUNT: &str = "111122223333";
const ROLE: &str = "arn:aws:iam::111122223333:role/r";
const RSTUDIO_ROLE: &str = "arn:aws:iam::111122223333:role/rstudio";

fn service() -> Service {
    Service::new(
        Clock::manual_at(Timestamp(1_767_225_600_000)),
        DelayProfile::new(DelayPreset::Fast),
        Defaults {
            account_id: ACCOUNT.into(),
            region: "us-east-1".into(),
        },
    )
}

fn call(service: &Service, operation: &str, input: Value) -> Result<Value, ApiError> {
    let Value::Object(input) = input else {
        panic!("tests pass objects")
    };
    service.call(&ApiRequest {
        operation: operation.into(),
        account_id: ACCOUNT.into(),
        region: "us-east-1".into(),
        input,
    })
}

fn ok(service: &Service, operation: &str, input: Value) -> Value {
    call(service, operation, input.clone())
        .unwrap_or_else(|e| panic!("{operation} {input}: {}: {}", e.code(), e.message()))
}

fn refused(service: &Service, operation: &str, input: Value) -> ApiError {
    match call(service, operation, input.clone()) {
        Ok(out) => panic!("{operation} {input} must be refused, answered {out}"),
        Err(e) => e,
    }
}

fn advance(service: &Service) {
    service.clock.advance(std::time::Duration::from_secs(1));
}

fn domain(service: &Service, extra: Value) -> String {
    let mut input = json!({"DomainName": "rules", "AuthMode": "IAM",
        "DefaultUserSettings": {"ExecutionRole": ROLE},
        "VpcId": "vpc-0123456789abcdef0", "SubnetIds": ["subnet-aaaaaaaa", "subnet-bbbbbbbb"]});
    if let (Some(target), Value::Object(extra)) = (input.as_object_mut(), extra) {
        target.extend(extra);
    }
    let id = ok(service, "CreateDomain", input)["DomainId"]
        .as_str()
        .unwrap()
        .to_string();
    advance(service);
    id
}

/// A domain with a user profile running one KernelGateway app (InService).
fn domain_with_running_app(service: &Service, extra: Value) -> String {
    let id = domain(service, extra);
    ok(
        service,
        "CreateUserProfile",
        json!({"DomainId": id, "UserProfileName": "ana"}),
    );
    advance(service);
    ok(
        service,
        "CreateApp",
        json!({"DomainId": id, "UserProfileName": "ana", "AppType": "KernelGateway",
               "AppName": "k", "ResourceSpec": {"InstanceType": "ml.t3.medium"}}),
    );
    advance(service);
    id
}

fn in_service_app_text(id: &str) -> String {
    format!("Unable to update Domain [arn:aws:sagemaker:us-east-1:{ACCOUNT}:domain/{id}] with InService App. Delete all InService apps in the domain including shared Apps for [domain-shared] User Profile, and try again.")
}

#[test]
fn rstudio_settings_wait_for_in_service_apps() {
    let service = service();
    let id = domain_with_running_app(
        &service,
        json!({"DomainSettings": {"RStudioServerProDomainSettings": {"DomainExecutionRoleArn": RSTUDIO_ROLE}}}),
    );
    for update in [
        json!({"DomainId": id, "DomainSettingsForUpdate": {"RStudioServerProDomainSettingsForUpdate": {"DomainExecutionRoleArn": RSTUDIO_ROLE}}}),
        json!({"DomainId": id, "AppSecurityGroupManagement": "Service"}),
    ] {
        let error = refused(&service, "UpdateDomain", update);
        assert_eq!(error.code(), "ValidationException");
        assert_eq!(error.message(), in_service_app_text(&id));
    }
    let described = ok(&service, "DescribeDomain", json!({"DomainId": id}));
    assert_eq!(described["Status"], "InService");
    assert!(described.get("AppSecurityGroupManagement").is_none());
}

#[test]
fn network_type_is_frozen_on_rstudio_domains() {
    let service = service();
    let id = domain(
        &service,
        json!({"DomainSettings": {"RStudioServerProDomainSettings": {"DomainExecutionRoleArn": RSTUDIO_ROLE}}}),
    );
    let error = refused(
        &service,
        "UpdateDomain",
        json!({"DomainId": id, "AppNetworkAccessType": "VpcOnly",
               "VpcId": "vpc-0123456789abcdef0", "SubnetIds": ["subnet-aaaaaaaa"]}),
    );
    assert_eq!(error.code(), "ValidationException");
    assert!(
        error.message().contains("DomainExecutionRoleArn"),
        "{error}"
    );
    // The same update on a domain without RStudio and without apps is made.
    let plain = domain(&service, json!({}));
    ok(
        &service,
        "UpdateDomain",
        json!({"DomainId": plain, "AppNetworkAccessType": "VpcOnly",
               "VpcId": "vpc-0123456789abcdef0", "SubnetIds": ["subnet-aaaaaaaa"]}),
    );
}

#[test]
fn removing_subnets_waits_for_running_apps() {
    let service = service();
    let id = domain_with_running_app(&service, json!({}));
    let error = refused(
        &service,
        "UpdateDomain",
        json!({"DomainId": id, "SubnetIds": ["subnet-aaaaaaaa"]}),
    );
    assert_eq!(error.message(), in_service_app_text(&id));
    // Adding one is fine while apps run.
    ok(
        &service,
        "UpdateDomain",
        json!({"DomainId": id, "SubnetIds": ["subnet-aaaaaaaa", "subnet-bbbbbbbb", "subnet-cccccccc"]}),
    );
}

#[test]
fn identity_config_waits_for_running_apps() {
    let service = service();
    let id = domain_with_running_app(&service, json!({}));
    let error = refused(
        &service,
        "UpdateDomain",
        json!({"DomainId": id, "DomainSettingsForUpdate": {"ExecutionRoleIdentityConfig": "USER_PROFILE_NAME"}}),
    );
    assert_eq!(error.message(), in_service_app_text(&id));
}

#[test]
fn create_domain_security_groups_need_rstudio() {
    let service = service();
    let error = refused(
        &service,
        "CreateDomain",
        json!({"DomainName": "sg", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": ROLE},
               "AppNetworkAccessType": "VpcOnly", "VpcId": "vpc-0123456789abcdef0",
               "SubnetIds": ["subnet-aaaaaaaa"], "AppSecurityGroupManagement": "Service"}),
    );
    assert_eq!(
        error.message(),
        "AppSecurityGroupManagement can only be set for Rstudio enabled domains."
    );
    assert_eq!(ok(&service, "ListDomains", json!({}))["Domains"], json!([]));
    ok(
        &service,
        "CreateDomain",
        json!({"DomainName": "sg", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": ROLE},
               "AppNetworkAccessType": "VpcOnly", "VpcId": "vpc-0123456789abcdef0",
               "SubnetIds": ["subnet-aaaaaaaa"], "AppSecurityGroupManagement": "Service",
               "DomainSettings": {"RStudioServerProDomainSettings": {"DomainExecutionRoleArn": RSTUDIO_ROLE}}}),
    );
}

#[test]
fn amazon_q_needs_sso() {
    let service = service();
    let body = |auth: &str| {
        json!({"DomainName": "q", "AuthMode": auth, "DefaultUserSettings": {"ExecutionRole": ROLE},
               "DomainSettings": {"AmazonQSettings": {"Status": "ENABLED"}}})
    };
    assert_eq!(
        refused(&service, "CreateDomain", body("IAM")).code(),
        "ValidationException"
    );
    ok(&service, "CreateDomain", body("SSO"));
}

#[test]
fn default_as_domain_is_for_profiles_only() {
    let service = service();
    let error = refused(
        &service,
        "CreateDomain",
        json!({"DomainName": "efs", "AuthMode": "IAM",
               "DefaultUserSettings": {"ExecutionRole": ROLE, "AutoMountHomeEFS": "DefaultAsDomain"}}),
    );
    assert_eq!(error.code(), "ValidationException");
    let id = domain(&service, json!({}));
    ok(
        &service,
        "CreateUserProfile",
        json!({"DomainId": id, "UserProfileName": "ana",
               "UserSettings": {"AutoMountHomeEFS": "DefaultAsDomain"}}),
    );
}

#[test]
fn studio_landing_needs_the_web_portal() {
    let service = service();
    let id = domain(&service, json!({}));
    let error = refused(
        &service,
        "CreateUserProfile",
        json!({"DomainId": id, "UserProfileName": "ana",
               "UserSettings": {"DefaultLandingUri": "studio::", "StudioWebPortal": "DISABLED"}}),
    );
    assert_eq!(error.code(), "ValidationException");
    ok(
        &service,
        "CreateUserProfile",
        json!({"DomainId": id, "UserProfileName": "ana",
               "UserSettings": {"DefaultLandingUri": "app:JupyterServer:", "StudioWebPortal": "DISABLED"}}),
    );
}

#[test]
fn sso_members_follow_the_domains_auth_mode() {
    let service = service();
    let iam = domain(&service, json!({}));
    let error = refused(
        &service,
        "CreateUserProfile",
        json!({"DomainId": iam, "UserProfileName": "ana",
               "SingleSignOnUserIdentifier": "UserName", "SingleSignOnUserValue": "ana"}),
    );
    assert_eq!(error.code(), "ValidationException");
    let sso = ok(
        &service,
        "CreateDomain",
        json!({"DomainName": "sso", "AuthMode": "SSO", "DefaultUserSettings": {"ExecutionRole": ROLE}}),
    )["DomainId"]
        .as_str()
        .unwrap()
        .to_string();
    let error = refused(
        &service,
        "CreateUserProfile",
        json!({"DomainId": sso, "UserProfileName": "ana"}),
    );
    assert_eq!(error.code(), "ValidationException");
    ok(
        &service,
        "CreateUserProfile",
        json!({"DomainId": sso, "UserProfileName": "ana",
               "SingleSignOnUserIdentifier": "UserName", "SingleSignOnUserValue": "ana"}),
    );
}
