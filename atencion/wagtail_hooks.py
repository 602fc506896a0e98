"""Admin of the attention at the windows: each part registers its hooks in its own module."""

from . import (  # noqa: F401
    hooks_actividades,
    hooks_calidad,
    hooks_diagnostico,
    hooks_encuestas,
    hooks_kiosco,
    hooks_mejora,
    hooks_ventanilla,
)
