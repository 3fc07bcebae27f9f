"""Studio onboarding as setup code does it, with the rest of AWS on moto.

The SageMaker Python SDK's Session wants STS (the caller's account) and S3 (its default bucket);
the execution role lives in IAM and the domain's network in EC2. Here every one of those is
moto's server (AWS_ENDPOINT_URL) and SageMaker is the emulator (AWS_ENDPOINT_URL_SAGEMAKER):

1. IAM (moto): an execution role that SageMaker may assume;
2. EC2 (moto): the region's default VPC and its subnets, as the console's quick setup picks them;
3. the SDK's Session: default_bucket() asks STS for the account and creates
   sagemaker-REGION-ACCOUNT in S3 (moto);
4. SageMaker (the emulator), through session.sagemaker_client: a domain with that role and
   network, then a user profile, each waited for until InService;
5. checks: the bucket is in moto's S3, the domain in the emulator with the role, and every ARN
   names one account.

It prints what it made as one JSON line at the end. Run it as README.md says (both servers
running, the environment set). Running it again reuses the role, the bucket and the domain.
"""

from __future__ import annotations

import json
import os
import sys
import time

import boto3

try:  # SDK v3: sagemaker-core, also installed by `pip install sagemaker`
    from sagemaker.core.helper.session_helper import Session
except ImportError:  # SDK v2 (`pip install 'sagemaker<3'`)
    from sagemaker import Session

ROLE_NAME = "AmazonSageMaker-ExecutionRole-Studio"
DOMAIN_NAME = "with-moto"
USER = "data-scientist"
TRUST_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "sagemaker.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
ROLE_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"},
        {
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::sagemaker-*", "arn:aws:s3:::sagemaker-*/*"],
        },
    ],
}
WAIT_SECONDS = 60


class EnvironmentEndpoints(boto3.Session):
    """A boto3 session whose STS client goes where the environment says.

    The SDK makes its STS client with an explicit endpoint_url (https://sts.REGION.amazonaws.com,
    its regional endpoint), and an explicit endpoint wins over AWS_ENDPOINT_URL: without this,
    default_bucket() would call the real STS. Dropping that argument leaves STS, like every other
    service, to the environment's endpoint settings."""

    def client(self, service_name, *args, **kwargs):  # type: ignore[override]
        if service_name == "sts":
            kwargs.pop("endpoint_url", None)
        return super().client(service_name, *args, **kwargs)


def execution_role(iam) -> str:
    """The role's ARN, made in IAM on first use, with an inline policy (moto holds no AWS
    managed policy such as AmazonSageMakerFullAccess unless told to load them)."""
    try:
        role = iam.create_role(
            RoleName=ROLE_NAME,
            Path="/service-role/",
            AssumeRolePolicyDocument=json.dumps(TRUST_POLICY),
        )["Role"]
    except iam.exceptions.EntityAlreadyExistsException:
        role = iam.get_role(RoleName=ROLE_NAME)["Role"]
    iam.put_role_policy(
        RoleName=ROLE_NAME, PolicyName="studio", PolicyDocument=json.dumps(ROLE_POLICY)
    )
    return role["Arn"]


def default_network(ec2) -> tuple[str, list[str]]:
    """The default VPC and its subnets (moto makes one per region, as AWS does)."""
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"]
    vpc_id = vpcs[0]["VpcId"]
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    return vpc_id, sorted(s["SubnetId"] for s in subnets)[:2]


def wait_in_service(describe, what: str) -> dict:
    """Polls describe() until Status is InService (the emulator's default delays: a second)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        described = describe()
        if described["Status"] == "InService":
            return described
        if described["Status"].endswith("Failed") or time.monotonic() > deadline:
            sys.exit(f"{what} is {described['Status']}: {described.get('FailureReason', '')}")
        time.sleep(0.25)


def account_of(arn: str) -> str:
    return arn.split(":")[4]


def main() -> None:
    boto_session = EnvironmentEndpoints(
        region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    )
    role_arn = execution_role(boto_session.client("iam"))
    vpc_id, subnet_ids = default_network(boto_session.client("ec2"))

    session = Session(boto_session=boto_session)
    bucket = session.default_bucket()  # STS GetCallerIdentity, then S3 CreateBucket: moto
    account = session.account_id()
    print(f"account {account}, role {role_arn}, bucket s3://{bucket}", flush=True)

    sm = session.sagemaker_client  # the emulator
    existing = [d for d in sm.list_domains()["Domains"] if d["DomainName"] == DOMAIN_NAME]
    if existing:
        domain_id = existing[0]["DomainId"]
    else:
        domain_id = sm.create_domain(
            DomainName=DOMAIN_NAME,
            AuthMode="IAM",
            DefaultUserSettings={"ExecutionRole": role_arn},
            VpcId=vpc_id,
            SubnetIds=subnet_ids,
        )["DomainId"]
    domain = wait_in_service(lambda: sm.describe_domain(DomainId=domain_id), "the domain")
    print(f"domain {domain_id} InService in {vpc_id}", flush=True)

    profiles = sm.list_user_profiles(DomainIdEquals=domain_id)["UserProfiles"]
    if USER not in [p["UserProfileName"] for p in profiles]:
        sm.create_user_profile(DomainId=domain_id, UserProfileName=USER)
    profile = wait_in_service(
        lambda: sm.describe_user_profile(DomainId=domain_id, UserProfileName=USER),
        "the user profile",
    )
    print(f"user profile {USER} InService", flush=True)

    # The bucket is in moto's S3, the domain in the emulator with moto's role, one account.
    s3 = boto_session.client("s3")
    s3.head_bucket(Bucket=bucket)
    assert bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]], bucket
    assert bucket == f"sagemaker-{boto_session.region_name}-{account}", bucket
    assert domain["DefaultUserSettings"]["ExecutionRole"] == role_arn, domain
    assert (domain["VpcId"], domain["SubnetIds"]) == (vpc_id, subnet_ids), domain
    arns = [role_arn, domain["DomainArn"], profile["UserProfileArn"]]
    assert {account_of(arn) for arn in arns} == {account}, (account, arns)

    print(
        json.dumps(
            {
                "Account": account,
                "RoleArn": role_arn,
                "Bucket": bucket,
                "VpcId": vpc_id,
                "SubnetIds": subnet_ids,
                "DomainId": domain_id,
                "DomainArn": domain["DomainArn"],
                "UserProfileArn": profile["UserProfileArn"],
            }
        )
    )


if __name__ == "__main__":
    main()
