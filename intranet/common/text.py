"""Text as people type it: folded so "Siobhan" finds "Siobhán" and "obrien" finds "O’Brien"."""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"}
)
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
_SEPARATORS = re.compile(r"[^\w@.+]+|_")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes dropped, other punctuation a space.

    "Siobhán O’Brien-Nuñez" → "siobhan obrien nunez". Email addresses keep their ``@`` and dots.
    """
    text = unicodedata.normalize("NFKD", text or "").casefold().translate(_LETTERS)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text))
    return " ".join(text.split())


def folded_words(text: str, limit: int = 8) -> list[str]:
    """The first ``limit`` folded words of what someone typed."""
    return fold(text).split()[:limit]
