"""The stand-up's last slide: what someone has to decide today, grouped by the kind of decision."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import select

from prodcom_tui.domain.dates import FRENCH_HOLIDAYS, working_days_between
from prodcom_tui.domain.money import format_money
from prodcom_tui.domain.standup import DecisionGroup, DecisionsSlide, SlideItem
from prodcom_tui.domain.vocab import ROADBLOCK_RISK_SCORE
from prodcom_tui.store.models import BudgetLine, Deliverable, Project, Quote, Request, Review, Risk

from .base import money

PER_GROUP = 6  # the whole slide must fit a wall screen; the rest is in the afternoon and evening screens
OPEN_QUOTES = ("received", "negotiating")


def decisions_slide(s, today: date) -> DecisionsSlide:  # noqa: ANN001
    groups = (
        DecisionGroup("quotes to choose", _quotes_to_choose(s), "€"),
        DecisionGroup("drafts to review", _drafts_waiting(s, today), "✎"),
        DecisionGroup("urgent requests", _urgent_requests(s), "!"),
        DecisionGroup("risks to review", _risks_due(s, today), "⚠"),
    )
    return DecisionsSlide(groups)


def _quotes_to_choose(s) -> tuple[SlideItem, ...]:  # noqa: ANN001
    """Needs with quotes in hand and none accepted yet: pick one, or ask for more."""
    accepted = select(Quote.budget_line_id).where(Quote.status == "accepted")
    stmt = (
        select(BudgetLine.name, Project.code, func.count(Quote.id), func.min(Quote.amount_minor), BudgetLine.currency)
        .join(Quote, Quote.budget_line_id == BudgetLine.id)
        .join(Project, Project.id == BudgetLine.project_id)
        .where(Project.status == "live", Quote.status.in_(OPEN_QUOTES), BudgetLine.id.not_in(accepted))
        .group_by(BudgetLine.id)
        .order_by(func.count(Quote.id).desc(), Project.code, BudgetLine.name)
        .limit(PER_GROUP)
    )
    return tuple(
        SlideItem(name, code, f"{n} quote{'s' if n != 1 else ''}, from {format_money(money(low, cur))}", 0 if n >= 3 else 1)
        for name, code, n, low, cur in s.exec(stmt)
    )


def _drafts_waiting(s, today: date) -> tuple[SlideItem, ...]:  # noqa: ANN001
    stmt = (
        select(Deliverable.name, Project.code, Review.round, Review.submitted_on)
        .join(Deliverable, Deliverable.id == Review.deliverable_id)
        .join(Project, Project.id == Deliverable.project_id)
        .where(Project.status == "live", Review.verdict == "pending")
        .order_by(Review.submitted_on, Project.code)
        .limit(PER_GROUP)
    )
    items = []
    for name, code, round_, submitted in s.exec(stmt):
        waited = working_days_between(submitted, today, FRENCH_HOLIDAYS)
        items.append(SlideItem(name, code, f"round {round_}, waiting {waited} d", 2 if waited >= 3 else 0))
    return tuple(items)


def _urgent_requests(s) -> tuple[SlideItem, ...]:  # noqa: ANN001
    stmt = (
        select(Request.subject, Project.code, Request.requester, Request.received_at)
        .outerjoin(Project, Project.id == Request.project_id)
        .where(Request.status == "open", Request.urgency == "urgent")
        .order_by(Request.received_at)
        .limit(PER_GROUP)
    )
    return tuple(
        SlideItem(subject, code or "", f"from {_name(who)}, {at:%a %H:%M}", 2) for subject, code, who, at in s.exec(stmt)
    )


def _risks_due(s, today: date) -> tuple[SlideItem, ...]:  # noqa: ANN001
    """Open risks whose review date has come, or that score high enough to be a roadblock."""
    score = Risk.likelihood * Risk.impact
    stmt = (
        select(Risk.title, Project.code, score, Risk.review_on)
        .join(Project, Project.id == Risk.project_id)
        .where(Project.status == "live", Risk.status.in_(("open", "mitigating")))
        .where((Risk.review_on <= today) | (score >= ROADBLOCK_RISK_SCORE))
        .order_by(score.desc(), Risk.review_on)
        .limit(PER_GROUP)
    )
    return tuple(
        SlideItem(title, code, f"score {n}" + (f", review {when:%d %b}" if when else ""), 3 if n >= ROADBLOCK_RISK_SCORE else 1)
        for title, code, n, when in s.exec(stmt)
    )


def _name(requester: str | None) -> str:
    """`Karim Vasseur <karim@…>` reads as `Karim Vasseur` on a wall screen."""
    name = (requester or "").split("<")[0].strip().strip('"')
    return name or (requester or "someone").strip("<>")
