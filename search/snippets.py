"""Result snippets: a window of the item's own text around the first matched word.

Built from the entry the viewer may open (the search was trimmed first), HTML-escaped, with
matched words in ``<mark>``. OFFICIAL-SENSITIVE items show no text from their body: every
read of sensitive material is audited, and a results list is not the place to read it.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from intranet.access.choices import Classification

from .query import words

LENGTH = 240
SENSITIVE_NOTE = "OFFICIAL-SENSITIVE: open it to read it (your access is recorded)."


def _pattern(text: str) -> re.Pattern | None:
    # Word starts, so "policies" also marks "policy" the way the stemmers matched it.
    stems = {w if len(w) <= 4 else w[: max(4, len(w) - 3)] for w in words(text)}
    if not stems:
        return None
    alternatives = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def _window(source: str, start: int) -> tuple[str, bool, bool]:
    begin = max(0, start - LENGTH // 3)
    if begin:
        space = source.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(source), begin + LENGTH)
    if end < len(source):
        space = source.rfind(" ", begin, end)
        end = space if space > start else end
    return source[begin:end], begin > 0, end < len(source)


def _mark(fragment: str, pattern: re.Pattern) -> str:
    out, last = [], 0
    for match in pattern.finditer(fragment):
        out.append(escape(fragment[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(fragment[last:]))
    return "".join(out)


def snippet(text: str, *, body: str, summary: str, classification: str) -> SafeString:
    if classification != Classification.OFFICIAL:
        return mark_safe(escape(summary[:LENGTH]) if summary else escape(SENSITIVE_NOTE))
    pattern = _pattern(text)
    for source in (body, summary):
        match = pattern.search(source) if pattern and source else None
        if match:
            fragment, cut_before, cut_after = _window(source, match.start())
            marked = _mark(fragment, pattern)
            return mark_safe(f"{'… ' if cut_before else ''}{marked}{' …' if cut_after else ''}")
    fallback = summary or body
    fragment, _, cut_after = _window(fallback, 0)
    return mark_safe(escape(fragment) + (" …" if cut_after else ""))
