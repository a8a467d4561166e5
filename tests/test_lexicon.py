"""Lexicons: phrase files ship with the package, name real rules, and match in linear time.

The core compiles the files in (``crates/cleaner_core/src/lexicon.rs``, whose tests
cover normalising lines and reading prefixes); these tests read them as data and
check what they do through the public API.
"""

import tomllib
from importlib import resources

import pytest

from cleaner import explain, registry

LEXICONS = resources.files("cleaner.lexicons")
LANGUAGES = sorted(entry.name.removesuffix(".toml") for entry in LEXICONS.iterdir() if entry.name.endswith(".toml"))
RULE_NAMES = {rule.name for rule in registry.ALL_RULES}


def test_the_languages_issue_8_asks_for_are_there() -> None:
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_names_a_rule_and_holds_only_known_kinds(language: str) -> None:
    data = tomllib.loads(LEXICONS.joinpath(f"{language}.toml").read_text("utf-8"))
    for table, entries in data.items():
        assert table in RULE_NAMES, f"{language}.toml: [{table}] is no rule name"
        assert set(entries) <= {"lines", "prefixes", "within", "signals", "labels", "boundary"}
        assert all(isinstance(p, str) and p.strip() for values in entries.values() for p in values)


def removed_between_prose(line: str, code: str) -> list[tuple[str, str]]:
    """(code, text) of each removal rule ``code`` makes when ``line`` stands between two prose lines."""
    body = "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für das kommende Jahr beschlossen."
    result = explain(f"{body}\n{line}\n{body}\n", select=[code])
    return [(r.code, r.text) for r in result.removals]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Beitrag teilen", "C102"),
        ("Mehr zum Thema", "C201"),
        ("  » Kommentare (12) ", "C104"),
        ("* Weiterlesen →", "C111"),
        ("Mehr   zum  Thema:", "C201"),
        ("Lesen Sie auch: Die Bahn erhöht die Preise", "C201"),
        ("Schreibe einen Kommentar", "C104"),
        ("Anzeige", "C109"),
        ("À lire aussi", "C201"),
        ("Partager", "C102"),
        ("También te puede interesar", "C201"),
        ("Czytaj także", "C201"),
        ("Читайте также", "C201"),
        ("相关新闻", "C201"),
        ("関連記事", "C201"),
        ("Lees ook", "C201"),
        ("Leia também", "C201"),
        ("Leggi anche", "C201"),
        # Issue 16, chrome the lexicons missed on trafilatura-dev (see the lexicon files' history).
        ("Hinterlasse eine Antwort", "C104"),
        ("Was denkst du?", "C104"),
        ("Rezept drucken", "C102"),
        ("Empfohlen für dich", "C201"),
        ("Affiliatelink", "C109"),
        ("Zum Shop", "C110"),
        ("Empfohlener redaktioneller Inhalt", "C113"),
        ("Erschienen in", "C108"),
        ("Pour approfondir", "C201"),
        ("Otras noticias", "C201"),
        ("Explore further", "C201"),
        ("Vervielfältigung nur mit Genehmigung", "C302"),
        ("Nachdruck nur mit Genehmigung", "C302"),
        ("Dir hat der Artikel gefallen? Jetzt teilen...", "C102"),
        ("Hat Ihnen dieser Beitrag gefallen?", "C102"),
        ("Did you enjoy this article?", "C102"),
        ("Nächster Artikel FDP-Politiker stellen die Ampel infrage", "C111"),
        ("Previous post » Ten tips for a greener garden", "C111"),
    ],
)
def test_chrome_in_other_languages_is_removed(line: str, code: str) -> None:
    assert removed_between_prose(line, code) == [(code, line)]


def test_long_lines_are_handled_in_linear_time() -> None:
    # A hang guard, not a speed test: quadratic code would take minutes on these lines.
    for line in (" " * 200_000 + "x", "." * 200_000, "Lesen Sie auch" + " " * 200_000 + "x"):
        explain(line)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "C113"),
        ("Nous utilisons des cookies pour améliorer votre expérience sur notre site.", "C113"),
        ("Editora Globo S/A. Todos os direitos reservados.", "C302"),
        ("ООО «Газета». Все права защищены.", "C302"),
    ],
)
def test_notices_inside_a_line_in_other_languages(line: str, code: str) -> None:
    assert removed_between_prose(line, code) == [(code, line)]


def test_a_recipe_about_cookies_is_kept() -> None:
    line = "Wir verwenden für die Cookies am liebsten braune Butter und eine Prise Meersalz."
    assert explain(f"{line}\n", select=["C113"]).removals == ()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Erschienen in Berlin ist das Buch 1927 bei Rowohlt.", "C108"),
        ("Was denkst du über die neue Regel, fragte die Lehrerin die Klasse.", "C104"),
        ("Zum Shop gehört auch eine kleine Werkstatt im Hinterhof.", "C110"),
        ("Explore further afield and you will find the old mill.", "C201"),
        ("Der Jury hat der Beitrag gefallen, sagte die Vorsitzende am Abend.", "C102"),
        ("Die Vervielfältigung nur mit Genehmigung des Archivs zu erlauben, war ein Fehler des Amtes.", "C302"),
        ("Nächster Artikel folgt am Montag.", "C111"),
        ("Nächster Beitrag folgt am Montag!", "C111"),
        ("Next story time at the library is on Saturday at 10am!", "C111"),
        ("Did you like the story? Yes, I cried when I first read it, said Ms Roe.", "C102"),
        ("Hat Ihnen der Text gefallen, den Sie für die Rolle bekamen? Ja, sehr.", "C102"),
        ("Der Verlag erlaubt den Nachdruck nur mit Genehmigung.", "C302"),
    ],
)
def test_sentences_that_open_like_a_phrase_are_kept(line: str, code: str) -> None:
    assert removed_between_prose(line, code) == []


def test_a_sentence_that_starts_like_a_prefix_is_kept() -> None:
    assert removed_between_prose("Lesen Sie auch die Hinweise zur Anreise.", "C201") == []
