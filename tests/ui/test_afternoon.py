"""The afternoon as a producer lives it: keys pressed, then the screen and the database checked."""

from __future__ import annotations

from sqlmodel import func, select

from prodcom_tui.store.models import Delivery, Expense, PurchaseOrder, Quote

from afternoon_helpers import SIZE, as_opened, open_pane, put_cursor, shown
from pilot_wait import settle


def need_with(services, priced: int) -> tuple[Quote, list[Quote]]:  # noqa: ANN001
    """A devis still open whose need has exactly `priced` devis with an amount."""
    with services.store.reading() as s:
        for quote in s.exec(select(Quote).where(Quote.status == "received").order_by(Quote.id)):
            need = s.exec(select(Quote).where(Quote.budget_line_id == quote.budget_line_id)).all()
            if sum(q.amount_minor is not None for q in need) == priced and quote.amount_minor >= 100_000:
                return quote, [q for q in need if q.id != quote.id]
    raise AssertionError(f"the demo has no open need with {priced} priced devis")


def committed(services, line_id: int) -> int:  # noqa: ANN001
    with services.store.reading() as s:
        return s.exec(select(func.coalesce(func.sum(PurchaseOrder.amount_minor), 0))
                      .where(PurchaseOrder.budget_line_id == line_id)).one()


async def test_goto_deliveries_quotes_and_budget_lines(make_app, demo_path) -> None:
    """One app runs the checks below, each as on a freshly opened afternoon (`as_opened`): starting an app cost
    more than most checks. Order matters only this far: the goto starts from the morning, as a roadblock's enter
    does; the quote checks work on different needs (the first undoes its accept), the budget checks count only
    the expenses they type and the line they re-estimate."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await goto_lands_on_the_item(app, pilot)
        await as_opened(app, pilot)
        await a_late_delivery_received_leaves_the_roadblocks(app, pilot)
        await as_opened(app, pilot)
        await accept_with_A_orders_commits_declines_and_one_undo_restores_all(app, pilot)
        await as_opened(app, pilot)
        await fewer_than_three_devis_above_the_threshold_asks_why(app, pilot)
        await as_opened(app, pilot)
        await expense_in_french_and_english_notation_both_store_123456(app, pilot)
        await as_opened(app, pilot)
        await re_estimate_a_line_refuses_a_negative_cost(app, pilot)


async def goto_lands_on_the_item(app, pilot) -> None:
    await settle(app, pilot)
    line = app.services.budget.projects()[-1].lines[-1]  # the bottom of the pane: the cursor must travel
    late = next(r for r in app.services.roadblocks.list() if r.kind == "late_delivery")
    await app.goto("afternoon", "budget_line", line.id)
    await settle(app, pilot)
    assert app.screen.pane == "budget" and app.screen.query_one("#budget-lines").current_line_id() == line.id
    await app.goto("afternoon", "delivery", late.target_id)
    await settle(app, pilot)
    assert app.screen.pane == "deliveries" and app.screen.table("deliveries").current_row.id == late.target_id


async def a_late_delivery_received_leaves_the_roadblocks(app, pilot) -> None:
    await open_pane(app, pilot, "deliveries")
    row = app.screen.table("deliveries").current_row
    assert row.late
    late = [r.target_id for r in app.services.roadblocks.list() if r.kind == "late_delivery"]
    assert row.id in late
    await pilot.press("r")
    await settle(app, pilot)
    app.screen.query_one("#field-date").value = "31/02"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert "no 31 February" in str(app.screen.query_one("#error-date").render())
    app.screen.query_one("#field-date").value = "today"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        delivery = s.get(Delivery, row.id)
    assert delivery.status == "received" and delivery.actual_on.isoformat() == "2026-11-26" and delivery.quality_ok
    assert row.id not in [r.target_id for r in app.services.roadblocks.list() if r.kind == "late_delivery"]
    assert app.screen.table("deliveries").row_at(0).id != row.id  # the late one left the top


async def accept_with_A_orders_commits_declines_and_one_undo_restores_all(app, pilot) -> None:
    await open_pane(app, pilot, "quotes")
    quote, others = need_with(app.services, 3)
    before = committed(app.services, quote.budget_line_id)
    put_cursor(app, "quotes", quote.id)
    await pilot.press("A")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "AfternoonScreen"  # three devis: no question asked
    with app.services.store.reading() as s:
        assert s.get(Quote, quote.id).status == "accepted"
        assert {s.get(Quote, o.id).status for o in others} == {"declined"}
        po = s.exec(select(PurchaseOrder).where(PurchaseOrder.quote_id == quote.id)).one()
    assert po.amount_minor == quote.amount_minor and po.number.startswith("BC-2026-")
    assert committed(app.services, quote.budget_line_id) == before + quote.amount_minor
    row = app.screen.table("quotes").current_row
    assert row.id == quote.id and row.status == "accepted"
    await pilot.press("u")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.get(Quote, quote.id).status == quote.status
        assert [s.get(Quote, o.id).status for o in others] == [o.status for o in others]
        assert s.exec(select(func.count(PurchaseOrder.id)).where(PurchaseOrder.quote_id == quote.id)).one() == 0
    assert committed(app.services, quote.budget_line_id) == before


async def fewer_than_three_devis_above_the_threshold_asks_why(app, pilot) -> None:
    await open_pane(app, pilot, "quotes")
    quote, _ = need_with(app.services, 2)
    put_cursor(app, "quotes", quote.id)
    await pilot.press("c")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "QuoteCompareScreen"
    body = shown(app.screen.query_one("#compare-body"))
    assert "cheapest" in body and "vs budget" in body
    await pilot.press("A")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "ConfirmScreen"
    assert "only 2 quotes" in app.screen.message and "threshold" in app.screen.message
    await pilot.press("n")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.get(Quote, quote.id).status == "received"
    await pilot.press("A")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "ConfirmScreen", (app.screen, app.screen.table("quotes").current_row)
    await pilot.press("y")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        assert s.get(Quote, quote.id).status == "accepted"


async def expense_in_french_and_english_notation_both_store_123456(app, pilot) -> None:
    await open_pane(app, pilot, "budget")
    await pilot.press("down", "down")  # from the first project's title to its second line
    for typed in ("12,5,3", "1 234,56 €", "€1,234.56"):
        await pilot.press("e")
        await settle(app, pilot)
        assert app.screen.query_one("#field-project").value  # prefilled from the line under the cursor
        app.screen.query_one("#field-amount").value = typed
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        if typed == "12,5,3":
            assert "misplaced" in str(app.screen.query_one("#error-amount").render())
            await pilot.press("escape")
            await settle(app, pilot)
    with app.services.store.reading() as s:
        amounts = s.exec(select(Expense.amount_minor).where(Expense.import_key.like("typed:%"))).all()
    assert amounts == [123456, 123456]


async def re_estimate_a_line_refuses_a_negative_cost(app, pilot) -> None:
    await open_pane(app, pilot, "budget")
    await pilot.press("down")
    line_id = app.screen.query_one("#budget-lines").current_line_id()
    before = app.services.budget.line(line_id)
    await pilot.press("E")
    await settle(app, pilot)
    for bad, message in (("-50", "negative"), ("NaN", "not a number"), ("1e3", "exponent")):
        app.screen.query_one("#field-amount").value = bad
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert message in shown(app.screen.query_one("#error-amount"))
        assert app.services.budget.line(line_id).estimate == before.estimate
    app.screen.query_one("#field-amount").value = "€1,234.56"
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert app.services.budget.line(line_id).estimate.minor == 123456
