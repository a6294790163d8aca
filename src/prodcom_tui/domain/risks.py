"""The risk register: likelihood × impact on 1-5 scales, and reading what a person typed into a risk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import parse_date
from .errors import InputError
from .text import clean_text
from .vocab import RISK_STATUSES, ROADBLOCK_RISK_SCORE

SCALE = (1, 2, 3, 4, 5)
LIKELIHOOD_WORDS = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}
IMPACT_WORDS = {1: "negligible", 2: "minor", 3: "moderate", 4: "major", 5: "severe"}
LIVE_STATUSES = ("open", "mitigating", "occurred")  # what the register shows; closed risks leave it
HEAT_STATUSES = ("open", "mitigating")  # what the heat map counts: risks that can still happen


def level(score: int) -> str:
    """'high' from the roadblock threshold (15), 'medium' from 8, else 'low'."""
    return "high" if score >= ROADBLOCK_RISK_SCORE else "medium" if score >= 8 else "low"


@dataclass(frozen=True, slots=True)
class RiskRow:
    id: int
    project_id: int
    project_code: str
    title: str
    likelihood: int
    impact: int
    mitigation: str
    contingency: str
    owner: str
    owner_handle: str
    status: str
    review_on: date | None
    created_on: date | None

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True, slots=True)
class RiskInput:
    """A risk as typed, checked; project and owner are still codes to resolve."""

    project: str
    title: str
    likelihood: int
    impact: int
    mitigation: str
    contingency: str
    owner: str
    status: str
    review_on: date | None


def read_risk(values: dict[str, str], today: date) -> RiskInput:
    """Check every field before anything is written; the first wrong one raises, naming its field."""
    status = values.get("status", "open").strip().lower() or "open"
    if status not in RISK_STATUSES:
        raise InputError(f"{status!r} is not a risk status: type one of {', '.join(RISK_STATUSES)}", field="status")
    review = values.get("review", "").strip()
    return RiskInput(
        project=values.get("project", "").strip().lstrip("#"),
        title=clean_text(values.get("title", ""), field="title", required=True, max_len=200),
        likelihood=_scale(values.get("likelihood", ""), "likelihood", LIKELIHOOD_WORDS),
        impact=_scale(values.get("impact", ""), "impact", IMPACT_WORDS),
        mitigation=clean_text(values.get("mitigation", ""), field="mitigation", max_len=1000),
        contingency=clean_text(values.get("contingency", ""), field="contingency", max_len=1000),
        owner=values.get("owner", "").strip().lstrip("@"),
        status=status,
        review_on=_review(review, today) if review else None,
    )


def _review(text: str, today: date) -> date:
    try:
        return parse_date(text, today)
    except InputError as exc:
        raise exc.with_field("review") from None


def _scale(text: str, field: str, words: dict[int, str]) -> int:
    raw = text.strip().lower()
    for value, word in words.items():
        if raw == word:
            return value
    if raw.isascii() and raw.isdigit() and int(raw) in SCALE:
        return int(raw)
    hint = ", ".join(f"{k} {w}" for k, w in words.items())
    raise InputError(f"{field} {raw!r} is not on the scale: type 1 to 5 ({hint})", field=field)
