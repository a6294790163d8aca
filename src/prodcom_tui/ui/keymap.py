"""The user's keymap: `keymap.toml` maps binding ids to keys, e.g. `"app.quit" = "ctrl+q"`."""

from __future__ import annotations

from prodcom_tui.paths import keymap_path


def load_keymap() -> dict[str, str]:
    """Read the keymap if there is one; a broken file is ignored rather than blocking the app."""
    try:
        text = keymap_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import tomllib  # only when there is a keymap: most people have none, and start-up pays for imports

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    table = data.get("keys", data)
    return {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
