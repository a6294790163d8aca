"""Draft reviews: the brand checklist, the verdict, and for print the BAT (who signed, when)."""

from __future__ import annotations

from sqlalchemy import case, func, or_
from sqlmodel import select

from prodcom_tui.domain.afternoon import CheckState, ReviewDetail, ReviewRow
from prodcom_tui.domain.errors import InputError
from prodcom_tui.domain.text import clean_text
from prodcom_tui.store.models import ChecklistItem, Deliverable, Project, Review, ReviewCheck, Risk

from .base import ServiceBase, SqlSource, like, not_found

AFTER_BAT_RISK = (4, 4)  # likelihood, impact: a reprint is likely and costly, enough to reach the morning's roadblocks


def _query():  # noqa: ANN202
    return (select(Review, Deliverable.name, Deliverable.kind, Project.code)
            .join(Deliverable, Deliverable.id == Review.deliverable_id).join(Project, Project.id == Deliverable.project_id))


def _row(r) -> ReviewRow:  # noqa: ANN001
    rv, name, kind, code = r
    return ReviewRow(rv.id, rv.deliverable_id, code, name, kind, rv.round, rv.submitted_on, rv.verdict, rv.is_bat)


class ReviewService(ServiceBase):
    def source(self) -> SqlSource:
        """Drafts waiting for review first (oldest first), then the latest verdicts of live projects."""
        def build(text: str):  # noqa: ANN202
            pending = Review.verdict == "pending"
            stmt = _query().where(Project.status == "live").order_by(
                case((pending, 0), else_=1), case((pending, Review.submitted_on), else_=None),
                Review.reviewed_on.desc(), Review.id.desc())
            if text:
                p = like(text)
                stmt = stmt.where(or_(Deliverable.name.ilike(p, escape="\\"), Project.code.ilike(p, escape="\\"),
                                      Review.verdict.ilike(p, escape="\\")))
            return stmt

        return SqlSource(self.store, build, _row)

    def detail(self, review_id: int) -> ReviewDetail | None:
        with self.store.reading() as s:
            found = s.exec(_query().where(Review.id == review_id)).first()
            if found is None:
                return None
            deliv = s.get(Deliverable, found[0].deliverable_id)
            items = s.exec(select(ChecklistItem, ReviewCheck.checked).outerjoin(
                ReviewCheck, (ReviewCheck.item_id == ChecklistItem.id) & (ReviewCheck.review_id == review_id))
                .where(ChecklistItem.project_id == deliv.project_id).order_by(ChecklistItem.position, ChecklistItem.id)).all()
            checks = tuple(CheckState(item.id, item.label, bool(checked)) for item, checked in items)
            return ReviewDetail(_row(found), deliv.project_id, checks, found[0].feedback, deliv.bat_signed_by, deliv.bat_signed_at)

    def save(self, review_id: int, checks: dict[int, bool], feedback: str) -> None:
        """Keep the ticks and notes of a review in progress, without a verdict."""
        text = clean_text(feedback, field="feedback", max_len=4000, multiline=True)
        with self.store.writing("review.save", f"Review #{review_id} checklist saved") as s:
            review = self._review(s, review_id)
            review.feedback = text
            s.add(review)
            _store_checks(s, review.id, checks)

    def approve(self, review_id: int, checks: dict[int, bool], feedback: str, signed_by: str = "") -> str:
        """Approve a draft; refused while a checklist item is unchecked; for print it is the BAT."""
        text = clean_text(feedback, field="feedback", max_len=4000, multiline=True)
        signer = clean_text(signed_by, field="signed_by", max_len=80)
        with self.store.writing("review.approve", f"Review #{review_id} approved") as s:
            review = self._review(s, review_id)
            if review.verdict != "pending":
                raise InputError(f"round {review.round} is already {review.verdict.replace('_', ' ')}: submit a new round to review again")
            _require_all_checked(s, review, checks)
            deliv = s.get(Deliverable, review.deliverable_id)
            review.verdict, review.feedback, review.reviewed_on = "approved", text, self.today
            deliv.status = "approved"
            if deliv.kind == "print":
                if not signer:
                    raise InputError("the BAT needs the name of who signed it", field="signed_by")
                now = self.store.clock.now()
                review.is_bat, review.signed_by, review.signed_at = True, signer, now
                deliv.bat_signed_by, deliv.bat_signed_at = signer, now
            s.add_all([review, deliv])
            _store_checks(s, review.id, checks)
            return f"BAT signed by {signer}: {deliv.name}" if deliv.kind == "print" else f"Approved: {deliv.name}"

    def request_changes(self, review_id: int, checks: dict[int, bool], feedback: str) -> str:
        """Send a draft back; after the BAT this is a cost: a risk is added to the project."""
        text = clean_text(feedback, field="feedback", max_len=4000, multiline=True)
        if not text:
            raise InputError("say what must change: the feedback is what the creative team works from", field="feedback")
        with self.store.writing("review.changes", f"Review #{review_id}: changes requested") as s:
            review = self._review(s, review_id)
            deliv = s.get(Deliverable, review.deliverable_id)
            if review.verdict != "pending":
                review = self._next_round(s, deliv)
            review.verdict, review.feedback, review.reviewed_on = "changes_requested", text, self.today
            deliv.status = "in_progress"
            s.add_all([review, deliv])
            s.flush()
            _store_checks(s, review.id, checks)
            if deliv.bat_signed_at is not None:
                s.add(self._after_bat_risk(deliv, text))
                return f"Changes requested after the BAT on {deliv.name}: cost risk added to the project"
            return f"Changes requested on {deliv.name}"

    def submit_round(self, review_id: int) -> str:
        """A new draft of the same deliverable came back: open its next round, waiting for review."""
        with self.store.writing("review.submit", f"New draft round after review #{review_id}") as s:
            deliv = s.get(Deliverable, self._review(s, review_id).deliverable_id)
            review = self._next_round(s, deliv)
            deliv.status = "in_review"
            s.add_all([review, deliv])
            return f"Round {review.round} of {deliv.name} waiting for review"

    def add_check(self, project_id: int, label: str) -> int:
        text = clean_text(label, field="label", required=True, max_len=80)
        with self.store.writing("checklist.add", f"Checklist item added: {text}") as s:
            last = s.exec(select(func.max(ChecklistItem.position)).where(ChecklistItem.project_id == project_id)).one()
            item = ChecklistItem(project_id=project_id, label=text, position=(last or 0) + 1)
            s.add(item)
            s.flush()
            return int(item.id)

    def _review(self, s, review_id: int) -> Review:  # noqa: ANN001
        review = s.get(Review, review_id)
        if review is None:
            raise not_found("review", f"#{review_id}", "it was deleted meanwhile")
        return review

    def _next_round(self, s, deliv: Deliverable) -> Review:  # noqa: ANN001
        last = s.exec(select(func.max(Review.round)).where(Review.deliverable_id == deliv.id)).one() or 0
        return Review(deliverable_id=deliv.id, round=last + 1, submitted_on=self.today)

    def _after_bat_risk(self, deliv: Deliverable, feedback: str) -> Risk:
        likelihood, impact = AFTER_BAT_RISK
        return Risk(project_id=deliv.project_id, title=f"Change after BAT on {deliv.name}: reprint cost"[:200],
                    likelihood=likelihood, impact=impact, status="open", created_on=self.today,
                    mitigation=f"Get the printer's price for the change before confirming it. Asked: {feedback}"[:1000],
                    contingency="Charge the change to the client or use the contingency line")

    def waiting_count(self) -> int:
        with self.store.reading() as s:
            return int(s.exec(select(func.count(Review.id)).join(Deliverable).join(Project).where(
                Project.status == "live", Review.verdict == "pending")).one())


def _require_all_checked(s, review: Review, checks: dict[int, bool]) -> None:  # noqa: ANN001
    deliv = s.get(Deliverable, review.deliverable_id)
    items = s.exec(select(ChecklistItem).where(ChecklistItem.project_id == deliv.project_id)
                   .order_by(ChecklistItem.position, ChecklistItem.id)).all()
    unchecked = [item.label for item in items if not checks.get(item.id, False)]
    if unchecked:
        more = f" (and {len(unchecked) - 1} more)" if len(unchecked) > 1 else ""
        raise InputError(f"approval refused: {unchecked[0]!r} is not checked{more}; check it or request changes", field="checks")


def _store_checks(s, review_id: int, checks: dict[int, bool]) -> None:  # noqa: ANN001
    for item_id, checked in checks.items():
        row = s.get(ReviewCheck, (review_id, item_id))
        if row is None:
            row = ReviewCheck(review_id=review_id, item_id=item_id)
        row.checked = bool(checked)
        s.add(row)
