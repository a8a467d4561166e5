"""justext needs lxml_html_clean, which some pip versions skip: both imports must work."""


def test_justext_imports() -> None:
    import justext

    assert "English" in justext.get_stoplists()


def test_trafilatura_imports() -> None:
    import trafilatura

    assert trafilatura.extract("<html><body><article><p>" + "Plain words here. " * 20 + "</p></article></body></html>")
