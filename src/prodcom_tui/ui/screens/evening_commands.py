"""The evening's entries in the command palette: the same actions as its keys, found by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS = (
    ("Export the report", "Write this report as md, html, json or txt (ctrl+e)", "export"),
    ("Plan a new project", "Retro-plan from a template back from the delivery date (p)", "plan"),
    ("New risk", "Add a risk to the register (n)", "new_risk"),
    ("Set the project's status", "Override on track / at risk / off track with a comment (o)", "override"),
    ("Project charts", "Burndown and spend against the estimate (c)", "charts"),
    ("Planning templates", "Edit the templates' steps and lead times (t)", "templates"),
    ("Holidays", "The days off that plans skip (h)", "holidays"),
)


class EveningCommands(Provider):
    async def discover(self) -> Hits:
        for name, help_text, action in ACTIONS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), help=help_text)

    def _run(self, action: str) -> None:
        getattr(self.screen, f"action_{action}")()
