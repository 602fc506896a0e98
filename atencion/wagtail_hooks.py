"""Admin of the attention at the windows: each part registers its hooks in its own module."""

from . import hooks_encuestas, hooks_kiosco, hooks_ventanilla  # noqa: F401
