"""`--auth strict` against boto3's and the AWS CLI's real SigV4 signatures: a key pair
of the credentials file is accepted (with and without a session token); a wrong secret, an
unknown key and an unsigned call are refused with AWS's 403 codes and create nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

import boto3
import botocore
import pytest
from botocore.config import Config

from emulator import Emulator

REGION = "us-east-1"
ACCOUNT = "123456789012"
KEY, SECRET = "AKIASTRICTTESTKEY001", "strict-test-secret-0000000000000000000001"
TEMP_KEY, TEMP_SECRET, TOKEN = "ASIASTRICTTESTKEY002", "temp-secret-000000000000000000000002", "session-token-xyz"
CONFIG = Config(retries={"max_attempts": 1, "mode": "standard"})
ROLE = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole"


@pytest.fixture(scope="module")
def strict():
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as f:
        f.write(
            f"[dev]\naws_access_key_id = {KEY}\naws_secret_access_key = {SECRET}\naccount_id = {ACCOUNT}\n\n"
            f"[temp]\naws_access_key_id = {TEMP_KEY}\naws_secret_access_key = {TEMP_SECRET}\n"
            f"aws_session_token = {TOKEN}\naccount_id = {ACCOUNT}\n"
        )
        path = f.name
    server = Emulator(extra_args=("--auth", "strict", "--credentials-file", path))
    yield server
    server.stop()
    os.unlink(path)


def client(server, key, secret, token=None, signed=True):
    config = CONFIG if signed else CONFIG.merge(Config(signature_version=botocore.UNSIGNED))
    return boto3.session.Session().client(
        "sagemaker",
        endpoint_url=server.endpoint,
        region_name=REGION,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=config,
    )


def domain_names(server):
    return sorted(d["DomainName"] for d in client(server, KEY, SECRET).list_domains()["Domains"])


def create(sm, name):
    return sm.create_domain(
        DomainName=name, AuthMode="IAM", DefaultUserSettings={"ExecutionRole": ROLE}
    )


def code_and_status(call):
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        call()
    error = caught.value.response
    return error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]


def test_boto3_signatures_of_listed_key_pairs_are_accepted_with_and_without_a_session_token(strict):
    out = create(client(strict, KEY, SECRET), "signed")
    assert out["DomainArn"].startswith(f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:domain/d-")
    create(client(strict, TEMP_KEY, TEMP_SECRET, TOKEN), "session")
    assert {"signed", "session"} <= set(domain_names(strict))


def test_wrong_secret_unknown_key_and_unsigned_calls_are_refused_and_create_nothing(strict):
    before = domain_names(strict)
    cases = {
        "InvalidSignatureException": client(strict, KEY, "not-the-secret"),
        "UnrecognizedClientException": client(strict, "AKIAUNKNOWNKEY000000", SECRET),
        "MissingAuthenticationTokenException": client(strict, KEY, SECRET, signed=False),
    }
    for expected, sm in cases.items():
        assert code_and_status(lambda: create(sm, f"refused-{expected[:8]}")) == (expected, 403)
    # A session key without its token is not the listed credential.
    assert code_and_status(lambda: create(client(strict, TEMP_KEY, TEMP_SECRET), "no-token"))[1] == 403
    assert domain_names(strict) == before


def test_the_aws_cli_signs_as_strict_mode_expects(strict, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID=KEY,
        AWS_SECRET_ACCESS_KEY=SECRET,
        AWS_DEFAULT_REGION=REGION,
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    )
    aws = [sys.executable, "-m", "awscli", "--endpoint-url", strict.endpoint, "--output", "json"]
    done = subprocess.run([*aws, "sagemaker", "list-domains"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Domains" in json.loads(done.stdout)
    env["AWS_SECRET_ACCESS_KEY"] = "wrong"
    refused = subprocess.run([*aws, "sagemaker", "list-domains"], env=env, capture_output=True, text=True)
    assert refused.returncode != 0
    assert "InvalidSignatureException" in refused.stderr
