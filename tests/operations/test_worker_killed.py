"""A worker killed mid-task loses nothing silently: the task stays visible, the sweeper reads it,
and the child process that was reading the file goes with it.

The real ``db_worker`` is SIGKILLed (no clean shutdown, as the kernel's OOM killer or a lost
machine would) while it reads a large spreadsheet. Django Tasks keeps that task "RUNNING"
forever, so the document would say "Waiting to be read" for ever; ``extract_text --stale``
(the cron sweeper in README) finds it and reads it, and the tasks still queued run when a
worker starts again.
"""

import sqlite3

from openpyxl import Workbook

from tests.operations.processes import (
    finished,
    manage,
    prepare_site,
    processes_of,
    run,
    site_environment,
    wait_for,
)

ROWS = 25_000  # a few seconds of reading: long enough to be killed in the middle of it
DOCUMENT_STATUS = "SELECT title, extraction_status FROM library_librarydocument ORDER BY title"
TASK_STATUS = "SELECT status FROM django_tasks_database_dbtaskresult WHERE args_kwargs LIKE ?"


def write_rota(path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Rota")
    for n in range(ROWS):
        sheet.append([f"shift {n}", "parking permit office", "Westminster", n])
    workbook.save(path)


def query(database, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(database, timeout=20) as connection:
        return connection.execute(sql, params).fetchall()


def test_a_document_whose_worker_was_killed_mid_task_is_read_by_the_stale_sweeper(tmp_path):
    env = site_environment(tmp_path / "var")
    database = tmp_path / "var" / "db.sqlite3"
    prepare_site(env)
    share = tmp_path / "share"
    share.mkdir()
    write_rota(share / "rota.xlsx")
    (share / "notes.txt").write_text("Meeting notes about parking.\n")
    run(env, "import_documents", str(share), "--org", "wcc")
    rota_id = query(database, "SELECT id FROM library_librarydocument WHERE title = 'rota'")[0][0]
    rota_task = f'%"args": [{rota_id}]%'

    worker = manage(env, "db_worker", "--interval", "0.05", "--no-startup-delay")
    wait_for(lambda: query(database, TASK_STATUS, rota_task) == [("RUNNING",)])
    worker.kill()
    worker_output = finished(worker, timeout=30)
    # Its reader (a child process) goes with it, rather than waiting for ever to hand back text.
    wait_for(lambda: not processes_of(tmp_path / "var"), timeout=30, interval=0.2)

    assert query(database, TASK_STATUS, rota_task) == [("RUNNING",)], worker_output
    assert ("rota", "pending") in query(database, DOCUMENT_STATUS)

    swept = run(env, "extract_text", "--stale", "0")
    worker = manage(env, "db_worker", "--interval", "0.05", "--no-startup-delay")
    try:
        wait_for(lambda: query(database, DOCUMENT_STATUS) == [("notes", "done"), ("rota", "done")])
    finally:
        worker.terminate()
        finished(worker, timeout=30)

    assert "0 failed." in swept
    [(text,)] = query(
        database, "SELECT extracted_text FROM library_librarydocument WHERE id = ?", rota_id
    )
    assert "shift 24999\tparking permit office" in text
