"""Every typed error, as boto3 exposes it: a modelled exception class where the model has one
(ResourceNotFound, ResourceInUse), else ClientError with e.response['Error']['Code']."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from conftest import quick_start_domain


def error_of(excinfo) -> dict:
    return excinfo.value.response["Error"]


def assert_envelope(excinfo, code: str) -> None:
    response = excinfo.value.response
    assert response["Error"]["Code"] == code
    assert response["Error"]["Message"], "the error carries a message"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RequestId"], "x-amzn-RequestId is read"


@pytest.fixture
def domain(sm, account, emulator):
    domain_id = quick_start_domain(sm, account)
    emulator.advance(1)
    return domain_id


@pytest.fixture
def profile(sm, domain, emulator):
    sm.create_user_profile(DomainId=domain, UserProfileName="alice")
    emulator.advance(1)
    return "alice"


def test_describe_unknown_domain_is_resource_not_found(sm):
    with pytest.raises(sm.exceptions.ResourceNotFound) as excinfo:
        sm.describe_domain(DomainId="d-000000000000")
    assert_envelope(excinfo, "ResourceNotFound")
    assert "d-000000000000" in error_of(excinfo)["Message"]


def test_describe_unknown_user_profile_is_resource_not_found(sm, domain):
    with pytest.raises(sm.exceptions.ResourceNotFound) as excinfo:
        sm.describe_user_profile(DomainId=domain, UserProfileName="nobody")
    assert_envelope(excinfo, "ResourceNotFound")


def test_duplicate_user_profile_is_resource_in_use(sm, domain, profile):
    for name in ("alice", "ALICE", "Alice"):
        with pytest.raises(sm.exceptions.ResourceInUse) as excinfo:
            sm.create_user_profile(DomainId=domain, UserProfileName=name)
        assert_envelope(excinfo, "ResourceInUse")
    # A refused call changes nothing.
    profiles = sm.list_user_profiles(DomainIdEquals=domain)["UserProfiles"]
    assert [p["UserProfileName"] for p in profiles] == ["alice"]


def test_delete_domain_with_a_user_profile_is_resource_in_use(sm, domain, profile):
    with pytest.raises(sm.exceptions.ResourceInUse) as excinfo:
        sm.delete_domain(DomainId=domain, RetentionPolicy={"HomeEfsFileSystem": "Delete"})
    assert_envelope(excinfo, "ResourceInUse")
    assert sm.describe_domain(DomainId=domain)["Status"] == "InService"


def test_delete_user_profile_with_a_live_app_is_resource_in_use(sm, domain, profile):
    sm.create_app(
        DomainId=domain,
        UserProfileName=profile,
        AppType="JupyterServer",
        AppName="default",
        ResourceSpec={"InstanceType": "system"},
    )
    with pytest.raises(sm.exceptions.ResourceInUse) as excinfo:
        sm.delete_user_profile(DomainId=domain, UserProfileName=profile)
    assert_envelope(excinfo, "ResourceInUse")
    assert sm.describe_user_profile(DomainId=domain, UserProfileName=profile)["Status"] == "InService"


def test_kernel_gateway_without_an_instance_type_is_a_validation_error(sm, domain, profile):
    with pytest.raises(ClientError) as excinfo:
        sm.create_app(
            DomainId=domain, UserProfileName=profile, AppType="KernelGateway", AppName="kg"
        )
    assert_envelope(excinfo, "ValidationException")
    assert sm.list_apps(DomainIdEquals=domain)["Apps"] == []


def test_jupyter_server_on_an_ml_instance_is_a_validation_error(sm, domain, profile):
    with pytest.raises(ClientError) as excinfo:
        sm.create_app(
            DomainId=domain,
            UserProfileName=profile,
            AppType="JupyterServer",
            AppName="default",
            ResourceSpec={"InstanceType": "ml.t3.medium"},
        )
    assert_envelope(excinfo, "ValidationException")


def test_bad_domain_name_reaches_the_server_and_is_a_validation_error(sm, account):
    # botocore checks only required members, min lengths and types: the pattern is the server's.
    with pytest.raises(ClientError) as excinfo:
        sm.create_domain(
            DomainName="bad_name!",
            AuthMode="IAM",
            DefaultUserSettings={"ExecutionRole": f"arn:aws:iam::{account}:role/r"},
            VpcId="vpc-0123456789abcdef0",
            SubnetIds=["subnet-0a1b2c3d4e5f60718"],
        )
    assert_envelope(excinfo, "ValidationException")
    message = error_of(excinfo)["Message"]
    assert message.startswith(
        "1 validation error detected: Value 'bad_name!' at 'domainName' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: "
    ), message
    assert sm.list_domains()["Domains"] == []


def test_delete_app_already_deleted_is_a_validation_error(sm, domain, profile, emulator):
    app = dict(DomainId=domain, UserProfileName=profile, AppType="JupyterServer", AppName="default")
    sm.create_app(**app, ResourceSpec={"InstanceType": "system"})
    emulator.advance(1)
    sm.delete_app(**app)
    emulator.advance(1)
    assert sm.describe_app(**app)["Status"] == "Deleted"
    with pytest.raises(ClientError) as excinfo:
        sm.delete_app(**app)
    assert_envelope(excinfo, "ValidationException")


def test_forged_next_token_is_a_validation_error(sm, domain):
    for operation, params in (
        (sm.list_user_profiles, {"DomainIdEquals": domain}),
        (sm.list_domains, {}),
        (sm.list_apps, {}),
    ):
        with pytest.raises(ClientError) as excinfo:
            operation(NextToken="forged-token", **params)
        assert_envelope(excinfo, "ValidationException")


def test_modelled_exception_classes_are_resolved_from_the_code(sm):
    """client.exceptions.from_code maps the wire code to the class boto3 raised."""
    with pytest.raises(ClientError) as excinfo:
        sm.describe_domain(DomainId="d-000000000000")
    assert type(excinfo.value) is sm.exceptions.from_code("ResourceNotFound")
