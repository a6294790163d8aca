"""Two prodcom on one file both keep working, and a database on a network share gets a warning."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlmodel import func, select

from prodcom_tui.store import open as open_mod
from prodcom_tui.store.engine import network_filesystem, network_warning
from prodcom_tui.store.models import Project, Task
from prodcom_tui.store.open import open_store
from prodcom_tui.store.watch import ChangeWatcher

WRITES = 120


def hammer(path: Path, tag: str, ready: int, go: int) -> int:
    """A forked instance writing as fast as it can, each write a read-then-write transaction; the pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        store = open_store(path)
        store.ping()  # connections made before the start line
        os.write(ready, b"r")
        os.read(go, 1)  # both start together, or one would finish before the other begins
        for i in range(WRITES):
            with store.writing("task.create", f"{tag} {i}") as s:
                # Read first, then write: the pattern that fails with "database is locked" without BEGIN IMMEDIATE.
                project_id = s.exec(select(Project.id)).first()
                time.sleep(0.0005)  # a person's change reads, thinks, then writes: let the other one in
                s.add(Task(project_id=project_id, title=f"{tag} {i}"))
            time.sleep(0.001)  # between two changes the lock is free: the other instance takes turns
        store.dispose()
    except BaseException as exc:  # noqa: BLE001
        os.write(2, f"{tag}: {exc}\n".encode())
        code = 1
    os._exit(code)


def test_two_instances_hammering_writes_never_see_database_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    viewer = open_store(path)
    with viewer.writing("project.create", "seed") as s:
        s.add(Project(code="BOTH", name="Both"))
    watcher = ChangeWatcher(viewer)  # what the stand-up viewer polls to reload
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    pids = [hammer(path, "left", ready_w, go_r), hammer(path, "right", ready_w, go_r)]
    assert os.read(ready_r, 1) + os.read(ready_r, 1) == b"rr"
    os.write(go_w, b"gg")  # the start signal: both children's reads return at once
    codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
    assert codes == [0, 0]
    with viewer.reading() as s:
        titles = s.exec(select(Task.title)).all()
    assert len(titles) == 2 * WRITES and len(set(titles)) == 2 * WRITES
    assert watcher.changed()
    watcher.close()
    viewer.dispose()


def test_a_read_only_viewer_reads_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "viewer.db"
    writer = open_store(path)
    with writer.writing("project.create", "seed") as s:
        s.add(Project(code="V", name="Viewer"))
    viewer = open_store(path, read_only=True)
    with writer.writing("project.create", "second") as s:
        s.add(Project(code="W", name="While"))
        s.flush()
        with viewer.reading() as r:  # WAL: the reader sees the last commit, never waits for the writer
            assert r.exec(select(func.count(Project.id))).one() == 1
    with viewer.reading() as r:
        assert r.exec(select(func.count(Project.id))).one() == 2
    viewer.dispose()
    writer.dispose()


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/share nfs4 rw,relatime 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
//nas/team /mnt/team\\040drive cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_network_filesystem_detection_reads_mounts_by_whole_components(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    assert network_filesystem(Path("/mnt/share/prodcom.db"), mounts) == "nfs4"
    assert network_filesystem(Path("/mnt/share/local/prodcom.db"), mounts) is None  # the deeper local mount wins
    assert network_filesystem(Path("/mnt/shared/prodcom.db"), mounts) is None  # /mnt/share is not a prefix of it
    assert network_filesystem(Path("/mnt/team drive/p.db"), mounts) == "cifs"  # \040 is a space
    assert network_filesystem(Path("/home/me/p.db"), mounts) is None
    assert network_filesystem(Path("/x.db"), tmp_path / "no-such-file") is None


def fake_network(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """Pretend tmp_path is an NFS mount."""
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {tmp_path.resolve()} nfs rw 0 0\n")
    monkeypatch.setattr(open_mod, "network_warning", lambda path: network_warning(path, mounts))


def test_the_command_line_warns_on_stderr_and_still_works(tmp_path: Path, monkeypatch, capsys) -> None:
    from prodcom_tui.cli.main import main

    fake_network(monkeypatch, tmp_path)
    db = tmp_path / "net.db"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "is at the current schema" in out.out
    assert out.err.count("\n") == 1
    assert out.err.startswith(f"prodcom: warning: {db} is on a network filesystem (nfs)")


async def test_the_app_warns_in_a_notification(tmp_path: Path, monkeypatch, make_app) -> None:
    fake_network(monkeypatch, tmp_path)
    app = make_app(tmp_path / "net.db")
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = [(n.title, n.severity, n.message) for n in app._notifications]
    assert any(t == "Warning" and sev == "warning" and "network filesystem (nfs)" in m for t, sev, m in notes)
