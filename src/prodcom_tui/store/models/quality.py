"""Quality control, risks and feedback."""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime  # local wall-clock time: the producer's 'today' is local

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from prodcom_tui.domain import vocab

from ._base import between, one_of


class ChecklistItem(SQLModel, table=True):
    """One line of a project's brand checklist (charte graphique)."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    label: str = Field(max_length=80)
    position: int = 0


class Review(SQLModel, table=True):
    """A review round of a deliverable's draft."""

    id: int | None = Field(default=None, primary_key=True)
    deliverable_id: int = Field(foreign_key="deliverable.id", index=True, ondelete="CASCADE")
    round: int = 1
    submitted_on: date
    verdict: str = Field(default="pending", max_length=20)
    feedback: str = Field(default="", max_length=4000)
    reviewer_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    reviewed_on: date | None = None
    is_bat: bool = False  # the final print approval: the bon à tirer
    signed_by: str | None = Field(default=None, max_length=80)
    signed_at: NaiveDatetime | None = None

    __table_args__ = (
        one_of("verdict", vocab.REVIEW_VERDICTS),
        UniqueConstraint("deliverable_id", "round", name="uq_review_round"),
        Index("ix_review_verdict", "verdict", "submitted_on"),
    )


class ReviewCheck(SQLModel, table=True):
    review_id: int = Field(foreign_key="review.id", primary_key=True, ondelete="CASCADE")
    item_id: int = Field(foreign_key="checklistitem.id", primary_key=True, ondelete="CASCADE")
    checked: bool = False


class Risk(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    title: str = Field(max_length=200)
    likelihood: int = 3
    impact: int = 3
    mitigation: str = Field(default="", max_length=1000)
    contingency: str = Field(default="", max_length=1000)
    owner_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    status: str = Field(default="open", max_length=12)
    review_on: date | None = None
    created_on: date | None = None

    __table_args__ = (
        between("likelihood", 1, 5),
        between("impact", 1, 5),
        one_of("status", vocab.RISK_STATUSES),
        Index("ix_risk_status", "status"),
    )


class Note(SQLModel, table=True):
    """Feedback written to a team member."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    task_id: int | None = Field(default=None, foreign_key="task.id", ondelete="SET NULL")
    body: str = Field(max_length=2000)
    created_at: NaiveDatetime


class HealthLog(SQLModel, table=True):
    """Every manual override of a project's status, with its comment, kept as history."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    at: NaiveDatetime
    health: str | None = Field(default=None, max_length=20)
    comment: str = Field(default="", max_length=200)
