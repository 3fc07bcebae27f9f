"""examples/with-moto run as its README says: moto's server for STS, IAM, S3 and EC2, the emulator
for SageMaker, the SageMaker Python SDK's Session between them.

The commands are read from the example's README.md, so they cannot drift from what a user pastes.
A comment line above each `sh` block says what it is:

- `<!-- test_with_moto: servers -->`: `moto_server -p 5000 &` and `sagemaker-studio-emulator … &`;
  each is started here on a free port (bound on 127.0.0.1:0; `-p 5000` becomes that port, the
  emulator gets it as `SMSE_PORT`) and is ready when its health URL answers;
- `<!-- test_with_moto: run -->`: run as written by bash from the example's folder, with
  `127.0.0.1:5000` and `127.0.0.1:8787` read as those ports;
- `<!-- test_with_moto: skip: REASON -->`: not run here, for the reason given.

The run gets a clean environment: a temporary HOME, no AWS_* or SMSE_* variables, the example's
venv (examples/with-moto/.venv, made by scripts/test-python from its requirements.txt) on PATH as
after `. .venv/bin/activate`, with the directory of the emulator binary before it, and an HTTP(S)
proxy that records every request: anything the SDK tried to send off the machine shows up there.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
import yaml
from botocore.config import Config

from emulator import REPO, binary, start_shell_command

EXAMPLE = REPO / "examples" / "with-moto"
README = EXAMPLE / "README.md"
COMPOSE = EXAMPLE / "compose.yaml"
VENV = EXAMPLE / ".venv"
ACCOUNT = "123456789012"  # moto's default account, given to the emulator with --account-id
DIRECTIVE = re.compile(r"^<!-- test_with_moto: (servers|run|skip: .+) -->$")
FENCE = re.compile(r"^```(\w*)\s*$")
START_SECONDS = 60
RUN_SECONDS = 300
CLIENT_CONFIG = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=10)


@dataclass
class Block:
    language: str
    code: str
    line: int
    directive: str | None


def blocks() -> list[Block]:
    lines = README.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        directive = None
        if k >= 0 and lines[k].startswith("<!-- test_with_moto"):
            parsed = DIRECTIVE.match(lines[k].strip())
            assert parsed, f"{README.name}:{k + 1}: unknown directive {lines[k]!r}"
            directive = parsed.group(1)
        found.append(Block(match.group(1), "\n".join(lines[i + 1 : j]) + "\n", i + 1, directive))
        i = j + 1
    return found


def the_block(directive: str) -> Block:
    [block] = [b for b in blocks() if b.directive == directive]
    return block


def server_commands() -> dict[str, str]:
    """The servers block's commands by program name, without their `&` and comments."""
    commands = {}
    for line in the_block("servers").code.splitlines():
        command = line.split("#", 1)[0].strip()
        if command:
            assert command.endswith("&"), f"a server line not in the background: {line!r}"
            command = command[:-1].strip()
            commands[command.split()[0]] = command
    assert set(commands) == {"moto_server", "sagemaker-studio-emulator"}, commands
    return commands


def example_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.is_file():
        raise RuntimeError(
            f"no venv at {VENV}: run scripts/test-python, or make it as "
            "examples/with-moto/README.md says"
        )
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RecordingProxy:
    """An HTTP(S) proxy that forwards nothing: it records each request line and hangs up."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.requests: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                try:
                    first = connection.recv(4096).split(b"\r\n", 1)[0]
                except OSError:
                    first = b"(nothing read)"
                self.requests.append(first.decode(errors="replace"))

    def close(self) -> None:
        self.socket.close()


class Server:
    """One server command of the README, in the background, in a process group of its own."""

    def __init__(self, command: str, env: dict[str, str], health: str):
        self.command = command
        self.process, self.stderr = start_shell_command(command, EXAMPLE, env)
        self.ready = self._wait(health)

    def _wait(self, url: str) -> bool:
        """Polls the health URL (no proxy) until it answers 200; False if the process exits."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with opener.open(url, timeout=2) as response:
                    if response.status == 200:
                        return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        self.stop()
        raise AssertionError(
            f"{self.command}: {url} did not answer in {START_SECONDS} s:\n"
            + "".join(self.stderr[-30:])
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start(command: str, env: dict[str, str], health: str, port_into) -> tuple[Server, int]:
    """Starts a server on a free port; another try on a new port if it exits first (the port
    was taken between our bind and its own)."""
    for _ in range(3):
        port = free_port()
        argv, server_env = port_into(command, env, port)
        server = Server(argv, server_env, health.format(port=port))
        if server.ready:
            return server, port
        server.stop()
    raise AssertionError(f"{command}: exited at start three times:\n" + "".join(server.stderr))


def clean_env(home: Path, proxy: RecordingProxy) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AWS_", "SMSE_", "SAGEMAKER_"))
        and k.lower() not in {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "virtual_env"}
    }
    env["HOME"] = str(home)
    env["PATH"] = os.pathsep.join(
        [str(binary().parent), str(VENV / "bin"), env.get("PATH", "")]
    )
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env[name] = proxy.url
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["NO_COLOR"] = "1"
    return env


def client(service: str, endpoint: str):
    return boto3.session.Session().client(
        service,
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=CLIENT_CONFIG,
    )


def test_the_example_runs_as_its_readme_says(tmp_path):
    python = example_python()
    commands = server_commands()
    run = the_block("run")
    assert "127.0.0.1:5000" in run.code and "127.0.0.1:8787" in run.code
    assert "python studio_with_moto.py" in run.code

    proxy = RecordingProxy()
    env = clean_env(tmp_path, proxy)
    servers: list[Server] = []
    try:
        moto, moto_port = start(
            commands["moto_server"],
            env,
            "http://127.0.0.1:{port}/moto-api/data.json",
            lambda command, env, port: (command.replace("-p 5000", f"-p {port}"), env),
        )
        servers.append(moto)
        studio, studio_port = start(
            commands["sagemaker-studio-emulator"],
            env,
            "http://127.0.0.1:{port}/_emulator/health",
            lambda command, env, port: (command, {**env, "SMSE_PORT": str(port)}),
        )
        servers.append(studio)

        code = run.code.replace("127.0.0.1:5000", f"127.0.0.1:{moto_port}").replace(
            "127.0.0.1:8787", f"127.0.0.1:{studio_port}"
        )
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", code],
            cwd=EXAMPLE,
            env=env,
            capture_output=True,
            text=True,
            timeout=RUN_SECONDS,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, (
            f"{README.name}:{run.line}: the run block failed (exit {result.returncode})\n"
            f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        )
        made = json.loads(result.stdout.strip().splitlines()[-1])

        # What the script says it made, seen from outside: moto has the role and the bucket,
        # the emulator the domain and the profile, and every ARN names moto's account.
        moto_url = f"http://127.0.0.1:{moto_port}"
        studio_url = f"http://127.0.0.1:{studio_port}"
        assert client("sts", moto_url).get_caller_identity()["Account"] == ACCOUNT
        assert made["Account"] == ACCOUNT
        assert made["Bucket"] == f"sagemaker-us-east-1-{ACCOUNT}"
        buckets = [b["Name"] for b in client("s3", moto_url).list_buckets()["Buckets"]]
        assert buckets == [made["Bucket"]]
        role = client("iam", moto_url).get_role(RoleName=made["RoleArn"].rsplit("/", 1)[1])
        assert role["Role"]["Arn"] == made["RoleArn"]
        vpc = client("ec2", moto_url).describe_vpcs(VpcIds=[made["VpcId"]])["Vpcs"][0]
        assert vpc["IsDefault"] is True

        sm = client("sagemaker", studio_url)
        [domain] = sm.list_domains()["Domains"]
        assert (domain["DomainId"], domain["Status"]) == (made["DomainId"], "InService")
        described = sm.describe_domain(DomainId=made["DomainId"])
        assert described["DomainArn"] == made["DomainArn"]
        assert described["DefaultUserSettings"]["ExecutionRole"] == made["RoleArn"]
        assert (described["VpcId"], described["SubnetIds"]) == (made["VpcId"], made["SubnetIds"])
        profile = sm.describe_user_profile(
            DomainId=made["DomainId"], UserProfileName="data-scientist"
        )
        assert profile["Status"] == "InService"
        assert profile["UserProfileArn"] == made["UserProfileArn"]
        for arn in (made["RoleArn"], made["DomainArn"], made["UserProfileArn"]):
            assert arn.split(":")[4] == ACCOUNT, arn

        assert proxy.requests == [], "the example tried to leave the machine"
    finally:
        for server in reversed(servers):
            server.stop()
        proxy.close()
    for server in servers:
        assert server.process.returncode is not None


def test_every_block_of_the_readme_is_run_or_skipped_on_purpose():
    parsed = [b for b in blocks() if b.language == "sh"]
    assert parsed and all(b.directive for b in parsed), [b.line for b in parsed if not b.directive]
    assert [b.directive for b in parsed].count("servers") == 1
    assert [b.directive for b in parsed].count("run") == 1
    text = README.read_text(encoding="utf-8")
    assert text.count("<!-- test_with_moto") == len(parsed)


def test_the_emulator_starts_in_motos_account():
    assert f"--account-id {ACCOUNT}" in server_commands()["sagemaker-studio-emulator"]
    assert "MOTO_ACCOUNT_ID" not in the_block("servers").code  # moto keeps its default


def pinned(name: str) -> str:
    for line in (EXAMPLE / "requirements.txt").read_text().splitlines():
        match = re.match(rf"^{re.escape(name)}(\[[\w,]+\])?==(\S+)$", line)
        if match:
            return match.group(2)
    raise AssertionError(f"{name} is not pinned in requirements.txt")


def test_the_compose_file_parses_and_agrees_with_the_readme():
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"sagemaker", "moto"}

    sagemaker = services["sagemaker"]
    assert sagemaker["image"] == "sagemaker-studio-emulator"
    assert sagemaker["build"] == {"context": "../..", "dockerfile": "Containerfile"}
    assert sagemaker["environment"]["SMSE_ACCOUNT_ID"] == ACCOUNT
    assert sagemaker["environment"]["SMSE_ADMIN_TOKEN"].startswith("${SMSE_ADMIN_TOKEN:?")
    assert sagemaker["ports"] == ["127.0.0.1:8787:8787"]

    moto = services["moto"]
    assert moto["image"] == f"docker.io/motoserver/moto:{pinned('moto')}"
    assert moto["ports"] == ["127.0.0.1:5000:5000"]
    assert "MOTO_ACCOUNT_ID" not in moto.get("environment", {})

    # The README's run block talks to exactly those published ports.
    run = the_block("run").code
    assert "AWS_ENDPOINT_URL=http://127.0.0.1:5000" in run
    assert "AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:8787" in run


@pytest.mark.parametrize("name", ["sagemaker-core", "moto[server]", "boto3"])
def test_the_readme_names_the_pinned_versions(name):
    version = pinned(name.split("[")[0])
    assert f"{name} {version}" in README.read_text(encoding="utf-8").replace("\n", " ")
