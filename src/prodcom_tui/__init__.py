"""prodcom: the communication production manager's terminal."""

__version__ = "0.1.0"
