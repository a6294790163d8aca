"""The stand-up alone, for the wall screen and the browser: `prodcom standup --read-only` and `prodcom serve`."""

from __future__ import annotations

from textual.binding import Binding

from .app import ProdcomApp
from .screens.standup import StandupScreen


class StandupViewerApp(ProdcomApp, inherit_bindings=False):
    """Only the stand-up's own keys: no mode keys, no undo, no palette (its commands write)."""

    TITLE = "prodcom stand-up"
    MODES = {"standup": StandupScreen}
    DEFAULT_MODE = "standup"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("question_mark", "help", "Keys", id="app.help", tooltip="List every key of this screen"),
        Binding("q,ctrl+q", "quit", "Quit", id="app.quit", tooltip="Close the stand-up"),
    ]


class StandupFirstApp(ProdcomApp):
    """The producer's full app, opening on the stand-up (`prodcom standup`): `1` `2` `3` still work."""

    DEFAULT_MODE = "standup"
