"""The compiled core's own suite, run from pytest so that one command tests everything.

`cargo test` runs the core's unit tests, its doc examples and fixture cases; rustfmt and
clippy keep the Rust code as clean as ruff and mypy keep the Python.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CARGO = shutil.which("cargo")

pytestmark = pytest.mark.skipif(CARGO is None, reason="cargo is not installed: the Rust suite cannot run")


def cargo(*args: str) -> subprocess.CompletedProcess[str]:
    assert CARGO is not None
    return subprocess.run([CARGO, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_core_unit_and_fixture_tests_pass() -> None:
    done = cargo("test", "--quiet", "--locked", "-p", "cleaner_core")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "test result: ok" in done.stdout


def test_character_tables_are_python_s() -> None:
    # The core reads str.isspace, isalnum, lower, casefold … from tables generated out of Python.
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_pychar_tables.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_rust_code_is_formatted() -> None:
    done = cargo("fmt", "--all", "--check")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_clippy_finds_nothing() -> None:
    done = cargo("clippy", "--quiet", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings")
    assert done.returncode == 0, done.stderr[-4000:]
