"""Reads of the versión pública screens: the queue's tabs and the review of one version.

Who may act comes from permisos (`escritos_testables`); the pages as read come from the
page source (testado.fuente); this module only shapes the data for the screens.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from . import permisos, visibilidad
from .models import Archivo, CajaTestada, Escrito, VersionPublica
from .selectors import PaginaVisor, pagina_global, ubicar_pagina
from .testado import tipos
from .testado.fuente import fuente

E = VersionPublica.Estado
C = CajaTestada.Estado

# ---------------------------------------------------------------------------------------
# The queue


PESTANAS = (
    ("por_revisar", _("Por revisar")),
    ("sin_version", _("Sin versión pública")),
    ("aprobadas", _("Aprobadas")),
)


def por_revisar(usuario) -> QuerySet[VersionPublica]:
    """Versions waiting for a review, oldest first."""
    return (
        VersionPublica.objects.filter(
            estado=E.POR_REVISAR, escrito__in=permisos.escritos_testables(usuario)
        )
        .select_related("escrito", "escrito__area_responsable")
        .annotate(hojas=Sum("escrito__archivos__paginas"))
        .order_by("creada_en", "pk")
    )


def sin_version(usuario) -> QuerySet[Escrito]:
    """Public, not cancelled escritos without a current (por revisar or aprobada) version,
    oldest first."""
    vigentes = VersionPublica.objects.filter(escrito=OuterRef("pk")).exclude(estado=E.INVALIDADA)
    return (
        permisos.escritos_testables(usuario)
        .filter(clasificacion=Escrito.Clasificacion.PUBLICA)
        .exclude(estado=Escrito.Estado.CANCELADO)
        .filter(~Exists(vigentes))
        .select_related("area_responsable")
        .annotate(hojas=Sum("archivos__paginas"))
        .order_by("recibido_en", "pk")
    )


def aprobadas(usuario) -> QuerySet[VersionPublica]:
    """Approved versions, the most recent first."""
    return (
        VersionPublica.objects.filter(
            estado=E.APROBADA, escrito__in=permisos.escritos_testables(usuario)
        )
        .select_related("escrito", "escrito__area_responsable", "aprobada_por")
        .order_by("-aprobada_en", "-pk")
    )


LISTADOS = {"por_revisar": por_revisar, "sin_version": sin_version, "aprobadas": aprobadas}


def cuentas(usuario) -> dict[str, int]:
    return {clave: listado(usuario).count() for clave, listado in LISTADOS.items()}


def sugeridas_por_categoria(version_ids) -> dict[int, list[tuple[str, int]]]:
    """Per version, its suggestions nobody decided yet, counted by category."""
    filas = (
        CajaTestada.objects.filter(version_id__in=list(version_ids), estado=C.SUGERIDA)
        .values("version_id", "categoria")
        .annotate(n=Count("pk"))
        .order_by("version_id", "categoria")
    )
    cuenta: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for fila in filas:
        etiqueta = str(tipos.Categoria(fila["categoria"]).label)
        cuenta[fila["version_id"]].append((etiqueta, fila["n"]))
    return dict(cuenta)


def puede_publicarse(usuario, escrito: Escrito) -> bool:
    """Whether to offer Publicar / Retirar for this escrito (flujo.publicar decides)."""
    return (
        escrito.clasificacion == Escrito.Clasificacion.PUBLICA
        and escrito.estado != Escrito.Estado.CANCELADO
        and permisos.puede_publicar(usuario, escrito)
    )


# ---------------------------------------------------------------------------------------
# The review of one version


@dataclass(frozen=True)
class CajaRevision:
    caja: CajaTestada
    palabras: str  # the words it covers, as read (staff only; never written to the bitácora)


@dataclass(frozen=True)
class PaginaIndice:
    """One page in the review's page list."""

    global_: int
    archivo: Archivo
    numero: int
    sugeridas: int
    testadas: int
    insegura: bool


@dataclass
class PaginaRevision:
    visor: PaginaVisor
    leida: tipos.PaginaLeida | None
    cajas: list[CajaRevision] = field(default_factory=list)
    insegura: bool = False
    cubierta: bool = False  # a box already covers the whole page

    @property
    def sugeridas(self) -> int:
        return sum(1 for c in self.cajas if c.caja.estado == C.SUGERIDA)

    @property
    def patron(self) -> int:
        """Size of the SVG patterns in page pixels (about 1/60 of the page's width)."""
        return max(4, (self.leida.ancho if self.leida else 600) // 60)

    @property
    def punto(self) -> int:
        """Radius of the dots of a rejected box's pattern."""
        return max(1, self.patron // 6)


def insegura(pagina: tipos.PaginaLeida | None) -> bool:
    """Read with too little confidence for the suggestions to be trusted."""
    return pagina is not None and tipos.lectura_insegura(pagina)


def _palabras(caja: CajaTestada, pagina: tipos.PaginaLeida | None) -> str:
    if pagina is None:
        return ""
    return " ".join(p.texto for p in pagina.palabras if caja.caja.cubre_centro_de(p.caja))


def _cubre_todo(caja: CajaTestada, pagina: tipos.PaginaLeida | None) -> bool:
    return (
        pagina is not None
        and caja.estado == C.ACEPTADA
        and caja.x == 0
        and caja.y == 0
        and caja.ancho >= pagina.ancho
        and caja.alto >= pagina.alto
    )


def pagina_de_revision(
    version: VersionPublica, archivos: list[Archivo], pagina: int
) -> PaginaRevision | None:
    """Page `pagina` (counted across the escrito's files) with its boxes and how it was read."""
    visor = ubicar_pagina(archivos, pagina=pagina)
    if visor is None:
        return None
    leidas = fuente().paginas_leidas([visor.archivo.pk]).get(visor.archivo.pk, [])
    leida = next((p for p in leidas if p.numero == visor.pagina), None)
    cajas = list(version.cajas.filter(archivo=visor.archivo, pagina=visor.pagina))
    return PaginaRevision(
        visor=visor,
        leida=leida,
        cajas=[CajaRevision(c, _palabras(c, leida)) for c in cajas],
        insegura=insegura(leida),
        cubierta=any(_cubre_todo(c, leida) for c in cajas),
    )


def indice(version: VersionPublica, archivos: list[Archivo]) -> list[PaginaIndice]:
    """Every page of the escrito, with its undecided suggestions and its testado boxes."""
    por_pagina = Counter(
        (archivo_id, pagina, estado)
        for archivo_id, pagina, estado in version.cajas.values_list(
            "archivo_id", "pagina", "estado"
        )
    )
    leidas = fuente().paginas_leidas([a.pk for a in archivos])
    inseguras = {
        (p.archivo_id, p.numero) for lista in leidas.values() for p in lista if insegura(p)
    }
    return [
        PaginaIndice(
            global_=pagina_global(archivos, archivo, numero),
            archivo=archivo,
            numero=numero,
            sugeridas=por_pagina[(archivo.pk, numero, C.SUGERIDA)],
            testadas=por_pagina[(archivo.pk, numero, C.ACEPTADA)],
            insegura=(archivo.pk, numero) in inseguras,
        )
        for archivo in archivos
        for numero in range(1, archivo.paginas + 1)
    ]


def resumen(version: VersionPublica) -> dict[str, int]:
    """How many boxes are in each state (every state present, zero when none)."""
    cuenta = dict(version.cajas.values_list("estado").annotate(n=Count("pk")).order_by())
    return {estado: cuenta.get(estado, 0) for estado in C.values}


def publicada(version: VersionPublica) -> bool:
    """Whether the public sees this version now (documentos.visibilidad decides)."""
    return version.estado == E.APROBADA and visibilidad.es_publico(version.escrito)
