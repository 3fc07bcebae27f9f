"""Timestamps come from the emulator's manual clock, and boto3 parses them into datetimes."""

from __future__ import annotations

import datetime

from conftest import quick_start_domain


def millis(value) -> int:
    if isinstance(value, datetime.datetime):
        assert value.tzinfo is not None, "boto3 returns aware datetimes"
        value = value.timestamp()
    return round(value * 1000)


def test_timestamps_are_the_manual_clocks_now(sm, account, emulator):
    created_at = emulator.now()
    domain = quick_start_domain(sm, account)
    described = sm.describe_domain(DomainId=domain)
    assert isinstance(described["CreationTime"], datetime.datetime)
    assert millis(described["CreationTime"]) == millis(created_at)
    assert millis(described["LastModifiedTime"]) == millis(created_at)

    # The clock moves only when told to: 90 s later the profile is stamped 90 s later.
    profile_at = emulator.advance(90)
    assert millis(profile_at) == millis(created_at) + 90_000
    sm.create_user_profile(DomainId=domain, UserProfileName="alice")
    profile = sm.describe_user_profile(DomainId=domain, UserProfileName="alice")
    assert millis(profile["CreationTime"]) == millis(profile_at)
    listed = sm.list_user_profiles(DomainIdEquals=domain)["UserProfiles"][0]
    assert millis(listed["CreationTime"]) == millis(profile_at)

    emulator.advance(1)
    app_at = emulator.advance(3600)
    sm.create_app(
        DomainId=domain,
        UserProfileName="alice",
        AppType="JupyterServer",
        AppName="default",
        ResourceSpec={"InstanceType": "system"},
    )
    app = sm.describe_app(
        DomainId=domain, UserProfileName="alice", AppType="JupyterServer", AppName="default"
    )
    assert millis(app["CreationTime"]) == millis(app_at)
    assert millis(sm.list_apps(DomainIdEquals=domain)["Apps"][0]["CreationTime"]) == millis(app_at)
    # The domain's own creation time did not move.
    assert millis(sm.describe_domain(DomainId=domain)["CreationTime"]) == millis(created_at)
