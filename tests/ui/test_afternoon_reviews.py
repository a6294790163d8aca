"""Draft reviews: approval needs every checklist item, print approval is the BAT, a change after it is a cost risk."""

from __future__ import annotations

from sqlmodel import select

from prodcom_tui.store.models import Deliverable, Review, ReviewCheck, Risk

from afternoon_helpers import SIZE, as_opened, open_pane, shown
from pilot_wait import settle


async def test_digital_then_print_approval(make_app, demo_path) -> None:
    """One app runs the checks below, each as on a freshly opened afternoon (`as_opened`): starting an app cost
    more than most checks. Order matters only this far: the digital draft (second row) is approved first; the
    print draft stays the oldest waiting one on the first row."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await a_digital_draft_is_approved_without_a_bat(app, pilot)
        await as_opened(app, pilot)
        await approval_refused_naming_the_unchecked_item_then_bat_then_change_is_a_risk(app, pilot)


async def a_digital_draft_is_approved_without_a_bat(app, pilot) -> None:
    await open_pane(app, pilot, "reviews")
    await pilot.press("down")
    row = app.screen.table("reviews").current_row
    assert row.kind != "print" and row.verdict == "pending"
    await pilot.press("enter")
    await settle(app, pilot)
    assert not app.screen.query_one("#review-signer").display
    checks = app.screen.query_one("#review-checks")
    checks.select_all()
    await pilot.press("a")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        review = s.get(Review, row.id)
    assert review.verdict == "approved" and not review.is_bat and review.signed_by is None


async def approval_refused_naming_the_unchecked_item_then_bat_then_change_is_a_risk(app, pilot) -> None:
    await open_pane(app, pilot, "reviews")
    row = app.screen.table("reviews").current_row
    assert row.verdict == "pending" and row.kind == "print"  # the demo's oldest waiting draft is a print poster
    await pilot.press("enter")
    await settle(app, pilot)
    review = app.screen
    labels = [c.label for c in review.detail.checks]
    unticked = [c.label for c in review.detail.checks if not c.checked]
    assert unticked
    await pilot.press("a")
    await settle(app, pilot)
    assert f"{unticked[0]!r} is not checked" in shown(review.query_one("#review-error"))
    with app.services.store.reading() as s:
        assert s.get(Review, row.id).verdict == "pending"
    for index, label in enumerate(labels):  # tick what is left, from the keyboard
        if label in unticked:
            review.query_one("#review-checks").highlighted = index
            await pilot.press("space")
    review.query_one("#review-signer").value = "Claire Vasseur"
    await pilot.press("a")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "AfternoonScreen"
    with app.services.store.reading() as s:
        done = s.get(Review, row.id)
        deliverable = s.get(Deliverable, row.deliverable_id)
        ticks = s.exec(select(ReviewCheck.checked).where(ReviewCheck.review_id == row.id)).all()
    assert done.verdict == "approved" and done.is_bat and done.signed_by == "Claire Vasseur" and done.signed_at
    assert deliverable.bat_signed_by == "Claire Vasseur" and deliverable.status == "approved" and all(ticks)

    table = app.screen.table("reviews")
    table.cursor = next(i for i in range(table.row_count) if table.row_at(i).id == row.id)
    await pilot.press("enter")
    await settle(app, pilot)
    assert app.screen.__class__.__name__ == "ReviewScreen", (app.focused, table.current_row)
    assert "BAT signed by Claire Vasseur" in shown(app.screen.query_one("#review-bat"))
    await pilot.press("c")
    await settle(app, pilot)
    assert "say what must change" in shown(app.screen.query_one("#review-error"))
    app.screen.query_one("#review-feedback").value = "Client wants the new logo after all"
    await pilot.press("shift+tab")  # back to the checklist: letters are keys again
    await pilot.press("c")
    await settle(app, pilot)
    with app.services.store.reading() as s:
        risks = s.exec(select(Risk).where(Risk.project_id == deliverable.project_id, Risk.title.contains("Change after BAT"))).all()
        rounds = s.exec(select(Review).where(Review.deliverable_id == row.deliverable_id).order_by(Review.round)).all()
    assert len(risks) == 1 and risks[0].likelihood * risks[0].impact >= 15
    assert rounds[-1].verdict == "changes_requested" and rounds[-1].round == done.round + 1
    assert rounds[-2].is_bat  # the signed BAT stays in the history
