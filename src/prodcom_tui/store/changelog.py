"""The change log: every ORM write inside `Store.writing()` is recorded with its before and after images.

Recording happens in the same transaction as the change, so undo and "what moved today" can never
disagree with the data.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, delete, insert, inspect, select, update
from sqlalchemy.orm import Session

from . import cascade
from .rowimage import jsonable as _jsonable
from .models import ChangeBatch, ChangeEntry, metadata

SKIP_TABLES = {"changebatch", "changeentry"}


def _image(obj: Any, *, before: bool = False) -> dict[str, Any]:
    """The row as a dict of column values; with before=True, the values loaded before this flush."""
    state = inspect(obj)
    row: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        value = getattr(obj, attr.key)
        if before:
            history = state.attrs[attr.key].history
            if history.deleted:
                value = history.deleted[0]
        row[attr.columns[0].name] = _jsonable(value)
    return row


def _key(obj: Any) -> str:
    return json.dumps([_jsonable(v) for v in inspect(obj).mapper.primary_key_from_instance(obj)])


def _ordered(objs: Any, *, children_first: bool) -> list[Any]:
    """Parents before children for inserts (and the reverse for deletes) so undo never trips a foreign key."""
    rank = {t.name: i for i, t in enumerate(metadata.sorted_tables)}
    return sorted(objs, key=lambda o: rank.get(inspect(o).mapper.local_table.name, 0), reverse=children_first)


def _entries(session: Session, cascaded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    groups = (
        ("create", _ordered(session.new, children_first=False)),
        ("update", list(session.dirty)),
        ("delete", _ordered(session.deleted, children_first=True)),
    )
    for action, objs in groups:
        if action == "delete":  # what the database cascades goes before the deletes that cause it
            found += cascaded
        for obj in objs:
            table = inspect(obj).mapper.local_table.name
            if table in SKIP_TABLES or (action == "update" and not session.is_modified(obj)):
                continue
            before = None if action == "create" else json.dumps(_image(obj, before=True))
            after = None if action == "delete" else json.dumps(_image(obj))
            found.append({"table_name": table, "row_key": _key(obj), "action": action, "before": before, "after": after})
    return found


def attach_recorder(session: Session, batch_id: int) -> None:
    """Record every flushed change of `session` under `batch_id`."""

    def before_flush(sess: Session, _ctx: Any, _instances: Any) -> None:
        sess.info["cascaded"] = _cascaded(sess)

    def after_flush(sess: Session, _ctx: Any) -> None:
        rows = _entries(sess, sess.info.pop("cascaded", []))
        if rows:
            sess.connection().execute(insert(ChangeEntry.__table__), [dict(r, batch_id=batch_id) for r in rows])

    from sqlalchemy import event

    event.listen(session, "before_flush", before_flush)
    event.listen(session, "after_flush", after_flush)


def _cascaded(session: Session) -> list[dict[str, Any]]:
    """Rows the database will delete or null out because of this flush's deletes, read before they go."""
    deleted = [o for o in session.deleted if inspect(o).mapper.local_table.name not in SKIP_TABLES]
    if not deleted:
        return []
    skip = {(inspect(o).mapper.local_table.name, _key(o)) for o in deleted}
    found: list[dict[str, Any]] = []
    for obj in _ordered(deleted, children_first=True):
        table = inspect(obj).mapper.local_table
        found += cascade.dependent_entries(session.connection(), table, [_image(obj, before=True)], skip)
    return found


def open_batch(session: Session, kind: str, summary: str, at: datetime) -> int:
    result = session.connection().execute(insert(ChangeBatch.__table__).values(kind=kind, summary=summary, at=at, undone=False))
    return int(result.inserted_primary_key[0])


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """JSON back to Python values of the column's type."""
    out = {}
    for name, value in row.items():
        col_type = table.c[name].type
        if value is not None and isinstance(col_type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(col_type, Date):
            value = date.fromisoformat(value)
        elif value is not None and isinstance(col_type, Boolean):
            value = bool(value)
        out[name] = value
    return out


def _where(table: Table, row_key: str):  # noqa: ANN202
    values = json.loads(row_key)
    return [col == val for col, val in zip(table.primary_key.columns, _typed_key(table, values))]


def _typed_key(table: Table, values: list[Any]) -> list[Any]:
    names = [c.name for c in table.primary_key.columns]
    typed = _typed(table, dict(zip(names, values)))
    return [typed[n] for n in names]


def _reverse(session: Session, entry: ChangeEntry) -> None:
    table = metadata.tables[entry.table_name]
    conn = session.connection()
    if entry.action == "create":
        conn.execute(delete(table).where(*_where(table, entry.row_key)))
    elif entry.action == "update":
        conn.execute(update(table).where(*_where(table, entry.row_key)).values(**_typed(table, json.loads(entry.before))))
    else:
        conn.execute(insert(table).values(**_typed(table, json.loads(entry.before))))


def last_batch(session: Session) -> ChangeBatch | None:
    stmt = select(ChangeBatch).where(ChangeBatch.undone == False).order_by(ChangeBatch.id.desc()).limit(1)  # noqa: E712
    return session.scalars(stmt).first()


def undo_batch(session: Session, batch: ChangeBatch) -> None:
    """Reverse every entry of the batch, newest first, then mark it undone."""
    entries = session.scalars(
        select(ChangeEntry).where(ChangeEntry.batch_id == batch.id).order_by(ChangeEntry.id.desc())
    ).all()
    for entry in entries:
        _reverse(session, entry)
    session.connection().execute(update(ChangeBatch.__table__).where(ChangeBatch.id == batch.id).values(undone=True))
    session.expire_all()
