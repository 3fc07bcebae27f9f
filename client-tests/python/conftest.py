"""Fixtures: one emulator process per session (fast delays, manual clock), a fresh account per
test, boto3 clients pointed at it."""

from __future__ import annotations

import os

import boto3
import pytest
from botocore.config import Config

from emulator import Emulator, new_account

REGION = "us-east-1"

# No user configuration may leak in: no config or credentials files, no profile, no endpoint
# variables, no instance-metadata lookups.
for _name in list(os.environ):
    if _name.startswith("AWS_"):
        del os.environ[_name]
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

CLIENT_CONFIG = Config(
    retries={"max_attempts": 1, "mode": "standard"},
    connect_timeout=5,
    read_timeout=10,
)


@pytest.fixture(scope="session")
def emulator():
    server = Emulator(delays="fast")
    yield server
    server.stop()


@pytest.fixture
def account() -> str:
    return new_account()


def make_client(endpoint: str | None, account: str, region: str = REGION):
    kwargs = {} if endpoint is None else {"endpoint_url": endpoint}
    return boto3.session.Session().client(
        "sagemaker",
        region_name=region,
        aws_access_key_id=account,
        aws_secret_access_key="test-secret",
        config=CLIENT_CONFIG,
        **kwargs,
    )


@pytest.fixture
def sm(emulator, account):
    return make_client(emulator.endpoint, account)


EXECUTION_ROLE = "arn:aws:iam::{account}:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453"


def quick_start_domain(sm, account: str, name: str = "demo") -> str:
    """CreateDomain with the console's Quick-start settings; returns the domain id."""
    out = sm.create_domain(
        DomainName=name,
        AuthMode="IAM",
        DefaultUserSettings={"ExecutionRole": EXECUTION_ROLE.format(account=account)},
        VpcId="vpc-0123456789abcdef0",
        SubnetIds=["subnet-0a1b2c3d4e5f60718"],
    )
    return out["DomainId"]
