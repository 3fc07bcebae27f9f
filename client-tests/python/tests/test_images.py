"""boto3's image waiters (image_created, image_updated, image_deleted, image_version_created,
image_version_deleted) against the emulator's custom images, and `aws sagemaker wait
image-created`.

The clock is manual and the waiters poll with `WaiterConfig={"Delay": 0}`, so nothing sleeps:
a hook on the waiter's own Describe call advances the clock after the first poll, which sees the
status in progress, and the second poll sees the transition finished. Each waiter is also shown
to keep polling (and give up after MaxAttempts) while the transition has not finished."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from botocore.exceptions import WaiterError

ROLE = "arn:aws:iam::{account}:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453"
BASE_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team-kernel:latest"
# Every image transition takes one simulated second with --delays fast.
TRANSITION_SECONDS = 1
AWS = Path(sys.executable).parent / "aws"


def poll_across_transition(sm, emulator, waiter: str, operation: str, status: str, **params):
    """Runs `waiter` with no delay between polls, advancing the clock past the transition right
    after its first poll; returns what each poll saw (the status, or the error code)."""
    seen: list[str] = []

    def after_call(parsed, **_):
        seen.append(parsed.get(status) or parsed.get("Error", {}).get("Code", "?"))
        if len(seen) == 1:
            emulator.advance(TRANSITION_SECONDS)

    event = f"after-call.sagemaker.{operation}"
    sm.meta.events.register(event, after_call)
    try:
        sm.get_waiter(waiter).wait(**params, WaiterConfig={"Delay": 0, "MaxAttempts": 5})
    finally:
        sm.meta.events.unregister(event, after_call)
    return seen


def gives_up_while_in_progress(sm, waiter: str, expected_status: str, status: str, **params):
    """The waiter, with the clock standing still, polls MaxAttempts times and gives up on the
    status in progress (it neither succeeds nor fails early)."""
    with pytest.raises(WaiterError) as raised:
        sm.get_waiter(waiter).wait(**params, WaiterConfig={"Delay": 0, "MaxAttempts": 2})
    assert "Max attempts exceeded" in str(raised.value)
    assert raised.value.last_response[status] == expected_status


def create_image(sm, account: str, name: str) -> None:
    sm.create_image(ImageName=name, RoleArn=ROLE.format(account=account), DisplayName="Team kernel")


def test_image_created_waiter_polls_until_the_image_is_created(sm, account, emulator):
    create_image(sm, account, "team-kernel")
    gives_up_while_in_progress(
        sm, "image_created", "CREATING", "ImageStatus", ImageName="team-kernel"
    )
    seen = poll_across_transition(
        sm, emulator, "image_created", "DescribeImage", "ImageStatus", ImageName="team-kernel"
    )
    assert seen == ["CREATING", "CREATED"]
    assert sm.describe_image(ImageName="team-kernel")["ImageStatus"] == "CREATED"


def test_image_created_waiter_fails_at_once_on_a_validation_exception(sm):
    with pytest.raises(WaiterError) as raised:
        sm.get_waiter("image_created").wait(
            ImageName="not_a_valid_name!", WaiterConfig={"Delay": 0, "MaxAttempts": 5}
        )
    assert "terminal failure state" in str(raised.value)
    assert raised.value.last_response["Error"]["Code"] == "ValidationException"


def test_image_updated_waiter_polls_until_the_update_is_done(sm, account, emulator):
    create_image(sm, account, "team-kernel")
    emulator.advance(TRANSITION_SECONDS)
    sm.update_image(ImageName="team-kernel", Description="now with pandas")
    gives_up_while_in_progress(
        sm, "image_updated", "UPDATING", "ImageStatus", ImageName="team-kernel"
    )
    seen = poll_across_transition(
        sm, emulator, "image_updated", "DescribeImage", "ImageStatus", ImageName="team-kernel"
    )
    assert seen == ["UPDATING", "CREATED"]
    assert sm.describe_image(ImageName="team-kernel")["Description"] == "now with pandas"


def test_image_version_created_waiter_polls_until_the_version_is_created(sm, account, emulator):
    create_image(sm, account, "team-kernel")
    emulator.advance(TRANSITION_SECONDS)
    arn = sm.create_image_version(
        ImageName="team-kernel", BaseImage=BASE_IMAGE, ClientToken="release-1"
    )["ImageVersionArn"]
    assert arn.endswith(":image-version/team-kernel/1")
    gives_up_while_in_progress(
        sm,
        "image_version_created",
        "CREATING",
        "ImageVersionStatus",
        ImageName="team-kernel",
        Version=1,
    )
    seen = poll_across_transition(
        sm,
        emulator,
        "image_version_created",
        "DescribeImageVersion",
        "ImageVersionStatus",
        ImageName="team-kernel",
        Version=1,
    )
    assert seen == ["CREATING", "CREATED"]


def test_image_version_deleted_waiter_polls_until_the_version_is_gone(sm, account, emulator):
    create_image(sm, account, "team-kernel")
    emulator.advance(TRANSITION_SECONDS)  # versions are added to a CREATED image only
    for token in ("release-1", "release-2"):
        sm.create_image_version(ImageName="team-kernel", BaseImage=BASE_IMAGE, ClientToken=token)
    emulator.advance(TRANSITION_SECONDS)
    sm.delete_image_version(ImageName="team-kernel", Version=1)
    gives_up_while_in_progress(
        sm,
        "image_version_deleted",
        "DELETING",
        "ImageVersionStatus",
        ImageName="team-kernel",
        Version=1,
    )
    seen = poll_across_transition(
        sm,
        emulator,
        "image_version_deleted",
        "DescribeImageVersion",
        "ImageVersionStatus",
        ImageName="team-kernel",
        Version=1,
    )
    # Success is the ResourceNotFound error, as botocore's acceptor expects it.
    assert seen == ["DELETING", "ResourceNotFound"]
    versions = sm.list_image_versions(ImageName="team-kernel")["ImageVersions"]
    assert [v["Version"] for v in versions] == [2]


def test_image_deleted_waiter_polls_until_the_image_and_its_versions_are_gone(
    sm, account, emulator
):
    create_image(sm, account, "team-kernel")
    emulator.advance(TRANSITION_SECONDS)  # versions are added to a CREATED image only
    sm.create_image_version(ImageName="team-kernel", BaseImage=BASE_IMAGE, ClientToken="release-1")
    emulator.advance(TRANSITION_SECONDS)
    sm.delete_image(ImageName="team-kernel")
    gives_up_while_in_progress(
        sm, "image_deleted", "DELETING", "ImageStatus", ImageName="team-kernel"
    )
    seen = poll_across_transition(
        sm, emulator, "image_deleted", "DescribeImage", "ImageStatus", ImageName="team-kernel"
    )
    assert seen == ["DELETING", "ResourceNotFound"]
    # The versions went with it.
    sm.get_waiter("image_version_deleted").wait(
        ImageName="team-kernel", Version=1, WaiterConfig={"Delay": 0, "MaxAttempts": 1}
    )
    assert sm.list_images()["Images"] == []


def test_cli_wait_image_created_returns_once_the_image_is_created(sm, account, emulator):
    """`aws sagemaker wait` has no delay option (it would poll every 60 s): the clock is moved
    past the transition first, so its first poll succeeds."""
    create_image(sm, account, "cli-kernel")
    emulator.advance(TRANSITION_SECONDS)
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
    command = [
        str(AWS),
        "sagemaker",
        "wait",
        "image-created",
        "--image-name",
        "cli-kernel",
        "--endpoint-url",
        emulator.endpoint,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, (
        f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    )
    assert done.stdout == ""
