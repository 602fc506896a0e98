"""Reading Folio's PDFs back: the text layer (pdfium), images and link annotations (pikepdf)."""

import io
import re

import pikepdf
import pypdfium2


def texto(pdf: bytes) -> str:
    """The text layer of every page, without whitespace (so line wrapping does not matter)."""
    documento = pypdfium2.PdfDocument(pdf)
    try:
        partes = [pagina.get_textpage().get_text_range() for pagina in documento]
    finally:
        documento.close()
    return sin_espacios("".join(partes))


def sin_espacios(cadena: str) -> str:
    return re.sub(r"\s+", "", cadena)


def _xobjects(recursos, vistos):
    for xobj in (recursos.get("/XObject") or {}).values():
        if xobj.objgen in vistos:
            continue
        vistos.add(xobj.objgen)
        yield xobj
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
            yield from _xobjects(xobj.Resources, vistos)


def imagenes(pdf: bytes) -> int:
    """How many image XObjects the pages draw (forms walked recursively)."""
    with pikepdf.open(io.BytesIO(pdf)) as documento:
        vistos = set()
        return sum(
            1
            for pagina in documento.pages
            for xobj in _xobjects(pagina.obj.get("/Resources") or {}, vistos)
            if xobj.get("/Subtype") == "/Image"
        )


def anotaciones(pdf: bytes) -> list[str]:
    """The subtype of every annotation on every page (a link is "/Link")."""
    with pikepdf.open(io.BytesIO(pdf)) as documento:
        return [
            str(anotacion.get("/Subtype"))
            for pagina in documento.pages
            for anotacion in pagina.obj.get("/Annots") or []
        ]


def nombres(contenido: bytes) -> set[str]:
    """Every name in the PDF, as a key or a value, in every object (nested ones too)."""
    encontrados = set()
    with pikepdf.open(io.BytesIO(contenido)) as pdf:
        pendientes = list(pdf.objects)
        while pendientes:
            objeto = pendientes.pop()
            if isinstance(objeto, pikepdf.Name):
                encontrados.add(str(objeto))
                continue
            if isinstance(objeto, pikepdf.Dictionary | pikepdf.Stream):
                encontrados.update(objeto.keys())
                hijos = [valor for _clave, valor in objeto.items()]
            elif isinstance(objeto, pikepdf.Array):
                hijos = list(objeto)
            else:
                continue
            pendientes.extend(
                h for h in hijos if isinstance(h, pikepdf.Object) and not h.is_indirect
            )
    return encontrados
