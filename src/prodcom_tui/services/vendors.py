"""The vendor directory and each vendor's history: quotes, orders, deliveries on time, spend."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_
from sqlmodel import select

from prodcom_tui.domain import vocab
from prodcom_tui.domain.afternoon import VendorHistory, VendorRow
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import BudgetLine, Delivery, Expense, PurchaseOrder, Quote, Vendor

from .base import ServiceBase, SqlSource, like, money, not_found
from .lookups import int_in


def _spend_by_vendor():  # noqa: ANN202
    return (select(Expense.vendor_id.label("vendor_id"), func.sum(Expense.amount_minor).label("spend"))
            .group_by(Expense.vendor_id).subquery())


class VendorService(ServiceBase):
    def source(self) -> SqlSource:
        """Every vendor with spend to date; the filter matches name, category or contact."""
        spend = _spend_by_vendor()

        def build(text: str):  # noqa: ANN202
            stmt = (select(Vendor, func.coalesce(spend.c.spend, 0))
                    .outerjoin(spend, spend.c.vendor_id == Vendor.id).order_by(Vendor.name, Vendor.id))
            if text:
                pattern = like(text)
                stmt = stmt.where(or_(Vendor.name.ilike(pattern, escape="\\"), Vendor.category.ilike(pattern, escape="\\"),
                                      Vendor.contact_name.ilike(pattern, escape="\\")))
            return stmt

        return SqlSource(self.store, build, lambda row: _vendor_row(row[0], row[1]))

    def names(self, text: str = "", limit: int = 20) -> list[str]:
        with self.store.reading() as s:
            return list(s.exec(select(Vendor.name).where(Vendor.name.ilike(like(text), escape="\\")).order_by(Vendor.name).limit(limit)))

    def save(self, values: dict[str, str], vendor_id: int | None = None) -> int:
        """Create (no id) or update a vendor from a form's values; InputError names the bad field."""
        data = _validated(values)
        verb = "update" if vendor_id else "create"
        with self.store.writing(f"vendor.{verb}", f"{'Edited' if vendor_id else 'New'} vendor: {data['name']}") as s:
            vendor = s.get(Vendor, vendor_id) if vendor_id else Vendor(name=data["name"])
            if vendor is None:
                raise not_found("vendor", vendor_id, "it was deleted meanwhile")
            clash = s.exec(select(Vendor.id).where(Vendor.name.ilike(data["name"]), Vendor.id != (vendor_id or -1))).first()
            if clash is not None:
                raise InputError(f"a vendor named {data['name']!r} already exists: pick another name", field="name")
            for key, value in data.items():
                setattr(vendor, key, value)
            s.add(vendor)
            s.flush()
            return int(vendor.id)

    def history(self, vendor_id: int) -> VendorHistory | None:
        with self.store.reading() as s:
            spend = _spend_by_vendor()
            row = s.exec(select(Vendor, func.coalesce(spend.c.spend, 0)).outerjoin(spend, spend.c.vendor_id == Vendor.id)
                         .where(Vendor.id == vendor_id)).first()
            if row is None:
                return None
            return self._history(s, _vendor_row(row[0], row[1]))

    def _history(self, s, vendor: VendorRow) -> VendorHistory:  # noqa: ANN001
        quotes = s.exec(select(Quote.received_on, Quote.requested_on, BudgetLine.name, Quote.status, Quote.amount_minor)
                        .join(BudgetLine, BudgetLine.id == Quote.budget_line_id).where(Quote.vendor_id == vendor.id)
                        .order_by(Quote.id.desc()).limit(50)).all()
        orders = s.exec(select(PurchaseOrder.issued_on, PurchaseOrder.number, BudgetLine.name, PurchaseOrder.amount_minor)
                        .join(BudgetLine, BudgetLine.id == PurchaseOrder.budget_line_id)
                        .where(PurchaseOrder.vendor_id == vendor.id).order_by(PurchaseOrder.issued_on.desc()).limit(50)).all()
        deliveries = s.exec(select(Delivery.expected_on, Delivery.actual_on, Delivery.description)
                            .join(PurchaseOrder, PurchaseOrder.id == Delivery.purchase_order_id)
                            .where(PurchaseOrder.vendor_id == vendor.id).order_by(Delivery.expected_on.desc())).all()
        done = [(e, a, d, a <= e) for e, a, d in deliveries if a is not None]
        on_time = None if not done else round(100 * sum(ok for *_, ok in done) / len(done))
        late_open = [(e, a, d, False) for e, a, d in deliveries if a is None and e < self.today]
        return VendorHistory(
            vendor, tuple((got or asked, need, st, None if amt is None else money(amt)) for got, asked, need, st, amt in quotes),
            tuple((d, n, need, money(a)) for d, n, need, a in orders), tuple((late_open + done)[:50]), on_time, vendor.spend,
        )


def _vendor_row(v: Vendor, spend: Any) -> VendorRow:
    return VendorRow(v.id, v.name, v.category, v.contact_name, v.email, v.phone, v.rating, v.notes, money(spend))


def _validated(values: dict[str, str]) -> dict[str, Any]:
    category = values.get("category", "other").strip().lower() or "other"
    if category not in vocab.VENDOR_CATEGORIES:
        raise InputError(f"the category {category!r} is unknown: type one of {', '.join(vocab.VENDOR_CATEGORIES)}", field="category")
    rating = int_in(values.get("rating", ""), 1, 5, "rating", "the rating") or 3
    return {
        "name": clean_text(values.get("name", ""), field="name", required=True, max_len=120),
        "category": category, "rating": rating,
        "contact_name": clean_text(values.get("contact", ""), field="contact", max_len=120),
        "email": clean_text(values.get("email", ""), field="email", max_len=120),
        "phone": clean_text(values.get("phone", ""), field="phone", max_len=40),
        "notes": clean_text(values.get("notes", ""), field="notes", max_len=2000),
    }
