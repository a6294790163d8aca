"""Mail import: a real mbox and a Maildir with encoded headers and hostile subjects, imported twice."""

from __future__ import annotations

import contextlib
import mailbox
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from prodcom_tui.domain.errors import InputError
from prodcom_tui.io.mail import read_mailbox

HOSTILE = "[bold red]Pwned[/] \x1b]52;c;ZXZpbA==\x07 \u202edlrow"


def _message(subject: str, mid: str | None, when: str = "Tue, 24 Nov 2026 09:15:00 +0100", **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = headers.pop("sender", "=?utf-8?q?Am=C3=A9lie_Dupr=C3=A9?= <amelie@client.fr>")
    msg["To"] = "prod@agence.fr"
    msg["Subject"] = subject
    msg["Date"] = when
    if mid:
        msg["Message-ID"] = mid
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content("Bonjour,\nle fichier [b]HD[/b] svp.\n\x1b[31mrouge\x1b[0m\n")
    return msg


def _raw_encoded(subject_word: str, mid: str) -> bytes:
    """A message whose Subject is an RFC 2047 encoded word, as mail clients send it."""
    return (f"From: bob@x.fr\r\nSubject: {subject_word}\r\nDate: Wed, 25 Nov 2026 08:00:00 +0000\r\n"
            f"Message-ID: {mid}\r\n\r\nhello\r\n").encode()


@pytest.fixture
def mbox_path(tmp_path: Path) -> Path:
    path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(str(path))
    box.add(_message("Devis impression", "<a1@client.fr>"))
    box.add(mailbox.mboxMessage(_raw_encoded("=?iso-8859-1?q?BAT_=E0_valider_avant_midi?=", "<a2@client.fr>")))
    box.add(_message(HOSTILE, "<a3@client.fr>", Importance="high"))
    box.add(_message("Sans identifiant", None, when="Mon, 02 Nov 2026 10:00:00 +0000"))
    box.flush()
    box.close()
    return path


def test_reads_decoded_and_cleaned_mail(mbox_path: Path) -> None:
    items = {m.message_id: m for m in read_mailbox(mbox_path)}
    assert len(items) == 4
    assert items["<a2@client.fr>"].subject == "BAT à valider avant midi"
    assert items["<a1@client.fr>"].sender == "Amélie Dupré <amelie@client.fr>"
    hostile = items["<a3@client.fr>"]
    assert "\x1b" not in hostile.subject and "\u202e" not in hostile.subject and "\x07" not in hostile.subject
    assert hostile.subject.startswith("[bold red]Pwned[/]")  # kept as typed: the screen shows it as plain text
    assert hostile.urgent and not items["<a1@client.fr>"].urgent
    assert "\x1b" not in hostile.body and "[b]HD[/b]" in hostile.body
    no_id = next(m for m in items.values() if m.subject == "Sans identifiant")
    assert no_id.message_id.startswith("<sha256-")


def test_since_keeps_only_recent_mail(mbox_path: Path) -> None:
    assert len(read_mailbox(mbox_path, since=date(2026, 11, 20))) == 3


def test_maildir_is_read_too(tmp_path: Path) -> None:
    box = mailbox.Maildir(str(tmp_path / "Mail"), create=True)
    box.add(_message("Depuis Maildir", "<m1@x.fr>"))
    box.close()
    assert [m.subject for m in read_mailbox(tmp_path / "Mail")] == ["Depuis Maildir"]


@pytest.mark.parametrize("content", [b"id,amount\n1,2\n", b"", b"\x89PNG\r\n\x1a\n"])
def test_a_file_that_is_not_a_mailbox_gives_one_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="is not a mailbox"):
        read_mailbox(path)
    with pytest.raises(InputError, match="is not a mailbox"):
        read_mailbox(tmp_path)  # a folder without cur/ and new/


def test_importing_twice_adds_nothing_the_second_time(services, mbox_path: Path) -> None:
    from sqlmodel import func, select

    from prodcom_tui.store.models import ChangeBatch, Request

    items = read_mailbox(mbox_path)
    assert services.requests.import_mail(items, "inbox.mbox") == (4, 0)
    assert services.requests.import_mail(read_mailbox(mbox_path), "inbox.mbox") == (0, 4)
    with services.store.reading() as s:
        assert s.exec(select(func.count()).where(Request.message_id == "<a3@client.fr>")).one() == 1
        kinds = s.exec(select(ChangeBatch.kind).where(ChangeBatch.kind == "import.mail")).all()
    assert kinds == ["import.mail"]  # one batch; the second run wrote nothing
    services.system.undo_last()
    with services.store.reading() as s:
        assert s.exec(select(func.count()).where(Request.message_id.in_(["<a1@client.fr>", "<a2@client.fr>"]))).one() == 0


def test_cli_imports_once_and_refuses_a_non_mailbox(demo_path: Path, mbox_path: Path, tmp_path: Path, capsys) -> None:
    from prodcom_tui.cli.main import main

    assert main(["import", "mail", str(mbox_path), "--db", str(demo_path)]) == 0
    assert "4 request(s) imported, 0 already there" in capsys.readouterr().out
    assert main(["import", "mail", str(mbox_path), "--db", str(demo_path)]) == 0
    assert "0 request(s) imported, 4 already there" in capsys.readouterr().out
    bad = tmp_path / "x.txt"
    bad.write_text("hello\n")
    assert main(["import", "mail", str(bad), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a mailbox" in err and "nothing was imported" in err


def test_cli_since_imports_only_recent_mail_after_a_backup(demo_path: Path, mbox_path: Path, capsys) -> None:
    """`--since` drops the 2 November message; the file is backed up before the requests are written."""
    from prodcom_tui.cli.main import main

    folder = demo_path.parent / "backups"
    before = _requests(demo_path)
    assert not list(folder.glob("*-import.db"))
    assert main(["import", "mail", str(mbox_path), "--since", "2026-11-20", "--db", str(demo_path)]) == 0
    assert "3 request(s) imported, 0 already there" in capsys.readouterr().out
    added = {k: v for k, v in _requests(demo_path).items() if k not in before}
    assert set(added) == {"<a1@client.fr>", "<a2@client.fr>", "<a3@client.fr>"}
    assert "Sans identifiant" not in _requests(demo_path).values()
    (backup,) = folder.glob("*-import.db")  # taken first: it holds the requests as they were
    assert _requests(backup) == before


def _requests(db_path: Path) -> dict[str, str]:
    """Message-ID (or row id) -> subject of every request in the file, read with plain sqlite3."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(db_path)) as db:
        rows = db.execute("SELECT COALESCE(message_id, 'row-' || id), subject FROM request").fetchall()
    return dict(rows)
