"""Wagtail admin hooks of the kiosco part (imported by wagtail_hooks.py)."""
