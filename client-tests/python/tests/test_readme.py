"""The README's shell and Python snippets, and those of the pages it links to, run as written
against a running emulator.

The snippets are read from the Markdown itself, so they cannot drift from what a user pastes. The
pages are README.md, then every page of docs/, then python/README.md (`pages()`). Each fenced `sh`
or `python` block is run in page order, from the repository's root, in a clean environment (a
temporary HOME, no AWS_* variables, this suite's venv first on PATH so that `aws`, `python3` and
boto3 are the pinned ones, and the directory of the release binary on PATH, as after `cargo
install`). A comment line just
above a block says how to treat it:

- `<!-- readme-test: server -->`: the block starts the emulator; it is run in the background with
  `SMSE_PORT=0` (the binary reads every flag from `SMSE_<FLAG>`), and the blocks after it in the
  same page run against it, with `127.0.0.1:8787` read as the port it printed (tests never take a
  fixed port);
- `<!-- readme-test: skip: REASON -->`: not run here, for the reason given (e.g. the test
  command itself);
- no comment: the block runs against the last server started in its page and must exit 0. A
  page of docs/ starts out against the README's first server (the one "Run it" starts, which
  stays up until the end), as a reader who follows a link from the README has it running.

A README block with no server before it, or an unknown directive, fails the test: every block is
either run or skipped on purpose.

The README's JavaScript is run as pasted by its own test (the `js` language is not run above):
its npm install line in a temporary folder, its module saved under the name the README gives and
run by node with the README's variables; client-tests/js/test/readme.test.mjs also runs the module
against the JS suite's pinned SDK.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from emulator import REPO, Emulator, binary, start_shell_command, wait_listening

README = REPO / "README.md"
DIRECTIVE = re.compile(r"^<!-- readme-test: (server|skip: .+) -->$")
FENCE = re.compile(r"^```(\w*)\s*$")
RUN_LANGUAGES = {"sh", "python"}
SNIPPET_TIMEOUT_SECONDS = 120


def pages() -> list[Path]:
    """The Markdown pages whose snippets are run, in order: the README first (its first block
    starts the emulator the other pages run against), then every page of docs/ and the wheel's
    README (python/README.md), which the README links to for the fixtures."""
    return [README, *sorted((REPO / "docs").glob("*.md")), REPO / "python" / "README.md"]


def where(page: Path, line: int) -> str:
    return f"{page.relative_to(REPO)}:{line}"


@dataclass
class Block:
    page: Path
    language: str
    code: str
    line: int
    directive: str | None

    @property
    def where(self) -> str:
        return where(self.page, self.line)


def blocks(page: Path = README) -> list[Block]:
    """Every fenced block of a page with its language and directive."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        language, start = match.group(1), i
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        directive = None
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and lines[k].startswith("<!-- readme-test"):
            parsed = DIRECTIVE.match(lines[k].strip())
            if not parsed:
                raise AssertionError(f"{where(page, k + 1)}: unknown directive {lines[k]!r}")
            directive = parsed.group(1)
        found.append(
            Block(page, language, "\n".join(lines[start + 1 : j]) + "\n", start + 1, directive)
        )
        i = j + 1
    return found


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "SMSE_"))}
    # The user's toolchain stays where rustup put it (under the real home), whatever HOME is.
    for name, folder in (("RUSTUP_HOME", ".rustup"), ("CARGO_HOME", ".cargo")):
        if name not in env and (Path.home() / folder).is_dir():
            env[name] = str(Path.home() / folder)
    env["HOME"] = str(home)
    venv_bin = Path(sys.executable).parent
    env["PATH"] = os.pathsep.join([str(venv_bin), str(binary().parent), env.get("PATH", "")])
    env["NO_COLOR"] = "1"
    return env


class Server:
    """A server block running in the background."""

    def __init__(self, block: Block, env: dict[str, str]):
        self.block = block
        self.process, self.stderr = start_shell_command(
            block.code.strip().splitlines()[0], REPO, {**env, "SMSE_PORT": "0"}, subprocess.PIPE
        )
        self.port = self._wait(block)

    def _wait(self, block: Block) -> str:
        # `cargo run` may have to link the binary first.
        endpoint = wait_listening(self.process, SNIPPET_TIMEOUT_SECONDS)
        if endpoint is None:
            self.stop()
            raise AssertionError(
                f"{block.where}: the server block printed no listening line:\n"
                + "".join(self.stderr[-40:])
            )
        return endpoint.rsplit(":", 1)[1]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def run_block(block: Block, port: str, env: dict[str, str]) -> None:
    code = block.code.replace("127.0.0.1:8787", f"127.0.0.1:{port}")
    command = (
        ["bash", "-euo", "pipefail", "-c", code]
        if block.language == "sh"
        else [sys.executable, "-c", code]
    )
    result = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=SNIPPET_TIMEOUT_SECONDS,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, (
        f"{block.where}: the {block.language} snippet failed (exit {result.returncode})\n"
        f"--- snippet\n{code}--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
    )


def test_every_shell_and_python_snippet_of_the_readme_and_docs_runs_as_written():
    readme = [b for b in blocks(README) if b.language in RUN_LANGUAGES]
    assert len(readme) >= 5, "the README lost its snippets?"
    assert readme[0].directive == "server", (
        f"{readme[0].where}: the README's first snippet must start the emulator"
    )
    ran = 0
    started: list[Server] = []
    with tempfile.TemporaryDirectory() as home:
        env = clean_env(Path(home))
        try:
            for page in pages():
                # A page starts out against the README's first server (None for the README).
                server = started[0] if started else None
                for block in blocks(page):
                    if block.language not in RUN_LANGUAGES:
                        continue
                    if block.directive and block.directive.startswith("skip: "):
                        continue
                    if block.directive == "server":
                        if server and server is not started[0]:
                            server.stop()
                        server = Server(block, env)
                        started.append(server)
                        ran += 1
                        continue
                    assert server, f"{block.where}: a snippet before any server block"
                    run_block(block, server.port, env)
                    ran += 1
                if server and server is not started[0]:
                    server.stop()
            for server in started:
                assert not any("\x1b[" in line for line in server.stderr), (
                    f"{server.block.where}: a log written to a pipe carries colour codes"
                )
        finally:
            for server in started:
                server.stop()
    assert ran >= 5


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(REPO)))
def test_the_directives_name_real_blocks(page: Path):
    """A directive must sit right above a block it applies to, and a skip must say why."""
    parsed = blocks(page)
    skipped = [b for b in parsed if b.directive and b.directive.startswith("skip: ")]
    assert all(len(b.directive) > len("skip: ") + 5 for b in skipped), [
        b.where for b in skipped if len(b.directive) <= len("skip: ") + 5
    ]
    servers = [b for b in parsed if b.directive == "server"]
    assert all(b.language == "sh" for b in servers)
    if page == README:
        assert servers
    text = page.read_text(encoding="utf-8")
    assert text.count("<!-- readme-test") == len(skipped) + len(servers)


LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def without_fences(page: Path) -> str:
    return re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)


def prose(page: Path) -> str:
    """A page without its fenced blocks and code spans, where a link is no link."""
    return re.sub(r"`[^`]*`", "", without_fences(page))


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as
    hyphens, `-1`, `-2` … after a repeated one."""
    seen: dict[str, int] = {}
    found = set()
    for line in without_fences(page).splitlines():
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves(page: Path):
    """A relative link names a file of the repository, and its `#anchor` a heading there."""
    broken = []
    for target in LINK.findall(prose(page)):
        if SCHEME.match(target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists() or not file.is_relative_to(REPO):
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{target}: no heading #{anchor} in {file.relative_to(REPO)}")
    assert not broken, f"{page.relative_to(REPO)}: broken links: {broken}"


JS_FILE = re.compile(r"save it as `([\w.-]+\.mjs)`")
JS_PRINTS = re.compile(r"// prints (.+?) after ")
NPM_TIMEOUT_SECONDS = 300


def test_the_javascript_snippet_runs_as_pasted(tmp_path):
    """The README's JavaScript, as a user pastes it: its install line run in a fresh folder (the
    npm registry, or npm's cache first), its module saved under the name the README gives, and
    `node FILE` run there with the README's variables set, printing what the README says."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are not installed (scripts/preflight asks for both; CI has them)")
    readme = blocks(README)
    [install] = [b for b in readme if b.language == "sh" and "npm install" in b.code]
    [module] = [b for b in readme if b.language == "js"]
    [variables] = [b for b in readme if b.language == "sh" and "export AWS_ENDPOINT_URL" in b.code]
    [boto3] = [b for b in readme if b.language == "python" and "import boto3" in b.code]
    text = README.read_text(encoding="utf-8")
    name = JS_FILE.search(text)
    assert name, "README.md: the JavaScript snippet's file name (save it as `NAME.mjs`) is gone"
    assert f"`node {name.group(1)}`" in text, "README.md: how to run the JavaScript snippet is gone"
    expected = JS_PRINTS.search(module.code)
    assert expected, f"{module.where}: the snippet no longer says what it prints (// prints …)"
    folder = re.search(r"\bcd (\S+)", install.code)
    assert folder, f"{install.where}: the install line no longer makes the folder it runs in"

    env = clean_env(tmp_path / "home")
    (tmp_path / "home").mkdir()
    # npm's cache stays the user's (it is what `npm ci` of client-tests/js filled), read first.
    if (Path.home() / ".npm").is_dir():
        env["npm_config_cache"] = str(Path.home() / ".npm")
    env.update(npm_config_prefer_offline="true", npm_config_audit="false",
               npm_config_fund="false", npm_config_update_notifier="false")
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", install.code], cwd=work, env=env,
        capture_output=True, text=True, timeout=NPM_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, (
        f"{install.where}: the install line failed (exit {result.returncode})\n{result.stderr}"
    )

    studio = Emulator()
    try:
        port = studio.endpoint.rsplit(":", 1)[1]
        run_block(boto3, port, env)  # the domain the snippet then lists
        for line in variables.code.splitlines():
            if line.startswith("export "):
                for word in shlex.split(line)[1:]:
                    key, _, value = word.partition("=")
                    env[key] = value.replace("127.0.0.1:8787", f"127.0.0.1:{port}")
        project = work / folder.group(1)
        (project / name.group(1)).write_text(
            module.code.replace("127.0.0.1:8787", f"127.0.0.1:{port}"), encoding="utf-8"
        )
        result = subprocess.run(
            [node, name.group(1)], cwd=project, env=env, capture_output=True, text=True,
            timeout=SNIPPET_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
        )
    finally:
        studio.stop()
    assert result.returncode == 0, f"{module.where}: node failed\n{result.stderr}"
    assert result.stdout.strip() == expected.group(1), (
        f"{module.where}: printed {result.stdout.strip()!r}, the README says {expected.group(1)!r}"
    )


def test_logs_to_a_file_have_no_colour_codes(tmp_path):
    log = tmp_path / "emulator.log"
    with open(log, "w") as stderr:
        process = subprocess.Popen(
            [str(binary()), "--port", "0", "--clock", "manual"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            text=True,
            env={k: v for k, v in os.environ.items() if not k.startswith("SMSE_")},
        )
        try:
            line = process.stdout.readline()
            assert line.startswith("listening on ")
            # The log's first line follows the listening line: wait for it (bounded).
            deadline = time.monotonic() + 10
            while not log.read_text() and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            process.terminate()
            process.wait(10)
    text = log.read_text()
    assert "listening" in text or "INFO" in text, text
    assert "\x1b[" not in text


def test_the_readme_pytest_example_is_the_example_project_test():
    """The README's pytest snippet is skipped here because it is a test: the example project
    (run by scripts/test-wheel) holds it word for word."""
    snippet = next(
        b.code for b in blocks() if b.language == "python" and "def test_" in b.code
    )
    assert snippet in (REPO / "examples" / "pytest" / "test_quickstart.py").read_text()
