"""Widgets of the live meeting screens."""
