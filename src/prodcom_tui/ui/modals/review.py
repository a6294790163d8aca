"""One draft's review: the brand checklist, feedback, and the verdict (for print, approval is the BAT)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static

from prodcom_tui.domain.afternoon import ReviewDetail
from prodcom_tui.domain.text import safe_terminal

from ..format import plain
from .form import FieldSpec, FormScreen


class ReviewScreen(ModalScreen[str | None]):
    """Dismisses with what was decided (for a notification), or None."""

    BINDINGS = [
        Binding("a", "approve", "Approve", id="review.approve", tooltip="Approve (for print: sign the BAT); needs every item checked"),
        Binding("c", "changes", "Changes", id="review.changes", tooltip="Request changes, with the feedback as the brief"),
        Binding("ctrl+s", "save", "Save", id="review.save", tooltip="Keep the ticks and feedback without a verdict"),
        Binding("plus", "add_item", "Add item", id="review.add_item", tooltip="Add an item to this project's brand checklist"),
        Binding("escape", "dismiss(None)", "Close", id="review.close", tooltip="Close without saving"),
    ]
    DEFAULT_CSS = """
    ReviewScreen { align: center middle; }
    ReviewScreen > Vertical { width: 90%; max-width: 100; height: auto; max-height: 95%; border: thick $accent; background: $surface; padding: 0 1; }
    ReviewScreen #review-title { text-style: bold; }
    ReviewScreen SelectionList { height: auto; max-height: 10; }
    ReviewScreen Label { color: $text-muted; }
    ReviewScreen #review-bat { display: none; }
    ReviewScreen #review-bat.-signed { display: block; }
    ReviewScreen #review-error { color: $error; height: auto; }
    ReviewScreen #review-keys { color: $text-muted; }
    ReviewScreen.-not-print .print-only { display: none; }
    """

    def __init__(self, review_id: int) -> None:
        super().__init__()
        self.review_id = review_id
        self.detail: ReviewDetail | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Loading the review…", id="review-title")
            yield Static("", id="review-bat")
            yield Label("Brand checklist (space ticks)")
            yield SelectionList[int](id="review-checks")
            yield Label("Feedback")
            yield Input(placeholder="what must change, or what is good", id="review-feedback")
            yield Label("BAT signed by", classes="print-only")
            yield Input(placeholder="the client's name: who signs the bon à tirer", id="review-signer", classes="print-only")
            yield Static("", id="review-error")
            yield Static(Text("space tick · a approve · c changes · + item · ^s save · esc · tab moves"),
                         id="review-keys")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        detail = self.app.services.reviews.detail(self.review_id)
        self.app.call_from_thread(self._loaded, detail)

    def _loaded(self, detail: ReviewDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.query_one("#review-title", Static).update("This review no longer exists.")
            return
        r = detail.review
        self.set_class(not detail.is_print, "-not-print")
        verdict = r.verdict.replace("_", " ")
        self.query_one("#review-title", Static).update(
            plain(f"{r.project_code} · {r.deliverable} ({r.kind}) — round {r.round}, {verdict}", "bold"))
        if detail.bat_signed_at:
            bat = f"BAT signed by {detail.bat_signed_by} on {detail.bat_signed_at:%d/%m/%Y %H:%M}: changes now cost money"
            self.query_one("#review-bat", Static).update(plain(bat, "bold yellow"))
            self.query_one("#review-bat").add_class("-signed")
        checks = self.query_one(SelectionList)
        checks.clear_options()
        checks.add_options([(plain(c.label), c.item_id, c.checked) for c in detail.checks])
        box = self.query_one("#review-feedback", Input)
        if r.verdict == "pending":  # a decided round's feedback is history; what is typed now starts a new round
            box.value = box.value or safe_terminal(detail.feedback)
        else:
            box.placeholder = f"was: {safe_terminal(detail.feedback)[:60]}" if detail.feedback else box.placeholder
        checks.focus()

    def ticks(self) -> dict[int, bool]:
        chosen = set(self.query_one(SelectionList).selected)
        return {c.item_id: c.item_id in chosen for c in (self.detail.checks if self.detail else ())}

    def _run(self, fn) -> None:  # noqa: ANN001
        if self.detail is None:
            return
        self.query_one("#review-error", Static).update("")
        self.app.run_write(fn, on_done=self.dismiss, on_error=self.show_error)

    def action_approve(self) -> None:
        ticks, feedback, signer = self.ticks(), self._value("feedback"), self._value("signer")
        self._run(lambda s: s.reviews.approve(self.review_id, ticks, feedback, signer))

    def action_changes(self) -> None:
        ticks, feedback = self.ticks(), self._value("feedback")
        self._run(lambda s: s.reviews.request_changes(self.review_id, ticks, feedback))

    def action_save(self) -> None:
        ticks, feedback = self.ticks(), self._value("feedback")
        self._run(lambda s: (s.reviews.save(self.review_id, ticks, feedback), "Review saved")[1])

    def action_add_item(self) -> None:
        if self.detail is None:
            return
        project = self.detail.project_id
        form = FormScreen("Add a brand-checklist item", [FieldSpec("label", "Item", placeholder="e.g. Accessibility contrast")],
                          lambda s, v: s.reviews.add_check(project, v["label"]))
        self.app.push_screen(form, lambda added: self._load() if added else None)

    def _value(self, name: str) -> str:
        return self.query_one(f"#review-{name}", Input).value

    def show_error(self, message: str, field: str | None = None) -> None:
        self.query_one("#review-error", Static).update(Text(message))
        if field in ("feedback", "signer", "signed_by"):
            self.query_one(f"#review-{'signer' if field == 'signed_by' else field}", Input).focus()
