#!/usr/bin/env python3
"""Generate fixtures/sagemaker-model-slice.json from a pinned botocore release.

The slice holds botocore's SageMaker service model cut down to the Studio operations the
emulator serves (the table of docs/operations.md): each operation's entry and every shape
reachable from its input, output and error shapes, with every "documentation" key removed. The
emulator's validator (emulator/src/model/) embeds the file and walks it for every request.

Usage:
    python3 scripts/gen_model_slice.py            # (re)write the fixture
    python3 scripts/gen_model_slice.py --check    # exit 1 if the committed fixture is stale
    python3 scripts/gen_model_slice.py --wheel PATH/botocore-X-py3-none-any.whl   # offline

Without --wheel the pinned wheel is fetched with `pip download --no-deps` into a temporary
directory and its SHA-256 is checked against BOTOCORE_WHEEL_SHA256. Standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

BOTOCORE_VERSION = "1.44.8"
BOTOCORE_WHEEL = f"botocore-{BOTOCORE_VERSION}-py3-none-any.whl"
BOTOCORE_WHEEL_SHA256 = "76342a76c338701db80dcb8afe1c9bd079283d6fffbb9d881442abb02a215043"
MODEL_DIR = "botocore/data/sagemaker/2017-07-24/"

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURE = REPO_ROOT / "fixtures" / "sagemaker-model-slice.json"

# The Studio operations the emulator serves, grouped by resource. The slice holds exactly these.
OPERATIONS = [
    # Domain
    "CreateDomain", "DescribeDomain", "UpdateDomain", "DeleteDomain", "ListDomains",
    # UserProfile
    "CreateUserProfile", "DescribeUserProfile", "UpdateUserProfile", "DeleteUserProfile",
    "ListUserProfiles",
    # Space
    "CreateSpace", "DescribeSpace", "UpdateSpace", "DeleteSpace", "ListSpaces",
    # App
    "CreateApp", "DescribeApp", "DeleteApp", "ListApps",
    # PresignedUrl
    "CreatePresignedDomainUrl",
    # StudioLifecycleConfig
    "CreateStudioLifecycleConfig", "DescribeStudioLifecycleConfig",
    "DeleteStudioLifecycleConfig", "ListStudioLifecycleConfigs",
    # AppImageConfig
    "CreateAppImageConfig", "DescribeAppImageConfig", "UpdateAppImageConfig",
    "DeleteAppImageConfig", "ListAppImageConfigs",
    # Image
    "CreateImage", "DescribeImage", "UpdateImage", "DeleteImage", "ListImages",
    # ImageVersion
    "CreateImageVersion", "DescribeImageVersion", "UpdateImageVersion", "DeleteImageVersion",
    "ListImageVersions", "ListAliases",
    # Tags
    "AddTags", "ListTags", "DeleteTags",
]


def strip_documentation(node):
    """Return `node` without any "documentation" key, at any depth."""
    if isinstance(node, dict):
        return {k: strip_documentation(v) for k, v in node.items() if k != "documentation"}
    if isinstance(node, list):
        return [strip_documentation(v) for v in node]
    return node


def read_wheel(wheel: pathlib.Path) -> dict:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        if MODEL_DIR + "service-2.json.gz" in names:
            return json.loads(gzip.decompress(archive.read(MODEL_DIR + "service-2.json.gz")))
        if MODEL_DIR + "service-2.json" in names:
            return json.loads(archive.read(MODEL_DIR + "service-2.json"))
    raise SystemExit(f"{wheel}: no {MODEL_DIR}service-2.json(.gz)")


def fetch_wheel(dest: pathlib.Path) -> pathlib.Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--dest", str(dest), f"botocore=={BOTOCORE_VERSION}"],
        check=True,
    )
    wheel = dest / BOTOCORE_WHEEL
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != BOTOCORE_WHEEL_SHA256:
        raise SystemExit(f"{wheel.name}: sha256 {digest}, expected {BOTOCORE_WHEEL_SHA256}")
    return wheel


def reachable_shapes(shapes: dict, roots: list[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for ref in ("member", "key", "value"):
            if ref in shape:
                stack.append(shape[ref]["shape"])
        for member in shape.get("members", {}).values():
            stack.append(member["shape"])
    return seen


def build_slice(model: dict) -> dict:
    operations = {}
    roots = []
    for name in OPERATIONS:
        if name not in model["operations"]:
            raise SystemExit(f"operation {name} is not in botocore {BOTOCORE_VERSION}")
        op = strip_documentation(model["operations"][name])
        operations[name] = op
        for ref in ("input", "output"):
            if ref in op:
                roots.append(op[ref]["shape"])
        roots.extend(error["shape"] for error in op.get("errors", []))
    shapes = model["shapes"]
    names = reachable_shapes(shapes, roots)
    return {
        "_generated": (
            f"by scripts/gen_model_slice.py from botocore=={BOTOCORE_VERSION} "
            f"({MODEL_DIR}service-2.json); do not edit"
        ),
        "metadata": strip_documentation(model["metadata"]),
        "version": model.get("version"),
        "operations": operations,
        "shapes": {name: strip_documentation(shapes[name]) for name in names},
    }


def render(slice_: dict) -> str:
    return json.dumps(slice_, indent=1, sort_keys=True, ensure_ascii=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed fixture differs")
    parser.add_argument("--wheel", type=pathlib.Path,
                        help=f"use this local {BOTOCORE_WHEEL} instead of downloading it")
    args = parser.parse_args()

    if args.wheel:
        if args.wheel.name != BOTOCORE_WHEEL:
            raise SystemExit(f"--wheel must be {BOTOCORE_WHEEL}, got {args.wheel.name}")
        text = render(build_slice(read_wheel(args.wheel)))
    else:
        with tempfile.TemporaryDirectory(prefix="gen_model_slice.") as tmp:
            text = render(build_slice(read_wheel(fetch_wheel(pathlib.Path(tmp)))))

    if args.check:
        current = FIXTURE.read_text(encoding="utf-8") if FIXTURE.exists() else ""
        if current != text:
            print(f"{FIXTURE.relative_to(REPO_ROOT)} is stale: run "
                  "python3 scripts/gen_model_slice.py", file=sys.stderr)
            return 1
        print(f"{FIXTURE.relative_to(REPO_ROOT)} is up to date (botocore=={BOTOCORE_VERSION})")
        return 0

    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(text, encoding="utf-8")
    slice_ = json.loads(text)
    print(f"wrote {FIXTURE.relative_to(REPO_ROOT)}: {len(slice_['operations'])} operations, "
          f"{len(slice_['shapes'])} shapes (botocore=={BOTOCORE_VERSION})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
