"""The morning's own command-palette entries: jump to a pane, capture a request."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ENTRIES = (
    ("Morning: capture a request", "One line: ! urgent, @person, #project, ^date", "capture"),
    ("Morning: requests inbox", "Open requests, urgent then oldest", "requests"),
    ("Morning: roadblocks", "Overdue, blocked, late, over budget, risks", "roadblocks"),
    ("Morning: timelines", "Every live project's milestones from today", "timeline-pane"),
    ("Morning: team and tasks", "Per person: done, today, blocked, hours", "team"),
)


class MorningCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, target in ENTRIES:
            yield DiscoveryHit(name, partial(self._run, target), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, target in ENTRIES:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, target), help=help_text)

    def _run(self, target: str) -> None:
        screen = self.screen
        if target == "capture":
            screen.action_capture()
        else:
            screen.focus_pane(target)
