"""Deterministic demo datasets (demo, large, huge), generated straight into a store."""

from .generate import generate, is_empty
from .sizes import SIZES

__all__ = ["SIZES", "generate", "is_empty"]
