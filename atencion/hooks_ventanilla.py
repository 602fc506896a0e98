"""Wagtail admin hooks of the ventanilla part (imported by wagtail_hooks.py)."""
