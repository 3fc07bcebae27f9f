"""Conformance with real AWS: every recording in fixtures/recordings is made again on the emulator
and compared.

Each folder of fixtures/recordings holds answers that AWS really gave (copied unchanged from
their public source, named in the folder's provenance.json) and a scenario.json: the calls that
made the recorded resources, at the recorded times, and the questions whose answers were
recorded. The test plays the scenario on an emulator of its own (manual clock, one account: the
recordings' own), normalises both answers the same way, and compares them member by member:
present and absent members, default values, enums, formats and list order.

Normalised, on both sides: times (`<Time>`: AWS's clock is not ours), every 12-digit number (one
recorder replaced them all by one account: the same replacement is applied everywhere), EFS ids,
the random host of a space's Url, and HomeEfsFileSystemUid values (their set is checked on its
own). The emulator's ids are read as the recorded ones (a scenario's `Save`).

It prints "N/M recordings reproduced" and every difference. A difference is allowed only when the
ledger (docs/fidelity.md, "Recorded differences") lists it with its reason; a listed difference
that no longer occurs fails too, so the ledger stays true.
"""

from __future__ import annotations

import datetime
import fnmatch
import json
import re
from pathlib import Path

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from conftest import make_client
from emulator import REPO, Emulator

RECORDINGS = REPO / "fixtures" / "recordings"
LEDGER = REPO / "docs" / "fidelity.md"
ACCOUNT_DIGITS = re.compile(r"\b\d{12}\b")
EFS_ID = re.compile(r"\bfs-[0-9a-f]{8,17}\b")
SPACE_HOST = re.compile(r"^https://[a-z0-9]{15}\.studio\.")
ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
VARIABLE = re.compile(r"\$\{([^}]+)\}")


def recording_sets() -> list[Path]:
    return sorted(p.parent for p in RECORDINGS.glob("*/scenario.json"))


def recorded_value(value):
    """A placebo file's value as boto3 gave it: its datetimes back as datetimes."""
    if isinstance(value, dict):
        if value.get("__class__") == "datetime":
            return datetime.datetime(
                value["year"], value["month"], value["day"], value["hour"],
                value["minute"], value["second"], value["microsecond"],
            )
        return {k: recorded_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [recorded_value(v) for v in value]
    return value


def recorded_answer(path: Path):
    """A recorded answer: a placebo file's `data` (cloud-custodian's recorder), or the JSON an
    AWS CLI printed, as it is."""
    text = json.loads(path.read_text())
    if isinstance(text, dict) and "status_code" in text and "data" in text:
        return recorded_value(text["data"])
    return text


def normalise(value, account: str, ids: dict[str, str], key: str = ""):
    """One answer made comparable (see the module's docstring)."""
    if isinstance(value, dict):
        return {
            k: normalise(v, account, ids, k) for k, v in value.items() if k != "ResponseMetadata"
        }
    if isinstance(value, list):
        return [normalise(v, account, ids, key) for v in value]
    if isinstance(value, datetime.datetime):
        return "<Time>"
    if isinstance(value, str) and ISO_TIME.match(value):
        return "<Time>"  # the AWS CLI prints times as ISO text
    if isinstance(value, str):
        for emulator_id, recorded_id in ids.items():
            value = value.replace(emulator_id, recorded_id)
        value = ACCOUNT_DIGITS.sub(account, value)
        value = EFS_ID.sub("<EfsId>", value)
        value = SPACE_HOST.sub("https://<SpaceHost>.studio.", value)
        if key == "HomeEfsFileSystemUid" and value.isdigit():
            return "<Uid>"
    return value


def differences(recorded, emulated, path: str = "") -> list[tuple[str, str]]:
    """(member path, what differs) for every difference; list items are compared in order."""
    where = path or "(answer)"
    if isinstance(recorded, dict) and isinstance(emulated, dict):
        found = []
        for k in recorded.keys() | emulated.keys():
            sub = f"{path}.{k}" if path else k
            if k not in emulated:
                found.append((sub, f"recorded {json.dumps(recorded[k])}, absent here"))
            elif k not in recorded:
                found.append((sub, f"not recorded, here {json.dumps(emulated[k])}"))
            else:
                found += differences(recorded[k], emulated[k], sub)
        return sorted(found)
    if isinstance(recorded, list) and isinstance(emulated, list):
        if len(recorded) != len(emulated):
            return [(where, f"recorded {len(recorded)} items, here {len(emulated)}")]
        found = []
        for i, (r, e) in enumerate(zip(recorded, emulated)):
            found += differences(r, e, f"{path}[{i}]")
        return found
    if recorded != emulated:
        return [(where, f"recorded {json.dumps(recorded)}, here {json.dumps(emulated)}")]
    return []


def substitute(value, saved: dict[str, str]):
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, str):
        return VARIABLE.sub(lambda m: saved[m.group(1)], value)
    return value


def parse_instant(text: str) -> float:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Replay:
    """One scenario on one emulator."""

    def __init__(self, folder: Path, server: Emulator):
        self.folder = folder
        self.scenario = json.loads((folder / "scenario.json").read_text())
        self.server = server
        self.account = self.scenario["Account"]
        self.sm = make_client(server.endpoint, self.account, self.scenario["Region"])
        self.saved: dict[str, str] = {}
        self.origin: tuple[float, float] | None = None  # (recorded instant, emulator time)
        self.results: list[tuple[str, list[tuple[str, str]]]] = []
        self.uids: list[str] = []

    def ids(self) -> dict[str, str]:
        """Emulator id → recorded id."""
        return {emulated: recorded for recorded, emulated in self.saved.items()}

    def move_clock_to(self, instant: str) -> None:
        at = parse_instant(instant)
        if self.origin is None:
            self.origin = (at, self.server.now())
            return
        target = self.origin[1] + (at - self.origin[0])
        step = target - self.server.now()
        assert step >= 0, f"{self.folder.name}: the scenario's times go back at {instant}"
        if step > 0:
            self.server.advance(step)

    def call(self, operation: str, given: dict):
        return getattr(self.sm, xform_name(operation))(**substitute(given, self.saved))

    def run(self) -> None:
        for step in self.scenario["Steps"]:
            if "At" in step:
                self.move_clock_to(step["At"])
            elif "Activity" in step:
                app = self.call("DescribeApp", step["Activity"])
                self.server.admin("POST", "/_emulator/activity", {"AppArn": app["AppArn"]})
            elif "Compare" in step:
                self.compare(step)
            else:
                try:
                    output = self.call(step["Call"], step["Input"])
                except ClientError as e:
                    raise AssertionError(
                        f"{self.folder.name}: setup call {step['Call']} refused: {e}"
                    ) from None
                for name, member in step.get("Save", {}).items():
                    self.saved[name] = output[member]

    def compare(self, step: dict) -> None:
        recorded = recorded_answer(self.folder / step["Compare"])
        try:
            emulated = self.call(step["Call"], step["Input"])
        except ClientError as e:
            emulated = {"Error": e.response["Error"]}
        if "HomeEfsFileSystemUid" in emulated:
            self.uids.append(emulated["HomeEfsFileSystemUid"])
        ids = self.ids()
        found = differences(
            normalise(recorded, self.account, {}),
            normalise(emulated, self.account, ids),
        )
        name = f"{self.folder.name}/{step['Compare']}"
        self.results.append((name, found))


def ledger_differences() -> list[tuple[str, str, str]]:
    """(recording pattern, member path, reason) of the ledger's "Recorded differences" table."""
    text = LEDGER.read_text()
    section = text.split("## Recorded differences", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].startswith("`") and not set(cells[0]) <= {"-"}:
            rows.append((cells[0].strip("`"), cells[1].strip("`"), cells[3]))
    return rows


@pytest.fixture(scope="module")
def replays():
    # One emulator per recording: two recordings of one account must not see each other.
    done = []
    for folder in recording_sets():
        server = Emulator(delays="fast")
        try:
            replay = Replay(folder, server)
            replay.run()
            done.append(replay)
        finally:
            server.stop()
    return done


def test_every_recording_is_reproduced_or_its_differences_are_in_the_ledger(replays, capsys):
    rows = ledger_differences()
    results = [result for replay in replays for result in replay.results]
    reproduced = sum(1 for _, found in results if not found)
    unexplained = []
    used = set()
    lines = [f"{reproduced}/{len(results)} recordings reproduced"]
    for name, found in results:
        for member, what in found:
            reason = next((r for p, m, r in rows
                           if fnmatch.fnmatch(name, p) and fnmatch.fnmatch(member, m)), None)
            if reason is None:
                unexplained.append(f"{name}: {member}: {what}")
                lines.append(f"  NOT IN THE LEDGER {name}: {member}: {what}")
            else:
                used.update((p, m) for p, m, _ in rows
                            if fnmatch.fnmatch(name, p) and fnmatch.fnmatch(member, m))
                lines.append(f"  {name}: {member}: {what} (ledger: {reason})")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    stale = [f"{p} {m}" for p, m, _ in rows if (p, m) not in used]
    assert not unexplained, "differences the ledger does not explain:\n" + "\n".join(unexplained)
    assert not stale, "ledger rows of differences that no longer occur:\n" + "\n".join(stale)
    assert len(results) >= 20, "the recordings were not all compared"


def test_home_efs_uids_of_one_domain_are_the_recorded_set(replays):
    # Recorded: 200005, 200010, 200015, 200020 for two profiles and two spaces of one new domain.
    studio = next(r for r in replays if r.folder.name == "c7n-studio-2026-07")
    assert sorted(set(studio.uids)) == ["200005", "200010", "200015", "200020"]


def test_the_normalisation_keeps_what_it_must_compare():
    # A recorded image account stays comparable after the recorder's own replacement; a space host
    # of another shape is left as it is, so that a wrong format shows as a difference.
    assert normalise("arn:aws:ecr:us-east-1:081325390199:repository/x", "644160558196", {}) == \
        "arn:aws:ecr:us-east-1:644160558196:repository/x"
    assert normalise("https://abc.studio.us-east-1.sagemaker.aws", "1", {}) == \
        "https://abc.studio.us-east-1.sagemaker.aws"
    assert differences({"A": [1, 2]}, {"A": [2, 1]}) == [
        ("A[0]", "recorded 1, here 2"), ("A[1]", "recorded 2, here 1")]
    assert differences({"A": 1}, {"B": 1}) == [
        ("A", "recorded 1, absent here"), ("B", "not recorded, here 1")]
