"""Both backends implement busqueda.backends.protocolo.MotorBusqueda, and the selectors and
services reach a backend only through its members."""

import ast
import inspect
import types
import typing
from pathlib import Path

import pytest

from busqueda.backends import database, elasticsearch
from busqueda.backends.protocolo import MotorBusqueda

RAIZ = Path(__file__).resolve().parents[2]
MIEMBROS = sorted(
    nombre
    for nombre, valor in vars(MotorBusqueda).items()
    if callable(valor) and not nombre.startswith("_")
)
BACKENDS = pytest.mark.parametrize("backend", [database, elasticsearch], ids=lambda m: m.__name__)


def _tipos(anotacion) -> set:
    """The members of a union annotation (a single type otherwise)."""
    if isinstance(anotacion, types.UnionType) or typing.get_origin(anotacion) is typing.Union:
        return set(typing.get_args(anotacion))
    return {anotacion}


def test_el_protocolo_tiene_lo_que_usan_los_llamadores():
    assert {"buscar", "guardar", "reconstruir", "activar", "refrescar"} <= set(MIEMBROS)


@BACKENDS
@pytest.mark.parametrize("miembro", MIEMBROS)
def test_el_backend_implementa_el_miembro(backend, miembro):
    """Same parameters in the same order, a default wherever the Protocol has one, and
    annotations (when the backend has them) that accept what the Protocol promises."""
    funcion = getattr(backend, miembro, None)
    assert callable(funcion), f"{backend.__name__} no define {miembro}"
    esperado = inspect.signature(getattr(MotorBusqueda, miembro))
    esperados = list(esperado.parameters.values())[1:]  # without self
    dados = list(inspect.signature(funcion).parameters.values())
    assert [p.name for p in dados[: len(esperados)]] == [p.name for p in esperados]
    for extra in dados[len(esperados) :]:
        assert extra.default is not inspect.Parameter.empty, f"{miembro}: {extra.name} sin valor"
    tipos_esperados = typing.get_type_hints(getattr(MotorBusqueda, miembro))
    tipos_dados = typing.get_type_hints(funcion)
    for p, dado in zip(esperados, dados, strict=False):
        assert dado.kind == p.kind, f"{miembro}: {p.name}"
        if p.default is not inspect.Parameter.empty:
            assert dado.default == p.default, f"{miembro}: {p.name}"
        if p.name in tipos_dados:  # the backend accepts at least the Protocol's types
            assert _tipos(tipos_esperados[p.name]) <= _tipos(tipos_dados[p.name]), p.name
    if "return" in tipos_dados:  # and returns no more than it promises
        assert _tipos(tipos_dados["return"]) <= _tipos(tipos_esperados["return"]), miembro


def _usos_del_backend(modulo: Path) -> set[str]:
    """Attributes read on `actual()` or on a name bound to it, in one module."""
    arbol = ast.parse(modulo.read_text())

    def es_actual(nodo):
        return isinstance(nodo, ast.Call) and getattr(nodo.func, "id", None) == "actual"

    nombres = {
        destino.id
        for nodo in ast.walk(arbol)
        if isinstance(nodo, ast.Assign) and es_actual(nodo.value)
        for destino in nodo.targets
        if isinstance(destino, ast.Name)
    }
    return {
        nodo.attr
        for nodo in ast.walk(arbol)
        if isinstance(nodo, ast.Attribute)
        and (es_actual(nodo.value) or getattr(nodo.value, "id", None) in nombres)
    }


@pytest.mark.parametrize("modulo", ["selectors.py", "services.py"])
def test_selectors_y_services_solo_llaman_al_protocolo(modulo):
    usos = _usos_del_backend(RAIZ / "busqueda" / modulo)
    assert usos, "no se encontraron llamadas al backend"
    assert usos <= set(MIEMBROS)
