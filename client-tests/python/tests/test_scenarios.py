"""The shared scenario files of fixtures/scenarios/, replayed with boto3."""

from __future__ import annotations

import time

import json
import urllib.parse

import pytest

import scenario
from conftest import REGION, make_client
from emulator import Emulator


@pytest.fixture
def emulator_for(emulator):
    """The session's emulator when a scenario's Emulator flags are its own (and it may share it),
    else a new one."""
    started: list[Emulator] = []

    def get(flags: dict, dedicated: bool = False) -> Emulator:
        assert flags.get("Clock") == "manual", "scenarios run on a manual clock"
        if flags.get("Delays", "fast") == "fast" and not dedicated:
            return emulator
        server = Emulator(delays=flags["Delays"])
        started.append(server)
        return server

    yield get
    for server in started:
        server.stop()


def test_walkthrough(emulator_for, account):
    spec = scenario.load("walkthrough")
    server = emulator_for(spec["Emulator"])
    region = spec.get("Region", REGION)
    call = scenario.Boto3Caller(make_client(server.endpoint, account, region))
    variables = {"AccountId": account, "Region": region}
    calls = scenario.run_steps(spec["Steps"], call, server.advance, variables)
    assert calls >= 30


def test_seed_notebooks_usage(emulator_for):
    """The seed's metering example: after setup, apps opened and closed at given hours; the usage
    report must bill one ml.t3.medium instance 3 h and one ml.m5.large instance 1 h."""
    spec = scenario.load("seed-notebooks")
    # The scenario names its own account: it gets an emulator of its own.
    server = emulator_for(spec["Emulator"], dedicated=True)
    call = scenario.Boto3Caller(make_client(server.endpoint, spec["AccountId"], spec["Region"]))
    # As the emulator's replay does: the Quick setup stamp of the clock's now (T0).
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(int(server.now())))
    variables = {"AccountId": spec["AccountId"], "Region": spec["Region"], "QuickSetupStamp": stamp}

    def run_setup_like(steps: list[dict], label: str) -> None:
        for i, step in enumerate(steps):
            where = f"{label} {i} ({step['Call']})"
            output, code, message = call(step["Call"], scenario.substitute(step["Input"], variables))
            assert code is None, f"{where}: {code}: {message}"
            for name, path in step.get("Save", {}).items():
                variables[name] = scenario.at_path(output, path)
            if "Await" in step:
                scenario.await_status(call, server.advance, step["Await"], variables, where)

    run_setup_like(spec["Setup"], "Setup")
    t0 = server.now()
    # Steps and usage checks merged by AtSeconds, the steps of an AtSeconds first.
    events = [(s["AtSeconds"], 0, i, "step", s) for i, s in enumerate(spec["Steps"])]
    events += [(u["AtSeconds"], 1, i, "usage", u) for i, u in enumerate(spec["ExpectedUsage"])]
    checked = 0
    for at, _, index, kind, event in sorted(events, key=lambda e: e[:3]):
        behind = t0 + at - server.now()
        if behind > 0:
            server.advance(behind)
        if kind == "step":
            where = f"Steps {index} ({event['Call']}) at {at}s"
            output, code, message = call(event["Call"], scenario.substitute(event["Input"], variables))
            scenario.check_expect(where, event.get("Expect", {}), output, code, message, variables)
            continue
        where = f"ExpectedUsage {index} at {at}s"
        query = urllib.parse.urlencode(scenario.substitute(event["Query"], variables))
        report = server.admin("GET", f"/_emulator/usage?{query}")
        instances = report["Instances"]
        expected = event["Instances"]
        assert len(instances) == len(expected), f"{where}: {json.dumps(report, indent=1)}"
        for n, (actual, want) in enumerate(zip(instances, expected)):
            derived = dict(actual)
            derived["StartAtSeconds"] = actual["StartTime"] - t0
            derived["EndAtSeconds"] = None if actual["EndTime"] is None else actual["EndTime"] - t0
            for member, value in want.items():
                assert member in derived, f"{where}: instance {n} has no {member}: {actual}"
                assert scenario.same(derived[member], value), (
                    f"{where}: instance {n} {member} is {derived[member]!r}, expected {value!r}"
                )
        for member in ("TotalCostUsd", "Currency"):
            if member in event:
                assert scenario.same(report[member], event[member]), (
                    f"{where}: {member} is {report[member]!r}, expected {event[member]!r}"
                )
        checked += 1
    assert checked == len(spec["ExpectedUsage"])
    run_setup_like(spec["Teardown"], "Teardown")
