"""The timeline strip's pure layout: windows, zoom, milestone states and the cells of a lane."""

from __future__ import annotations

from datetime import date

from prodcom_tui.domain.timeline import ZOOMS, Lane, Milestone, Window, lane_cells, scale

TODAY = date(2026, 11, 26)


def test_window_shifts_by_weeks_and_zooms_between_three_spans() -> None:
    w = Window(TODAY)
    assert w.days == 42 and w.end == date(2027, 1, 6)
    assert w.shifted(1).start == date(2026, 12, 3) and w.shifted(-2).start == date(2026, 11, 12)
    assert w.zoomed(1).days == 91 and w.zoomed(1).zoomed(1).days == 91
    assert w.zoomed(-1).zoomed(-1).days == 14 == ZOOMS[0]


def test_columns_cover_the_strip_and_nothing_outside() -> None:
    w = Window(TODAY, 14)
    assert w.column(TODAY, 28) == 0 and w.column(date(2026, 12, 9), 28) == 26
    assert w.column(date(2026, 12, 10), 28) is None and w.column(date(2026, 11, 25), 28) is None


def test_milestone_states() -> None:
    assert Milestone(1, "a", date(2026, 11, 20), "delivered").state(TODAY) == "done"
    assert Milestone(1, "a", date(2026, 11, 20), "in_progress").state(TODAY) == "late"
    assert Milestone(1, "a", date(2026, 12, 2), "planned", overdue_tasks=2).state(TODAY) == "at_risk"
    assert Milestone(1, "a", date(2026, 12, 2), "planned").state(TODAY) == "milestone"


def test_lane_cells_mark_today_milestones_delivery_and_what_lies_beyond() -> None:
    lane = Lane(1, "X", "x", date(2026, 11, 1), date(2026, 12, 3), None, (
        Milestone(1, "late", date(2026, 11, 20), "planned"),
        Milestone(2, "next", date(2026, 11, 30), "planned"),
        Milestone(3, "after", date(2027, 3, 1), "planned"),
    ))
    cells = lane_cells(lane, Window(TODAY, 14), 14, TODAY)
    assert cells[0] == "late"  # the late milestone before the window is pinned to the left edge
    assert cells[4] == "milestone" and cells[7] == "delivery" and cells[-1] == "more"
    assert set(cells[8:-1]) == {"blank"} and set(cells[1:4]) == {"span"}
    assert lane.state(TODAY) == "late"
    calm = Lane(2, "Y", "y", TODAY, date(2026, 12, 20), None, ())
    assert lane_cells(calm, Window(TODAY, 14), 14, TODAY)[0] == "today" and calm.state(TODAY) == "ok"
    assert Lane(3, "Z", "z", TODAY, None, "at_risk").state(TODAY) == "at_risk"


def test_scale_labels_mondays_without_overlap() -> None:
    labels = scale(Window(TODAY, 91), 40)
    assert labels[0] == (1, "30/11")
    assert all(b[0] - a[0] >= 6 for a, b in zip(labels, labels[1:]))
