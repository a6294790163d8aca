"""The risk register: list, heat map counts, add and edit (one recorded transaction each)."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import select

from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.risks import HEAT_STATUSES, LIVE_STATUSES, RiskInput, RiskRow, read_risk
from prodcom_tui.store.models import Person, Project, Risk

from .base import ServiceBase, not_found


class RiskService(ServiceBase):
    def register(self, project_id: int | None = None, limit: int = 1000) -> list[RiskRow]:
        """Risks still in play on live projects, the most serious first."""
        stmt = self._rows().where(Risk.status.in_(LIVE_STATUSES))
        stmt = stmt.where(Project.status == "live") if project_id is None else stmt.where(Risk.project_id == project_id)
        stmt = stmt.order_by((Risk.likelihood * Risk.impact).desc(), Risk.review_on, Risk.id).limit(limit)
        with self.store.reading() as s:
            return [_row(*r) for r in s.exec(stmt)]

    def get(self, risk_id: int) -> RiskRow | None:
        with self.store.reading() as s:
            found = s.exec(self._rows().where(Risk.id == risk_id)).first()
        return None if found is None else _row(*found)

    def heat(self, project_id: int | None = None) -> dict[tuple[int, int], int]:
        """Open risks counted per (likelihood, impact) cell."""
        stmt = (
            select(Risk.likelihood, Risk.impact, func.count(Risk.id))
            .join(Project, Project.id == Risk.project_id)
            .where(Risk.status.in_(HEAT_STATUSES))
            .group_by(Risk.likelihood, Risk.impact)
        )
        stmt = stmt.where(Project.status == "live") if project_id is None else stmt.where(Risk.project_id == project_id)
        with self.store.reading() as s:
            return {(lk, im): n for lk, im, n in s.exec(stmt)}

    def create(self, values: dict[str, str]) -> int:
        data = read_risk(values, self.today)
        project_id, owner_id = self._resolve(data)
        with self.store.writing("risk.create", f"New risk on {data.project.upper()}: {data.title}") as s:
            risk = Risk(project_id=project_id, created_on=self.today, **_fields(data, owner_id))
            s.add(risk)
            s.flush()
            return int(risk.id)

    def update(self, risk_id: int, values: dict[str, str]) -> int:
        data = read_risk(values, self.today)
        project_id, owner_id = self._resolve(data)
        with self.store.writing("risk.update", f"Risk updated on {data.project.upper()}: {data.title}") as s:
            risk = s.get(Risk, risk_id)
            if risk is None:
                raise not_found("risk", risk_id, "it may have been deleted")
            risk.project_id = project_id
            for name, value in _fields(data, owner_id).items():
                setattr(risk, name, value)
            s.add(risk)
            return risk_id

    def _resolve(self, data: RiskInput) -> tuple[int, int | None]:
        if not data.project:
            raise InputError("the project is missing: type its code, e.g. #VERA-PRINTEMPS", field="project")
        with self.store.reading() as s:
            project_id = s.exec(select(Project.id).where(func.lower(Project.code) == data.project.lower())).first()
            owner_id = s.exec(select(Person.id).where(func.lower(Person.handle) == data.owner.lower())).first() if data.owner else None
        if project_id is None:
            raise not_found("project", f"#{data.project}", "type the code of an existing project").with_field("project")
        if data.owner and owner_id is None:
            raise not_found("person", f"@{data.owner}", "type the handle of a team member").with_field("owner")
        return int(project_id), owner_id

    @staticmethod
    def _rows():  # noqa: ANN205
        return (
            select(Risk, Project.code, Person.name, Person.handle)
            .join(Project, Project.id == Risk.project_id)
            .outerjoin(Person, Person.id == Risk.owner_id)
        )


def _fields(data: RiskInput, owner_id: int | None) -> dict:
    return {
        "title": data.title, "likelihood": data.likelihood, "impact": data.impact, "mitigation": data.mitigation,
        "contingency": data.contingency, "owner_id": owner_id, "status": data.status, "review_on": data.review_on,
    }


def _row(r: Risk, code: str, owner: str | None, handle: str | None) -> RiskRow:
    return RiskRow(
        r.id, r.project_id, code, r.title, r.likelihood, r.impact, r.mitigation, r.contingency,
        owner or "—", handle or "", r.status, r.review_on, r.created_on,
    )
