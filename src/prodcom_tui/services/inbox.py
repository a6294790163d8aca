"""The requests inbox as the morning shows it: the open requests, windowed, and their counts.

Plain SQL (services/reading.py) so the morning screen can show them before SQLAlchemy is loaded;
capturing, triaging and archiving requests are writes, in services/requests.py.
"""

from __future__ import annotations

from prodcom_tui.domain.morning import RequestRow

from .base import ServiceBase, like
from .reading import TextSource, day, like_any, moment, names_like, rows

COUNTS = "SELECT COUNT(*), SUM(CASE WHEN urgency = 'urgent' THEN 1 ELSE 0 END) FROM request WHERE status = 'open'"
COLUMNS = "r.id, r.source, r.requester, r.subject, r.received_at, r.urgency, r.wanted_on, p.code"
ORDER = "CASE WHEN r.urgency = 'urgent' THEN 0 ELSE 1 END, r.received_at, r.id"  # urgent first, then the oldest
OPEN = "FROM request r LEFT JOIN project p ON p.id = r.project_id WHERE r.status = 'open'"
FILTER = like_any(("r.subject", "r.requester", "r.source"), names_like("r.project_id", "project", ("code",)))


class InboxService(ServiceBase):
    def counts(self) -> tuple[int, int]:
        """(open, urgent) requests, for the pane's title."""
        with rows(self.store) as run:
            total, urgent = run(COUNTS, {})[0]
        return int(total), int(urgent or 0)

    def open_source(self) -> TextSource:
        """Open requests, urgent first, then the oldest, filtered in SQL."""

        def build(text: str) -> tuple[str, dict]:
            return (f"{OPEN} AND {FILTER}", {"pattern": like(text)}) if text else (OPEN, {})

        return TextSource(self.store, COLUMNS, ORDER, build, _row)


def _row(row: tuple) -> RequestRow:
    rid, source, requester, subject, received, urgency, wanted, code = row
    return RequestRow(rid, source, requester, subject, moment(received), urgency, day(wanted), code)
