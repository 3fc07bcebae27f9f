"""Code under test usually makes its own client: `studio_env` points boto3's environment
(AWS_ENDPOINT_URL_SAGEMAKER, region, dummy credentials) at the emulator for the test."""

import boto3

ROLE = "arn:aws:iam::000000000000:role/r"


def domain_names():
    """The application's code: knows nothing of the emulator."""
    return sorted(d["DomainName"] for d in boto3.client("sagemaker").list_domains()["Domains"])


def test_code_with_its_own_client_sees_the_emulator(studio_env, sagemaker_client):
    for name in ["research", "teaching"]:
        sagemaker_client.create_domain(
            DomainName=name, AuthMode="IAM", DefaultUserSettings={"ExecutionRole": ROLE}
        )
    assert domain_names() == ["research", "teaching"]
