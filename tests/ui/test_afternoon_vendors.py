"""Vendors and CSV import from the keyboard: the directory grows, history opens, a bad file imports nothing."""

from __future__ import annotations

from pathlib import Path

from afternoon_helpers import SIZE, as_opened, open_pane, shown
from pilot_wait import settle
from sqlmodel import func, select

from prodcom_tui.store.models import Expense, Vendor

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


async def test_palette_vendor_directory_and_csv_import(make_app, demo_path, tmp_path) -> None:
    """One app runs the checks below, each as on a freshly opened afternoon (`as_opened`): starting an app cost
    more than most checks. Order matters only this far: the palette counts the demo's 40 vendors before a vendor
    is added; the import counts expenses relative to before."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await the_palette_opens_a_pane_and_the_expense_form(app, pilot)
        await as_opened(app, pilot)
        await add_edit_and_open_a_vendor(app, pilot)
        await as_opened(app, pilot)
        await csv_with_a_bad_row_imports_nothing_and_names_the_row(app, pilot, tmp_path)


async def the_palette_opens_a_pane_and_the_expense_form(app, pilot) -> None:
    await open_pane(app, pilot, "deliveries")
    await pilot.press("ctrl+p")
    await pilot.press(*"Afternoon: vendors")
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.pane == "vendors" and app.screen.table("vendors").row_count == 40
    await pilot.press("ctrl+p")
    await pilot.press(*"Record an expense")
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.query_one("#field-amount") is not None


async def add_edit_and_open_a_vendor(app, pilot) -> None:
    await open_pane(app, pilot, "vendors")
    await pilot.press("n")
    await settle(app, pilot)
    form = app.screen
    form.query_one("#field-name").value = "[bold]Imprimerie\x1b]52;c;Zm9v\x07 Nouvelle"
    form.query_one("#field-category").value = "caterer"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "caterer" in shown(form.query_one("#error-category"))
    form.query_one("#field-category").value = "printer"
    form.query_one("#field-rating").value = "5"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        vendor = s.exec(select(Vendor).where(Vendor.name.contains("Nouvelle"))).one()
    assert vendor.name == "[bold]Imprimerie]52;c;Zm9v Nouvelle" and vendor.rating == 5  # control bytes gone, markup kept as typed
    await pilot.press("slash", *"Nouvelle", "enter")
    await settle(app, pilot)
    assert app.screen.table("vendors").current_row.id == vendor.id
    await pilot.press("e")
    await settle(app, pilot)
    app.screen.query_one("#field-rating").value = "9"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "from 1 to 5" in shown(app.screen.query_one("#error-rating"))
    app.screen.query_one("#field-rating").value = "2"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "VendorHistoryScreen"
    assert "[bold]Imprimerie" in shown(app.screen.query_one("#vendor-body"))
    with app.services.store.reading() as s:
        assert s.get(Vendor, vendor.id).rating == 2


async def csv_with_a_bad_row_imports_nothing_and_names_the_row(app, pilot, tmp_path) -> None:
    bad = tmp_path / "releve.csv"
    bad.write_text("Date;Libellé;Montant\n02/11/2026;Papier;-10,00\n03/11/2026;Encre;-12,5,3\n", "utf-8")
    await open_pane(app, pilot, "budget")
    await pilot.press("i")
    await settle(app, pilot)
    dialog = app.screen
    assert dialog.query_one("#import-project").value  # the project under the cursor
    dialog.query_one("#import-file").value = str(bad)
    await pilot.press("enter")
    await settle(app, pilot)
    assert "line 3, column 'Montant'" in shown(dialog.query_one("#import-error"))
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        before = s.exec(select(func.count(Expense.id))).one()
    assert app.screen is dialog
    dialog.query_one("#import-file").value = str(FIXTURES / "bank_fr_latin1.csv")
    await pilot.press("ctrl+s")  # not previewed yet: refused
    await settle(app, pilot)
    assert "preview first" in shown(dialog.query_one("#import-error"))
    await pilot.press("enter")
    await settle(app, pilot)
    assert "4 expenses" in shown(dialog.query_one("#import-preview"))
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "AfternoonScreen"
    with app.services.store.reading() as s:
        assert s.exec(select(func.count(Expense.id))).one() == before + 4
