"""The article's layout: comment sections in any lexicon language end the body."""

import pytest

from cleaner import explain

ARTICLE = """Stadtrat beschließt neue Straßenbahnlinie zum Hafen

Der Stadtrat hat am Dienstag beschlossen, eine Straßenbahnlinie vom Hauptbahnhof bis in das Hafenviertel zu bauen, und damit einen jahrelangen Streit über die Anbindung des wachsenden Stadtteils beendet.

Die Bauarbeiten sollen im kommenden Frühjahr beginnen und drei Jahre dauern; die Verkehrsbetriebe rechnen mit etwa 20.000 Fahrgästen am Tag, sobald die Linie in Betrieb ist.

Kritiker sagten, das Geld wäre in Bussen besser angelegt, die für denselben Preis mehr Straßen bedienen könnten.

Die Verkehrsbetriebe wollen die Pläne im Sommer in einer Bürgerversammlung vorstellen, bevor der Auftrag für den ersten Bauabschnitt ausgeschrieben wird.
"""

COMMENTS = """
3 Kommentare

Anna
Endlich! Ich wohne seit zehn Jahren im Hafenviertel und fahre jeden Morgen mit dem Rad durch den Regen, weil der Bus nur alle zwanzig Minuten kommt und dann meistens so voll ist, dass man nicht mehr hineinpasst, und ich hoffe sehr, dass die Bauarbeiten nicht wieder um Jahre verschoben werden.
Antworten

Bernd
Drei Jahre Bauzeit bedeuten drei Jahre Baustellen, Umleitungen und Lärm für alle Anwohner, und am Ende wird es wie immer teurer als geplant, während die Busse, die man mit dem gleichen Geld hätte kaufen können, schon im nächsten Jahr hätten fahren können, ohne dass eine einzige Straße aufgerissen wird.
Antworten

Clara
Ich verstehe die Kritik an den Kosten, aber eine Straßenbahn transportiert deutlich mehr Menschen als ein Bus, fährt leiser und sauberer, und wer einmal in einer Stadt mit gutem Schienennetz gelebt hat, möchte nicht mehr zurück zu überfüllten Bussen, die im selben Stau stehen wie alle anderen Autos.
Antworten
"""


@pytest.mark.parametrize(
    "heading", ["3 Kommentare", "3 Antworten zu „Stadtrat beschließt neue Straßenbahnlinie zum Hafen“"]
)
def test_a_german_comment_heading_ends_the_article(heading: str) -> None:
    result = explain(ARTICLE + COMMENTS.replace("3 Kommentare", heading))
    assert result.text.startswith(ARTICLE)
    assert "Endlich!" not in result.text
    assert "Drei Jahre Bauzeit" not in result.text
