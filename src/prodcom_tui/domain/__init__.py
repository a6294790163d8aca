"""Pure domain rules: money, dates, text and the errors a person can fix (standard library only)."""
