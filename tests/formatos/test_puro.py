"""formatos sits below every package: it imports none of them (and so holds no models)."""

import ast
import tomllib
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]


def test_formatos_imports_no_folio_package():
    pyproject = tomllib.loads((RAIZ / "pyproject.toml").read_text())
    propios = set(pyproject["tool"]["ruff"]["lint"]["isort"]["known-first-party"]) - {"formatos"}
    importados = set()
    for modulo in (RAIZ / "formatos").rglob("*.py"):
        for nodo in ast.walk(ast.parse(modulo.read_text())):
            if isinstance(nodo, ast.Import):
                importados |= {a.name.split(".")[0] for a in nodo.names}
            elif isinstance(nodo, ast.ImportFrom) and nodo.level == 0:
                importados.add(nodo.module.split(".")[0])
    assert importados and not importados & propios
