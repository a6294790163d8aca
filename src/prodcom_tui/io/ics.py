"""Deadlines and milestones as iCalendar, through the `icalendar` library so calendar apps accept it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from prodcom_tui.domain.report import CalendarItem
from prodcom_tui.domain.text import clean_text

PRODID = "-//prodcom//evening export//EN"


def to_ics(items: Iterable[CalendarItem], stamp: datetime) -> bytes:
    """One all-day VEVENT per item; `stamp` is the export time (DTSTAMP must be UTC)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "prodcom deadlines")
    utc = stamp.astimezone(timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", utc)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", clean_text(item.summary, max_len=300))
        event.add("description", clean_text(item.description, max_len=1000))
        event.add("categories", [item.category])
        event.add("transp", "TRANSPARENT")  # a deadline does not make the producer busy all day
        cal.add_component(event)
    return cal.to_ical()
