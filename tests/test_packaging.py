"""The distribution's name: never a PyPI project of another owner, and the one the docs install."""

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `cleaner` on PyPI belongs to another owner (checked with `pip index versions cleaner`).
TAKEN_NAMES = {"cleaner"}
# "pip install 'cleaner-chrome[ray]'": an install line naming a distribution, not a path ("." or "-e").
PIP_INSTALL_NAME = re.compile(r"pip install ['\"]?([A-Za-z][\w.-]*)(?:\[|['\"\s`])")
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "examples").glob("*.py"))]


def metadata() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config


def test_distribution_name_is_not_taken_on_pypi() -> None:
    assert metadata()["metadata"]["name"] not in TAKEN_NAMES


def test_import_name_and_command_stay_cleaner() -> None:
    config = metadata()
    assert "cleaner = cleaner.cli:run" in config["options.entry_points"]["console_scripts"]
    assert config["options.packages.find"]["include"] == "cleaner, cleaner.*"


def test_docs_install_the_distribution_by_its_name() -> None:
    name = metadata()["metadata"]["name"]
    named = [
        (path.name, found) for path in DOC_FILES for found in PIP_INSTALL_NAME.findall(path.read_text(encoding="utf-8"))
    ]
    assert named, "the docs name the distribution somewhere"
    assert {found for _, found in named} == {name}, named
