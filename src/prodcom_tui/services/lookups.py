"""Find projects, budget lines and vendors from what a person typed (inside a write transaction)."""

from __future__ import annotations

from sqlmodel import select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.store.models import BudgetLine, Project, Vendor

from .base import not_found


def project_id(s, code: str, field: str = "project") -> int:  # noqa: ANN001
    key = code.strip().lstrip("#")
    if not key:
        raise InputError("the project is missing: type its code, e.g. #VERA-PRINTEMPS", field=field)
    found = s.exec(select(Project.id).where(Project.code.ilike(key))).first()
    if found is None:
        raise not_found("project", f"#{key}", "type the code of an existing project").with_field(field)
    return int(found)


def budget_line(s, project: int, name: str, field: str = "line") -> BudgetLine:  # noqa: ANN001
    """The project's line named `name`: exact (any case) first, else the one line whose name contains it."""
    lines = s.exec(select(BudgetLine).where(BudgetLine.project_id == project).order_by(BudgetLine.id)).all()
    key = name.strip().casefold()
    exact = [x for x in lines if x.name.casefold() == key]
    near = exact or [x for x in lines if key and key in x.name.casefold()]
    if not near and key in ("contingency", "contingence", "imprévus"):
        near = [x for x in lines if x.is_contingency]
    if len(near) == 1:
        return near[0]
    names = ", ".join(x.name for x in lines) or "none yet"
    what = "is missing" if not key else f"{name.strip()!r} matches {'no' if not near else 'several'} lines"
    raise InputError(f"the budget line {what}: this project's lines are {names}", field=field)


def vendor_id(s, name: str, field: str = "vendor", *, required: bool = True) -> int | None:  # noqa: ANN001
    key = name.strip()
    if not key:
        if required:
            raise InputError("the vendor is missing: type the name of a vendor from the directory", field=field)
        return None
    found = s.exec(select(Vendor.id).where(Vendor.name.ilike(key))).first()
    if found is None:
        raise InputError(f"no vendor {key!r}: add it to the vendors directory first (n in the vendors pane)", field=field)
    return int(found)


def int_in(text: str, low: int, high: int, field: str, what: str) -> int | None:
    """An optional whole number typed in a form, within [low, high]."""
    raw = text.strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()):
        raise InputError(f"{what} {raw!r} is not a whole number: type digits only, from {low} to {high}", field=field)
    value = int(raw)
    if not low <= value <= high:
        raise InputError(f"{what} {value} is out of range: type a number from {low} to {high}", field=field)
    return value


def amount_in(text: str, field: str = "amount") -> int:
    """A typed cost in minor units; the error lands beside `field`."""
    from prodcom_tui.domain.money import parse_amount

    try:
        return parse_amount(text).minor
    except InputError as exc:
        raise exc.with_field(field) from None


def date_in(text: str, today, field: str = "date"):  # noqa: ANN001, ANN201
    """A typed date; the error lands beside `field`."""
    from prodcom_tui.domain.dates import parse_date

    try:
        return parse_date(text, today)
    except InputError as exc:
        raise exc.with_field(field) from None
