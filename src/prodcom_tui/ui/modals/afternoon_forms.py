"""The afternoon's forms: vendor, devis, expense, delivery received."""

from __future__ import annotations

from prodcom_tui.domain import vocab
from prodcom_tui.domain.afternoon import VendorRow

from .form import FieldSpec, FormScreen

AMOUNT_HINT = "1 234,56 € or €1,234.56"


def vendor_form(vendor: VendorRow | None = None) -> FormScreen:
    v = vendor
    fields = [
        FieldSpec("name", "Name", v.name if v else "", "Imprimerie du Centre"),
        FieldSpec("category", "Category", v.category if v else "printer", ", ".join(vocab.VENDOR_CATEGORIES)),
        FieldSpec("contact", "Contact", v.contact if v else "", "who you talk to (optional)"),
        FieldSpec("email", "Email", v.email if v else "", "optional"),
        FieldSpec("phone", "Phone", v.phone if v else "", "optional"),
        FieldSpec("rating", "Rating", str(v.rating) if v else "3", "1 to 5"),
        FieldSpec("notes", "Notes", v.notes if v else "", "optional"),
    ]
    vendor_id = v.id if v else None
    return FormScreen(f"Edit vendor {v.name}" if v else "New vendor", fields,
                      lambda s, values: s.vendors.save(values, vendor_id))


def quote_form(project: str = "", line: str = "", vendor: str = "") -> FormScreen:
    fields = [
        FieldSpec("project", "Project", project, "#CODE"),
        FieldSpec("line", "Need (budget line)", line, "name of the budget line, e.g. Impression"),
        FieldSpec("vendor", "Vendor", vendor, "name as in the vendors directory"),
        FieldSpec("amount", "Amount", "", f"{AMOUNT_HINT}; empty while only requested"),
        FieldSpec("lead_days", "Lead time (days)", "", "optional"),
        FieldSpec("valid_until", "Valid until", "", "31/12, +30 (optional)"),
        FieldSpec("description", "Description", "", "what is quoted (optional)"),
    ]
    return FormScreen("Devis: request or received", fields, lambda s, values: s.quotes.create(values),
                      hint="An amount makes it a received devis; without one it is a request. esc: cancel")


def expense_form(project: str = "", line: str = "") -> FormScreen:
    fields = [
        FieldSpec("amount", "Amount", "", AMOUNT_HINT),
        FieldSpec("date", "Date", "today", "today, 25/11, 2026-11-25"),
        FieldSpec("project", "Project", project, "#CODE"),
        FieldSpec("line", "Budget line", line, "name of the line"),
        FieldSpec("vendor", "Vendor", "", "name as in the vendors directory (optional)"),
        FieldSpec("invoice_ref", "Invoice reference", "", "FAC-2026-118 (optional)"),
        FieldSpec("description", "Description", "", "optional"),
    ]
    return FormScreen("Record an expense", fields, lambda s, values: s.expenses.create(values))


def receive_form(delivery_id: int, description: str) -> FormScreen:
    fields = [
        FieldSpec("date", "Received on", "today", "today, yesterday, 25/11"),
        FieldSpec("status", "Status", "received", "received, or partial"),
        FieldSpec("issue", "Quality issue", "", "empty when quality is OK"),
    ]
    return FormScreen(f"Received: {description}", fields, lambda s, values: s.deliveries.receive(delivery_id, values))


def estimate_form(line_id: int, name: str, current: str) -> FormScreen:
    fields = [FieldSpec("amount", "New estimate", current, AMOUNT_HINT)]
    return FormScreen(f"Re-estimate: {name}", fields, lambda s, values: s.budget.set_estimate(line_id, values["amount"]),
                      hint="After a negotiation or a change of scope. enter: save · esc: cancel")


def budget_line_form(project: str) -> FormScreen:
    fields = [
        FieldSpec("project", "Project", project, "#CODE"),
        FieldSpec("name", "Line", "", "e.g. Traduction"),
        FieldSpec("amount", "Estimate", "", AMOUNT_HINT),
    ]
    return FormScreen("New budget line", fields, lambda s, v: s.budget.add_line(v["project"], v["name"], v["amount"]))
