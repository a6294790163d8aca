"""The HTML report as a browser sees it: headless Chromium renders it to an image without complaint."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from prodcom_tui.cli.main import main


def test_html_report_renders_in_headless_chromium(demo_path, tmp_path, capsys) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    page, shot = tmp_path / "report.html", tmp_path / "report.png"
    assert main(["report", "--db", str(demo_path), "--format", "html", "--output", str(page)]) == 0
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
