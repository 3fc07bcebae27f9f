"""scripts/check-layers finds an upward import wherever it is planted: after a file's test
module, inside a file with a string or comment holding braces, and in a test-only item's
neighbour. A checker that skipped part of a file (it once stopped at the first `#[cfg(test)]`,
so 796 of resources/mod.rs's 807 lines went unread) fails here."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CHECKER = REPO / "scripts" / "check-layers"
SRC = REPO / "emulator" / "src"


def check(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECKER), "--src", str(src)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tree_as_it_is_is_layered():
    result = check(SRC)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "file, planted",
    [
        # After the file's test module (the old blind spot).
        ("resources/mod.rs", "\nuse crate::http::server::Config;\n"),
        # After a test function, a string with an unbalanced brace and a raw string.
        (
            "sim/clock.rs",
            '\n#[cfg(test)]\nfn helper() { let _ = "{"; let _ = r#"}"#; }\n'
            "pub fn leak() -> crate::service::Service { todo!() }\n",
        ),
        # A grouped import in a low layer.
        ("model/mod.rs", "\nuse crate::{http, error};\n"),
    ],
)
def test_an_upward_import_planted_anywhere_is_refused(tmp_path, file, planted):
    copy = tmp_path / "src"
    shutil.copytree(SRC, copy)
    with open(copy / file, "a", encoding="utf-8") as out:
        out.write(planted)
    result = check(copy)
    assert result.returncode == 1, result.stdout
    assert "a lower layer may not use a higher one" in result.stderr, result.stderr


def test_a_test_only_item_may_reach_anywhere(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(SRC, copy)
    with open(copy / "sim" / "clock.rs", "a", encoding="utf-8") as out:
        out.write("\n#[cfg(test)]\nmod reach {\n    use crate::http::server::Config;\n}\n")
    result = check(copy)
    assert result.returncode == 0, result.stderr
