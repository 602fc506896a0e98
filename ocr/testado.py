"""The page source of the versión pública (documentos.testado.fuente.FuenteDePaginas): the
pages as the OCR read them, a fingerprint of those readings, and the public copy with the
boxes burned in (ocr.pipeline.testar)."""

import hashlib
import io
import json
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image
from reportlab.lib.pagesizes import LETTER

from documentos.acuse import PAPELES
from documentos.models import Archivo
from documentos.testado.fuente import NoSePuedeTestar
from documentos.testado.tipos import (
    MARCA,
    Caja,
    CajaTestar,
    Categoria,
    PaginaLeida,
    PaginaPublica,
    Palabra,
    Testado,
)

from .models import PaginaOCR, ResultadoOCR
from .pipeline import ArchivoIlegible
from .pipeline.cargar import cargar
from .pipeline.normalizar import dpi_estimado
from .pipeline.testar import PaginaQuemada, Recuadro, codificar, pdf_leyenda, pdf_publico, quemar

Estado = ResultadoOCR.Estado


class FuenteOCR:
    def paginas_leidas(self, archivo_ids: list[int]) -> dict[int, list[PaginaLeida]]:
        leidas: dict[int, list[PaginaLeida]] = defaultdict(list)
        for archivo_id, pagina in _paginas(archivo_ids):
            leidas[archivo_id].append(_leida(archivo_id, pagina))
        return dict(leidas)

    def huella(self, archivo_ids: list[int]) -> str:
        archivos = dict(Archivo.objects.filter(pk__in=archivo_ids).values_list("pk", "sha256"))
        resultados = {
            r.archivo_id: r for r in ResultadoOCR.objects.filter(archivo_id__in=archivo_ids)
        }
        partes = []
        for pk in archivo_ids:
            r = resultados.get(pk)
            lectura = r and [r.estado, str(r.ejecucion or r.terminado_en or ""), r.ajustes]
            partes.append([pk, archivos.get(pk), lectura])
        contenido = json.dumps(partes, sort_keys=True, default=str).encode()
        return hashlib.sha256(contenido).hexdigest()

    def testar(
        self, archivo_ids: list[int], cajas: list[CajaTestar], leyenda: list[str]
    ) -> Testado:
        inicio = time.monotonic()
        archivos = _archivos_leidos(archivo_ids)
        leidas = self.paginas_leidas(archivo_ids)
        por_pagina = _cajas_por_pagina(cajas, leidas)
        quemadas: list[PaginaQuemada] = []
        publicas: list[PaginaPublica] = []
        filas: list[tuple[str, str]] = []
        for indice, archivo in enumerate(archivos, 1):
            paginas = {p.numero: p for p in leidas.get(archivo.pk, [])}
            for pagina in _paginas_de(archivo, len(paginas)):
                leida = paginas[pagina.numero]
                suyas = por_pagina.get((archivo.pk, pagina.numero), [])
                imagen, dpi = _quemada(pagina, leida, suyas)
                quemadas.append(PaginaQuemada(codificar(imagen), dpi))
                texto = texto_publico(leida.texto, leida.palabras, [c.caja for c in suyas])
                publicas.append(PaginaPublica(archivo.pk, pagina.numero, texto))
                if suyas:
                    filas.append(_fila(len(quemadas), indice, len(archivos), pagina.numero, suyas))
        titulo = _("Versión pública %(folio)s") % {"folio": archivos[0].escrito.folio}
        papel = PAPELES.get(str(settings.FOLIO_ACUSE_PAPEL).lower(), LETTER)
        pdf = pdf_publico(quemadas, pdf_leyenda(titulo, leyenda, filas, papel), titulo)
        return Testado(pdf=pdf, paginas=tuple(publicas), segundos=time.monotonic() - inicio)

    def vista_previa(
        self, archivo_id: int, numero: int, cajas: list[CajaTestar], ancho_max: int | None = None
    ) -> bytes:
        [archivo] = _archivos_leidos([archivo_id])
        leidas = self.paginas_leidas([archivo_id])
        suyas = _cajas_por_pagina(cajas, leidas).get((archivo_id, numero), [])
        leida = next((p for p in leidas.get(archivo_id, []) if p.numero == numero), None)
        if leida is None:
            raise NoSePuedeTestar(
                _("La página %(n)s de «%(nombre)s» no se leyó.")
                % {"n": numero, "nombre": archivo.nombre_original}
            )
        [pagina] = _paginas_de(archivo, 1, numero)
        imagen, _dpi = _quemada(pagina, leida, suyas)
        if ancho_max and imagen.width > ancho_max:
            alto = max(1, round(imagen.height * ancho_max / imagen.width))
            imagen = imagen.convert("L" if imagen.mode == "1" else imagen.mode)
            imagen = imagen.resize((ancho_max, alto), Image.Resampling.LANCZOS)
        salida = io.BytesIO()
        imagen.save(salida, "PNG", compress_level=1)
        return salida.getvalue()


def _paginas(archivo_ids):
    filas = (
        PaginaOCR.objects.filter(
            resultado__archivo_id__in=list(archivo_ids), resultado__estado=Estado.TERMINADO
        )
        .select_related("resultado")
        .order_by("resultado__archivo_id", "numero")
    )
    for pagina in filas:
        yield pagina.resultado.archivo_id, pagina


def _leida(archivo_id: int, pagina: PaginaOCR) -> PaginaLeida:
    return PaginaLeida(
        archivo_id=archivo_id,
        numero=pagina.numero,
        ancho=pagina.ancho,
        alto=pagina.alto,
        confianza=None if pagina.origen == PaginaOCR.Origen.TEXTO_PDF else pagina.confianza,
        palabras=tuple(Palabra.desde_lista(p) for p in pagina.palabras),
        texto=pagina.texto,
    )


def _archivos_leidos(archivo_ids: list[int]) -> list[Archivo]:
    """The files in this order; each must have been read (OCR terminado) from its bytes."""
    if not archivo_ids:
        raise NoSePuedeTestar(_("No hay archivos que testar."))
    archivos = Archivo.objects.select_related("escrito").in_bulk(archivo_ids)
    resultados = {r.archivo_id: r for r in ResultadoOCR.objects.filter(archivo_id__in=archivo_ids)}
    for pk in archivo_ids:
        if pk not in archivos:
            raise NoSePuedeTestar(_("El archivo %(id)s no existe.") % {"id": pk})
        nombre, resultado = archivos[pk].nombre_original, resultados.get(pk)
        if resultado is None or resultado.estado in (Estado.PENDIENTE, Estado.EN_PROCESO):
            raise NoSePuedeTestar(
                _(
                    "El archivo «%(nombre)s» aún no se ha leído (OCR pendiente): podrá testarlo "
                    "cuando termine la lectura."
                )
                % {"nombre": nombre}
            )
        if resultado.estado == Estado.FALLO:
            raise NoSePuedeTestar(
                _(
                    "La lectura (OCR) del archivo «%(nombre)s» falló (%(motivo)s): vuelva a "
                    "leerlo antes de testarlo."
                )
                % {"nombre": nombre, "motivo": resultado.motivo}
            )
        if resultado.ajustes.get("sha256") != archivos[pk].sha256:
            raise NoSePuedeTestar(
                _("El archivo «%(nombre)s» no es el que se leyó: vuelva a leerlo.")
                % {"nombre": nombre}
            )
    return [archivos[pk] for pk in archivo_ids]


def _cajas_por_pagina(cajas, leidas) -> dict[tuple[int, int], list[CajaTestar]]:
    """The boxes grouped by page; a box that would not be burned is refused, never dropped."""
    por_pagina: dict[tuple[int, int], list[CajaTestar]] = defaultdict(list)
    paginas = {(a, p.numero): p for a, lista in leidas.items() for p in lista}
    for caja in cajas:
        pagina = paginas.get((caja.archivo_id, caja.numero))
        if pagina is None:
            raise NoSePuedeTestar(
                _("Una caja está en la página %(n)s de un archivo que no la tiene (%(id)s).")
                % {"n": caja.numero, "id": caja.archivo_id}
            )
        if caja.categoria not in Categoria.values:
            raise NoSePuedeTestar(
                _("Categoría de testado desconocida: %(c)s.") % {"c": caja.categoria}
            )
        if caja.caja.ancho <= 0 or caja.caja.alto <= 0:
            raise NoSePuedeTestar(_("Una caja de la página %(n)s está vacía.") % {"n": caja.numero})
        if pagina.ancho and not caja.caja.interseca(Caja(0, 0, pagina.ancho, pagina.alto)):
            raise NoSePuedeTestar(
                _("Una caja de la página %(n)s está fuera de la página.") % {"n": caja.numero}
            )
        por_pagina[(caja.archivo_id, caja.numero)].append(caja)
    return por_pagina


def _quemada(pagina, leida: PaginaLeida, cajas: list[CajaTestar]):
    """(the page with its boxes burned, its dpi): the one burning of approval and preview."""
    dpi = pagina.dpi or dpi_estimado(pagina)
    return quemar(pagina.imagen, _recuadros(cajas, leida, pagina.imagen.size), dpi), dpi


def _paginas_de(archivo: Archivo, esperadas: int, solo: int | None = None):
    """The file's pages loaded as the OCR loaded them (EXIF applied, PDFs at the same
    resolution), every one as an image; with `solo`, only that page (`esperadas` is 1)."""
    with archivo.abrir() as fichero:
        contenido = fichero.read()
    if hashlib.sha256(contenido).hexdigest() != archivo.sha256:
        raise NoSePuedeTestar(
            _("El archivo guardado «%(nombre)s» no coincide con su huella SHA-256.")
            % {"nombre": archivo.nombre_original}
        )
    vistas = 0
    try:
        for pagina in cargar(contenido, archivo.mime, rasterizar=True, pagina=solo):
            vistas += 1
            if vistas > esperadas:
                break
            yield pagina
    except ArchivoIlegible as exc:
        raise NoSePuedeTestar(
            _("No se pudo abrir «%(nombre)s»: %(error)s")
            % {"nombre": archivo.nombre_original, "error": exc}
        ) from exc
    if vistas != esperadas:
        raise NoSePuedeTestar(
            _("«%(nombre)s» no tiene las páginas que se leyeron: vuelva a leerlo.")
            % {"nombre": archivo.nombre_original}
        )


def _recuadros(cajas: list[CajaTestar], leida: PaginaLeida, tamano) -> list[Recuadro]:
    """The boxes in pixels of the loaded image (a PDF render may be a pixel larger than the
    size the OCR recorded)."""
    sx = tamano[0] / (leida.ancho or tamano[0])
    sy = tamano[1] / (leida.alto or tamano[1])
    recuadros = []
    for c in cajas:
        x0, y0 = math.floor(c.caja.x * sx), math.floor(c.caja.y * sy)
        x1 = math.ceil((c.caja.x + c.caja.ancho) * sx)
        y1 = math.ceil((c.caja.y + c.caja.alto) * sy)
        etiqueta = _("[testado: %(categoria)s]") % {"categoria": Categoria(c.categoria).label}
        recuadros.append(Recuadro(x0, y0, x1 - x0, y1 - y0, (etiqueta, MARCA)))
    return recuadros


def _fila(pagina_pdf: int, indice: int, total: int, numero: int, cajas) -> tuple[str, str]:
    donde = _("%(p)s (archivo %(i)s de %(t)s, página %(n)s)") % {
        "p": pagina_pdf,
        "i": indice,
        "t": total,
        "n": numero,
    }
    cuentas = Counter(c.categoria for c in cajas)
    datos = "; ".join(f"{Categoria(c).label} ({n})" for c, n in sorted(cuentas.items()))
    return donde, datos


def texto_publico(texto: str, palabras: Sequence[Palabra], cajas: Sequence[Caja]) -> str:
    """The page's text with every word whose centre lies in a box replaced by MARCA (one
    MARCA per run of such words on a line).

    PaginaOCR.texto is the words in order joined by spaces and line breaks (Tesseract's
    lines; a PDF's text layer split the same way). When its tokens are exactly the words,
    they are replaced in place; otherwise the text is rebuilt from the words in reading
    order, so that a covered word can never survive."""
    tapadas = _tapadas(palabras, cajas)
    if not any(tapadas):
        return texto
    fichas = list(re.finditer(r"\S+", texto))
    if [f.group() for f in fichas] != [p.texto for p in palabras]:
        return _reconstruido(palabras, tapadas)
    partes, fin, anterior = [], 0, False
    for ficha, tapada in zip(fichas, tapadas, strict=True):
        separador = texto[fin : ficha.start()]
        if not (tapada and anterior and "\n" not in separador):
            partes += [separador, MARCA if tapada else ficha.group()]
        fin, anterior = ficha.end(), tapada
    return "".join(partes) + texto[fin:]


def _tapadas(palabras: Sequence[Palabra], cajas: Sequence[Caja]) -> list[bool]:
    """Per word, whether its centre lies in a box (Caja.cubre_centro_de, for every pair)."""
    if not palabras or not cajas:
        return [False] * len(palabras)
    p = np.array([(w.caja.x, w.caja.y, w.caja.ancho, w.caja.alto) for w in palabras], float)
    c = np.array([(k.x, k.y, k.ancho, k.alto) for k in cajas], float)
    cx, cy = (p[:, 0] + p[:, 2] / 2)[:, None], (p[:, 1] + p[:, 3] / 2)[:, None]
    dentro = (
        (c[:, 0] <= cx) & (cx <= c[:, 0] + c[:, 2]) & (c[:, 1] <= cy) & (cy <= c[:, 1] + c[:, 3])
    )
    return dentro.any(axis=1).tolist()


def _reconstruido(palabras: Sequence[Palabra], tapadas: Sequence[bool]) -> str:
    lineas: list[list[str]] = []
    previa = None
    for palabra, tapada in zip(palabras, tapadas, strict=True):
        caja = palabra.caja
        centro = caja.y + caja.alto / 2
        misma = previa and previa.y <= centro <= previa.y + previa.alto and caja.x >= previa.x
        if not misma:
            lineas.append([])
        if not (tapada and lineas[-1] and lineas[-1][-1] == MARCA):
            lineas[-1].append(MARCA if tapada else palabra.texto)
        previa = caja
    return "\n".join(" ".join(linea) for linea in lineas)
