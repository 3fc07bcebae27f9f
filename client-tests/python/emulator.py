"""Starts the release binary of the emulator and talks to its admin API.

The binary is `$SMSE_BIN` (scripts/test-python sets it), else the default release build in
`$CARGO_TARGET_DIR` (default: cargo's own `target/` in the repository). It is started on `--port 0` with a manual
clock; readiness is the `listening on http://127.0.0.1:PORT` line on its stdout.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "fixtures" / "scenarios"
LISTENING = re.compile(r"^listening on (http://\S+)$")
START_TIMEOUT_SECONDS = 30


def wait_listening(process: subprocess.Popen, timeout: float) -> str | None:
    """The endpoint of the `listening on http://…` line a started emulator prints on stdout (its
    readiness), or None when none comes within `timeout`; the rest of stdout is then drained in
    the background, so the process never blocks on a full pipe."""
    found: list[str] = []

    def read() -> None:
        for line in process.stdout:
            match = LISTENING.match(line.strip())
            if match:
                found.append(match.group(1))
                break

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    if found:
        threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    return found[0] if found else None


def binary() -> Path:
    if os.environ.get("SMSE_BIN"):
        path = Path(os.environ["SMSE_BIN"])
    else:
        target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
        path = target / "release" / "sagemaker-studio-emulator"
    if not path.is_file():
        raise RuntimeError(
            f"emulator binary not found at {path}: run scripts/test-python, or set SMSE_BIN"
        )
    return path


def new_account() -> str:
    """A fresh 12-digit access key id: the emulator uses it as the account, so each test has a
    world of its own."""
    return "".join(random.choice("0123456789") for _ in range(12))


def start_shell_command(command: str, cwd, env: dict[str, str], stdout=subprocess.DEVNULL):
    """`command` run by bash (`exec`, so the process is the command's) in a session of its own,
    so that a stop can signal its whole group; its stderr is collected by a thread. Answers the
    process and the list the stderr lines go to."""
    process = subprocess.Popen(
        ["bash", "-c", "exec " + command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    stderr: list[str] = []
    threading.Thread(target=lambda: stderr.extend(process.stderr), daemon=True).start()
    return process, stderr


class Emulator:
    """One emulator process."""

    def __init__(self, delays: str = "fast", extra_args: tuple[str, ...] = ()):
        # Every response is checked against the model's output shape (a mismatch is a 500).
        args = [
            str(binary()), "--port", "0", "--clock", "manual", "--delays", delays,
            "--check-output-shapes", *extra_args,
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith("SMSE_")}
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        self.stderr_lines: list[str] = []
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.endpoint = self._wait_listening()

    def _drain_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr_lines.append(line)

    def _wait_listening(self) -> str:
        endpoint = wait_listening(self.process, START_TIMEOUT_SECONDS)
        if endpoint is None:
            self.stop()
            raise RuntimeError(
                "emulator did not print its listening line; stderr:\n" + "".join(self.stderr_lines)
            )
        return endpoint

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # Admin API (docs/contract.md §5).
    def admin(self, method: str, path: str, body: dict | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.endpoint + path,
            data=data,
            method=method,
            headers={"content-type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as e:
            raise AssertionError(
                f"{method} {path}: HTTP {e.code}: {e.read().decode(errors='replace')}"
            ) from None

    def now(self) -> float:
        return self.admin("GET", "/_emulator/clock")["Now"]

    def advance(self, seconds: float) -> float:
        return self.admin("POST", "/_emulator/clock/advance", {"Seconds": seconds})["Now"]
