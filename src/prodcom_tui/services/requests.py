"""The requests inbox: capture and triage what arrives by mail, phone, chat or meeting."""

from __future__ import annotations

from prodcom_tui.domain import vocab
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import Request

from .base import ServiceBase


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
