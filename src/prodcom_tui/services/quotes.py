"""Devis per need, compared; accepting one is a single transaction: the order, the commitment, the others declined."""

from __future__ import annotations

from sqlalchemy import case, func, or_
from sqlmodel import select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.money import Money, format_money
from prodcom_tui.domain.quotes import QuoteRow, acceptance_warning
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import BudgetLine, Project, PurchaseOrder, Quote, Vendor

from .base import ServiceBase, SqlSource, like, not_found
from .lookups import amount_in, budget_line, date_in, int_in, project_id, vendor_id

OPEN = ("requested", "received", "negotiating")
LIVE = ("received", "negotiating")  # a devis with a price that can still be accepted


def _query():  # noqa: ANN202
    return (select(Quote, Project.code, BudgetLine.name, BudgetLine.estimate_minor, Vendor.name, Vendor.rating)
            .join(BudgetLine, BudgetLine.id == Quote.budget_line_id).join(Project, Project.id == BudgetLine.project_id)
            .join(Vendor, Vendor.id == Quote.vendor_id))


def _row(r) -> QuoteRow:  # noqa: ANN001
    q, code, need, estimate, vendor, rating = r
    amount = None if q.amount_minor is None else Money(q.amount_minor, q.currency)
    return QuoteRow(q.id, q.budget_line_id, code, need, q.vendor_id, vendor, rating, q.description, amount,
                    q.lead_days, q.valid_until, q.status, Money(estimate, q.currency))


class QuoteService(ServiceBase):
    def source(self) -> SqlSource:
        """Quotes of live projects, open ones first, grouped by need, cheapest first."""
        def build(text: str):  # noqa: ANN202
            stmt = _query().where(Project.status == "live").order_by(
                case((Quote.status.in_(OPEN), 0), else_=1), Project.code, BudgetLine.id,
                Quote.amount_minor.is_(None), Quote.amount_minor, Quote.id)
            if text:
                p = like(text)
                stmt = stmt.where(or_(Vendor.name.ilike(p, escape="\\"), Project.code.ilike(p, escape="\\"),
                                      BudgetLine.name.ilike(p, escape="\\"), Quote.status.ilike(p, escape="\\")))
            return stmt

        return SqlSource(self.store, build, _row)

    def of_need(self, need_id: int) -> list[QuoteRow]:
        with self.store.reading() as s:
            return [_row(r) for r in s.exec(_query().where(Quote.budget_line_id == need_id).order_by(Quote.id))]

    def create(self, values: dict[str, str]) -> int:
        """Record a devis: with an amount it is received, without it is only requested."""
        amount_text = values.get("amount", "").strip()
        amount = amount_in(amount_text) if amount_text else None
        lead = int_in(values.get("lead_days", ""), 0, 365, "lead_days", "the lead time")
        until = date_in(values["valid_until"], self.today, "valid_until") if values.get("valid_until", "").strip() else None
        description = clean_text(values.get("description", ""), field="description", max_len=200)
        with self.store.writing("quote.create", f"Devis recorded: {values.get('vendor', '').strip()}") as s:
            line = budget_line(s, project_id(s, values.get("project", "")), values.get("line", ""))
            quote = Quote(budget_line_id=line.id, vendor_id=vendor_id(s, values.get("vendor", "")), description=description,
                          amount_minor=amount, currency=line.currency, lead_days=lead, valid_until=until,
                          requested_on=self.today, received_on=self.today if amount is not None else None,
                          status="received" if amount is not None else "requested")
            s.add(quote)
            s.flush()
            return int(quote.id)

    def acceptance_warning(self, quote_id: int) -> str | None:
        """Why accepting this devis deserves a confirmation, or None."""
        from .system import SystemService

        threshold = SystemService(self.store).setting_int("quote_threshold_minor")
        with self.store.reading() as s:
            quote = self._acceptable(s, quote_id)
            priced = s.exec(select(func.count(Quote.id)).where(
                Quote.budget_line_id == quote.budget_line_id, Quote.amount_minor.is_not(None))).one()
        return acceptance_warning(Money(quote.amount_minor, quote.currency), int(priced), threshold)

    def accept(self, quote_id: int, *, confirmed: bool = False) -> str:
        """Accept a devis: purchase order, commitment and the need's other devis declined, in one undoable step."""
        warning = self.acceptance_warning(quote_id)
        if warning and not confirmed:
            raise InputError(warning, field="confirm")
        with self.store.writing("quote.accept", f"Devis #{quote_id} accepted") as s:
            quote = self._acceptable(s, quote_id)
            quote.status = "accepted"
            s.add(quote)
            for other in s.exec(select(Quote).where(Quote.budget_line_id == quote.budget_line_id, Quote.id != quote.id,
                                                   Quote.status.in_(OPEN))):
                other.status = "declined"
                s.add(other)
            number = self._next_number(s)
            s.add(PurchaseOrder(number=number, quote_id=quote.id, vendor_id=quote.vendor_id, budget_line_id=quote.budget_line_id,
                                amount_minor=quote.amount_minor, currency=quote.currency, issued_on=self.today))
            return f"{number} issued for {format_money(Money(quote.amount_minor, quote.currency))}"

    def _acceptable(self, s, quote_id: int) -> Quote:  # noqa: ANN001
        quote = s.get(Quote, quote_id)
        if quote is None:
            raise not_found("quote", f"#{quote_id}", "it was deleted meanwhile")
        if quote.status not in LIVE:
            why = "has no amount yet: record the price first" if quote.status == "requested" else f"is already {quote.status}"
            raise InputError(f"this devis {why}")
        return quote

    def _next_number(self, s) -> str:  # noqa: ANN001
        """BC-YYYY-NNNN, numbered from 1 each year."""
        prefix = f"BC-{self.today.year}-"
        last = s.exec(select(func.max(PurchaseOrder.number)).where(PurchaseOrder.number.like(f"{prefix}%"))).one()
        return f"{prefix}{(int(last.rsplit('-', 1)[1]) if last else 0) + 1:04d}"
