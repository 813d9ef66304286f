"""Values stage: quantities with qualifiers, dates normalized against publication (DESIGN §4).

    values = extract(analysis, published)
    values.quantities  # [Quantity]: "понад 1 000 в'язнів" -> min 1001, counted в'язень
    values.dates       # [DateExpr]: "у вересні" (past tense, November article) -> this September

Dates are found first; numbers inside a date ("26 листопада 2025") are not counts,
but the count of a duration is ("протягом двох тижнів": a date and 2 тижні).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from khronika.language import Analysis
from khronika.model import DateExpr, Quantity
from khronika.values.dates import find_dates, is_duration
from khronika.values.grammar import Morphology, scan
from khronika.values.quantities import find_quantities

__all__ = ["Values", "extract"]


@dataclass
class Values:
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)


def _original_text(text: str, analysis: Analysis) -> str:
    """The article text as read: the Doc's text with each token's original spelling.

    The Doc holds the matching text (apostrophes unified, same length); the
    typed tokens keep the article's own characters, so `text` fields quote the
    article exactly.
    """
    pieces: list[str] = []
    end = 0
    for token in analysis.tokens:  # in text order, none overlapping
        pieces += (text[end : token.start], token.text)
        end = token.end
    pieces.append(text[end:])
    return "".join(pieces)


def extract(analysis: Analysis, published: date) -> Values:
    morphology = Morphology(analysis.doc)
    text = morphology.text
    original = _original_text(text, analysis)
    dates = find_dates(text, original, morphology, published)
    # numbers inside dates are not counts, except the count of a duration ("протягом двох тижнів")
    masked = [(d.start, d.end) for d in dates if not is_duration(d)]
    quantities = find_quantities(text, original, scan(text), morphology, masked)
    return Values(quantities=quantities, dates=dates)
