"""The quality check at the window: which uploaded pages may not be readable, and what to
do about it, in Spanish. A warning, never an error: the paper original is what counts.

documentos never imports ocr (ARCHITECTURE.md): ocr registers, in its AppConfig.ready(), a
function that measures the pages of a file. Without one, nothing is checked."""

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_SEGUNDOS = 8.0  # per request: a long PDF is checked as far as this allows
MAX_AVISOS_POR_ARCHIVO = 5


@dataclass(frozen=True)
class RevisionPagina:
    """One page as the registered checker saw it. `problemas` (most important first):
    resolucion, borrosa, oscura, contraste, inclinada, perspectiva, ruido."""

    numero: int
    problemas: tuple[str, ...] = ()
    legibilidad: str = "legible"  # legible / dudosa / ilegible
    dpi: float | None = None
    inclinacion: float | None = None


# `revisor(fichero, mime)` yields a RevisionPagina per page; it may raise on a bad file.
Revisor = Callable[[object, str], Iterable[RevisionPagina]]

_revisor: Revisor | None = None


def registrar_revisor(funcion: Revisor | None) -> None:
    global _revisor
    _revisor = funcion


def hay_revisor() -> bool:
    return _revisor is not None


def _mensaje(problema: str, donde: str, pagina: RevisionPagina) -> str:
    datos = {
        "donde": donde,
        "dpi": round(pagina.dpi or 0),
        "grados": round(abs(pagina.inclinacion or 0)),
    }
    mensajes = {
        "resolucion": _(
            "%(donde)s tiene baja resolución (unos %(dpi)s dpi): vuelva a escanearla a 300 dpi."
        ),
        "borrosa": _(
            "%(donde)s está borrosa: vuelva a escanearla, o tome la foto de nuevo con buena "
            "luz y sin mover el teléfono."
        ),
        "oscura": _("%(donde)s está muy oscura: tómela de nuevo con más luz o escanéela."),
        "contraste": _(
            "%(donde)s está muy clara o desvaída: escanéela de nuevo con más contraste."
        ),
        "inclinada": _(
            "%(donde)s está muy inclinada (unos %(grados)s°): colóquela derecha en el escáner o "
            "tome la foto de frente."
        ),
        "perspectiva": _(
            "%(donde)s se fotografió en ángulo: tome la foto de frente, con la hoja plana y "
            "completa."
        ),
        "ruido": _(
            "%(donde)s tiene manchas, rayas o fondo que tapan el texto: escanee el original o "
            "una copia más limpia."
        ),
    }
    plantilla = mensajes.get(problema) or _("%(donde)s podría no leerse bien: vuelva a escanearla.")
    return plantilla % datos


def _donde(numero: int, nombre: str, una_pagina: bool, es_imagen: bool) -> str:
    if una_pagina:
        if es_imagen:
            return _("La imagen «%(nombre)s»") % {"nombre": nombre}
        return _("La página de «%(nombre)s»") % {"nombre": nombre}
    return _("La página %(n)s de «%(nombre)s»") % {"n": numero, "nombre": nombre}


def _revisar(fichero, mime: str, limite: float) -> Iterator[RevisionPagina]:
    for pagina in _revisor(fichero, mime):
        yield pagina
        if time.monotonic() > limite:
            return


def avisos(archivos: Iterable, *, segundos: float = MAX_SEGUNDOS) -> list[str]:
    """The warnings for these uploads (Django UploadedFile or File), one per doubtful page
    (at most MAX_AVISOS_POR_ARCHIVO per file, then a summary). A file the checker cannot
    open gives no warning here: the intake validation reports it."""
    if _revisor is None:
        return []
    limite = time.monotonic() + segundos
    salida: list[str] = []
    for archivo in archivos:
        nombre = str(getattr(archivo, "name", "") or "archivo").rsplit("/", 1)[-1][:80]
        mime = getattr(archivo, "content_type", "") or ""
        try:
            archivo.seek(0)
            revisadas = list(_revisar(archivo, mime, limite))
        except Exception:  # a warning must never stop the intake
            logger.info("quality check skipped for %s", nombre, exc_info=True)
            continue
        finally:
            with contextlib.suppress(OSError, ValueError):
                archivo.seek(0)
        salida.extend(_avisos_de_archivo(revisadas, nombre, mime))
        if time.monotonic() > limite:
            break
    return salida


def _avisos_de_archivo(revisadas: list[RevisionPagina], nombre: str, mime: str) -> list[str]:
    es_imagen = not (mime == "application/pdf" or nombre.lower().endswith(".pdf"))
    una = len(revisadas) == 1
    dudosas = [p for p in revisadas if p.problemas]
    salida = [
        _mensaje(p.problemas[0], _donde(p.numero, nombre, una, es_imagen), p)
        for p in dudosas[:MAX_AVISOS_POR_ARCHIVO]
    ]
    if resto := dudosas[MAX_AVISOS_POR_ARCHIVO:]:
        salida.append(
            _("Otras %(n)s páginas de «%(nombre)s» podrían no leerse bien (%(paginas)s).")
            % {
                "n": len(resto),
                "nombre": nombre,
                "paginas": ", ".join(str(p.numero) for p in resto),
            }
        )
    return salida
