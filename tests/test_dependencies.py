"""What the package needs at run time imports: justext (with lxml_html_clean, which some pip
versions skip), trafilatura, and the compiled core."""


def test_justext_imports() -> None:
    import justext

    assert "English" in justext.get_stoplists()


def test_trafilatura_imports() -> None:
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + "Plain words here. " * 20 + "</p></article></body></html>")


def test_the_compiled_core_loads() -> None:
    from cleaner import _core

    assert _core.rule_table() and _core.UNICODE_VERSION
