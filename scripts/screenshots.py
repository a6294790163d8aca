"""Regenerate screenshots/*.svg from the demo data with today frozen, one per screen.

Run: python scripts/screenshots.py [name ...]   (names: morning afternoon evening standup …)
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)
SIZE = (160, 48)
# name -> (keys pressed after start-up, in order)
SHOTS: dict[str, tuple[str, ...]] = {
    "morning": ("1",),
    "afternoon": ("2", "tab", "j"),  # the devis pane, the need under the cursor compared in the side panel
    "evening": ("3",),
    "standup": ("4",),
}


async def shoot(db: Path, name: str, keys: tuple[str, ...]) -> None:
    from prodcom_tui.domain.clock import Clock
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.app import ProdcomApp

    clock = Clock(TODAY)
    app = ProdcomApp(lambda: open_services(db, clock), "~/.local/share/prodcom/prodcom.db", TODAY, offer_demo=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
        app.save_screenshot(f"{name}.svg", path=str(ROOT / "screenshots"))


def main(names: list[str]) -> None:
    os.environ.setdefault("TEXTUAL_ANIMATION", "none")
    from prodcom_tui.domain.clock import Clock
    from prodcom_tui.store.demo import generate
    from prodcom_tui.store.open import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        store = open_store(db, clock=Clock(TODAY))
        generate(store, "demo", seed=7)
        store.dispose()
        for name in names or list(SHOTS):
            asyncio.run(shoot(db, name, SHOTS[name]))
            print(f"screenshots/{name}.svg")


if __name__ == "__main__":
    main(sys.argv[1:])
