"""The stand-up deck's rules: who is on it, what counts as done since the last stand-up, at risk, decisions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

import pytest

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money
from prodcom_tui.domain.standup import Deck, DecisionsSlide, PersonSlide, TurnTimer, clock_face, is_at_risk
from prodcom_tui.store.errors import StoreError


@dataclass(frozen=True)
class FakeRoadblock:
    kind: str
    project_id: int
    project_code: str
    what: str
    since: date
    severity: int
    target_mode: str = "afternoon"
    target: str = "delivery"
    target_id: int = 1
    person_id: int | None = None


def test_done_since_the_previous_working_day_monday_looks_back_to_friday(services, demo_path) -> None:
    db = sqlite3.connect(demo_path)
    db.execute("UPDATE task SET status = 'done', done_at = '2026-11-20 17:00:00' WHERE id = (SELECT min(id) FROM task WHERE assignee_id = 1 AND status = 'todo')")
    db.execute("UPDATE task SET status = 'done', done_at = '2026-11-19 17:00:00' WHERE id = (SELECT max(id) FROM task WHERE assignee_id = 1 AND status = 'todo')")
    db.commit()
    db.close()
    from prodcom_tui.domain.clock import Clock

    services.store.clock = Clock(date(2026, 11, 23))  # a Monday: the last stand-up was on Friday 20
    camille = next(s for s in services.standup.deck().slides if isinstance(s, PersonSlide) and s.person_id == 1)
    assert camille.since == date(2026, 11, 20)
    assert [item.note for item in camille.done] == ["Fri 17:00"]


def test_roadblocks_go_to_their_person_and_their_project(services) -> None:
    blocks = [
        FakeRoadblock("late_delivery", 1, "VERA-PRINTEMPS", "Print run late", date(2026, 11, 20), 3, person_id=1),
        FakeRoadblock("risk", 1, "VERA-PRINTEMPS", "Paper shortage", date(2026, 11, 1), 1, target="risk", person_id=2),
    ]
    deck = services.standup.deck(blocks)
    people = {s.person_id: s for s in deck.slides if isinstance(s, PersonSlide)}
    assert [r.title for r in people[1].roadblocks] == ["Print run late"]
    assert people[1].roadblocks[0].note == "late delivery since Fri 20 Nov"
    assert [r.title for r in people[2].roadblocks] == ["Paper shortage"]
    vera = next(s for s in deck.slides if s.key == "project:1")
    assert "Print run late" in [r.title for r in vera.reasons]


def test_without_the_report_a_severe_roadblock_puts_a_project_at_risk(services) -> None:
    calm = services.standup.deck([], health={})
    assert not [s for s in calm.slides if s.key.startswith("project:")]
    severe = [FakeRoadblock("late_delivery", 3, "X", "Late", date(2026, 11, 20), 3)]
    rule = services.standup.deck(severe, health=None)
    assert "project:3" in [s.key for s in rule.slides]


def test_report_health_decides_and_off_track_comes_first(services) -> None:
    health = {1: ("at_risk", ("forecast over",)), 2: ("off_track", ("late by 9 days",)), 3: ("on_track", ())}
    slides = [s for s in services.standup.deck([], health=health).slides if s.key.startswith("project:")]
    assert [(s.project_id, s.health) for s in slides] == [(2, "■ off track"), (1, "▲ at risk")]
    assert slides[0].reasons[0].title == "late by 9 days"


def test_decisions_slide_counts_what_the_database_holds(services, demo_path) -> None:
    deck = services.standup.deck()
    decisions = deck.slides[-1]
    assert isinstance(decisions, DecisionsSlide)
    groups = {g.label: g.items for g in decisions.groups}
    db = sqlite3.connect(demo_path)
    urgent = db.execute("SELECT count(*) FROM request WHERE status = 'open' AND urgency = 'urgent'").fetchone()[0]
    pending = db.execute(
        "SELECT count(*) FROM review r JOIN deliverable d ON d.id = r.deliverable_id JOIN project p ON p.id = d.project_id"
        " WHERE r.verdict = 'pending' AND p.status = 'live'"
    ).fetchone()[0]
    db.close()
    assert len(groups["urgent requests"]) == min(urgent, 6)
    assert len(groups["drafts to review"]) == min(pending, 6)
    assert all(" <" not in item.note for item in groups["urgent requests"])  # names, not mail addresses


def test_feedback_is_one_undoable_change_and_bad_input_saves_nothing(services) -> None:
    with pytest.raises(InputError):
        services.standup.add_feedback(1, "   ")
    with pytest.raises(InputError):
        services.standup.add_feedback(9999, "Well done")
    note_id = services.standup.add_feedback(1, "Well done on the key visual")
    assert services.standup.deck().slides[0].feedback_today == ("Well done on the key visual",)
    assert services.system.undo_last() == "Feedback note"
    assert services.standup.deck().slides[0].feedback_today == ()
    assert note_id > 0


def test_watcher_sees_a_commit_from_another_connection(services, demo_path) -> None:
    watcher = services.standup.watcher()
    try:
        assert watcher.changed() is False
        db = sqlite3.connect(demo_path)
        db.execute("INSERT INTO setting (key, value) VALUES ('standup_seconds', '60')")
        db.commit()
        db.close()
        assert watcher.changed() is True
        assert watcher.changed() is False  # once per commit
    finally:
        watcher.close()


def test_a_read_only_store_refuses_feedback(demo_path, clock) -> None:
    from prodcom_tui.services.facade import open_services

    viewer = open_services(demo_path, clock, read_only=True)
    try:
        with pytest.raises(StoreError):
            viewer.standup.add_feedback(1, "Nice")
    finally:
        viewer.close()


def test_deck_keeps_the_slide_it_was_on() -> None:
    slides = (DecisionsSlide(()),)
    deck = Deck(date(2026, 11, 26), 120, slides)
    assert deck.index_of("decisions", 5) == 0
    assert deck.index_of("person:99", 5) == 0  # gone: the nearest slide that exists


def test_turn_timer_and_clock_face() -> None:
    now = [0.0]
    timer = TurnTimer(120, lambda: now[0])
    timer.show("a")
    now[0] = 50
    timer.show("b")
    now[0] = 180
    assert timer.remaining() == -10 and clock_face(timer.remaining()) == "+00:10"
    timer.show("a")
    assert timer.remaining() == 70 and clock_face(70) == "01:10"
    assert timer.elapsed() == 180


def test_at_risk_rule() -> None:
    assert is_at_risk(1, Money(0, "EUR"), Money(0, "EUR"), Money(0, "EUR"))
    assert is_at_risk(0, Money(100, "EUR"), Money(101, "EUR"), Money(0, "EUR"))
    assert is_at_risk(0, Money(100, "EUR"), Money(50, "EUR"), Money(50, "EUR"), over_lines=1)
    assert not is_at_risk(0, Money(100, "EUR"), Money(100, "EUR"), Money(90, "EUR"))
