"""Deliveries of purchase orders: late ones first; receiving one records the date and the quality."""

from __future__ import annotations

from sqlalchemy import and_, case, or_
from sqlmodel import select

from prodcom_tui.domain.afternoon import DeliveryRow
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import BudgetLine, Delivery, Project, PurchaseOrder, Vendor

from .base import ServiceBase, SqlSource, like, not_found
from .lookups import date_in

WAITING = ("scheduled", "shipped")  # not arrived yet: late once the expected day has passed


class DeliveryService(ServiceBase):
    def source(self) -> SqlSource:
        today = self.today
        late = and_(Delivery.status.in_(WAITING), Delivery.expected_on < today)

        def build(text: str):  # noqa: ANN202
            stmt = (select(Delivery, PurchaseOrder.number, Vendor.name, Project.code)
                    .join(PurchaseOrder, PurchaseOrder.id == Delivery.purchase_order_id)
                    .join(Vendor, Vendor.id == PurchaseOrder.vendor_id)
                    .join(BudgetLine, BudgetLine.id == PurchaseOrder.budget_line_id)
                    .join(Project, Project.id == BudgetLine.project_id)
                    .where(Project.status == "live")
                    .order_by(case((late, 0), (Delivery.status.in_(WAITING), 1), else_=2),
                              case((Delivery.status.in_(WAITING), Delivery.expected_on), else_=None),
                              Delivery.expected_on.desc(), Delivery.id))
            if text:
                p = like(text)
                stmt = stmt.where(or_(Vendor.name.ilike(p, escape="\\"), Project.code.ilike(p, escape="\\"),
                                      Delivery.description.ilike(p, escape="\\"), PurchaseOrder.number.ilike(p, escape="\\")))
            return stmt

        def to_row(r) -> DeliveryRow:  # noqa: ANN001
            d, number, vendor, code = r
            is_late = d.status in WAITING and d.expected_on < today
            return DeliveryRow(d.id, number, vendor, code, d.description, d.expected_on, d.actual_on, d.status,
                               is_late, d.quality_ok, d.issue_note)

        return SqlSource(self.store, build, to_row)

    def receive(self, delivery_id: int, values: dict[str, str]) -> str:
        """Mark a delivery received (or partial) on a date, with quality OK unless an issue is noted."""
        on = date_in(values.get("date", "") or "today", self.today)
        if on > self.today:
            raise InputError(f"{on:%d/%m/%Y} is in the future: a delivery is received on or before today", field="date")
        status = (values.get("status", "") or "received").strip().lower()
        if status not in ("received", "partial"):
            raise InputError(f"the status {status!r} is not one of received or partial", field="status")
        note = clean_text(values.get("issue", ""), field="issue", max_len=1000)
        with self.store.writing("delivery.receive", f"Delivery #{delivery_id} {status}") as s:
            d = s.get(Delivery, delivery_id)
            if d is None:
                raise not_found("delivery", f"#{delivery_id}", "it was deleted meanwhile")
            d.status, d.actual_on, d.issue_note = status, on, note
            d.quality_ok = not note and status == "received"
            d.received_at = self.store.clock.now()
            s.add(d)
        return f"{d.description or 'Delivery'} {status} on {on:%d/%m}" + (" — quality OK" if d.quality_ok else "")

    def late_count(self) -> int:
        """Deliveries of live projects still waiting past their expected day (the morning's roadblock rule)."""
        from sqlalchemy import func

        with self.store.reading() as s:
            return int(s.exec(select(func.count(Delivery.id)).join(PurchaseOrder).join(BudgetLine).join(Project).where(
                Project.status == "live", Delivery.status.in_(WAITING), Delivery.expected_on < self.today)).one())
