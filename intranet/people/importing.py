"""Loading a council's HR export into the people directory (``import_people``).

The export is a CSV, one person a row, matched on (organisation, employee_id): running the same
file again changes nothing, and a person's row is only written when something in it changed.
Each row is its own transaction, so a bad row is reported and skipped and nothing is
half-written. The file is read row by row, in chunks whose existing people are fetched in one
query, so a 30,000-row export costs little more memory than a 3,000-row one.

Decisions the issue left open:

* Only the columns the file has are managed: a file without ``phone`` leaves phones alone, while
  an empty ``phone`` cell clears one.
* Emails are compared case-insensitively and stored lower-cased (accounts link by email
  case-insensitively too; see ``services._link_by_email``).
* A manager is linked by email, to someone in the file or anyone already in the directory (a
  shared-service manager may work for a partner). A manager later in the file is linked in a
  second pass. When nobody has that email the person is still imported, their manager link
  is left as it was, and the row's reason says ``manager x@y not found``.
* Fields the person has edited themself (``Person.edited_by_person``) are never overwritten.
* ``--full`` marks people of the organisation who have an employee_id and are not in the file
  as leavers; people added by hand (no employee_id) are not HR's to retire. A file with a
  header and no rows is refused with ``--full``, so a truncated export cannot retire everyone.
* No ``ImportedObject`` rows: a person's employee_id is already the source id, on the person.
"""

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.db.models.functions import Lower
from django.urls import reverse

from intranet.imports import services as runs
from intranet.imports.models import ImportRun, Outcome
from intranet.imports.reporting import ImportReport, ItemResult
from intranet.imports.services import ImportAborted
from intranet.organisations.models import Organisation

from . import services
from .models import WEEKDAYS, Building, Person, Team

IMPORTER = "hr-people"
KIND = "person"
REQUIRED_COLUMNS = ("employee_id", "email")
# Column → Person field, for the columns that are plain text on the person.
TEXT_COLUMNS = {
    "first_name": "first_name",
    "last_name": "last_name",
    "preferred_name": "preferred_name",
    "pronouns": "pronouns",
    "job_title": "job_title",
    "phone": "work_phone",
    "mobile": "mobile_phone",
    "languages": "languages",
    "working_days": "working_days",
}
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, *TEXT_COLUMNS, "team", "manager_email", "base", "skills")
LEFT_REASON = "left: not in the export"
BACK_REASON = "back in the export: no longer a leaver"
CHUNK_SIZE = 500  # rows whose existing people are fetched in one query

# Day names as exports write them: codes, full names and the usual abbreviations.
DAY_NAMES = {
    **{day.value: day.value for day in WEEKDAYS},
    **{day.label.lower(): day.value for day in WEEKDAYS},
    "tues": "tue",
    "weds": "wed",
    "thur": "thu",
    "thurs": "thu",
}
_DAY_SEPARATORS = re.compile(r"[,;/\s]+")
_HEADER_SPACES = re.compile(r"[\s\-]+")


class RowError(Exception):
    """This row is bad: report it as skipped, with this reason, and carry on."""


class RowFailed(Exception):
    """The database refused this row (rolled back): report it as failed and carry on."""


@dataclass(frozen=True)
class PeopleImportOptions:
    path: Path
    organisation_slug: str
    dry_run: bool = False
    full: bool = False


@dataclass
class PeopleImport:
    """What a run did: the per-row report, the saved run (None in a dry run), and what the
    command tells the admin about the file itself."""

    report: ImportReport
    run: ImportRun | None
    encoding: str
    delimiter: str
    ignored_columns: list[str]


@dataclass(frozen=True)
class _Header:
    encoding: str
    delimiter: str
    columns: dict[str, int]  # known column → its position
    ignored: list[str]  # as written in the file
    estimated_rows: int  # lines after the header: the progress bar's total


@dataclass
class _Row:
    """One row, checked and normalised; ``None`` means the file has no such column."""

    number: int
    employee_id: str
    email: str
    text: dict[str, str]  # Person field → value
    team: list[str] | None
    base: str | None
    skills: list[str] | None
    manager_email: str | None


@dataclass
class _Pending:
    """A row whose manager was not known when it was read: linked after the last row."""

    item: ItemResult
    person_id: int | None  # None: a dry run's new person
    manager_id: int | None  # their manager now
    manager_email: str
    created: bool
    changed: list[str]
    notes: list[str]


def import_people(
    options: PeopleImportOptions,
    progress: Callable[[int, int, str], None] | None = None,
    user=None,
) -> PeopleImport:
    """Run the import; raises ``ImportAborted`` before writing anything if it cannot start."""
    path = options.path
    if not path.is_file():
        raise ImportAborted(f"The file {path} does not exist.")
    organisation = runs.organisation_for(options.organisation_slug)
    header = read_header(path)
    records = _records(path, header)
    first = next(records, None)
    if first is None and options.full:
        raise ImportAborted(
            f"The file {path} lists nobody: with --full everyone in {organisation.slug} "
            "would be marked as a leaver, so nothing was done."
        )
    records = chain([first] if first else [], records)

    run = None if options.dry_run else runs.start_run(IMPORTER, organisation, str(path), user)
    importer = _Importer(organisation, header, options.dry_run, run)
    for chunk in _chunks(records, CHUNK_SIZE):
        importer.import_chunk(chunk, progress)
    importer.link_managers()
    if options.full:
        importer.mark_leavers()
    if run is not None:
        runs.finish_run(run, importer.report)
    return PeopleImport(importer.report, run, header.encoding, header.delimiter, header.ignored)


def read_header(path: Path) -> _Header:
    """The file's encoding, delimiter and columns, checked before any row is read."""
    encoding, lines = _encoding_and_lines(path)
    with _open(path, encoding) as handle:
        first_line = next((line for line in handle if line.strip()), "")
        if not first_line:
            raise ImportAborted(
                f"The file {path} is empty: it needs a header row naming its columns, "
                "e.g. employee_id,email."
            )
        delimiter = _delimiter(first_line)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter, skipinitialspace=True)
        cells = next(row for row in reader if any(cell.strip() for cell in row))
        header_lines = reader.line_num
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for position, cell in enumerate(cells):
        name = _HEADER_SPACES.sub("_", cell.strip().lower())
        if name in KNOWN_COLUMNS and name not in columns:
            columns[name] = position
        elif cell.strip():
            ignored.append(cell.strip())
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing and any("@" in cell for cell in cells):
        raise ImportAborted(
            f"The file {path} has no header row: its first line must name the columns, "
            "e.g. employee_id,email."
        )
    if missing:
        raise ImportAborted(
            f"The file {path} has no {' or '.join(missing)} column: "
            "the header row must name employee_id and email."
        )
    return _Header(encoding, delimiter, columns, ignored, max(lines - header_lines, 0))


def _encoding_and_lines(path: Path) -> tuple[str, int]:
    """UTF-8 (with or without a BOM) if the whole file decodes as such, else Windows-1252 —
    what Excel saves as "CSV" on a British Windows PC. Checked in blocks, never all at once;
    the same pass counts lines for the progress bar."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines, last = True, 0, b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            lines += block.count(b"\n")
            last = block[-1:]
            if utf8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    if last and last != b"\n":
        lines += 1
    return ("utf-8-sig" if utf8 else "cp1252"), lines


def _open(path: Path, encoding: str):
    # Windows-1252 leaves five bytes undefined: shown as "�" rather than refusing the file.
    return path.open(
        newline="", encoding=encoding, errors="strict" if "utf" in encoding else "replace"
    )


def _delimiter(header_line: str) -> str:
    """Comma, or the semicolon (or tab) Excel uses in locales where the comma is a decimal
    point: whichever the header line has most of."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _records(path: Path, header: _Header) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, known column → cell) for each row after the header; blank rows (Excel
    leaves some at the end, as ``;;;;``) are not rows."""
    with _open(path, header.encoding) as handle:
        reader = csv.reader(handle, delimiter=header.delimiter, skipinitialspace=True)
        for cells in reader:
            if any(cell.strip() for cell in cells):
                break  # the header
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            yield (
                reader.line_num,
                {
                    name: cells[position] if position < len(cells) else ""
                    for name, position in header.columns.items()
                },
            )


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def parse_row(number: int, record: dict[str, str]) -> _Row:
    """The row's values, stripped and normalised, or ``RowError`` saying what is wrong."""
    employee_id = record["employee_id"].strip()
    if not employee_id:
        raise RowError("no employee_id")
    email = record["email"].strip().lower()
    if not email:
        raise RowError("no email")
    _check_email(email, "email")
    text = {}
    for column, field_name in TEXT_COLUMNS.items():
        if column in record:
            text[field_name] = " ".join(record[column].split())
    if "working_days" in text:
        text["working_days"] = working_day_codes(text["working_days"])
    if "languages" in text:
        text["languages"] = ", ".join(_split(text["languages"], ";,"))
    row = _Row(
        number=number,
        employee_id=employee_id,
        email=email,
        text=text,
        team=_split(record["team"], "/") if "team" in record else None,
        base=" ".join(record["base"].split()) if "base" in record else None,
        skills=list(dict.fromkeys(_split(record["skills"], ";"))) if "skills" in record else None,
        manager_email=record["manager_email"].strip().lower()
        if "manager_email" in record
        else None,
    )
    if row.manager_email:
        _check_email(row.manager_email, "manager_email")
    _check_lengths(row)
    return row


def working_day_codes(text: str) -> str:
    """``Mon;Tue`` or ``monday, thurs`` → ``mon,tue`` / ``mon,thu`` (Weekday codes, Monday
    first); an unknown day name makes the row bad."""
    codes = set()
    for name in filter(None, _DAY_SEPARATORS.split(text.lower())):
        if name not in DAY_NAMES:
            raise RowError(f"working_days: {name!r} is not a day of the week")
        codes.add(DAY_NAMES[name])
    return ",".join(day.value for day in WEEKDAYS if day.value in codes)


def _split(text: str, separators: str) -> list[str]:
    parts = re.split(f"[{re.escape(separators)}]", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


def _check_email(email: str, column: str) -> None:
    try:
        validate_email(email)
    except ValidationError:
        raise RowError(f"{column} {email!r} is not a valid email address") from None


def _check_lengths(row: _Row) -> None:
    """What the database would refuse (PostgreSQL does; SQLite does not), refused here alike."""
    values = [("employee_id", "employee_id", row.employee_id), ("email", "email", row.email)]
    values += [
        (column, field_name, row.text[field_name])
        for column, field_name in TEXT_COLUMNS.items()
        if field_name in row.text
    ]
    for column, field_name, value in values:
        limit = Person._meta.get_field(field_name).max_length
        if len(value) > limit:
            raise RowError(f"{column} is longer than {limit} characters")
    if row.team and (
        any(len(name) > 200 for name in row.team) or len(Team.PATH_SEPARATOR.join(row.team)) > 1000
    ):
        raise RowError("team is longer than 200 characters a level or 1000 in all")
    if row.base and len(row.base) > 200:
        raise RowError("base is longer than 200 characters")
    if row.skills and any(len(skill) > 100 for skill in row.skills):
        raise RowError("skills: each skill must be at most 100 characters")


def _reason(changed: list[str], notes: list[str], created: bool) -> str:
    parts = [] if created or not changed else [f"changed: {', '.join(changed)}"]
    return "; ".join([*parts, *notes])


def _url(slug: str) -> str:
    return reverse("people:profile", args=[slug])


class _Importer:
    """The state of one run: which ids and emails the file has had so far, teams and buildings
    already looked up, and the rows whose manager is still to be linked."""

    def __init__(
        self, organisation: Organisation, header: _Header, dry_run: bool, run: ImportRun | None
    ):
        self.organisation = organisation
        self.run = run
        self.columns = header.columns
        self.estimated_rows = header.estimated_rows
        self.dry_run = dry_run
        self.report = ImportReport(IMPORTER)
        self.rows_read = 0
        self.seen_ids: dict[str, int] = {}  # employee_id → the first row that had it
        self.emails: dict[str, int | None] = {}  # email → person (None: dry run, not written)
        self.teams: dict[str, Team] = {}
        self.buildings: dict[str, Building] = {}
        self.pending: list[_Pending] = []

    def import_chunk(
        self, chunk: list[tuple[int, dict[str, str]]], progress: Callable | None
    ) -> None:
        ids = {record["employee_id"].strip() for _, record in chunk} - {""}
        existing = {
            person.employee_id: person
            for person in Person.objects.filter(
                organisation=self.organisation, employee_id__in=ids
            ).select_related("team", "base")
        }
        skills: dict[int, set[str]] = {}
        if "skills" in self.columns and existing:
            names = Person.skills.through.objects.filter(
                content_object__in=[person.pk for person in existing.values()]
            ).values_list("content_object_id", "tag__name")
            for person_id, name in names:
                skills.setdefault(person_id, set()).add(name)
        for number, record in chunk:
            self.rows_read += 1
            employee_id = record["employee_id"].strip()
            if progress:
                total = max(self.estimated_rows, self.rows_read)
                progress(self.rows_read, total, employee_id or f"row {number}")
            self.report.add(self.import_row(number, record, existing, skills))

    def import_row(
        self,
        number: int,
        record: dict[str, str],
        existing: dict[str, Person],
        skills: dict[int, set[str]],
    ) -> ItemResult:
        employee_id = record["employee_id"].strip()
        source_id = employee_id or f"row {number}"
        try:
            if employee_id in self.seen_ids:
                raise RowError(
                    f"employee_id {employee_id} is already on row {self.seen_ids[employee_id]}"
                )
            if employee_id:
                self.seen_ids[employee_id] = number
            row = parse_row(number, record)
            return self._import(row, existing.get(employee_id), skills)
        except RowError as error:
            return ItemResult(source_id, KIND, Outcome.SKIPPED, str(error))
        except RowFailed as error:
            return ItemResult(source_id, KIND, Outcome.FAILED, str(error))

    def _import(self, row: _Row, person: Person | None, skills: dict[int, set[str]]) -> ItemResult:
        created = person is None
        protected = set() if created else set(person.edited_by_person)
        changed: list[str] = []
        notes: list[str] = []
        values: dict[str, object] = {}

        for field_name, value in row.text.items():
            if field_name not in protected and (created or getattr(person, field_name) != value):
                values[field_name] = value
                changed.append(field_name)
        if created or person.email.lower() != row.email:
            self._check_email_free(row.email, person)
            values["email"] = row.email
            changed.append("email")
        team_path = Team.PATH_SEPARATOR.join(row.team) if row.team else None
        if _manages(row.team, "team", protected) and (
            created or _team_path(person, self.organisation) != team_path
        ):
            changed.append("team")
        if _manages(row.base, "base", protected) and (
            created or _base_name(person, self.organisation) != (row.base.lower() or None)
        ):
            changed.append("base")
        new_skills = None
        if _manages(row.skills, "skills", protected) and (
            created or set(row.skills) != skills.get(person.pk, set())
        ):
            new_skills = row.skills
            changed.append("skills")
        manager_later = False
        if row.manager_email is not None:
            manager_id = self.emails.get(row.manager_email) if row.manager_email else None
            if row.manager_email and manager_id is None:
                manager_later = True  # later in the file, elsewhere in the directory, or nowhere
            elif created or person.manager_id != manager_id:
                values["manager_id"] = manager_id
                changed.append("manager")
        if not created and person.left_on is not None:
            values["left_on"] = None
            notes.append(BACK_REASON)

        if created:
            outcome = Outcome.CREATED
        elif changed or notes:
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.UNCHANGED
        if outcome != Outcome.UNCHANGED and not self.dry_run:
            person = self._write(row, person, values, changed, new_skills)
        self.emails[row.email] = person.pk if person is not None else None
        url = _url(person.slug) if person is not None else ""
        item = ItemResult(
            row.employee_id, KIND, outcome, _reason(changed, notes, created), target_url=url
        )
        if manager_later:
            self.pending.append(
                _Pending(
                    item=item,
                    person_id=person.pk if person is not None else None,
                    manager_id=None if created else person.manager_id,
                    manager_email=row.manager_email,
                    created=created,
                    changed=changed,
                    notes=notes,
                )
            )
        return item

    def _check_email_free(self, email: str, person: Person | None) -> None:
        """Emails are unique across the directory: checked here so the reason is exact, and
        in a dry run too."""
        # lower(email) = …, not email__iexact: it is the unique index's expression, so one
        # index look-up rather than a LIKE over every person.
        others = Person.objects.annotate(email_lower=Lower("email")).filter(email_lower=email)
        if person is not None:
            others = others.exclude(pk=person.pk)
        if email in self.emails or others.exists():
            raise RowError(f"email {email} is already used by another person")

    def _write(
        self,
        row: _Row,
        person: Person | None,
        values: dict[str, object],
        changed: list[str],
        skills: list[str] | None,
    ) -> Person:
        """Save the row's person in its own transaction; teams and buildings it made are only
        remembered once that transaction has committed (a failed row's are rolled back)."""
        teams: dict[str, Team] = {}
        buildings: dict[str, Building] = {}
        try:
            with transaction.atomic():
                created = person is None
                previous = None if created else runs.snapshot(person)
                if person is None:
                    person = Person(organisation=self.organisation, employee_id=row.employee_id)
                for name, value in values.items():
                    setattr(person, name, value)
                if "team" in changed:
                    person.team = self._team(row.team, teams) if row.team else None
                if "base" in changed:
                    person.base = self._building(row.base, buildings) if row.base else None
                services.save_person(person, skills=skills)
                if created:
                    runs.record_created(self.run, row.employee_id, person)
                else:
                    runs.record_updated(self.run, row.employee_id, person, previous)
        except DatabaseError as error:
            raise RowFailed(f"could not be saved: {error}") from None
        self.teams.update(teams)
        self.buildings.update(buildings)
        return person

    def _team(self, names: list[str], made: dict[str, Team]) -> Team:
        path = Team.PATH_SEPARATOR.join(names)
        team = self.teams.get(path) or made.get(path)
        if team is None:
            team = made[path] = services.ensure_team(self.organisation, names)
        return team

    def _building(self, name: str, made: dict[str, Building]) -> Building:
        key = name.lower()
        building = self.buildings.get(key) or made.get(key)
        if building is None:
            building = made[key] = services.ensure_building(self.organisation, name)
        return building

    def link_managers(self) -> None:
        """The second pass: managers who came later in the file, or are already in the
        directory but not in this file (looked up in batches)."""
        unknown = {p.manager_email for p in self.pending} - set(self.emails)
        elsewhere: dict[str, int] = {}
        for batch in _chunks(sorted(unknown), CHUNK_SIZE):
            found = (
                Person.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=batch)
                .values_list("email_lower", "pk")
            )
            elsewhere.update(found)
        links: dict[int, int] = {}
        for pending in self.pending:
            email = pending.manager_email
            if email not in self.emails and email not in elsewhere:
                pending.notes.append(f"manager {email} not found")
            else:
                manager_id = self.emails[email] if email in self.emails else elsewhere[email]
                if (
                    manager_id is None
                    or pending.person_id is None
                    or (manager_id != pending.manager_id)
                ):
                    if manager_id is not None and pending.person_id is not None:
                        links[pending.person_id] = manager_id
                    pending.changed.append("manager")
                    if pending.item.outcome == Outcome.UNCHANGED:
                        pending.item.outcome = Outcome.UPDATED
            pending.item.reason = _reason(pending.changed, pending.notes, pending.created)
        if links and not self.dry_run:
            with transaction.atomic():
                before = self._snapshots(links)
                services.set_managers(links)
                self._record_updates(before)

    def mark_leavers(self) -> None:
        """``--full``: everyone of the organisation with an employee_id the file did not have
        (not even on a skipped row) has left. Kept, never deleted."""
        current = (
            Person.objects.filter(organisation=self.organisation, left_on__isnull=True)
            .exclude(employee_id="")
            .order_by("employee_id")
            .values_list("pk", "employee_id", "slug")
        )
        leavers = []
        for pk, employee_id, slug in current.iterator():
            if employee_id not in self.seen_ids:
                leavers.append(pk)
                self.report.add(
                    ItemResult(employee_id, KIND, Outcome.UPDATED, LEFT_REASON, _url(slug))
                )
        if not self.dry_run:
            for batch in _chunks(leavers, CHUNK_SIZE):
                with transaction.atomic():
                    before = self._snapshots(batch)
                    services.mark_leavers(batch)
                    self._record_updates(before)

    def _snapshots(self, person_ids) -> dict[int, tuple[Person, dict]]:
        """People about to be changed in bulk, with their state before (for undo)."""
        people = Person.objects.filter(pk__in=list(person_ids))
        return {person.pk: (person, runs.snapshot(person)) for person in people}

    def _record_updates(self, before: dict[int, tuple[Person, dict]]) -> None:
        for person, previous in before.values():
            runs.record_updated(self.run, person.employee_id or str(person.pk), person, previous)


def _manages(value: object, field_name: str, protected: set[str]) -> bool:
    """Whether the file says something about this field (it has the column) that the
    person has not taken over themself."""
    return value is not None and field_name not in protected


def _team_path(person: Person, organisation: Organisation) -> str | None:
    if person.team_id is None or person.team.organisation_id != organisation.pk:
        return None
    return person.team.path


def _base_name(person: Person, organisation: Organisation) -> str | None:
    if person.base_id is None or person.base.organisation_id != organisation.pk:
        return None
    return person.base.name.lower()
