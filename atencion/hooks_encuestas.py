"""Wagtail admin hooks of the encuestas part (imported by wagtail_hooks.py)."""
