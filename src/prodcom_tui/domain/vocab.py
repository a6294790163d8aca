"""The words of the trade, as the closed lists the store and the screens share."""

from __future__ import annotations

PROJECT_KINDS = ("campaign", "print", "video", "event", "social", "photo")
PROJECT_STATUSES = ("live", "on_hold", "done", "archived")
HEALTH = ("on_track", "at_risk", "off_track")

DELIVERABLE_KINDS = ("print", "video", "digital", "photo", "event", "social")
DELIVERABLE_STATUSES = ("planned", "in_progress", "in_review", "approved", "delivered")

TASK_STATUSES = ("todo", "doing", "done", "cancelled")
OPEN_TASK_STATUSES = ("todo", "doing")
PRIORITIES = (1, 2, 3)  # 1 high, 2 normal, 3 low

REQUEST_SOURCES = ("email", "phone", "chat", "meeting")
REQUEST_URGENCIES = ("normal", "urgent")
REQUEST_STATUSES = ("open", "triaged", "archived")

VENDOR_CATEGORIES = ("printer", "photographer", "video", "media", "events", "other")

QUOTE_STATUSES = ("requested", "received", "negotiating", "accepted", "declined")
PO_STATUSES = ("open", "closed", "cancelled")
DELIVERY_STATUSES = ("scheduled", "shipped", "received", "partial")

REVIEW_VERDICTS = ("pending", "changes_requested", "approved")

RISK_STATUSES = ("open", "mitigating", "closed", "occurred")
ROADBLOCK_RISK_SCORE = 15

CHANGE_ACTIONS = ("create", "update", "delete")

DEFAULT_CHECKLIST = (
    "Logo use",
    "Colours",
    "Typography",
    "Tone of voice",
    "Legal mentions",
    "Spelling",
)


def sql_in(values: tuple) -> str:
    """Render a closed list for a CHECK constraint; values are our own constants, never input."""
    return ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values)
