"""The change log, settings, holidays, planning templates and campaign metrics."""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime  # local wall-clock time: the producer's 'today' is local

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from prodcom_tui.domain import vocab

from ._base import money_checks, one_of


class ChangeBatch(SQLModel, table=True):
    """One user action (accepting a quote, an import): undone as a whole."""

    id: int | None = Field(default=None, primary_key=True)
    at: NaiveDatetime = Field(index=True)
    kind: str = Field(max_length=40)  # e.g. task.done, quote.accept, import.expenses
    summary: str = Field(max_length=300)
    undone: bool = False


class ChangeEntry(SQLModel, table=True):
    """One row's change inside a batch, with the before and after images as JSON."""

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="changebatch.id", index=True, ondelete="CASCADE")
    table_name: str = Field(max_length=40)
    row_key: str = Field(max_length=80)  # JSON of the primary key
    action: str = Field(max_length=10)
    before: str | None = None
    after: str | None = None

    __table_args__ = (one_of("action", vocab.CHANGE_ACTIONS),)


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(max_length=2000)


class Holiday(SQLModel, table=True):
    day: date = Field(primary_key=True)
    label: str = Field(max_length=80)


class PlanTemplate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    kind: str = Field(default="campaign", max_length=20)

    __table_args__ = (one_of("kind", vocab.PROJECT_KINDS),)


class PlanTemplateStep(SQLModel, table=True):
    """A step of a retro-planning template, and its lead time in working days."""

    id: int | None = Field(default=None, primary_key=True)
    template_id: int = Field(foreign_key="plantemplate.id", index=True, ondelete="CASCADE")
    position: int
    title: str = Field(max_length=120)
    lead_days: int = 1
    role: str = Field(default="", max_length=60)

    __table_args__ = (CheckConstraint("lead_days >= 0", name="ck_step_lead_days"),)


class CampaignMetric(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
    day: date
    channel: str = Field(default="", max_length=40)
    reach: int = 0
    clicks: int = 0
    conversions: int = 0
    spend_minor: int = 0
    currency: str = Field(default="EUR", max_length=3)

    __table_args__ = (*money_checks("metric", "spend_minor"), Index("ix_metric_project_day", "project_id", "day"))
