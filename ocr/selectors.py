"""Reads of OCR results for other packages (search indexing, the escrito page)."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Legibilidad, PaginaOCR, ResultadoOCR

ETIQUETAS_LECTURA = {
    Legibilidad.DUDOSA: _("Leído, lectura dudosa"),
    Legibilidad.ILEGIBLE: _("Con páginas ilegibles"),
}


def textos_por_archivo(archivo_ids) -> dict[int, list[tuple[int, str]]]:
    """Finished text per file: {archivo_id: [(page number, text), ...]} in page order."""
    textos: dict[int, list[tuple[int, str]]] = defaultdict(list)
    paginas = (
        PaginaOCR.objects.filter(
            resultado__archivo_id__in=list(archivo_ids),
            resultado__estado=ResultadoOCR.Estado.TERMINADO,
        )
        .order_by("resultado__archivo_id", "numero")
        .values_list("resultado__archivo_id", "numero", "texto")
    )
    for archivo_id, numero, texto in paginas:
        textos[archivo_id].append((numero, texto))
    return dict(textos)


@dataclass(frozen=True)
class EstadoPagina:
    numero: int
    confianza: float | None
    origen: str
    legibilidad: str = ""

    @property
    def senalada(self) -> bool:
        return self.legibilidad in (Legibilidad.DUDOSA, Legibilidad.ILEGIBLE)


@dataclass(frozen=True)
class EstadoOCR:
    """What staff see about one file's OCR."""

    estado: str
    etiqueta: str
    motivo: str
    paginas_hechas: int
    paginas_total: int
    confianza: float | None
    intentos: int
    motor: str
    segundos: float | None
    terminado_en: object
    paginas: tuple[EstadoPagina, ...]
    legibilidad: str = ""
    tiempos: dict | None = None

    @property
    def leido(self) -> bool:
        """Finished, and no page ilegible: an ilegible page never counts as read."""
        return self.estado == ResultadoOCR.Estado.TERMINADO and (
            self.legibilidad != Legibilidad.ILEGIBLE
        )

    @property
    def senalado(self) -> bool:
        """Finished with a dudosa or ilegible page: staff should look (and re-read or
        replace the scan)."""
        return self.estado == ResultadoOCR.Estado.TERMINADO and self.legibilidad in (
            Legibilidad.DUDOSA,
            Legibilidad.ILEGIBLE,
        )

    @property
    def pasos_lentos(self) -> list[tuple[str, float]]:
        """The two steps that took longest (summed over the pages), slowest first."""
        pasos = (self.tiempos or {}).get("pasos", {})
        return sorted(pasos.items(), key=lambda kv: -kv[1])[:2]

    @property
    def paginas_senaladas(self) -> tuple[EstadoPagina, ...]:
        return tuple(p for p in self.paginas if p.senalada)

    @property
    def activo(self) -> bool:
        return self.estado in (ResultadoOCR.Estado.PENDIENTE, ResultadoOCR.Estado.EN_PROCESO)

    @property
    def porcentaje(self) -> int:
        return round(100 * self.paginas_hechas / self.paginas_total) if self.paginas_total else 0


def estado_por_archivo(archivo_ids) -> dict[int, EstadoOCR]:
    """OCR state, progress and per-page confidence per file; files never queued are absent."""
    resultados = ResultadoOCR.objects.filter(archivo_id__in=list(archivo_ids))
    paginas: dict[int, list[EstadoPagina]] = defaultdict(list)
    for resultado_id, numero, confianza, origen, legibilidad in (
        PaginaOCR.objects.filter(
            resultado__in=resultados, resultado__estado=ResultadoOCR.Estado.TERMINADO
        )
        .order_by("resultado_id", "numero")
        .values_list("resultado_id", "numero", "confianza", "origen", "legibilidad")
    ):
        paginas[resultado_id].append(EstadoPagina(numero, confianza, origen, legibilidad))
    return {
        r.archivo_id: EstadoOCR(
            estado=r.estado,
            etiqueta=_etiqueta(r),
            motivo=r.motivo,
            paginas_hechas=r.paginas_hechas,
            paginas_total=r.paginas_total,
            confianza=r.confianza,
            intentos=r.intentos,
            motor=r.motor,
            segundos=r.segundos,
            terminado_en=r.terminado_en,
            paginas=tuple(paginas.get(r.pk, ())),
            legibilidad=r.legibilidad if r.estado == ResultadoOCR.Estado.TERMINADO else "",
            tiempos=r.tiempos,
        )
        for r in resultados
    }


def _etiqueta(resultado: ResultadoOCR) -> str:
    if resultado.estado == ResultadoOCR.Estado.TERMINADO:
        return ETIQUETAS_LECTURA.get(resultado.legibilidad, resultado.get_estado_display())
    return resultado.get_estado_display()


def pagina_leida(archivo_id: int, numero: int) -> PaginaOCR | None:
    """The finished text and word boxes of one page, for the viewer (None while not read)."""
    return (
        PaginaOCR.objects.filter(
            resultado__archivo_id=archivo_id,
            resultado__estado=ResultadoOCR.Estado.TERMINADO,
            numero=numero,
        )
        .only("numero", "texto", "confianza", "origen", "palabras", "ancho", "alto", "legibilidad")
        .first()
    )
