#!/usr/bin/env python3
"""Build fixtures/studio-prices.json from the price data in fixtures/sources/, deterministically.

The emulator embeds fixtures/studio-prices.json at compile time (emulator/src/sim/prices.rs).
This script is the only writer of that file: it reads the figures found in public price tables
(default: fixtures/sources/studio-prices.json, whose "_about" says where they come from), validates them,
normalises every entry to {vcpu, memory_gib, gpus, usd_per_hour, filled_from} and
writes them with sorted keys, so the same input always gives the same bytes.

    python3 scripts/gen_prices.py            # (re)write the fixture
    python3 scripts/gen_prices.py --check    # CI: exit 1 if the fixture is stale or malformed

--check verifies that the committed fixture is well formed and canonical (re-rendering its own
content gives the same bytes) and that regenerating it from the source gives the committed
bytes. With --allow-missing-source an
absent source skips that second part with a note instead of failing.
Exit codes: 0 ok, 1 stale/malformed fixture, 2 bad source or usage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO / "fixtures" / "sources" / "studio-prices.json"
FIXTURE = REPO / "fixtures" / "studio-prices.json"
SCRIPT_NAME = "scripts/gen_prices.py"
SOURCE_NAME = "fixtures/sources/studio-prices.json"

REGION_RE = re.compile(r"^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")
TYPE_RE = re.compile(r"^ml\.[a-z0-9-]+\.[a-z0-9]+$")
ENTRY_KEYS = {"vcpu", "memory_gib", "gpus", "usd_per_hour", "filled_from"}


class DataError(Exception):
    """The input does not have the expected shape."""


def _int(value, where: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise DataError(f"{where}: expected an integer >= {minimum}, got {value!r}")
    return value


def _num(value, where: str, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataError(f"{where}: expected a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        raise DataError(f"{where}: out of range: {value!r}")
    return value


def normalise_regions(regions) -> dict:
    """Validate and normalise {region: {type: entry}}; raises DataError."""
    if not isinstance(regions, dict) or not regions:
        raise DataError("'regions' must be a non-empty object")
    out: dict = {}
    for region, types in regions.items():
        if not REGION_RE.match(region):
            raise DataError(f"bad region name {region!r}")
        if not isinstance(types, dict):
            raise DataError(f"{region}: expected an object of instance types")
        out[region] = {}
        for itype, entry in types.items():
            where = f"{region}/{itype}"
            if not TYPE_RE.match(itype):
                raise DataError(f"{where}: bad instance type name")
            if not isinstance(entry, dict):
                raise DataError(f"{where}: expected an object")
            unknown = set(entry) - ENTRY_KEYS
            if unknown:
                raise DataError(f"{where}: unknown members {sorted(unknown)}")
            price = entry.get("usd_per_hour")
            filled = entry.get("filled_from")
            if filled is not None and (not isinstance(filled, str) or filled == region):
                raise DataError(f"{where}: bad filled_from {filled!r}")
            out[region][itype] = {
                "vcpu": _int(entry.get("vcpu"), f"{where}.vcpu", 1),
                "memory_gib": _num(entry.get("memory_gib"), f"{where}.memory_gib", True),
                "gpus": _int(entry.get("gpus"), f"{where}.gpus", 0),
                # A missing price stays null: the emulator then reports the type unpriced.
                "usd_per_hour": None
                if price is None
                else _num(price, f"{where}.usd_per_hour", False),
                "filled_from": filled,
            }
    # A filled entry must repeat what its origin region says (that is why it may be filled).
    for region, types in out.items():
        for itype, entry in types.items():
            origin = entry["filled_from"]
            if origin is None:
                continue
            other = out.get(origin, {}).get(itype)
            if other is None:
                raise DataError(f"{region}/{itype}: filled_from {origin} which lacks the type")
            for key in ("vcpu", "memory_gib", "gpus", "usd_per_hour"):
                if other[key] != entry[key]:
                    raise DataError(
                        f"{region}/{itype}: {key} differs from {origin}: "
                        f"{entry[key]!r} != {other[key]!r}"
                    )
    return out


def render(about: str, sha256: str, regions: dict) -> str:
    doc = {
        "_about": about,
        "_generated": {
            "by": SCRIPT_NAME,
            "from": SOURCE_NAME,
            "source_sha256": sha256,
            "note": "Generated file: do not edit by hand; run python3 " + SCRIPT_NAME,
        },
        "regions": regions,
    }
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def build(source_bytes: bytes) -> str:
    try:
        data = json.loads(source_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError(f"source is not JSON: {err}") from err
    if not isinstance(data, dict):
        raise DataError("source must be a JSON object")
    about = data.get("_about", "")
    if not isinstance(about, str):
        raise DataError("'_about' must be a string")
    regions = normalise_regions(data.get("regions"))
    return render(about, hashlib.sha256(source_bytes).hexdigest(), regions)


def check_fixture_self(text: str) -> None:
    """The committed fixture must be valid and byte-identical to its own re-rendering."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(f"fixture is not JSON: {err}") from err
    if not isinstance(doc, dict) or set(doc) != {"_about", "_generated", "regions"}:
        raise DataError("fixture must have exactly _about, _generated, regions")
    gen = doc["_generated"]
    if not isinstance(gen, dict) or not isinstance(gen.get("source_sha256"), str):
        raise DataError("fixture _generated header is malformed")
    again = render(doc["_about"], gen["source_sha256"], normalise_regions(doc["regions"]))
    if again != text:
        raise DataError("fixture is not in canonical form (was it edited by hand?)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=FIXTURE)
    parser.add_argument("--check", action="store_true", help="verify, write nothing")
    parser.add_argument(
        "--allow-missing-source",
        action="store_true",
        help="with --check: only check the fixture's own form when the source is absent",
    )
    args = parser.parse_args(argv)

    source_bytes = None
    if args.source.is_file():
        source_bytes = args.source.read_bytes()
    elif not (args.check and args.allow_missing_source):
        print(f"error: source not found: {args.source}", file=sys.stderr)
        return 2

    expected = None
    if source_bytes is not None:
        try:
            expected = build(source_bytes)
        except DataError as err:
            print(f"error: {args.source}: {err}", file=sys.stderr)
            return 2

    if not args.check:
        assert expected is not None
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.write(expected)
        print(f"wrote {args.output}")
        return 0

    try:
        current = args.output.read_text(encoding="utf-8")
        check_fixture_self(current)
    except (OSError, DataError) as err:
        print(f"error: {args.output}: {err}", file=sys.stderr)
        return 1
    if expected is None:
        print(f"note: {args.source} absent; checked the fixture's own form only")
    elif current != expected:
        print(
            f"error: {args.output} is stale; run python3 {SCRIPT_NAME}",
            file=sys.stderr,
        )
        return 1
    print(f"ok: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
