"""The requests inbox: capture and triage what arrives by mail, phone, chat or meeting (the reads: services/inbox.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import select

from prodcom_tui.domain import vocab
from prodcom_tui.domain.capture import parse_capture
from prodcom_tui.domain.dates import parse_date
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.morning import RequestDetail, RequestRow
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Person, Project, Request, Task

from .base import ServiceBase, not_found
from .tasks import _person_id, _project_id

ROW_COLUMNS = (Request.id, Request.source, Request.requester, Request.subject, Request.received_at, Request.urgency,
               Request.wanted_on, Project.code)


class RequestService(ServiceBase):
    def create(self, subject: str, requester: str = "", source: str = "email", urgency: str = "normal") -> int:
        clean = clean_text(subject, field="subject", required=True, max_len=200)
        source, urgency = source.strip().lower() or "email", urgency.strip().lower() or "normal"
        if source not in vocab.REQUEST_SOURCES:
            raise InputError(f"source {source!r} is unknown: use one of {', '.join(vocab.REQUEST_SOURCES)}", field="source")
        if urgency not in vocab.REQUEST_URGENCIES:
            raise InputError(f"urgency {urgency!r} is unknown: use normal or urgent", field="urgency")
        with self.store.writing("request.create", f"New request: {clean}") as s:
            request = Request(
                subject=clean, requester=clean_text(requester, field="requester", max_len=120),
                source=source, urgency=urgency, received_at=self.store.clock.now(),
            )
            s.add(request)
            s.flush()
            return int(request.id)

    def capture(self, line: str, requester: str = "") -> int:
        """Save a one-line capture (`! subject @person #project ^date ~source`); unknown names are refused."""
        try:
            return self._capture(parse_capture(line, self.today), requester)
        except InputError as exc:
            raise exc.with_field("line") from None  # the form has one field: every error belongs beside it

    def _capture(self, c, requester: str) -> int:  # noqa: ANN001
        with self.store.writing("request.create", f"New request: {c.subject}") as s:
            request = Request(
                subject=c.subject, requester=clean_text(requester, field="requester", max_len=120), source=c.source,
                urgency="urgent" if c.urgent else "normal", received_at=self.store.clock.now(), wanted_on=c.wanted_on,
                project_id=_project_id(s, c.project) if c.project else None,
                person_id=_person_id(s, c.person, field="line") if c.person else None,
            )
            s.add(request)
            s.flush()
            return int(request.id)

    def detail(self, request_id: int) -> RequestDetail:
        with self.store.reading() as s:
            found = s.exec(select(*ROW_COLUMNS, Request.body, Request.status, Person.name, Request.message_id,
                                  Request.task_id)
                           .outerjoin(Project, Project.id == Request.project_id)
                           .outerjoin(Person, Person.id == Request.person_id).where(Request.id == request_id)).first()
        if found is None:
            raise not_found("request", request_id, "it may have been archived or undone")
        return RequestDetail(RequestRow(*found[:8]), *found[8:])

    def triage(self, request_id: int, title: str, project: str, assignee: str = "", due: str = "") -> int:
        """Turn a request into a task and link them, in one recorded change."""
        clean = clean_text(title, field="title", required=True, max_len=200)
        due_on = self._due(due)
        with self.store.writing("request.triage", f"Triaged into a task: {clean}") as s:
            request = s.get(Request, request_id)
            if request is None or request.status != "open":
                raise InputError("this request is no longer open: it was triaged or archived meanwhile")
            task = Task(project_id=_project_id(s, project), title=clean, due_on=due_on,
                        assignee_id=_person_id(s, assignee), created_at=self.store.clock.now(),
                        priority=1 if request.urgency == "urgent" else 2)
            s.add(task)
            s.flush()
            request.status, request.task_id = "triaged", task.id
            request.project_id, request.person_id = task.project_id, task.assignee_id
            return int(task.id)

    def _due(self, text: str) -> date | None:
        try:
            return parse_date(text, self.today) if text.strip() else None
        except InputError as exc:
            raise exc.with_field("due") from None

    def archive(self, ids: list[int]) -> int:
        if not ids:
            raise InputError("no request selected: move to a request or mark some with x")
        with self.store.writing("request.archive", f"Archived {len(ids)} request{'s' if len(ids) > 1 else ''}") as s:
            rows = list(s.exec(select(Request).where(Request.id.in_(ids), Request.status == "open")))
            for request in rows:
                request.status = "archived"
            return len(rows)

    def import_mail(self, items: Iterable, source_label: str) -> tuple[int, int]:
        """Add the messages not seen before (by Message-ID) as one recorded batch; returns (added, skipped)."""
        items = list(items)
        with self.store.reading() as s:
            known = _known_ids(s, [m.message_id for m in items])
        if all(m.message_id in known for m in items):
            return 0, len(items)  # nothing new: no empty batch for undo to trip over
        with self.store.writing("import.mail", f"Imported mail from {source_label}"[:300]) as s:
            seen = _known_ids(s, [m.message_id for m in items])  # again inside the write: another window may have imported
            added = 0
            for mail in items:
                if mail.message_id in seen:
                    continue
                seen.add(mail.message_id)
                s.add(Request(source="email", requester=mail.sender, subject=mail.subject, body=mail.body,
                              received_at=mail.received_at, urgency="urgent" if mail.urgent else "normal",
                              message_id=mail.message_id))
                added += 1
        return added, len(items) - added


def _known_ids(s, ids: list[str]) -> set[str]:  # noqa: ANN001
    known: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
        chunk = ids[start:start + 500]
        known.update(s.exec(select(Request.message_id).where(Request.message_id.in_(chunk))).all())
    return known
