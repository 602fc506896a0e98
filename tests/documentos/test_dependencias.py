"""documentos sits below busqueda, ocr, atencion and cms (ARCHITECTURE.md): it announces
changes through documentos.eventos and registries, and never imports them."""

import ast
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
DOCUMENTOS = RAIZ / "documentos"
PROHIBIDOS = frozenset({"busqueda", "ocr", "atencion", "archivo", "cms"})
# Imports known to break the rule, for their own issues to remove: (module under
# documentos/, imported name or the package it is under). Nothing else is allowed.
EXCEPCIONES_CONOCIDAS = {
    # the staff role names (constants) still live in cms.roles
    ("documentos/demo.py", "cms.roles"),
    ("documentos/permisos.py", "cms.roles"),
    ("documentos/visibilidad.py", "cms.roles"),
}


def _importados(ruta: Path) -> set[str]:
    """Dotted names an absolute import brings in anywhere in the module (functions too)."""
    nombres = set()
    for nodo in ast.walk(ast.parse(ruta.read_text(), filename=str(ruta))):
        if isinstance(nodo, ast.Import):
            nombres |= {alias.name for alias in nodo.names}
        elif isinstance(nodo, ast.ImportFrom) and nodo.level == 0 and nodo.module:
            nombres |= {f"{nodo.module}.{alias.name}" for alias in nodo.names}
        elif (
            isinstance(nodo, ast.Call)
            and getattr(nodo.func, "attr", getattr(nodo.func, "id", None)) == "import_module"
            and nodo.args
            and isinstance(nodo.args[0], ast.Constant)
        ):
            nombres.add(str(nodo.args[0].value))
    return nombres


def _prohibidos(ruta: Path) -> set[str]:
    return {n for n in _importados(ruta) if n.split(".")[0] in PROHIBIDOS}


def _cubre(excepcion: str, nombre: str) -> bool:
    return nombre == excepcion or nombre.startswith(f"{excepcion}.")


def _permitido(modulo: str, nombre: str) -> bool:
    return any(modulo == m and _cubre(n, nombre) for m, n in EXCEPCIONES_CONOCIDAS)


def test_documentos_no_importa_los_paquetes_de_arriba():
    violaciones = []
    for ruta in sorted(DOCUMENTOS.rglob("*.py")):
        if "migrations" in ruta.relative_to(DOCUMENTOS).parts:
            continue
        modulo = str(ruta.relative_to(RAIZ))
        violaciones += [(modulo, n) for n in _prohibidos(ruta) if not _permitido(modulo, n)]
    assert not violaciones


@pytest.mark.parametrize(("modulo", "excepcion"), sorted(EXCEPCIONES_CONOCIDAS))
def test_cada_excepcion_conocida_sigue_existiendo(modulo, excepcion):
    """An exception that was fixed must leave the list (so it cannot come back unseen)."""
    assert any(_cubre(excepcion, n) for n in _prohibidos(RAIZ / modulo))


@pytest.mark.parametrize(
    "codigo",
    [
        "import busqueda.services",
        "from atencion import models",
        "def f():\n    from cms.models import X",
        "import importlib\nimportlib.import_module('busqueda.tasks')",
        "from ocr.tasks import procesar",
    ],
)
def test_el_detector_ve_cada_forma_de_importar(tmp_path, codigo):
    ruta = tmp_path / "m.py"
    ruta.write_text(codigo)
    assert _prohibidos(ruta)
    assert not _permitido("documentos/permisos.py", _prohibidos(ruta).pop())
