"""Text normalization shared by every reader and stage.

Articles are stored in Unicode NFC, and offsets point into that text. For
matching, the apostrophe variants (’ ʼ ‘ ' `) become one character; the
replacement is one character for one, so offsets into the matching text are
offsets into the article text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date

APOSTROPHES = "\u2019\u02bc\u2018`\u0027"
_TO_ASCII_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})


def normalize(text: str) -> str:
    """The article text as khronika stores it: NFC, line ends as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def for_matching(text: str) -> str:
    """Same length as `text`, with every apostrophe variant as U+0027."""
    return text.translate(_TO_ASCII_APOSTROPHE)


def article_id(text: str, published: date) -> str:
    """Stable id from the normalized text and the publication date.

    Whitespace runs and apostrophe variants do not change the id, so the same
    article read from a .txt file and from a JSONL feed is stored once.
    """
    key = " ".join(for_matching(normalize(text)).split())
    digest = hashlib.sha256(f"{published.isoformat()}\n{key}".encode()).hexdigest()
    return digest[:16]
