"""The AWS CLI as a user types it, one subprocess per command, against the emulator: explicit
--endpoint-url, --output json, dummy credentials and region from the environment, no config
files. The CLI is slow to start, so this file keeps to about a dozen invocations."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import awscli
import pytest

from conftest import make_client

AWS = Path(sys.executable).parent / "aws"
# A service error's exit code: 254 in AWS CLI v2, 255 in v1 (PyPI's awscli, pinned here).
SERVICE_ERROR_EXIT = 255 if awscli.__version__.startswith("1.") else 254


def epoch_millis(value) -> int:
    """A CLI timestamp as epoch milliseconds: v1 prints it as received (epoch seconds, its
    default cli_timestamp_format 'none'), v2 as ISO 8601."""
    if isinstance(value, (int, float)):
        return round(value * 1000)
    return round(datetime.datetime.fromisoformat(value).timestamp() * 1000)


@pytest.fixture
def aws(emulator, account):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=account,
        AWS_SECRET_ACCESS_KEY="dummy-secret",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_EC2_METADATA_DISABLED="true",
        AWS_PAGER="",
    )

    def run(*args: str, expect_exit: int = 0):
        command = [str(AWS), *args, "--endpoint-url", emulator.endpoint, "--output", "json"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == expect_exit, (
            f"{' '.join(args)}: exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
        )
        if expect_exit != 0:
            return done.stderr
        return json.loads(done.stdout) if done.stdout.strip() else None

    return run


def test_cli_walkthrough(aws, account, emulator):
    role = f"arn:aws:iam::{account}:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453"
    created_at = emulator.now()
    out = aws(
        "sagemaker", "create-domain",
        "--domain-name", "demo",
        "--auth-mode", "IAM",
        "--default-user-settings", f"ExecutionRole={role}",
        "--vpc-id", "vpc-0123456789abcdef0",
        "--subnet-ids", "subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788",
    )
    domain = out["DomainId"]
    assert out["DomainArn"] == f"arn:aws:sagemaker:us-east-1:{account}:domain/{domain}"
    assert out["Url"] == f"https://{domain}.studio.us-east-1.sagemaker.aws"

    described = aws("sagemaker", "describe-domain", "--domain-id", domain)
    assert described["Status"] == "Pending"
    assert described["DefaultUserSettings"]["ExecutionRole"] == role
    assert described["SubnetIds"] == ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
    assert described["AppNetworkAccessType"] == "PublicInternetOnly"
    assert epoch_millis(described["CreationTime"]) == round(created_at * 1000)

    emulator.advance(1)
    assert aws("sagemaker", "describe-domain", "--domain-id", domain)["Status"] == "InService"

    out = aws("sagemaker", "create-user-profile", "--domain-id", domain, "--user-profile-name", "alice")
    assert out["UserProfileArn"].endswith(f":user-profile/{domain}/alice")
    emulator.advance(1)

    out = aws(
        "sagemaker", "create-app", "--domain-id", domain, "--user-profile-name", "alice",
        "--app-type", "JupyterServer", "--app-name", "default",
        "--resource-spec", "InstanceType=system",
    )
    assert out["AppArn"].endswith(f":app/{domain}/alice/JupyterServer/default")
    aws(
        "sagemaker", "create-app", "--domain-id", domain, "--user-profile-name", "alice",
        "--app-type", "KernelGateway", "--app-name", "notebook-1",
        "--resource-spec", "InstanceType=ml.t3.medium",
    )
    emulator.advance(1)
    apps = aws("sagemaker", "list-apps", "--domain-id-equals", domain)["Apps"]
    assert sorted((a["AppName"], a["Status"]) for a in apps) == [
        ("default", "InService"),
        ("notebook-1", "InService"),
    ]

    assert aws(
        "sagemaker", "delete-app", "--domain-id", domain, "--user-profile-name", "alice",
        "--app-type", "KernelGateway", "--app-name", "notebook-1",
    ) is None
    emulator.advance(1)
    sm = make_client(emulator.endpoint, account)
    app = sm.describe_app(
        DomainId=domain, UserProfileName="alice", AppType="KernelGateway", AppName="notebook-1"
    )
    assert app["Status"] == "Deleted"

    stderr = aws(
        "sagemaker", "delete-domain", "--domain-id", domain,
        "--retention-policy", "HomeEfsFileSystem=Delete",
        expect_exit=SERVICE_ERROR_EXIT,
    )
    assert "An error occurred (ResourceInUse) when calling the DeleteDomain operation" in stderr


def test_cli_service_errors_exit_with_the_code(aws, account):
    stderr = aws("sagemaker", "describe-domain", "--domain-id", "d-000000000000", expect_exit=SERVICE_ERROR_EXIT)
    assert "An error occurred (ResourceNotFound) when calling the DescribeDomain operation" in stderr

    stderr = aws(
        "sagemaker", "create-domain", "--domain-name", "bad_name!", "--auth-mode", "IAM",
        "--default-user-settings", f"ExecutionRole=arn:aws:iam::{account}:role/r",
        "--vpc-id", "vpc-0123456789abcdef0", "--subnet-ids", "subnet-0a1b2c3d4e5f60718",
        expect_exit=SERVICE_ERROR_EXIT,
    )
    assert "An error occurred (ValidationException) when calling the CreateDomain operation" in stderr
    assert "Value 'bad_name!' at 'domainName' failed to satisfy constraint" in stderr


def test_cli_auto_paginates_with_page_size(aws, account, emulator):
    sm = make_client(emulator.endpoint, account)
    domain = sm.create_domain(
        DomainName="paged", AuthMode="IAM",
        DefaultUserSettings={"ExecutionRole": f"arn:aws:iam::{account}:role/r"},
    )["DomainId"]
    emulator.advance(1)  # InService
    names = [f"user-{i}" for i in range(8)]
    for name in names:
        sm.create_user_profile(DomainId=domain, UserProfileName=name)

    out = aws("sagemaker", "list-user-profiles", "--domain-id-equals", domain, "--page-size", "3")
    assert sorted(u["UserProfileName"] for u in out["UserProfiles"]) == names
    assert "NextToken" not in out

    first = aws(
        "sagemaker", "list-user-profiles", "--domain-id-equals", domain,
        "--page-size", "3", "--max-items", "5",
    )
    assert len(first["UserProfiles"]) == 5 and first["NextToken"]
    rest = aws(
        "sagemaker", "list-user-profiles", "--domain-id-equals", domain,
        "--page-size", "3", "--starting-token", first["NextToken"],
    )
    got = [u["UserProfileName"] for u in first["UserProfiles"] + rest["UserProfiles"]]
    assert sorted(got) == names
