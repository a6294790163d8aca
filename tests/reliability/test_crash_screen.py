"""A bug shows what happened and where the log is; no local variable, SQL parameter or message text leaks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from prodcom_tui.logs import log_crash

SECRETS = ("hunter2", "Vera-Secret-Client", "06 12 34 56 78")

CRASHING_APP = """
import sys
from pathlib import Path
from prodcom_tui.domain.clock import Clock
from prodcom_tui.services.facade import open_services
from prodcom_tui.ui.app import ProdcomApp

class Crashing(ProdcomApp):
    CSS_PATH = str(Path(sys.modules[ProdcomApp.__module__].__file__).with_name("app.tcss"))

    def on_ready(self):
        self.set_timer(0.2, self.boom)

    def boom(self):
        password = "hunter2"
        client = {"name": "Vera-Secret-Client", "phone": "06 12 34 56 78"}
        raise ValueError(f"cannot bill {client['name']} ({password})")

path = Path(sys.argv[1])
app = Crashing(lambda: open_services(path, Clock()), str(path), Clock().today(), offer_demo=False)
app.run(headless=True, size=(100, 30))
sys.exit(app.return_code)
"""


def test_the_app_crash_screen_names_the_error_and_the_log_and_nothing_else(tmp_path: Path) -> None:
    env = {**os.environ, "PRODCOM_DATA_DIR": str(tmp_path / "data")}
    script = tmp_path / "crashing_app.py"  # a file, since Textual reads the App's source location
    script.write_text(CRASHING_APP)
    out = subprocess.run([sys.executable, str(script), str(tmp_path / "c.db")],
                         capture_output=True, text=True, timeout=60, env=env)
    screen = out.stdout + out.stderr
    assert out.returncode == 1
    assert "prodcom stopped because of an unexpected error (ValueError at" in screen
    log = tmp_path / "data" / "prodcom.log"
    assert str(log) in screen.replace("\n", "")  # a long path wraps at the terminal's width
    assert "locals" not in screen.lower() and "Traceback" not in screen
    logged = log.read_text()
    assert "ValueError" in logged and "in boom" in logged
    for secret in SECRETS:
        assert secret not in screen and secret not in logged
    assert log.stat().st_mode & 0o777 == 0o600


async def test_under_pilot_the_error_still_reaches_the_test(make_app, demo_path: Path) -> None:
    """Tests must still see a crash: the replacement keeps Textual's re-raise for Pilot."""
    app = make_app(demo_path)

    def boom() -> None:
        raise RuntimeError("kept for the test")

    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await app.workers.wait_for_complete()
            app.call_later(boom)
            await pilot.pause()
            await pilot.pause()


def test_sql_errors_hide_their_parameters(store) -> None:
    with pytest.raises(Exception) as caught:
        with store.read_engine.connect() as conn:
            conn.execute(text("SELECT * FROM no_such_table WHERE name = :n"), {"n": SECRETS[1]})
    assert SECRETS[1] not in str(caught.value)
    assert SECRETS[1] not in log_crash(caught.value).read_text()


def test_the_command_line_logs_a_bug_without_values(tmp_path: Path, monkeypatch, capsys) -> None:
    from prodcom_tui.cli import db_cmd
    from prodcom_tui.cli.main import main

    def bug(args) -> int:  # noqa: ANN001
        password = SECRETS[0]
        raise KeyError(f"token {password}")

    monkeypatch.setattr(db_cmd, "db_path", bug)
    assert main(["db", "path"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("prodcom: internal error (KeyError); details in ") and err.count("\n") == 1
    log = Path(os.environ["PRODCOM_DATA_DIR"]) / "prodcom.log"
    assert SECRETS[0] not in err and SECRETS[0] not in log.read_text()
