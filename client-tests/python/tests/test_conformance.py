"""The conformance recorder (scripts/conformance), emulator against emulator: two recordings of
the walkthrough on two emulators compare equal once normalised, and a deliberate difference (an
emulator whose quota refuses KernelGateway apps) is reported. Nothing here calls AWS."""

from __future__ import annotations

import json
import subprocess
import sys

from emulator import REPO, Emulator, new_account

SCRIPT = REPO / "scripts" / "conformance"


def record(endpoint: str, out) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "record", "--endpoint", endpoint,
         "--account", new_account(), "--out", str(out)],
        check=True, capture_output=True, text=True, timeout=120,
    )


def diff(first, second) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "diff", str(first), str(second)],
        capture_output=True, text=True, timeout=60,
    )


def test_two_emulators_record_the_same_walkthrough(emulator, tmp_path):
    other = Emulator(delays="fast")
    try:
        record(emulator.endpoint, tmp_path / "a.json")
        record(other.endpoint, tmp_path / "b.json")
    finally:
        other.stop()
    recording = json.loads((tmp_path / "a.json").read_text())
    calls = recording["Calls"]
    assert len(calls) >= 30
    created = calls[0]["Output"]
    # Ids, ARNs and times are normalised; what AWS fixes (image accounts, statuses) is kept.
    assert created["DomainId"] == "<DomainId1>"
    assert created["DomainArn"] == "arn:aws:sagemaker:<Region>:<AccountId>:domain/<DomainId1>"
    described = calls[1]["Output"]
    assert described["CreationTime"] == "<Time>"
    assert described["Status"] == "Pending"
    result = diff(tmp_path / "a.json", tmp_path / "b.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the same" in result.stdout


def test_a_deliberate_difference_is_reported(emulator, tmp_path):
    limited = Emulator(delays="fast", extra_args=("--quota", "apps:KernelGateway:*=0"))
    try:
        record(emulator.endpoint, tmp_path / "a.json")
        record(limited.endpoint, tmp_path / "b.json")
    finally:
        limited.stop()
    result = diff(tmp_path / "a.json", tmp_path / "b.json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CreateApp" in result.stdout
    assert "ResourceLimitExceeded" in result.stdout
