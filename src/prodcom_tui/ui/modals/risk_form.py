"""`n` / `e` in the risk register: one form for a new risk and for editing one."""

from __future__ import annotations

from prodcom_tui.domain.risks import IMPACT_WORDS, LIKELIHOOD_WORDS, RiskRow

from .form import FieldSpec, FormScreen

SCALE_HINT = "1 to 5 or a word: "


def risk_form(risk: RiskRow | None = None, project_code: str = "") -> FormScreen:
    r = risk
    fields = [
        FieldSpec("project", "Project", f"#{r.project_code}" if r else project_code and f"#{project_code}", "#CODE"),
        FieldSpec("title", "Risk", r.title if r else "", "What could go wrong"),
        FieldSpec("likelihood", "Likelihood (1-5)", str(r.likelihood) if r else "3",
                  SCALE_HINT + ", ".join(LIKELIHOOD_WORDS.values())),
        FieldSpec("impact", "Impact (1-5)", str(r.impact) if r else "3", SCALE_HINT + ", ".join(IMPACT_WORDS.values())),
        FieldSpec("mitigation", "Mitigation", r.mitigation if r else "", "What lowers the likelihood or the impact"),
        FieldSpec("contingency", "Contingency plan", r.contingency if r else "", "What we do if it happens"),
        FieldSpec("owner", "Owner", f"@{r.owner_handle}" if r and r.owner_handle else "", "@handle (optional)"),
        FieldSpec("status", "Status", r.status if r else "open", "open, mitigating, occurred or closed"),
        FieldSpec("review", "Review date", r.review_on.isoformat() if r and r.review_on else "", "e.g. fri, +7, 2026-12-04"),
    ]
    if r is None:
        return FormScreen("New risk", fields, lambda s, v: s.risks.create(v))
    return FormScreen(f"Edit risk — {r.title}", fields, lambda s, v: s.risks.update(r.id, v))
