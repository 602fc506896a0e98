"""Active content in PDFs, found and removed with pikepdf; the visible pages are untouched.

Removed: JavaScript (document-level and in actions), actions that launch programs, send or
import form data, open other files or play media (on links, widgets, bookmarks and their
/Next chains), automatic actions (/OpenAction when it is an action, /AA anywhere), embedded
files (the /EmbeddedFiles tree, every file specification's /EF, FileAttachment annotations),
multimedia annotations and XFA forms. Plain destinations (`/OpenAction [page /Fit]`), web
links and internal links stay. A PDF without active content is kept byte for byte.
"""

import tempfile
from collections import deque
from dataclasses import dataclass

import pikepdf
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pikepdf import Array, Dictionary

# Action types (/S) that run code, send or fetch data, open other files or play media.
ACCIONES = {
    "/JavaScript": "javascript",
    "/Launch": "programas",
    "/SubmitForm": "formularios",
    "/ImportData": "formularios",
    "/GoToR": "otros_archivos",
    "/GoToE": "otros_archivos",
    "/RichMediaExecute": "multimedia",
    "/Rendition": "multimedia",
    "/Sound": "multimedia",
    "/Movie": "multimedia",
}
# Annotations removed whole: they carry a file or media.
ANOTACIONES = {
    "/FileAttachment": None,  # its file is counted with the embedded files
    "/RichMedia": "multimedia",
    "/Screen": "multimedia",
    "/Sound": "multimedia",
    "/Movie": "multimedia",
}
ORDEN = ("javascript", "programas", "formularios", "otros_archivos", "multimedia")


def _etiquetas() -> dict[str, str]:
    return {
        "javascript": _("JavaScript"),
        "programas": _("órdenes de abrir programas"),
        "formularios": _("envío o importación de datos de formularios"),
        "otros_archivos": _("enlaces que abren otros archivos"),
        "multimedia": _("contenido multimedia"),
        "automaticas": _("acciones automáticas"),
        "xfa": _("formulario XFA"),
    }


@dataclass(frozen=True)
class Limpieza:
    fichero: File | None  # the PDF without active content (a temporary file); None: untouched
    quitado: tuple[str, ...]  # what was removed, in Spanish


def aviso(nombre: str, quitado) -> str:
    """What the person is told about one file."""
    return _(
        "Del PDF «%(nombre)s» se quitó contenido activo: %(quitado)s. "
        "El documento visible no cambia."
    ) % {"nombre": nombre, "quitado": ", ".join(quitado)}


class _Hallazgos:
    def __init__(self):
        self.tipos: set[str] = set()
        self.archivos: dict = {}  # file specification -> its name

    def __bool__(self):
        return bool(self.tipos or self.archivos)

    def accion(self, accion, *, automatica=False) -> bool:
        """Note an action (and its /Next chain); True when it is one to remove."""
        tipos = _tipos(accion)
        peligrosos = {ACCIONES[t] for t in tipos if t in ACCIONES}
        self.tipos |= peligrosos
        if automatica and not peligrosos:
            self.tipos.add("automaticas")
        return bool(peligrosos) or automatica

    def archivo(self, especificacion) -> None:
        clave = especificacion.objgen if especificacion.is_indirect else id(especificacion)
        nombre = especificacion.get("/UF") or especificacion.get("/F") or _("sin nombre")
        self.archivos.setdefault(clave, str(nombre))

    def quitado(self) -> tuple[str, ...]:
        etiquetas = _etiquetas()
        partes = [etiquetas[t] for t in (*ORDEN, "automaticas", "xfa") if t in self.tipos]
        if self.archivos:
            nombres = sorted(self.archivos.values())
            partes.append(
                ngettext(
                    "%(n)s archivo incrustado (%(nombres)s)",
                    "%(n)s archivos incrustados (%(nombres)s)",
                    len(nombres),
                )
                % {"n": len(nombres), "nombres": ", ".join(nombres)}
            )
        return tuple(partes)


def _tipos(accion) -> set[str]:
    """The /S of an action and of every action chained after it by /Next."""
    tipos, pendientes, vistos = set(), [accion], set()
    while pendientes:
        actual = pendientes.pop()
        if isinstance(actual, Array):
            pendientes.extend(actual)
            continue
        if not isinstance(actual, Dictionary):
            continue
        if actual.is_indirect:
            if actual.objgen in vistos:
                continue
            vistos.add(actual.objgen)
        tipos.add(str(actual.get("/S", "")))
        if "/Next" in actual:
            pendientes.append(actual.Next)
    return tipos


def _diccionarios(pdf: pikepdf.Pdf):
    """Every dictionary (and stream dictionary) of the file, nested direct ones included."""
    pendientes = deque(pdf.objects)
    while pendientes:
        objeto = pendientes.popleft()
        if isinstance(objeto, Dictionary | pikepdf.Stream):
            yield objeto  # the caller may remove keys before its children are read
            hijos = [valor for _clave, valor in objeto.items()]
        elif isinstance(objeto, Array):
            hijos = list(objeto)
        else:
            continue
        # Scalars come back as Python values; indirect objects are visited on their own.
        pendientes.extend(
            hijo
            for hijo in hijos
            if isinstance(hijo, Dictionary | Array | pikepdf.Stream) and not hijo.is_indirect
        )


def _limpiar_objetos(pdf: pikepdf.Pdf, hallazgos: _Hallazgos) -> None:
    for objeto in _diccionarios(pdf):
        if "/AA" in objeto:
            acciones = objeto.AA
            for accion in acciones.values() if isinstance(acciones, Dictionary) else ():
                hallazgos.accion(accion, automatica=True)
            del objeto["/AA"]
        if isinstance(objeto.get("/OpenAction"), Dictionary):  # an array is a destination
            hallazgos.accion(objeto.OpenAction, automatica=True)
            del objeto["/OpenAction"]
        accion = objeto.get("/A")
        if isinstance(accion, Dictionary) and "/S" in accion and hallazgos.accion(accion):
            del objeto["/A"]
        if "/EF" in objeto:
            hallazgos.archivo(objeto)
            del objeto["/EF"]


def _limpiar_catalogo(pdf: pikepdf.Pdf, hallazgos: _Hallazgos) -> None:
    raiz = pdf.Root
    nombres = raiz.get("/Names")
    if isinstance(nombres, Dictionary):
        if "/JavaScript" in nombres:
            hallazgos.tipos.add("javascript")
            del nombres["/JavaScript"]
        if "/EmbeddedFiles" in nombres:
            del nombres["/EmbeddedFiles"]  # its files were counted with every /EF
    if "/Collection" in raiz and hallazgos.archivos:
        del raiz["/Collection"]  # a portfolio without its files
    formulario = raiz.get("/AcroForm")
    if isinstance(formulario, Dictionary) and "/XFA" in formulario:
        hallazgos.tipos.add("xfa")
        del formulario["/XFA"]
    if "/NeedsRendering" in raiz:
        hallazgos.tipos.add("xfa")
        del raiz["/NeedsRendering"]


def _limpiar_anotaciones(pdf: pikepdf.Pdf, hallazgos: _Hallazgos) -> None:
    for pagina in pdf.pages:
        anotaciones = pagina.obj.get("/Annots")
        if not isinstance(anotaciones, Array):
            continue
        quedan = []
        for anotacion in anotaciones:
            subtipo = (
                str(anotacion.get("/Subtype", "")) if isinstance(anotacion, Dictionary) else ""
            )
            if subtipo not in ANOTACIONES:
                quedan.append(anotacion)
                continue
            if ANOTACIONES[subtipo]:
                hallazgos.tipos.add(ANOTACIONES[subtipo])
            if isinstance(especificacion := anotacion.get("/FS"), Dictionary):
                hallazgos.archivo(especificacion)
        if len(quedan) != len(anotaciones):
            pagina.obj.Annots = Array(quedan)


def neutralizar(fichero, nombre: str) -> Limpieza:
    """Remove the active content of a PDF (a seekable binary file). Raise ValidationError
    (Spanish) when pikepdf cannot read or rewrite it."""
    fichero.seek(0)
    try:
        with pikepdf.open(fichero) as pdf:
            hallazgos = _Hallazgos()
            _limpiar_objetos(pdf, hallazgos)  # first: it counts the files of the tree
            _limpiar_catalogo(pdf, hallazgos)
            _limpiar_anotaciones(pdf, hallazgos)
            if not hallazgos:
                return Limpieza(None, ())
            limpio = tempfile.TemporaryFile()  # noqa: SIM115  (closed with the File)
            # Same input, same bytes: the duplicate warning compares checksums.
            pdf.save(limpio, deterministic_id=True)
    except (pikepdf.PdfError, RuntimeError, ValueError) as exc:
        raise ValidationError(
            _(
                "No se pudo revisar el PDF «%(nombre)s» en busca de contenido activo: está "
                "dañado. Guárdelo de nuevo como PDF (por ejemplo, con «Imprimir» > «Guardar "
                "como PDF») e intente otra vez."
            )
            % {"nombre": nombre}
        ) from exc
    limpio.seek(0)
    return Limpieza(File(limpio, name=nombre), hallazgos.quitado())
