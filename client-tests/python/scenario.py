"""A small generic interpreter of the scenario files in fixtures/scenarios/ (their `_about` member
says what each member means), with boto3 making the calls. The JS suite has the same
interpreter (client-tests/js/lib/scenario.mjs): keep the two in step."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Callable

from botocore import xform_name
from botocore.exceptions import ClientError

from emulator import SCENARIOS

VARIABLE = re.compile(r"\$\{([A-Za-z0-9_]+)\}")
MISSING = object()


def load(name: str) -> dict:
    return json.loads((SCENARIOS / f"{name}.json").read_text())


def substitute(value: Any, variables: dict[str, str], escape: Callable[[str], str] = str) -> Any:
    """Replaces ${Name} in every string of value."""
    if isinstance(value, str):

        def repl(match: re.Match) -> str:
            name = match.group(1)
            if name not in variables:
                raise AssertionError(f"undefined scenario variable ${{{name}}}")
            return escape(str(variables[name]))

        return VARIABLE.sub(repl, value)
    if isinstance(value, list):
        return [substitute(v, variables, escape) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, variables, escape) for k, v in value.items()}
    return value


def at_path(output: Any, path: str) -> Any:
    """The member at a dotted path ('Apps.0.Status'), or MISSING."""
    node = output
    for part in path.split("."):
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return MISSING
    return node


def same(actual: Any, expected: Any) -> bool:
    """Deep equality; numbers compare with a relative tolerance of 1e-9."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return actual is expected
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(same(actual[k], v) for k, v in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(same(a, e) for a, e in zip(actual, expected))
        )
    return actual == expected


def contains(actual: Any, expected: Any) -> bool:
    """expected's members are in actual, recursively for objects; other values are `same`."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and contains(actual[k], v) for k, v in expected.items()
        )
    return same(actual, expected)


class Boto3Caller:
    """Makes a scenario call with boto3 and returns (output, error code, error message)."""

    def __init__(self, client):
        self.client = client

    def __call__(self, operation: str, params: dict) -> tuple[dict | None, str | None, str | None]:
        method = getattr(self.client, xform_name(operation))
        try:
            output = method(**params)
        except ClientError as e:
            return None, e.response["Error"]["Code"], e.response["Error"].get("Message", "")
        output.pop("ResponseMetadata", None)
        return output, None, None


def check_expect(where: str, expect: dict, output, code, message, variables) -> None:
    """Asserts a call's result against a step's Expect (placeholders already substituted except
    in Matches, which are substituted as literals here)."""
    if "Error" in expect:
        assert code == expect["Error"], (
            f"{where}: expected error {expect['Error']}, got "
            + (f"error {code}: {message}" if code else f"success: {output}")
        )
        if "MessageContains" in expect:
            assert expect["MessageContains"] in message, f"{where}: message {message!r}"
        return
    assert code is None, f"{where}: expected success, got error {code}: {message}"
    if "Status" in expect:
        assert output.get("Status") == expect["Status"], (
            f"{where}: Status {output.get('Status')!r}, expected {expect['Status']!r}"
        )
    for path, value in expect.get("Output", {}).items():
        actual = at_path(output, path)
        assert actual is not MISSING, f"{where}: no member {path} in {output}"
        assert same(actual, value), f"{where}: {path} is {actual!r}, expected {value!r}"
    for path, pattern in expect.get("Matches", {}).items():
        actual = at_path(output, path)
        pattern = substitute(pattern, variables, re.escape)
        assert isinstance(actual, str) and re.search(pattern, actual), (
            f"{where}: {path} is {actual!r}, expected to match {pattern!r}"
        )
    for path, length in expect.get("Length", {}).items():
        actual = at_path(output, path)
        assert isinstance(actual, list) and len(actual) == length, (
            f"{where}: {path} is {actual!r}, expected {length} items"
        )
    for path, items in expect.get("Includes", {}).items():
        actual = at_path(output, path)
        assert isinstance(actual, list), f"{where}: {path} is {actual!r}, expected a list"
        for item in items:
            assert any(contains(a, item) for a in actual), (
                f"{where}: no item of {path} has {item}; items: {actual}"
            )


def run_steps(steps: list[dict], call, advance, variables: dict[str, str]) -> int:
    """Runs Steps of the walkthrough format; returns how many calls it made."""
    calls = 0
    for index, raw in enumerate(steps):
        if "AdvanceSeconds" in raw:
            advance(raw["AdvanceSeconds"])
            continue
        where = f"step {index} ({raw['Call']})"
        params = substitute(raw.get("Input", {}), variables)
        output, code, message = call(raw["Call"], params)
        calls += 1
        expect = raw.get("Expect", {})
        if code is None:
            for name, path in raw.get("Save", {}).items():
                value = at_path(output, path)
                assert value is not MISSING, f"{where}: nothing at {path} to save as {name}"
                variables[name] = value
        matches = expect.get("Matches")
        expect = substitute({k: v for k, v in expect.items() if k != "Matches"}, variables)
        if matches is not None:
            expect["Matches"] = matches
        check_expect(where, expect, output, code, message, variables)
    return calls


def await_status(call, advance, spec: dict, variables: dict[str, str], where: str) -> None:
    """An Await of the seed-notebooks format: poll Describe until Status (or Gone =
    ResourceNotFound), advancing the manual clock a second between polls."""
    params = substitute(spec["Input"], variables)
    seen = None
    for _ in range(30):
        output, code, message = call(spec["Call"], params)
        if spec["Status"] == "Gone":
            if code == "ResourceNotFound":
                return
            seen = code or output.get("Status")
        else:
            assert code is None, f"{where}: {spec['Call']} failed: {code}: {message}"
            if output.get("Status") == spec["Status"]:
                return
            seen = output.get("Status")
        advance(1)
    raise AssertionError(f"{where}: {spec['Call']} never reached {spec['Status']} (last {seen})")
