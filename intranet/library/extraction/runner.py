"""Runs a reader in a child process, so a hostile or huge file cannot hang or exhaust the
worker: past the time limit the child is killed and the document is marked failed."""

import ctypes
import multiprocessing
import os
import queue
import signal
from dataclasses import dataclass
from pathlib import Path

from .formats import READERS, ZIP_FORMATS, ExtractionRefused, check_zip
from .limits import Limits, current_limits
from .sniffing import sniff


@dataclass(frozen=True)
class Extraction:
    status: str  # "done" or "failed"
    text: str = ""
    page_count: int | None = None
    file_format: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "done"


def extract_text(path: Path, filename: str, limits: Limits | None = None) -> Extraction:
    limits = limits or current_limits()
    size = path.stat().st_size
    if size == 0:
        return Extraction("failed", reason="the file is empty")
    if size > limits.max_file_bytes:
        return Extraction(
            "failed",
            reason=f"the file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}",
        )
    file_format = sniff(path, filename)
    if file_format is None:
        return Extraction("failed", reason="its content is not a supported document format")
    if file_format not in READERS:
        return Extraction(
            "failed",
            file_format=file_format,
            reason="it is in a legacy Office format whose text cannot be read; save it as "
            "a current format (e.g. .docx) for it to be searchable",
        )
    try:
        if file_format in ZIP_FORMATS:
            check_zip(path, limits)
    except ExtractionRefused as refusal:
        return Extraction("failed", file_format=file_format, reason=str(refusal))
    except Exception as error:
        return Extraction(
            "failed", file_format=file_format, reason=f"the file is damaged ({error})"
        )
    return _run_isolated(path, file_format, limits)


def _read(path: Path, file_format: str, limits: Limits, results, parent: int) -> None:
    _die_with(parent)
    try:
        text, pages = READERS[file_format](path, limits)
        results.put(("done", text[: limits.max_chars], pages, ""))
    except ExtractionRefused as refusal:
        results.put(("failed", "", None, str(refusal)))
    except Exception as error:
        results.put(
            ("failed", "", None, f"the file could not be read ({type(error).__name__}: {error})")
        )


def _run_isolated(path: Path, file_format: str, limits: Limits) -> Extraction:
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(
        target=_read, args=(path, file_format, limits, results, os.getpid()), daemon=True
    )
    child.start()
    try:
        status, text, pages, reason = results.get(timeout=limits.timeout_seconds)
    except queue.Empty:
        child.kill()
        child.join()
        return Extraction(
            "failed",
            file_format=file_format,
            reason=f"reading it took longer than {limits.timeout_seconds:g} seconds",
        )
    child.join()
    return Extraction(status, text=text, page_count=pages, file_format=file_format, reason=reason)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with(parent: int) -> None:
    """Make the reader die when the worker does (killed by the OOM killer, say): left alone it
    would block for ever writing its text into a queue nobody reads. Linux only; elsewhere the
    reader still ends at its own exit."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the worker died before the line above
        os._exit(1)
