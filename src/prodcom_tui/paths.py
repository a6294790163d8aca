"""Where prodcom keeps its files; every location is a function so nothing happens at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "prodcom"
DB_ENV = "PRODCOM_DB"
DATA_ENV = "PRODCOM_DATA_DIR"
CONFIG_ENV = "PRODCOM_CONFIG_DIR"


def data_dir() -> Path:
    """The user data dir (PRODCOM_DATA_DIR overrides it, which keeps tests off real data)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Settings such as the keymap live here."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "prodcom.db"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then PRODCOM_DB, then the data dir."""
    chosen = cli_value or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database they protect, so `--db` elsewhere keeps them together."""
    return db_path.parent / "backups"


def log_path() -> Path:
    return data_dir() / "prodcom.log"


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create a directory readable by its owner only, whatever the umask."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)
    return path
