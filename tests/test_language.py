"""Language detection by jusText stoplist hits: right names, None when no stoplist fits, cheap to load."""

import subprocess
import sys

import pytest

from cleaner import language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council said that the new line would open in the spring of next year.", "English"),
        ("Der Rat hat am Dienstag beschlossen, dass die neue Linie im Frühjahr eröffnet wird.", "German"),
        ("Le conseil a décidé mardi que la nouvelle ligne ouvrira au printemps prochain.", "French"),
        ("El consejo decidió el martes que la nueva línea se abrirá en la primavera.", "Spanish"),
        ("Rada miasta zdecydowała we wtorek, że nowa linia zostanie otwarta na wiosnę.", "Polish"),
    ],
)
def test_detects_the_language_of_a_sentence(text: str, expected: str) -> None:
    assert language.detect(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "12 345 678", "市議会は火曜日に新しい路線を春に開業すると決めた。", "市议会周二决定新线路将于明年春天开通。"],
)
def test_no_stoplist_fits_gives_none(text: str) -> None:
    assert language.detect(text) is None


def test_a_page_gets_its_majority_language() -> None:
    page = "Home\nShare\n" + "Die Stadt baut eine neue Straßenbahn, die im Frühjahr fertig sein soll.\n" * 3
    assert language.detect(page) == "German"


def test_languages_are_the_stoplist_names() -> None:
    assert {"German", "English", "Polish"} <= set(language.languages())


def test_detection_does_not_import_justext() -> None:
    code = "import sys; from cleaner import language; language.detect('the end'); print('justext' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
