"""The endpoint from the environment, as users configure it: AWS_ENDPOINT_URL_SAGEMAKER (and the
generic AWS_ENDPOINT_URL), with no endpoint_url given to the client."""

from __future__ import annotations

import boto3
import pytest

from conftest import CLIENT_CONFIG, REGION, make_client


def test_aws_endpoint_url_sagemaker(monkeypatch, emulator, account):
    monkeypatch.setenv("AWS_ENDPOINT_URL_SAGEMAKER", emulator.endpoint)
    sm = make_client(None, account)
    assert sm.meta.endpoint_url == emulator.endpoint
    domain = sm.create_domain(
        DomainName="from-env",
        AuthMode="IAM",
        DefaultUserSettings={"ExecutionRole": f"arn:aws:iam::{account}:role/r"},
    )["DomainId"]
    # The same world seen through an explicit endpoint.
    explicit = make_client(emulator.endpoint, account)
    assert explicit.describe_domain(DomainId=domain)["DomainName"] == "from-env"


def test_everything_from_the_environment(monkeypatch, emulator, account):
    """boto3.client('sagemaker') with no arguments: endpoint, credentials and region from env."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", emulator.endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", account)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    sm = boto3.session.Session().client("sagemaker", config=CLIENT_CONFIG)
    assert sm.meta.endpoint_url == emulator.endpoint
    assert sm.list_domains()["Domains"] == []
    with pytest.raises(sm.exceptions.ResourceNotFound):
        sm.describe_domain(DomainId="d-000000000000")
