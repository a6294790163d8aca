"""Mode 4, the stand-up on a shared screen: one slide per person, then projects at risk, then decisions."""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Static

from prodcom_tui.domain.standup import DEFAULT_SECONDS, Deck, DecisionsSlide, PersonSlide, ProjectSlide, TurnTimer

from ..modals.form import FieldSpec, FormScreen
from ..themes import STANDUP_THEME_NAME, use_standup_theme
from ..widgets.decisions_slide import DecisionsSlideView
from ..widgets.key_bar import KeyBar
from ..widgets.person_slide import PersonSlideView
from ..widgets.project_slide import ProjectSlideView
from ..widgets.standup_bar import StandupBar
from .base import DataScreen

POLL_SECONDS = 1.0  # another process's change shows within about twice this
VIEWS = {PersonSlide: "slide-person", ProjectSlide: "slide-project", DecisionsSlide: "slide-decisions"}


class StandupScreen(DataScreen):
    CSS_PATH = "standup.tcss"
    BINDINGS = [
        Binding("space,right", "next", "Next", id="standup.next", tooltip="Next slide (next person, then projects at risk, then decisions)"),
        Binding("left", "back", "Back", id="standup.back", tooltip="Previous slide"),
        Binding("home", "first", "First", id="standup.first", tooltip="Back to the first slide", show=False),
        Binding("f", "feedback", "Feedback", id="standup.feedback", tooltip="Write a feedback note for the person on the slide"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.deck: Deck | None = None
        self.index = 0
        self.timer = TurnTimer(DEFAULT_SECONDS, time.monotonic)
        self._watcher: Any = None
        self._theme_before: str | None = None

    def compose(self) -> ComposeResult:
        yield StandupBar()
        with ContentSwitcher(initial="slide-empty", id="slides"):
            yield Static(Text("Loading the stand-up…"), id="slide-empty")
            yield PersonSlideView(id="slide-person")
            yield ProjectSlideView(id="slide-project")
            yield DecisionsSlideView(id="slide-decisions")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.set_interval(POLL_SECONDS, self._poll)

    def on_screen_resume(self) -> None:
        # Textual then calls DataScreen's handler too (each class's handler in the MRO runs): it sees the
        # new theme, so the screen is restyled, and it reloads.
        if self.app.theme != STANDUP_THEME_NAME:  # resuming from a modal: the theme to go back to stays
            self._theme_before = use_standup_theme(self.app)

    def on_screen_suspend(self) -> None:
        if self._theme_before is not None:
            self.app.theme = self._theme_before

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.close()

    # --- data -----------------------------------------------------------------------------

    def fetch(self, services: Any) -> Deck:
        from prodcom_tui.services.standup import load_deck

        return load_deck(services)

    def show(self, deck: Deck) -> None:
        """A new deck keeps the room on the slide it was on, and redraws only what changed."""
        key = self.current.key if self.current is not None else None
        self.deck, self.timer.budget = deck, deck.seconds_per_person
        self.index = deck.index_of(key, self.index)
        self._show_slide()
        self.refresh_bindings()  # the write keys depend on how the database was opened

    @property
    def current(self) -> PersonSlide | ProjectSlide | DecisionsSlide | None:
        if self.deck is None or not self.deck.slides:
            return None
        return self.deck.slides[min(self.index, len(self.deck.slides) - 1)]

    def _show_slide(self) -> None:
        slide = self.current
        if slide is None:
            return
        view_id = VIEWS[type(slide)]
        switcher = self.query_one(ContentSwitcher)
        self.query_one(f"#{view_id}").update(slide)
        if switcher.current != view_id:
            switcher.current = view_id
        if slide.key != self.timer.current:
            self.timer.show(slide.key)
        self.query_one(StandupBar).show_place(
            f"Stand-up · {self.deck.today:%A %d %B %Y}", self.index + 1, len(self.deck.slides), _what(slide)
        )
        self._tick()

    def _tick(self) -> None:
        if self.deck is not None:
            note = "live view, read-only" if self._read_only else "space / → next · ← back"
            self.query_one(StandupBar).show_time(self.timer.remaining(), self.timer.elapsed(), note)

    @work(thread=True, exclusive=True, group="poll")
    def _poll(self) -> None:
        """Another prodcom committed: reload in place (PRAGMA data_version, so an idle poll costs ~nothing)."""
        services = getattr(self.app, "services", None)
        if services is None or not self.is_current:
            return
        if self._watcher is None:
            self._watcher = services.standup.watcher()
            return
        if self._watcher.changed():
            self.app.call_from_thread(self.reload)

    # --- keys -----------------------------------------------------------------------------

    @property
    def _read_only(self) -> bool:
        services = getattr(self.app, "services", None)
        return services is None or services.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only viewer offers no key that writes."""
        if action == "feedback":
            return not self._read_only
        return True

    def _move(self, index: int) -> None:
        if self.deck is None or not self.deck.slides:
            return
        self.index = max(0, min(index, len(self.deck.slides) - 1))
        self._show_slide()

    def action_next(self) -> None:
        self._move(self.index + 1)

    def action_back(self) -> None:
        self._move(self.index - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_feedback(self) -> None:
        slide = self.current
        if not isinstance(slide, PersonSlide):
            self.notify("Feedback goes to a person: go to their slide first", severity="warning")
            return
        person_id, name = slide.person_id, slide.name
        form = FormScreen(
            f"Feedback for {name}",
            [FieldSpec("feedback", "Feedback note", placeholder="what went well, what to change")],
            lambda services, values: services.standup.add_feedback(person_id, values["feedback"]),
            hint="enter: save · esc: cancel · the note is kept with the person",
        )
        self.app.push_screen(form, lambda done: done is not None and self.notify(f"Feedback noted for {name}"))


def _what(slide: PersonSlide | ProjectSlide | DecisionsSlide) -> str:
    if isinstance(slide, PersonSlide):
        return f"{slide.name}, {slide.role}"
    if isinstance(slide, ProjectSlide):
        return f"project at risk: {slide.code}"
    return "the day's decisions"
