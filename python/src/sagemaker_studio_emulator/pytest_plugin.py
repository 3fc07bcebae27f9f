"""pytest fixtures for the SageMaker Studio emulator, loaded by the ``pytest11`` entry point
whenever the package is installed (no emulator starts unless a test asks for a fixture).

Fixtures:

``sagemaker_emulator`` (session)
    One :class:`~sagemaker_studio_emulator.Emulator` for the whole run: a free port, a manual
    clock, ``--delays fast``. Its state is shared by every test that uses it directly.
``studio`` (function)
    The same emulator, reset (``POST /_emulator/reset``) before the test: every test starts
    with no domains, apps, usage or faults. Not autouse; every fixture below depends on it, so a
    test that asks for any of them starts empty. The clock is not reset: it only moves forward,
    so compare times relative to ``studio_clock.now()``.
``sagemaker_client`` (function)
    A boto3 SageMaker client bound to the emulator: its region (``us-east-1`` by default), dummy
    credentials (account ``000000000000``), no retries (an injected fault reaches the test as is).
``studio_clock`` (function)
    The manual clock: ``advance(seconds or timedelta)``, ``now()`` (epoch seconds),
    ``datetime()``.
``studio_usage`` (function)
    ``studio_usage(domain_id=None, account_id=None, region=None)`` returns the usage report
    (``{"Instances": [...], "TotalCostUsd": x, "Currency": "USD"}``).
``studio_env`` (function)
    Sets ``AWS_ENDPOINT_URL_SAGEMAKER``, dummy ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY`` and
    ``AWS_REGION``/``AWS_DEFAULT_REGION`` for the test (monkeypatch), for code under test that
    makes its own clients; returns the variables.

Options (the command line wins over the ini file)::

    --smse-delays instant|fast|realistic   ini: smse_delays   (default fast)
    --smse-region REGION                   ini: smse_region   (default us-east-1)
    --smse-args "FLAGS"                    ini: smse_args     (more flags for the binary,
                                                               e.g. "--delay app.create=2m")

The binary is the one the wheel installed, or ``$SMSE_BIN`` (see ``find_binary``).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from typing import Any, Callable

import pytest

from . import DEFAULT_REGION, Emulator, EmulatorClock, EmulatorError, Report

_OPTIONS = {
    # name: (default, help)
    "delays": ("fast", "status transition delays of the emulator: instant, fast or realistic"),
    "region": (DEFAULT_REGION, "region of the emulator and of the sagemaker_client fixture"),
    "args": ("", "more command-line flags for sagemaker-studio-emulator (shell syntax)"),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("sagemaker-studio-emulator")
    for name, (default, help_text) in _OPTIONS.items():
        group.addoption(f"--smse-{name}", dest=f"smse_{name}", default=None, help=help_text)
        parser.addini(f"smse_{name}", f"{help_text} (default {default!r})", default=default)


def _option(config: pytest.Config, name: str) -> str:
    value = config.getoption(f"smse_{name}")
    return str(value if value is not None else config.getini(f"smse_{name}"))


@pytest.fixture(scope="session")
def sagemaker_emulator(pytestconfig: pytest.Config) -> Iterator[Emulator]:
    """The session's emulator (manual clock; not reset between tests: use ``studio``)."""
    emulator = Emulator(
        clock="manual",
        delays=_option(pytestconfig, "delays"),
        region=_option(pytestconfig, "region"),
        args=shlex.split(_option(pytestconfig, "args")),
    )
    emulator.start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def studio(sagemaker_emulator: Emulator) -> Emulator:
    """The session's emulator, emptied before this test."""
    sagemaker_emulator.reset()
    return sagemaker_emulator


@pytest.fixture
def sagemaker_client(studio: Emulator) -> Any:
    """A boto3 SageMaker client bound to the emulator (dummy credentials, no retries)."""
    try:
        from botocore.config import Config
    except ImportError as e:
        raise EmulatorError("the sagemaker_client fixture needs boto3: pip install boto3") from e
    return studio.client(
        "sagemaker", config=Config(retries={"total_max_attempts": 1, "mode": "standard"})
    )


@pytest.fixture
def studio_clock(studio: Emulator) -> EmulatorClock:
    """The emulator's manual clock: ``advance(seconds)``, ``now()``, ``datetime()``."""
    return EmulatorClock(studio)


@pytest.fixture
def studio_usage(studio: Emulator) -> Callable[..., Report]:
    """``studio_usage(domain_id=None, account_id=None, region=None)``: the usage report."""
    return studio.usage


@pytest.fixture
def studio_env(studio: Emulator, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Points SDKs that read the environment at the emulator for this test."""
    variables = studio.env()
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_PROFILE", raising=False)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return variables
