"""The stand-up deck: one slide per person, then projects at risk, then the day's decisions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .money import Money

DEFAULT_SECONDS = 120  # each person's turn, unless the `standup_seconds` setting says otherwise

# Status is always a symbol and a word, so it reads without colour (and on a washed-out projector).
SEVERITY = {3: ("■", "critical"), 2: ("▲", "high"), 1: ("•", "watch")}  # the words of domain.roadblocks


@dataclass(frozen=True, slots=True)
class SlideItem:
    """One line of a slide: a task, a roadblock or a decision, with what makes it urgent."""

    title: str
    project_code: str = ""
    note: str = ""  # e.g. "late 3 d", "waits for: Final artwork"
    severity: int = 0  # 3 severe, 2 serious, 1 watch, 0 none


@dataclass(frozen=True, slots=True)
class PersonSlide:
    person_id: int
    name: str
    role: str
    since: date  # "done since the last stand-up" starts on this day
    done: tuple[SlideItem, ...]
    today: tuple[SlideItem, ...]
    blocked: tuple[SlideItem, ...]
    roadblocks: tuple[SlideItem, ...]
    next_up: SlideItem | None = None
    feedback_today: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"person:{self.person_id}"


@dataclass(frozen=True, slots=True)
class ProjectSlide:
    project_id: int
    code: str
    name: str
    client: str
    delivery_on: date | None
    working_days_left: int | None
    done_pct: int
    estimate: Money
    committed: Money
    actual: Money
    reasons: tuple[SlideItem, ...]
    health: str = "▲ at risk"  # symbol and word, as the evening report says it

    @property
    def key(self) -> str:
        return f"project:{self.project_id}"

    @property
    def used_pct(self) -> int | None:
        """Share of the estimate used by the larger of committed and actual spend."""
        used = max(self.committed.minor, self.actual.minor)
        return None if self.estimate.minor == 0 else round(100 * used / self.estimate.minor)


@dataclass(frozen=True, slots=True)
class DecisionGroup:
    label: str  # e.g. "quotes to choose"
    items: tuple[SlideItem, ...]
    symbol: str = "?"


@dataclass(frozen=True, slots=True)
class DecisionsSlide:
    groups: tuple[DecisionGroup, ...]
    key: str = "decisions"

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


Slide = PersonSlide | ProjectSlide | DecisionsSlide


@dataclass(frozen=True, slots=True)
class Deck:
    today: date
    seconds_per_person: int
    slides: tuple[Slide, ...]

    def index_of(self, key: str | None, fallback: int) -> int:
        """Where the slide `key` now sits, so a reload never moves the room off the slide it is on."""
        for i, slide in enumerate(self.slides):
            if slide.key == key:
                return i
        return max(0, min(fallback, len(self.slides) - 1))


def is_at_risk(severe_roadblocks: int, estimate: Money, committed: Money, actual: Money, over_lines: int = 0) -> bool:
    """A live project is at risk with a severe roadblock, or when its spend (or one line's) passes the estimate."""
    spent = max(committed.minor, actual.minor)
    return severe_roadblocks > 0 or over_lines > 0 or (estimate.minor > 0 and spent > estimate.minor)


@dataclass
class TurnTimer:
    """Each slide's own countdown (time adds up if the room comes back to it) and the total elapsed."""

    budget: int
    now: Callable[[], float]
    started: float | None = None
    spent: dict[str, float] = field(default_factory=dict)
    current: str | None = None
    since: float = 0.0

    def show(self, key: str) -> None:
        """The slide `key` is now on screen; the previous one stops counting."""
        t = self.now()
        if self.started is None:
            self.started = t
        if self.current is not None:
            self.spent[self.current] = self.spent.get(self.current, 0.0) + t - self.since
        self.current, self.since = key, t

    def remaining(self) -> int:
        """Seconds left on the current slide (negative once over time)."""
        spent = self.spent.get(self.current or "", 0.0) + self.now() - self.since
        return self.budget - int(spent)

    def elapsed(self) -> int:
        return 0 if self.started is None else int(self.now() - self.started)


def clock_face(seconds: int) -> str:
    """`02:00`, or `+00:15` once over time."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
