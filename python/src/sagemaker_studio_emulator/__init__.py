"""Run the SageMaker Studio emulator from Python.

Finds the ``sagemaker-studio-emulator`` binary (the wheel installs it next to the interpreter),
starts it on a free port, drives its admin API (the clock, reset, the usage report, faults) and
stops it::

    from sagemaker_studio_emulator import Emulator

    with Emulator() as studio:               # manual clock, --delays fast, a free port
        sm = studio.client()                 # a boto3 SageMaker client bound to it
        domain_id = sm.create_domain(...)["DomainId"]
        studio.advance(60)                   # Pending -> InService
        studio.usage()["TotalCostUsd"]

Only the standard library is used; boto3 is imported by :meth:`Emulator.client` alone. The pytest
fixtures built on this are in :mod:`sagemaker_studio_emulator.pytest_plugin`.
"""

from __future__ import annotations

import atexit
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Union, cast

__all__ = [
    "BINARY_NAME",
    "DEFAULT_REGION",
    "Emulator",
    "EmulatorClock",
    "EmulatorError",
    "Report",
    "__version__",
    "find_binary",
]

DISTRIBUTION = "sagemaker-studio-emulator"
BINARY_NAME = "sagemaker-studio-emulator" + (".exe" if os.name == "nt" else "")
#: The binary's default region (``--region``) and account (``--account-id``).
DEFAULT_REGION = "us-east-1"
DEFAULT_ACCOUNT_ID = "000000000000"
#: Credentials for clients: any work (the emulator's default ``--auth lenient``); an access key
#: id that is not 12 digits makes the calls land in ``--account-id``'s account.
DUMMY_ACCESS_KEY_ID = "testing"
DUMMY_SECRET_ACCESS_KEY = "testing"

_LISTENING = re.compile(r"^listening on (http://\S+)\s*$")
_STDERR_LINES_KEPT = 200

Seconds = Union[int, float, timedelta]
#: A decoded JSON object of the admin API.
Report = dict[str, Any]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version(DISTRIBUTION)
    except Exception:  # not installed as a distribution (e.g. imported from a source tree)
        return "0+unknown"


__version__ = _version()


class EmulatorError(RuntimeError):
    """The binary was not found, the emulator did not start, or an admin call failed."""


# --- finding the binary ----------------------------------------------------------------------


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _installed_candidates() -> Iterator[Path]:
    """Where an installed wheel put the binary: the file its RECORD lists (right whatever the
    install scheme: venv, --user, --prefix), then the interpreter's scripts directories."""
    from importlib.metadata import PackageNotFoundError, distribution

    for name in (DISTRIBUTION, DISTRIBUTION.replace("-", "_")):
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        for file in dist.files or ():
            if file.name == BINARY_NAME:
                yield Path(str(dist.locate_file(file))).resolve()
        break
    schemes: list[str | None] = [None]
    try:
        schemes.append(sysconfig.get_preferred_scheme("user"))
    except AttributeError:  # Python < 3.10
        schemes.append(f"{os.name}_user")
    for scheme in schemes:
        try:
            scripts = (
                sysconfig.get_path("scripts")
                if scheme is None
                else sysconfig.get_path("scripts", scheme)
            )
        except KeyError:
            continue
        if scripts:
            yield Path(scripts) / BINARY_NAME
    yield Path(sys.executable).parent / BINARY_NAME


def find_binary() -> Path:
    """The ``sagemaker-studio-emulator`` executable to run.

    In order: ``$SMSE_BIN`` when set (e.g. a binary you built with cargo); the binary installed
    with this package (the wheel puts it in the environment's ``bin/``, i.e.
    ``sysconfig.get_path("scripts")``); the first one on ``PATH``.
    """
    override = os.environ.get("SMSE_BIN")
    if override:
        path = Path(override)
        if _is_executable(path):
            return path
        raise EmulatorError(f"SMSE_BIN={override} is not an executable file")
    tried: list[str] = []
    for candidate in _installed_candidates():
        if _is_executable(candidate):
            return candidate
        if str(candidate) not in tried:
            tried.append(str(candidate))
    on_path = shutil.which(BINARY_NAME)
    if on_path:
        return Path(on_path)
    raise EmulatorError(
        f"{BINARY_NAME} not found (looked in {', '.join(tried)} and on PATH): install the "
        "sagemaker-studio-emulator wheel into this environment, or set SMSE_BIN to the binary"
    )


# --- the process -----------------------------------------------------------------------------

# Started and not yet stopped (a strong reference: a process is not dropped with its handle).
_running: set[Emulator] = set()


@atexit.register
def _stop_all() -> None:
    for emulator in list(_running):
        emulator.stop()


def _seconds(value: Seconds) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Emulator:
    """One ``sagemaker-studio-emulator`` process on a free port of ``host``.

    ``clock``: ``"manual"`` (default: time moves only through :meth:`advance`) or ``"real"``
    (wall time × ``time_scale``). ``delays``: ``"instant"``, ``"fast"`` (default, 1 s per status
    transition) or ``"realistic"``; ``delay`` overrides single transitions, e.g.
    ``{"app.create": "2m"}``. ``region`` and ``account_id`` are the binary's ``--region`` and
    ``--account-id`` (used for unsigned calls and non-12-digit access keys). ``args`` are passed
    on as they are (see docs/flags.md). ``binary`` defaults to :func:`find_binary`.

    The process gets the caller's environment without its ``SMSE_*`` variables, so that the
    flags are exactly the ones given here. Use it as a context manager, or call :meth:`start`
    and :meth:`stop`; emulators still running when Python exits are stopped.
    """

    def __init__(
        self,
        *,
        clock: str = "manual",
        delays: str = "fast",
        delay: Mapping[str, str] | Iterable[str] = (),
        time_scale: float | None = None,
        region: str | None = None,
        account_id: str | None = None,
        host: str = "127.0.0.1",
        args: Iterable[str] = (),
        binary: str | os.PathLike[str] | None = None,
        start_timeout: float = 30.0,
    ) -> None:
        self.clock_mode = clock
        self.delays = delays
        self.delay = (
            dict(delay)
            if isinstance(delay, Mapping)
            else dict(item.split("=", 1) for item in delay)
        )
        self.time_scale = time_scale
        self.region = region or DEFAULT_REGION
        self.account_id = account_id or DEFAULT_ACCOUNT_ID
        self.host = host
        self.args = list(args)
        self.binary = Path(binary) if binary is not None else None
        self.start_timeout = start_timeout
        #: ``http://HOST:PORT`` once started (what the binary printed), else ``None``.
        self.endpoint_url: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stderr: collections.deque[str] = collections.deque(maxlen=_STDERR_LINES_KEPT)
        self._threads: list[threading.Thread] = []
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    # -- lifecycle --

    def command(self) -> list[str]:
        """The command line :meth:`start` runs."""
        binary = self.binary or find_binary()
        cmd = [str(binary), "--host", self.host, "--port", "0", "--clock", self.clock_mode]
        cmd += ["--delays", self.delays, "--region", self.region, "--account-id", self.account_id]
        for kind, duration in self.delay.items():
            cmd += ["--delay", f"{kind}={duration}"]
        if self.time_scale is not None:
            cmd += ["--time-scale", str(self.time_scale)]
        return cmd + self.args

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def port(self) -> int | None:
        return urllib.parse.urlsplit(self.endpoint_url).port if self.endpoint_url else None

    def start(self) -> Emulator:
        """Starts the process and waits for its ``listening on http://HOST:PORT`` line.

        Raises :class:`EmulatorError` (with the process's stderr) if it exits first or does not
        print the line within ``start_timeout`` seconds. Starting a running emulator does nothing.
        """
        if self.running:
            return self
        cmd = self.command()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SMSE_")}
        env.setdefault("NO_COLOR", "1")  # the log is read from a pipe (logs(), errors)
        self._stderr.clear()
        self.endpoint_url = None
        try:
            process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except OSError as e:
            raise EmulatorError(f"cannot run {cmd[0]}: {e}") from e
        self._process = process
        _running.add(self)
        listening = threading.Event()
        found: list[str] = []

        def read_stdout() -> None:
            assert process.stdout is not None
            for line in process.stdout:  # keeps draining after the line: a full pipe would block it
                if not found:
                    match = _LISTENING.match(line.strip())
                    if match:
                        found.append(match.group(1))
                        listening.set()
            listening.set()  # EOF: the process is gone

        def read_stderr() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                self._stderr.append(line)

        self._threads = [
            threading.Thread(target=read_stdout, name=f"smse-stdout-{process.pid}", daemon=True),
            threading.Thread(target=read_stderr, name=f"smse-stderr-{process.pid}", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        listening.wait(self.start_timeout)
        if found:
            self.endpoint_url = found[0]
            return self
        if listening.is_set():  # stdout closed: the exit status follows
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        if process.poll() is None:
            self.stop()
            why = f"did not print its 'listening on' line within {self.start_timeout:g} s"
        else:
            self._threads[1].join(2)  # the rest of stderr
            why = f"exited with code {process.returncode} before listening"
            self.stop()
        raise EmulatorError(f"{' '.join(cmd)}: {why}; stderr:\n{self.logs() or '(empty)'}")

    def stop(self, timeout: float = 10.0) -> int | None:
        """Stops the process (SIGTERM: a graceful shutdown; SIGKILL after ``timeout`` seconds)
        and returns its exit code; ``None`` if it was never started."""
        process = self._process
        if process is None:
            return None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for thread in self._threads:
            thread.join(2)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        _running.discard(self)
        return process.returncode

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = self.endpoint_url if self.running else "stopped"
        return f"<Emulator {state} clock={self.clock_mode} delays={self.delays}>"

    def logs(self) -> str:
        """The last lines the process wrote to stderr (its log)."""
        return "".join(self._stderr)

    # -- the admin API (docs/admin-api.md) --

    def admin(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
    ) -> Any:
        """Calls ``/_emulator/...`` and returns the decoded JSON answer; any HTTP error or
        connection failure raises :class:`EmulatorError`."""
        if self.endpoint_url is None or self._process is None:
            raise EmulatorError("the emulator is not started")
        if self._process.poll() is not None:
            raise EmulatorError(
                f"{method} {path}: the emulator is not running (exit code "
                f"{self._process.returncode}); stderr:\n{self.logs() or '(empty)'}"
            )
        url = self.endpoint_url + path
        if query:
            pairs = {k: v for k, v in query.items() if v is not None}
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            url, data=data, method=method, headers={"content-type": "application/json"}
        )
        try:
            with self._opener.open(request, timeout=30) as response:
                raw = response.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")
            raise EmulatorError(f"{method} {path}: HTTP {e.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as e:
            state = "running" if self.running else f"exited ({self._process.returncode})"
            raise EmulatorError(
                f"{method} {path}: {e} (emulator {state}); stderr:\n{self.logs() or '(empty)'}"
            ) from None
        return json.loads(raw) if raw.strip() else {}

    def health(self) -> Report:
        """``{"Status": "ok", "Version": "..."}``."""
        return cast(Report, self.admin("GET", "/_emulator/health"))

    def reset(self) -> None:
        """Empties all state (domains, profiles, spaces, apps, usage, faults); keeps the
        configuration and the clock."""
        self.admin("POST", "/_emulator/reset")

    def now(self) -> float:
        """The emulator's simulated time, epoch seconds."""
        return float(self.admin("GET", "/_emulator/clock")["Now"])

    def advance(self, seconds: Seconds) -> float:
        """Moves simulated time forward (a number of seconds or a ``timedelta``); returns the
        new now. Statuses due by then (Pending → InService, ...) have moved on."""
        answer = self.admin("POST", "/_emulator/clock/advance", {"Seconds": _seconds(seconds)})
        return float(answer["Now"])

    def usage(
        self,
        *,
        domain_id: str | None = None,
        account_id: str | None = None,
        region: str | None = None,
    ) -> Report:
        """The usage report (docs/metering.md): ``{"Instances": [...], "TotalCostUsd": x,
        "Currency": "USD"}``, optionally for one domain, account or region."""
        query = {"DomainId": domain_id, "AccountId": account_id, "Region": region}
        return cast(Report, self.admin("GET", "/_emulator/usage", query=query))

    def inject_fault(
        self,
        operation: str,
        *,
        error_code: str | None = None,
        http_status: int | None = None,
        count: int = 1,
        delay_ms: int = 0,
        message: str | None = None,
    ) -> list[Report]:
        """Makes the next ``count`` calls of ``operation`` (e.g. ``"CreateApp"``) wait
        ``delay_ms``, then fail with ``error_code``/``http_status`` if given. Returns the
        pending faults."""
        fault: dict[str, Any] = {"Operation": operation, "Count": count, "DelayMs": delay_ms}
        if error_code is not None:
            fault["ErrorCode"] = error_code
        if http_status is not None:
            fault["HttpStatus"] = http_status
        if message is not None:
            fault["Message"] = message
        return cast(list[Report], self.admin("POST", "/_emulator/faults", fault)["Faults"])

    def faults(self) -> list[Report]:
        """The pending faults."""
        return cast(list[Report], self.admin("GET", "/_emulator/faults")["Faults"])

    def clear_faults(self) -> int:
        """Drops every pending fault; returns how many there were."""
        return int(self.admin("DELETE", "/_emulator/faults")["Cleared"])

    # -- clients --

    def env(self) -> dict[str, str]:
        """Environment variables that point any AWS SDK or the CLI at this emulator (endpoint,
        region, dummy credentials): for code under test that makes its own clients."""
        if self.endpoint_url is None:
            raise EmulatorError("the emulator is not started")
        return {
            "AWS_ENDPOINT_URL_SAGEMAKER": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": DUMMY_ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY": DUMMY_SECRET_ACCESS_KEY,
            "AWS_REGION": self.region,
            "AWS_DEFAULT_REGION": self.region,
        }

    def client(self, service_name: str = "sagemaker", **kwargs: Any) -> Any:
        """A boto3 client bound to this emulator: ``endpoint_url``, the emulator's region and
        dummy credentials unless given in ``kwargs`` (which go to ``boto3.client``). Needs boto3
        (``pip install boto3``, or the wheel's ``[boto3]`` extra)."""
        try:
            import boto3
        except ImportError as e:
            raise EmulatorError(
                "Emulator.client() and the sagemaker_client fixture need boto3: pip install boto3"
            ) from e
        if self.endpoint_url is None:
            raise EmulatorError("the emulator is not started")
        kwargs.setdefault("endpoint_url", self.endpoint_url)
        kwargs.setdefault("region_name", self.region)
        kwargs.setdefault("aws_access_key_id", DUMMY_ACCESS_KEY_ID)
        kwargs.setdefault("aws_secret_access_key", DUMMY_SECRET_ACCESS_KEY)
        # Straight to the emulator on loopback, never through an HTTP(S)_PROXY of the shell
        # (unless the caller's config names proxies).
        from botocore.config import Config

        direct = Config(proxies={})
        kwargs["config"] = direct.merge(kwargs["config"]) if kwargs.get("config") else direct
        return _session(boto3).client(service_name, **kwargs)


def _session(boto3: Any) -> Any:
    """A boto3 session that ignores ``AWS_PROFILE``/``AWS_DEFAULT_PROFILE``: a profile that the
    shell names but the config files lack would fail every client, and an emulator client needs
    nothing from a profile (its endpoint, region and credentials are explicit)."""
    import botocore.session

    try:
        core = botocore.session.Session(session_vars={"profile": (None, None, None, None)})
    except TypeError:  # a botocore without session_vars: the profile variables apply
        return boto3.session.Session()
    return boto3.session.Session(botocore_session=core)


class EmulatorClock:
    """The simulated clock of an :class:`Emulator` (the ``studio_clock`` fixture)."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator

    def now(self) -> float:
        """Simulated time, epoch seconds."""
        return self.emulator.now()

    def datetime(self) -> datetime:
        """Simulated time as an aware UTC ``datetime`` (what boto3 returns for timestamps)."""
        return datetime.fromtimestamp(self.now(), tz=timezone.utc)

    def advance(self, seconds: Seconds) -> float:
        """Moves simulated time forward; returns the new now (epoch seconds)."""
        return self.emulator.advance(seconds)

    def __repr__(self) -> str:
        return f"<EmulatorClock of {self.emulator!r}>"
