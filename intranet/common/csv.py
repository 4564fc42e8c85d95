"""CSV files people open in a spreadsheet: every writer in the project goes through here.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
spreadsheets skip before reading one of those) is a formula to Excel, LibreOffice and Google
Sheets. Titles, usernames and search queries are typed by anyone, so an export could run
``=HYPERLINK(...)`` or worse on an admin's machine. Such cells are written with a leading
apostrophe, which spreadsheets show as text (the OWASP "CSV injection" advice).
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """The value, with an apostrophe in front if a spreadsheet would take it for a formula.

    Only text: numbers the code writes itself (a count, an average) are never formulas.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SafeWriter:
    """``csv.writer`` with every cell neutralised."""

    def __init__(self, handle, **options: Any):
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle, **options: Any) -> SafeWriter:
    """The only way this project writes CSV: like ``csv.writer``, safe to open in Excel."""
    return SafeWriter(handle, **options)
