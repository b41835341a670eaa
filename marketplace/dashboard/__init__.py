"""Forks of Oscar's staff dashboard apps (labels unchanged)."""
