"""People, projects, deliverables, tasks and requests: the producer's plan."""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime  # local wall-clock time: the producer's 'today' is local

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from prodcom_tui.domain import vocab

from ._base import between, one_of


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    handle: str = Field(max_length=30, unique=True)  # what `@handle` matches when capturing
    role: str = Field(max_length=60)
    email: str | None = Field(default=None, max_length=120)
    weekly_capacity_hours: int = Field(default=35)
    active: bool = Field(default=True)

    __table_args__ = (between("weekly_capacity_hours", 0, 80),)


class Project(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True)  # what `#code` matches when capturing
    name: str = Field(max_length=120)
    client: str = Field(default="", max_length=120)
    kind: str = Field(default="campaign", max_length=20)
    status: str = Field(default="live", max_length=20, index=True)
    start_on: date | None = None
    delivery_on: date | None = None
    currency: str = Field(default="EUR", max_length=3)
    owner_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    health_override: str | None = Field(default=None, max_length=20)
    health_comment: str = Field(default="", max_length=200)
    created_at: NaiveDatetime | None = None

    __table_args__ = (
        one_of("kind", vocab.PROJECT_KINDS),
        one_of("status", vocab.PROJECT_STATUSES),
        CheckConstraint(
            f"health_override IS NULL OR health_override IN ({vocab.sql_in(vocab.HEALTH)})",
            name="ck_health_override_allowed",
        ),
        CheckConstraint("length(currency) = 3", name="ck_project_currency"),
    )


class Deliverable(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    kind: str = Field(default="digital", max_length=20)
    due_on: date | None = None
    status: str = Field(default="planned", max_length=20)
    bat_signed_by: str | None = Field(default=None, max_length=80)
    bat_signed_at: NaiveDatetime | None = None

    __table_args__ = (
        one_of("kind", vocab.DELIVERABLE_KINDS),
        one_of("status", vocab.DELIVERABLE_STATUSES),
    )


class Task(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE")
    deliverable_id: int | None = Field(default=None, foreign_key="deliverable.id", ondelete="SET NULL")
    title: str = Field(max_length=200)
    assignee_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    due_on: date | None = None
    status: str = Field(default="todo", max_length=12)
    priority: int = Field(default=2)
    estimate_hours: int = Field(default=0)
    done_at: NaiveDatetime | None = None
    created_at: NaiveDatetime | None = None

    __table_args__ = (
        one_of("status", vocab.TASK_STATUSES),
        between("priority", 1, 3),
        between("estimate_hours", 0, 1000),
        CheckConstraint("(status = 'done') = (done_at IS NOT NULL)", name="ck_task_done_at"),
        Index("ix_task_status_due", "status", "due_on"),
        Index("ix_task_assignee_status", "assignee_id", "status"),
        Index("ix_task_project", "project_id", "status"),
    )


class TaskDependency(SQLModel, table=True):
    """`task_id` cannot start before `depends_on_id` is done."""

    task_id: int = Field(foreign_key="task.id", primary_key=True, ondelete="CASCADE")
    depends_on_id: int = Field(foreign_key="task.id", primary_key=True, index=True, ondelete="CASCADE")

    __table_args__ = (CheckConstraint("task_id <> depends_on_id", name="ck_dependency_not_self"),)


class Request(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(default="email", max_length=10)
    requester: str = Field(default="", max_length=120)
    subject: str = Field(max_length=200)
    body: str = Field(default="", max_length=20000)
    received_at: NaiveDatetime
    urgency: str = Field(default="normal", max_length=10)
    status: str = Field(default="open", max_length=10)
    wanted_on: date | None = None
    project_id: int | None = Field(default=None, foreign_key="project.id", ondelete="SET NULL")
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    task_id: int | None = Field(default=None, foreign_key="task.id", ondelete="SET NULL")
    message_id: str | None = Field(default=None, max_length=300)

    __table_args__ = (
        one_of("source", vocab.REQUEST_SOURCES),
        one_of("urgency", vocab.REQUEST_URGENCIES),
        one_of("status", vocab.REQUEST_STATUSES),
        CheckConstraint("subject <> ''", name="ck_request_subject"),
        UniqueConstraint("message_id", name="uq_request_message_id"),
        Index("ix_request_status", "status", "urgency", "received_at"),
    )
