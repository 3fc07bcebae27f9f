"""AWS's rules beyond the model, through boto3 (the Rust SDK holds the same in
client-tests/tests/sdk/fidelity.rs). Each test names the public source of the behaviour; the fidelity
ledger (docs/fidelity.md) lists them with their sources."""

from __future__ import annotations

import base64

import pytest
from botocore.exceptions import ClientError

from conftest import make_client

ROLE = "arn:aws:iam::{account}:role/r"


def code_and_message(excinfo) -> tuple[str, str]:
    error = excinfo.value.response["Error"]
    return error["Code"], error.get("Message", "")


@pytest.fixture
def domain(sm, emulator, account):
    domain_id = sm.create_domain(
        DomainName="fidelity",
        AuthMode="IAM",
        DefaultUserSettings={"ExecutionRole": ROLE.format(account=account)},
    )["DomainId"]
    emulator.advance(1)
    return domain_id


def test_app_security_group_management_needs_rstudio_tf_39923(sm, domain):
    with pytest.raises(ClientError) as excinfo:
        sm.update_domain(DomainId=domain, AppSecurityGroupManagement="Service")
    assert code_and_message(excinfo) == (
        "ValidationException",
        "AppSecurityGroupManagement can only be set for Rstudio enabled domains.",
    )
    assert sm.describe_domain(DomainId=domain)["Status"] == "InService"


def test_vpc_only_update_needs_vpc_and_subnets_tf_45528(sm, domain):
    with pytest.raises(ClientError) as excinfo:
        sm.update_domain(DomainId=domain, AppNetworkAccessType="VpcOnly")
    assert code_and_message(excinfo) == (
        "ValidationException",
        "VpcId and Subnet IDs are required for updating domains to VpcOnly mode.",
    )


def test_update_with_an_in_service_app_is_refused_tf_31912(sm, emulator, domain, account):
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    sm.create_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway",
                  AppName="k", ResourceSpec={"InstanceType": "ml.t3.medium"})
    emulator.advance(1)
    with pytest.raises(ClientError) as excinfo:
        sm.update_domain(DomainId=domain, AppNetworkAccessType="VpcOnly",
                         VpcId="vpc-0123456789abcdef0", SubnetIds=["subnet-0123456789abcdef0"])
    arn = f"arn:aws:sagemaker:us-east-1:{account}:domain/{domain}"
    assert code_and_message(excinfo) == (
        "ValidationException",
        f"Unable to update Domain [{arn}] with InService App. Delete all InService apps in the "
        "domain including shared Apps for [domain-shared] User Profile, and try again.",
    )


def test_tags_of_a_deleted_app_are_refused_feedback_108(sm, emulator, domain, account):
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    arn = sm.create_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway",
                        AppName="k", ResourceSpec={"InstanceType": "ml.t3.medium"})["AppArn"]
    assert arn.endswith("/ana/KernelGateway/k")
    emulator.advance(1)
    sm.delete_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway", AppName="k")
    emulator.advance(1)
    for call in (lambda: sm.list_tags(ResourceArn=arn),
                 lambda: sm.add_tags(ResourceArn=arn, Tags=[{"Key": "k", "Value": "v"}])):
        with pytest.raises(ClientError) as excinfo:
            call()
        assert code_and_message(excinfo) == ("ValidationException", "")


def test_jupyter_server_gets_the_looseleaf_repository_recorded_c7n_2026(sm, emulator, domain):
    # Recorded (fixtures/recordings/c7n-studio-2026-07): a JupyterServer app created with no image
    # anywhere runs the ECR repository looseleaf-jupyter-server-3, under any name.
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    sm.create_app(DomainId=domain, UserProfileName="ana", AppType="JupyterServer",
                  AppName="c7n-app")
    spec = sm.describe_app(DomainId=domain, UserProfileName="ana", AppType="JupyterServer",
                           AppName="c7n-app")["ResourceSpec"]
    assert spec == {
        "InstanceType": "system",
        "SageMakerImageArn":
            "arn:aws:ecr:us-east-1:081325390199:repository/looseleaf-jupyter-server-3",
    }


def test_describe_app_fills_in_what_aws_records_c7n_2026(sm, emulator, domain, account):
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    app = dict(DomainId=domain, UserProfileName="ana", AppType="JupyterServer", AppName="default")
    sm.create_app(**app)
    emulator.advance(60)
    described = sm.describe_app(**app)
    assert described["EffectiveTrustedIdentityPropagationStatus"] == "DISABLED"
    assert described["RecoveryMode"] is False
    # Nobody used it: both activity stamps are its creation.
    assert described["LastHealthCheckTimestamp"] == described["CreationTime"]
    assert described["LastUserActivityTimestamp"] == described["CreationTime"]
    # Used: both move together.
    arn = described["AppArn"]
    emulator.admin("POST", "/_emulator/activity", {"AppArn": arn})
    used = sm.describe_app(**app)
    assert used["LastUserActivityTimestamp"] > used["CreationTime"]
    assert used["LastHealthCheckTimestamp"] == used["LastUserActivityTimestamp"]
    # ListApps items carry none of these (AppDetails has no such members).
    [item] = sm.list_apps(DomainIdEquals=domain)["Apps"]
    assert set(item) == {"DomainId", "UserProfileName", "AppType", "AppName", "Status",
                         "CreationTime", "ResourceSpec"}


def test_describe_user_profile_fills_in_user_settings_recorded_c7n_2026(sm, domain, account):
    role = ROLE.format(account=account)
    sm.create_user_profile(DomainId=domain, UserProfileName="ana",
                           UserSettings={"ExecutionRole": role})
    assert sm.describe_user_profile(DomainId=domain, UserProfileName="ana")["UserSettings"] == {
        "ExecutionRole": role, "CustomFileSystemConfigs": [], "AutoMountHomeEFS": "DefaultAsDomain",
    }


def test_lists_come_newest_first_without_sort_order_recorded_c7n_2026(sm, emulator, domain):
    for name in ("first", "second", "third"):
        sm.create_user_profile(DomainId=domain, UserProfileName=name)
        sm.create_space(DomainId=domain, SpaceName=name)
        emulator.advance(1)
    for name in ("first", "second", "third"):
        sm.create_app(DomainId=domain, UserProfileName=name, AppType="KernelGateway",
                      AppName="k", ResourceSpec={"InstanceType": "ml.t3.medium"})
        emulator.advance(1)
    newest_first = ["third", "second", "first"]
    profiles = sm.list_user_profiles(DomainIdEquals=domain)["UserProfiles"]
    spaces = sm.list_spaces(DomainIdEquals=domain)["Spaces"]
    apps = sm.list_apps(DomainIdEquals=domain)["Apps"]
    assert [p["UserProfileName"] for p in profiles] == newest_first
    assert [s["SpaceName"] for s in spaces] == newest_first
    assert [a["UserProfileName"] for a in apps] == newest_first
    # Asked for, Ascending is oldest first.
    ascending = sm.list_user_profiles(DomainIdEquals=domain, SortOrder="Ascending")
    assert [p["UserProfileName"] for p in ascending["UserProfiles"]] == newest_first[::-1]


def test_delete_app_of_a_pending_app_is_refused_delete_domain_guide(sm, emulator, domain, account):
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    app = dict(DomainId=domain, UserProfileName="ana", AppType="KernelGateway", AppName="k")
    sm.create_app(**app, ResourceSpec={"InstanceType": "ml.t3.medium"})
    with pytest.raises(ClientError) as excinfo:
        sm.delete_app(**app)
    code, message = code_and_message(excinfo)
    assert code == "ValidationException"
    assert "is in Pending status" in message
    assert sm.describe_app(**app)["Status"] == "Pending"
    emulator.advance(1)
    sm.delete_app(**app)
    # Deleting: refused again until it is Deleted, then AWS's "already been deleted".
    with pytest.raises(ClientError) as excinfo:
        sm.delete_app(**app)
    assert "is in Deleting status" in code_and_message(excinfo)[1]
    emulator.advance(1)
    with pytest.raises(ClientError) as excinfo:
        sm.delete_app(**app)
    assert code_and_message(excinfo)[1].endswith("has already been deleted.")


def test_update_space_refuses_even_the_same_app_type_boto3_4375(sm, emulator, domain):
    sm.create_space(DomainId=domain, SpaceName="lab", SpaceSettings={"AppType": "JupyterLab"})
    emulator.advance(1)
    with pytest.raises(ClientError) as excinfo:
        sm.update_space(DomainId=domain, SpaceName="lab", SpaceSettings={"AppType": "JupyterLab"})
    assert code_and_message(excinfo) == (
        "ValidationException", "Updating AppType for Space is not supported.")
    assert sm.describe_space(DomainId=domain, SpaceName="lab")["Status"] == "InService"


def test_deleted_apps_are_forgotten_after_24_hours_describe_app_creation_time(
        sm, emulator, domain, account):
    sm.create_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    app = dict(DomainId=domain, UserProfileName="ana", AppType="KernelGateway", AppName="k")
    sm.create_app(**app, ResourceSpec={"InstanceType": "ml.t3.medium"})
    emulator.advance(1)
    created = sm.describe_app(**app)["CreationTime"]
    sm.delete_app(**app)
    emulator.advance(1)
    # Restarted within 24 hours: "considered an update", the metadata (CreationTime) stays.
    emulator.advance(23 * 3600)
    sm.create_app(**app, ResourceSpec={"InstanceType": "ml.t3.medium"})
    emulator.advance(1)
    assert sm.describe_app(**app)["CreationTime"] == created
    sm.delete_app(**app)
    emulator.advance(1)
    # The owner goes; its Deleted app is still described and listed.
    sm.delete_user_profile(DomainId=domain, UserProfileName="ana")
    emulator.advance(1)
    assert sm.describe_app(**app)["Status"] == "Deleted"
    assert [a["AppName"] for a in sm.list_apps(DomainIdEquals=domain)["Apps"]] == ["k"]
    # 24 hours after it was shut down, AWS "deletes all metadata for the application".
    emulator.advance(24 * 3600)
    with pytest.raises(ClientError) as excinfo:
        sm.describe_app(**app)
    assert code_and_message(excinfo)[0] == "ResourceNotFound"
    assert sm.list_apps(DomainIdEquals=domain)["Apps"] == []


def test_image_texts_are_aws_words_custom_image_samples_17(sm, emulator, account):
    sm.create_image(ImageName="conda-env-kernel-test", RoleArn=ROLE.format(account=account))
    with pytest.raises(ClientError) as excinfo:
        sm.create_image(ImageName="conda-env-kernel-test", RoleArn=ROLE.format(account=account))
    assert code_and_message(excinfo) == (
        "ResourceInUse",
        "The Image with ImageName conda-env-kernel-test already exists. "
        "Please use a different ImageName.",
    )
    with pytest.raises(ClientError) as excinfo:
        sm.create_image_version(ImageName="conda-env-kernel-test",
                                BaseImage="111122223333.dkr.ecr.us-east-1.amazonaws.com/c:1")
    assert code_and_message(excinfo) == (
        "ValidationException", "Image conda-env-kernel-test is in an invalid state.")
    emulator.advance(1)
    with pytest.raises(ClientError) as excinfo:
        sm.describe_image_version(ImageName="conda-env-kernel-test")
    assert code_and_message(excinfo) == (
        "ResourceNotFound",
        "Latest ImageVersion with ImageName conda-env-kernel-test does not exist. "
        "Please provide a valid ImageName.",
    )
    sm.create_app_image_config(AppImageConfigName="conda")
    with pytest.raises(ClientError) as excinfo:
        sm.create_app_image_config(AppImageConfigName="conda")
    assert code_and_message(excinfo) == (
        "ResourceInUse", "The ID or Name specified is already in use.")


def test_failed_states_on_demand_through_the_faults_api(sm, emulator, account):
    emulator.admin("POST", "/_emulator/faults",
                   {"Operation": "CreateDomain", "FailureReason": "No default VPC."})
    domain = sm.create_domain(DomainName="broken", AuthMode="IAM",
                              DefaultUserSettings={"ExecutionRole": ROLE.format(account=account)}
                              )["DomainId"]
    assert sm.describe_domain(DomainId=domain)["Status"] == "Pending"
    emulator.advance(1)
    described = sm.describe_domain(DomainId=domain)
    assert (described["Status"], described["FailureReason"]) == ("Failed", "No default VPC.")
    # The fault is used up: the next domain works.
    other = sm.create_domain(DomainName="works", AuthMode="IAM",
                             DefaultUserSettings={"ExecutionRole": ROLE.format(account=account)}
                             )["DomainId"]
    emulator.advance(1)
    assert sm.describe_domain(DomainId=other)["Status"] == "InService"
    sm.create_user_profile(DomainId=other, UserProfileName="ana")
    emulator.advance(1)
    emulator.admin("POST", "/_emulator/faults",
                   {"Operation": "CreateApp", "FailureReason": "Image pull failed."})
    sm.create_app(DomainId=other, UserProfileName="ana", AppType="KernelGateway", AppName="k",
                  ResourceSpec={"InstanceType": "ml.t3.medium"})
    emulator.advance(1)
    app = sm.describe_app(DomainId=other, UserProfileName="ana", AppType="KernelGateway",
                          AppName="k")
    assert (app["Status"], app["FailureReason"]) == ("Failed", "Image pull failed.")
    listed = sm.list_apps(DomainIdEquals=other)["Apps"]
    assert [a["Status"] for a in listed] == ["Failed"]
    with pytest.raises(ClientError) as excinfo:
        sm.delete_app(DomainId=other, UserProfileName="ana", AppType="KernelGateway",
                      AppName="k")
    code, message = code_and_message(excinfo)
    assert code == "ValidationException"
    assert "previously failed and was automatically deleted" in message
    # A failed app does not block its owner's deletion.
    sm.delete_user_profile(DomainId=other, UserProfileName="ana")


def test_a_lifecycle_script_that_exits_non_zero_fails_the_app_tf_27265(sm, emulator, domain):
    content = base64.b64encode(b"#!/bin/bash\nexit 1\n").decode()
    lcc = sm.create_studio_lifecycle_config(
        StudioLifecycleConfigName="broken", StudioLifecycleConfigContent=content,
        StudioLifecycleConfigAppType="KernelGateway")["StudioLifecycleConfigArn"]
    sm.create_user_profile(DomainId=domain, UserProfileName="ana", UserSettings={
        "KernelGatewayAppSettings": {"LifecycleConfigArns": [lcc]}})
    emulator.advance(1)
    sm.create_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway", AppName="k",
                  ResourceSpec={"InstanceType": "ml.t3.medium", "LifecycleConfigArn": lcc})
    emulator.advance(1)
    app = sm.describe_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway",
                          AppName="k")
    assert app["Status"] == "Failed"
    assert "exited with status 1" in app["FailureReason"]


def test_quota_refusal_is_aws_resource_limit_exceeded_jupyterlab_8759(emulator, account):
    emulator.admin("PUT", "/_emulator/quotas",
                   {"Quotas": {"apps:KernelGateway:ml.m5.12xlarge": 0}})
    try:
        assert emulator.admin("GET", "/_emulator/quotas") == {
            "Quotas": {"apps:KernelGateway:ml.m5.12xlarge": 0}}
        sm = make_client(emulator.endpoint, account)
        domain = sm.create_domain(DomainName="q", AuthMode="IAM", DefaultUserSettings={
            "ExecutionRole": ROLE.format(account=account)})["DomainId"]
        sm.create_user_profile(DomainId=domain, UserProfileName="ana")
        emulator.advance(1)
        with pytest.raises(ClientError) as excinfo:
            sm.create_app(DomainId=domain, UserProfileName="ana", AppType="KernelGateway",
                          AppName="big", ResourceSpec={"InstanceType": "ml.m5.12xlarge"})
        assert code_and_message(excinfo) == (
            "ResourceLimitExceeded",
            "The account-level service limit 'Studio KernelGateway Apps running on "
            "ml.m5.12xlarge instance' is 0 Apps, with current utilization of 0 Apps and a "
            "request delta of 1 Apps. Please use AWS Service Quotas to request an increase for "
            "this quota. If AWS Service Quotas is not available, contact AWS support to request "
            "an increase for this quota.",
        )
        assert sm.list_apps(DomainIdEquals=domain)["Apps"] == []
    finally:
        emulator.admin("PUT", "/_emulator/quotas", {"Quotas": {}})
