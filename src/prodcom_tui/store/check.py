"""`prodcom check`: file integrity, references, and the business rules the schema cannot state."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from .errors import integrity_summary, is_damage
from .errors import first_line as _first_line
from .store import Store

# Each rule: (what is wrong, SQL returning the offending ids). Portable SQL only.
RULES: tuple[tuple[str, str], ...] = (
    ("triaged request without its task", "SELECT id FROM request WHERE status = 'triaged' AND task_id IS NULL"),
    (
        "accepted quote without a purchase order",
        "SELECT q.id FROM quote q WHERE q.status = 'accepted' AND NOT EXISTS "
        "(SELECT 1 FROM purchaseorder p WHERE p.quote_id = q.id AND p.status <> 'cancelled')",
    ),
    (
        "purchase order amount differs from its quote",
        "SELECT p.id FROM purchaseorder p JOIN quote q ON q.id = p.quote_id WHERE p.amount_minor <> q.amount_minor",
    ),
    (
        "more than one accepted quote for one need",
        "SELECT budget_line_id FROM quote WHERE status = 'accepted' "
        "GROUP BY budget_line_id, deliverable_id HAVING count(*) > 1",
    ),
    (
        "expense in another currency than its budget line",
        "SELECT e.id FROM expense e JOIN budgetline b ON b.id = e.budget_line_id WHERE e.currency <> b.currency",
    ),
    (
        "purchase order in another currency than its budget line",
        "SELECT p.id FROM purchaseorder p JOIN budgetline b ON b.id = p.budget_line_id WHERE p.currency <> b.currency",
    ),
    ("BAT approval without a signature", "SELECT id FROM review WHERE is_bat AND verdict = 'approved' AND signed_by IS NULL"),
    (
        "task and its dependency in different projects",
        "SELECT d.task_id FROM taskdependency d JOIN task a ON a.id = d.task_id JOIN task b ON b.id = d.depends_on_id "
        "WHERE a.project_id <> b.project_id",
    ),
)


def run_checks(store: Store) -> list[str]:
    try:
        with store.read_engine.connect() as conn:
            problems = _sqlite_checks(conn)
            if problems and problems[0].startswith("integrity"):
                return problems
            for what, sql in RULES:
                ids = [row[0] for row in conn.execute(text(sql))]
                if ids:
                    problems.append(f"{what}: {len(ids)} found (ids {_ids(ids)})")
            problems += _cycles(conn)
    except DBAPIError as exc:  # SQLite stops its own check at a page too damaged to walk
        if not is_damage(exc):
            raise
        return [f"integrity check failed: {_first_line(exc)}"]
    return problems


def _sqlite_checks(conn) -> list[str]:  # noqa: ANN001
    """SQLite's own checks; the only engine-specific SQL outside the engine factory, and read-only."""
    verdicts = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    if verdicts != ["ok"]:
        return [f"integrity check failed: {integrity_summary(verdicts)}"]
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        return [f"{len(broken)} broken references in {', '.join(tables)}"]
    return []


def _cycles(conn) -> list[str]:  # noqa: ANN001
    """Task dependencies must form no cycle, or nothing in the cycle could ever start."""
    graph: dict[int, list[int]] = defaultdict(list)
    for task, dep in conn.execute(text("SELECT task_id, depends_on_id FROM taskdependency")):
        graph[task].append(dep)
    cycle = find_cycle(graph)
    return [f"task dependencies form a cycle: {' -> '.join(map(str, cycle))}"] if cycle else []


def find_cycle(graph: dict[int, list[int]]) -> list[int] | None:
    """An iterative depth-first search (the large dataset would overflow recursion)."""
    state: dict[int, int] = {}
    for root in list(graph):
        if state.get(root):
            continue
        stack, path = [(root, iter(graph[root]))], [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(graph.get(child, []))))
                path.append(child)
    return None


def _ids(ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:5]))
    return shown + (", …" if len(ids) > 5 else "")
