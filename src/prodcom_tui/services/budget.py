"""The budget pane: per live project, each line's estimate, committed, actual and forecast, aggregated in SQL."""

from __future__ import annotations

from prodcom_tui.domain.afternoon import ProjectBudget
from prodcom_tui.domain.budget import LineFigures, totals
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import BudgetLine, Project
from prodcom_tui.store.queries import budget_lines_with_spend

from .base import ServiceBase, money, not_found
from .lookups import amount_in


class BudgetService(ServiceBase):
    def projects(self) -> list[ProjectBudget]:
        """Live projects by delivery date, each with its lines (contingency last) and totals."""
        stmt = (budget_lines_with_spend().add_columns(Project.code, Project.name, Project.delivery_on)
                .join(Project, Project.id == BudgetLine.project_id).where(Project.status == "live")
                .order_by(Project.delivery_on, Project.code, BudgetLine.is_contingency, BudgetLine.id))
        grouped: dict[int, tuple[str, str, list[LineFigures]]] = {}
        with self.store.reading() as s:
            for line, committed, actual, code, name, _ in s.exec(stmt):
                cur = line.currency
                figures = LineFigures(line.id, line.project_id, code, line.name, line.category, money(line.estimate_minor, cur),
                                      money(committed, cur), money(actual, cur), line.is_contingency)
                grouped.setdefault(line.project_id, (code, name, []))[2].append(figures)
        return [ProjectBudget(pid, code, name, tuple(lines), totals(lines, lines[0].estimate.currency))
                for pid, (code, name, lines) in grouped.items()]

    def line(self, line_id: int) -> LineFigures | None:
        stmt = budget_lines_with_spend().add_columns(Project.code).join(Project, Project.id == BudgetLine.project_id)
        with self.store.reading() as s:
            row = s.exec(stmt.where(BudgetLine.id == line_id)).first()
        if row is None:
            return None
        line, committed, actual, code = row
        cur = line.currency
        return LineFigures(line.id, line.project_id, code, line.name, line.category, money(line.estimate_minor, cur),
                           money(committed, cur), money(actual, cur), line.is_contingency)

    def set_estimate(self, line_id: int, amount: str) -> None:
        """Re-estimate a line after a negotiation or a change of scope."""
        value = amount_in(amount)
        with self.store.writing("budget.estimate", f"Budget line #{line_id} re-estimated") as s:
            line = s.get(BudgetLine, line_id)
            if line is None:
                raise not_found("budget line", f"#{line_id}", "it was deleted meanwhile")
            line.estimate_minor = value
            s.add(line)

    def add_line(self, project_code: str, name: str, amount: str) -> int:
        """A new line in a project's budget (a need that was not planned)."""
        from .lookups import project_id

        label = clean_text(name, field="name", required=True, max_len=120)
        value = amount_in(amount or "0")
        with self.store.writing("budget.line", f"Budget line added: {label}") as s:
            line = BudgetLine(project_id=project_id(s, project_code), name=label, estimate_minor=value)
            s.add(line)
            s.flush()
            return int(line.id)
