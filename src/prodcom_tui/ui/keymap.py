"""The user's keymap: `keymap.toml` maps binding ids to keys, e.g. `"app.quit" = "ctrl+q"`."""

from __future__ import annotations

import tomllib

from prodcom_tui.paths import keymap_path


def load_keymap() -> dict[str, str]:
    """Read the keymap if there is one; a broken file is ignored rather than blocking the app."""
    path = keymap_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    table = data.get("keys", data)
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
