"""The OCOP Bắc Giang website (Wagtail pages)."""
