"""The stand-up as the room lives it: `4`, space / → / ←, `f` for feedback, the countdown, and the theme."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import ContentSwitcher, Digits, Input, Static

from prodcom_tui.domain.standup import DecisionsSlide, PersonSlide, ProjectSlide
from pilot_wait import settle

SIZE = (120, 36)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def until_deck(app, pilot):
    """The database opens, then the deck loads, each in a worker: wait for both, however slow the machine."""
    for _ in range(200):
        await settle(app, pilot)
        if getattr(app.screen, "deck", None) is not None:
            return app.screen
    raise AssertionError("the stand-up never loaded")


async def open_standup(app, pilot):
    await settle(app, pilot)
    await pilot.press("4")
    screen = await until_deck(app, pilot)
    assert app.current_mode == "standup"
    return screen


async def back_to_the_first_slide(app, pilot):
    """Each check starts as on a freshly opened stand-up: on the slides, first slide shown, nothing open."""
    if app.current_mode != "standup":
        return await open_standup(app, pilot)
    await pilot.press("home")
    await settle(app, pilot)
    screen = app.screen
    assert screen.__class__.__name__ == "StandupScreen" and screen.index == 0
    return screen


async def test_theme_slides_counts_feedback_and_countdown(make_app, demo_path) -> None:
    """One app runs the checks below (each was a test with its own app; starting one cost more than most
    checks): first the theme from the morning, then each check from the first slide. Only the feedback
    check writes (a note for the second person), and no check after it reads notes."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await theme_is_the_standup_one_only_while_presenting(app, pilot)
        for check in (four_presents_people_then_projects_then_decisions, person_slide_shows_done_today_and_blocked_counts,
                      f_on_a_project_slide_writes_nothing, f_writes_a_feedback_note_for_the_person_on_the_slide,
                      countdown_runs_per_slide_and_says_over_time):
            await back_to_the_first_slide(app, pilot)
            await check(app, pilot, demo_path)


async def test_standup_seconds_setting_sets_the_turn(make_app, demo_path) -> None:
    db = sqlite3.connect(demo_path)
    db.execute("INSERT INTO setting (key, value) VALUES ('standup_seconds', '90')")
    db.commit()
    db.close()
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_standup(app, pilot)
        assert screen.deck.seconds_per_person == 90
        screen.timer.now = lambda: 0.0  # a frozen clock: the turn has just begun
        screen.timer.started, screen.timer.since, screen.timer.spent = 0.0, 0.0, {}
        screen._tick()
        assert screen.query_one("#bar-countdown Digits", Digits).value == "01:30"


@pytest.mark.parametrize("size", [(80, 24), (240, 70)])
async def test_every_slide_lays_out_from_80x24_to_240x70(make_app, demo_path, size) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=size) as pilot:
        screen = await open_standup(app, pilot)
        for _ in screen.deck.slides:
            view = screen.query_one(f"#{screen.query_one(ContentSwitcher).current}")
            title = view.query_one(".slide-title")
            assert title.region.width > 0 and view.region.bottom <= size[1] - 1  # above the footer
            for figure in view.query("Figure"):
                assert figure.region.height == 4 and figure.region.right <= size[0]
            await pilot.press("space")
            await pilot.pause()


async def test_prodcom_standup_opens_on_the_slides_and_keeps_the_other_modes(demo_path, clock) -> None:
    from prodcom_tui.services.facade import open_services
    from prodcom_tui.ui.standup_app import StandupFirstApp

    app = StandupFirstApp(lambda: open_services(demo_path, clock), "demo.db", clock.today(), offer_demo=False)
    async with app.run_test(size=SIZE) as pilot:
        await until_deck(app, pilot)
        assert app.current_mode == "standup"
        await pilot.press("1")
        await settle(app, pilot)
        assert app.current_mode == "morning"


async def theme_is_the_standup_one_only_while_presenting(app, pilot) -> None:
    await settle(app, pilot)
    before = app.theme
    await open_standup(app, pilot)
    assert app.theme == "prodcom-standup"
    await pilot.press("1")
    await settle(app, pilot)
    assert app.theme == before


async def four_presents_people_then_projects_then_decisions(app, pilot, demo_path) -> None:
    screen = app.screen
    deck = screen.deck
    kinds = [type(s) for s in deck.slides]
    people = kinds.count(PersonSlide)
    assert people == 8 and kinds[:people] == [PersonSlide] * people
    assert ProjectSlide in kinds and kinds[-1] is DecisionsSlide
    assert kinds.index(ProjectSlide) == people  # projects come after every person
    assert "Camille Laurent" in text_of(screen, "#person-title")
    assert f"Slide 1 of {len(deck.slides)}" in text_of(screen, "#bar-position")

    await pilot.press("space")
    await pilot.pause()
    assert "Chloé Bernard" in text_of(screen, "#person-title")
    await pilot.press("right")
    await pilot.press("left")
    await pilot.pause()
    assert "Chloé Bernard" in text_of(screen, "#person-title")
    assert "Slide 2 of" in text_of(screen, "#bar-position")

    for _ in range(people - 1):
        await pilot.press("space")
    await pilot.pause()
    assert screen.query_one(ContentSwitcher).current == "slide-project"
    assert "COBALT-VIVATECH" in text_of(screen, "#project-title")
    for _ in range(len(deck.slides)):
        await pilot.press("space")  # past the end it stays on the last slide
    await pilot.pause()
    assert screen.query_one(ContentSwitcher).current == "slide-decisions"
    assert "Decisions for today" in text_of(screen, "#decisions-title")


async def person_slide_shows_done_today_and_blocked_counts(app, pilot, demo_path) -> None:
    screen = app.screen
    await pilot.press("space", "space", "space", "space", "space")  # Julien Roux, the producer
    await pilot.pause()
    slide = screen.current
    assert slide.name == "Julien Roux"
    db = sqlite3.connect(demo_path)
    done = db.execute(
        "SELECT count(*) FROM task WHERE assignee_id = ? AND status = 'done' AND done_at >= '2026-11-25'", (slide.person_id,)
    ).fetchone()[0]
    db.close()
    assert len(slide.done) == done == 2
    assert screen.query_one("#fig-done Digits", Digits).value == "2"
    assert screen.query_one("#fig-blocked Digits", Digits).value == str(len(slide.blocked))
    late = [item for item in slide.today if item.note.startswith("late")]
    assert [item.note for item in late] == ["late 3 d", "late 2 d", "late 1 d"]  # the oldest first
    assert late[0].severity >= 2 and all(item.severity >= 1 for item in late)


async def f_writes_a_feedback_note_for_the_person_on_the_slide(app, pilot, demo_path) -> None:
    screen = app.screen
    await pilot.press("space")
    await pilot.pause()
    person = screen.current
    await pilot.press("f")
    await pilot.pause()
    assert isinstance(app.screen.query_one(Input), Input)
    await pilot.press(*"Great client call [bold]", "enter")
    for _ in range(200):  # the write, then the reload, each in a worker
        await settle(app, pilot)
        if screen.current.feedback_today:
            break
    assert app.screen is screen and screen.current.key == person.key  # still on the same person
    db = sqlite3.connect(demo_path)
    rows = db.execute("SELECT person_id, body FROM note WHERE body LIKE 'Great client call%'").fetchall()
    db.close()
    assert rows == [(person.person_id, "Great client call [bold]")]
    assert "1 feedback note today: Great client call [bold]" in text_of(screen, "#person-feedback")


async def f_on_a_project_slide_writes_nothing(app, pilot, demo_path) -> None:
    screen = app.screen
    await pilot.press("left", *["space"] * 8)
    await pilot.pause()
    assert isinstance(screen.current, ProjectSlide)
    await pilot.press("f")
    await pilot.pause()
    assert app.screen is screen
    db = sqlite3.connect(demo_path)
    before = db.execute("SELECT count(*) FROM note").fetchone()[0]
    db.close()
    await pilot.press("escape")
    db = sqlite3.connect(demo_path)
    assert db.execute("SELECT count(*) FROM note").fetchone()[0] == before
    db.close()


async def countdown_runs_per_slide_and_says_over_time(app, pilot, demo_path) -> None:
    screen = app.screen
    now = [1000.0]
    screen.timer.now = lambda: now[0]
    screen.timer.started, screen.timer.since, screen.timer.spent = 1000.0, 1000.0, {}
    now[0] += 30
    screen._tick()
    assert screen.query_one("#bar-countdown Digits", Digits).value == "01:30"
    await pilot.press("space")
    now[0] += 125
    screen._tick()
    await pilot.pause()
    assert screen.query_one("#bar-countdown Digits", Digits).value == "+00:05"
    assert "over time" in text_of(screen, "#bar-countdown .figure-caption")
    assert "02:35 elapsed" in text_of(screen, "#bar-elapsed")
    await pilot.press("left")  # back to the first person: their 30 s are still spent
    screen._tick()
    assert screen.query_one("#bar-countdown Digits", Digits).value == "01:30"
