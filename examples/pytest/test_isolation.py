"""Every test that uses the fixtures starts with an empty emulator: the `studio` fixture (which
`sagemaker_client`, `studio_clock` and `studio_usage` depend on) resets it before the test.
The same test runs twice; the second run would see the first run's domain without the reset."""

import pytest

ROLE = "arn:aws:iam::000000000000:role/r"


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_starts_empty(run, sagemaker_client, studio_usage):
    assert sagemaker_client.list_domains()["Domains"] == []
    assert studio_usage()["Instances"] == []

    sagemaker_client.create_domain(
        DomainName=f"left-behind-{run}", AuthMode="IAM", DefaultUserSettings={"ExecutionRole": ROLE}
    )
    assert len(sagemaker_client.list_domains()["Domains"]) == 1


def test_the_clock_only_moves_forward(studio_clock):
    before = studio_clock.now()
    assert studio_clock.advance(90) == pytest.approx(before + 90)
    assert studio_clock.datetime().timestamp() == pytest.approx(before + 90)


def test_an_injected_fault_reaches_the_client_once(studio, sagemaker_client):
    from botocore.exceptions import ClientError

    studio.inject_fault("ListDomains", error_code="ThrottlingException", http_status=400)
    with pytest.raises(ClientError) as error:
        sagemaker_client.list_domains()
    assert error.value.response["Error"]["Code"] == "ThrottlingException"
    assert sagemaker_client.list_domains()["Domains"] == []
