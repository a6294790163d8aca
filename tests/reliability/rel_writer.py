"""A writer that commits realistic compound changes and reports each one only after its commit returns.

Used by the kill test (forked, then SIGKILLed) and the two-instance test. Each change is one
`store.writing()` transaction, exactly as the services write:

- an invoice: an expense against an open purchase order, which closes the order (its budget effect:
  the commitment becomes an actual);
- a quote acceptance: three devis for a need, one accepted, the others declined, and its purchase order.
"""

from __future__ import annotations

import os
import random
from datetime import date
from pathlib import Path

from sqlmodel import select

from prodcom_tui.store.models import BudgetLine, Expense, Project, PurchaseOrder, Quote, Vendor

DAY = date(2026, 11, 26)


def seed(store) -> None:  # noqa: ANN001
    """One project, two budget lines and three vendors: enough for every change the writer makes."""
    with store.writing("seed", "seed") as s:
        s.add(Project(id=1, code="KILL", name="Kill test"))
        s.flush()  # tables without ORM relationships are flushed in no guaranteed order
        s.add(BudgetLine(id=1, project_id=1, name="Print", estimate_minor=10_000_000))
        s.add(BudgetLine(id=2, project_id=1, name="Video", estimate_minor=10_000_000))
        s.add_all([Vendor(id=i, name=f"Vendor {i}") for i in (1, 2, 3)])


def accept_quote(store, rng: random.Random) -> tuple[int, int]:  # noqa: ANN001
    """Three devis for one need, then the acceptance as one change: PO + accepted + the others declined."""
    with store.writing("quote.create", "a need and three devis") as s:
        need = BudgetLine(project_id=1, name="Need", estimate_minor=rng.randint(0, 900_000))
        s.add(need)
        s.flush()
        line = need.id  # one accepted devis per need, as `prodcom check` demands
        quotes = [Quote(budget_line_id=line, vendor_id=v, amount_minor=rng.randint(100, 900_000),
                        status="received", description="x" * rng.randint(0, 200)) for v in (1, 2, 3)]
        s.add_all(quotes)
        s.flush()
        ids = [q.id for q in quotes]
    chosen = rng.choice(ids)
    with store.writing("quote.accept", f"Devis #{chosen} accepted") as s:
        quote = s.get(Quote, chosen)
        po = PurchaseOrder(number=f"BC-{chosen}", quote_id=chosen, vendor_id=quote.vendor_id,
                           budget_line_id=quote.budget_line_id, amount_minor=quote.amount_minor, issued_on=DAY)
        s.add(po)
        quote.status = "accepted"
        for other in s.exec(select(Quote).where(Quote.id.in_(ids), Quote.id != chosen)):
            other.status = "declined"
        s.flush()
        return chosen, int(po.id)


def invoice(store, rng: random.Random) -> int | None:  # noqa: ANN001
    """The invoice of an open order: the expense and the order's closing are one change."""
    with store.writing("expense.create", "invoice") as s:
        po = s.exec(select(PurchaseOrder).where(PurchaseOrder.status == "open").limit(1)).first()
        if po is None:
            return None
        expense = Expense(budget_line_id=po.budget_line_id, vendor_id=po.vendor_id, purchase_order_id=po.id,
                          amount_minor=po.amount_minor, spent_on=DAY, description="y" * rng.randint(0, 200))
        s.add(expense)
        po.status = "closed"
        s.flush()
        return int(expense.id)


def run(path: Path, report_fd: int, seed_value: int, rounds: int = 1_000_000) -> None:
    """Open the file as prodcom does and write until killed; one line per commit, written after it returns."""
    from prodcom_tui.store.open import open_store

    rng = random.Random(seed_value)
    store = open_store(path)
    for _ in range(rounds):
        quote_id, po_id = accept_quote(store, rng)
        os.write(report_fd, f"Q {quote_id} {po_id}\n".encode())
        expense_id = invoice(store, rng)
        if expense_id is not None:
            os.write(report_fd, f"E {expense_id}\n".encode())
    store.dispose()
