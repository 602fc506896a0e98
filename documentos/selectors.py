"""Reads of the Oficialía screens: bandeja, escrito page, file viewer and public status.

Who sees what comes from visibilidad.py and who may act from permisos.py; this module
only shapes the data for the screens.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import pdf_activo, permisos
from .models import Archivo, Area, EntradaBitacora, Escrito, Respuesta
from .plazos import Semaforo, anotar_semaforo, semaforo
from .selectors_entrega import RespuestaPublica, respuesta_publica
from .services.bitacora import etiqueta_actor
from .services.flujo import TRANSICIONES
from .visibilidad import escritos_visibles

E = Escrito.Estado
A = EntradaBitacora.Accion

# ---------------------------------------------------------------------------------------
# Bandeja


def bandeja(usuario, hoy: date | None = None) -> QuerySet[Escrito]:
    """The escritos this staff member may see, with their semáforo annotated."""
    return anotar_semaforo(escritos_visibles(usuario), hoy).select_related(
        "tema", "area_responsable"
    )


def filtrar_bandeja(
    escritos: QuerySet[Escrito],
    *,
    estado: str | None = None,
    tipo: str | None = None,
    tema=None,
    area=None,
    semaforo: str | None = None,
    desde: date | None = None,
    hasta: date | None = None,
) -> QuerySet[Escrito]:
    """Narrow a bandeja (from `bandeja()`, which annotates the semáforo)."""
    if estado:
        escritos = escritos.filter(estado=estado)
    if tipo:
        escritos = escritos.filter(tipo=tipo)
    if tema:
        escritos = escritos.filter(tema=tema)
    if area:
        escritos = escritos.filter(area_responsable=area)
    if semaforo:
        escritos = escritos.filter(semaforo=semaforo)
    if desde:
        escritos = escritos.filter(recibido_en__date__gte=desde)
    if hasta:
        escritos = escritos.filter(recibido_en__date__lte=hasta)
    return escritos


def buscar_en_bandeja(escritos: QuerySet[Escrito], texto: str) -> QuerySet[Escrito]:
    """Plain substring search by folio, remitente or asunto (full text is busqueda's job)."""
    texto = (texto or "").strip()
    if not texto:
        return escritos
    return escritos.filter(
        Q(folio__icontains=texto)
        | Q(remitente_nombre__icontains=texto)
        | Q(asunto__icontains=texto)
    )


def areas_para_filtro(usuario) -> QuerySet[Area]:
    """Áreas offered in the bandeja's área filter."""
    from .visibilidad import areas_de, ve_todo

    if ve_todo(usuario):
        return Area.objects.filter(activa=True)
    return Area.objects.filter(pk__in=areas_de(usuario))


# ---------------------------------------------------------------------------------------
# Escrito page

ACCIONES = (
    "turnar",
    "asignar",
    "responder",
    "concluir",
    "archivar",
    "cancelar",
    "reabrir",
    "publicar",
    "retirar",
)


def acciones_disponibles(usuario, escrito: Escrito) -> frozenset[str]:
    """The actions to offer on the escrito's page: permitted and legal in its estado."""
    posibles = TRANSICIONES[escrito.estado]
    acciones = set()
    if E.TURNADO in posibles and permisos.puede_turnar(usuario, escrito):
        acciones.add("turnar")
    if (
        escrito.estado in (E.TURNADO, E.EN_ATENCION)
        and escrito.area_responsable_id
        and permisos.puede_asignar(usuario, escrito)
    ):
        acciones.add("asignar")
    atiende = permisos.puede_atender(usuario, escrito)
    if E.RESPONDIDO in posibles and atiende:
        acciones.add("responder")
    if escrito.estado == E.RESPONDIDO and atiende:
        acciones.update({"concluir", "reabrir"})
    if E.ARCHIVADO in posibles and permisos.puede_archivar(usuario, escrito):
        acciones.add("archivar")
    if E.CANCELADO in posibles and permisos.puede_cancelar(usuario, escrito):
        acciones.add("cancelar")
    if (
        escrito.clasificacion == Escrito.Clasificacion.PUBLICA
        and escrito.estado != E.CANCELADO
        and permisos.puede_publicar(usuario, escrito)
    ):
        acciones.add("retirar" if escrito.publicado else "publicar")
    return frozenset(acciones)


def personal_de(area: Area | None) -> QuerySet:
    """Active staff of an área (for asignar)."""
    if area is None:
        return get_user_model().objects.none()
    return area.personal.filter(is_active=True).order_by("first_name", "last_name", "username")


def personal_con_area() -> QuerySet:
    """Active staff that belong to some active área (for turnar to a person)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, areas__activa=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


ETIQUETAS_CAMPOS = {
    "estado": gettext_lazy("Estado"),
    "area": gettext_lazy("Área"),
    "instruccion": gettext_lazy("Instrucción"),
    "plazo": gettext_lazy("Plazo"),
    "folio": gettext_lazy("Folio"),
    "tipo": gettext_lazy("Tipo"),
    "vence_en": gettext_lazy("Fecha límite"),
    "archivos": gettext_lazy("Archivos"),
    "archivo": gettext_lazy("Archivo"),
    "asignado_a": gettext_lazy("Asignado a"),
    "sentido": gettext_lazy("Sentido"),
    "fecha": gettext_lazy("Fecha"),
    "publicado": gettext_lazy("Publicado"),
    "motivo": gettext_lazy("Motivo"),
    "nota": gettext_lazy("Nota"),
    "sha256": gettext_lazy("SHA-256"),
    "acuse": gettext_lazy("Acuse"),
    "contenido_activo": gettext_lazy("PDF sin contenido activo"),
}


def _valor_legible(clave: str, valor) -> str:
    if valor is None or valor == "":
        return "—"
    if isinstance(valor, bool):
        return _("sí") if valor else _("no")
    if isinstance(valor, list):
        return _("%(n)s elemento(s)") % {"n": len(valor)}
    if clave == "estado" and valor in E.values:
        return str(E(valor).label)
    if clave == "tipo" and valor in Escrito.Tipo.values:
        return str(Escrito.Tipo(valor).label)
    if clave == "sentido" and valor in Respuesta.Sentido.values:
        return str(Respuesta.Sentido(valor).label)
    if clave in ("plazo", "vence_en", "fecha") and isinstance(valor, str):
        try:
            return date.fromisoformat(valor).strftime("%d/%m/%Y")
        except ValueError:
            return valor
    return str(valor)


@dataclass(frozen=True)
class Cambio:
    campo: str
    antes: str
    despues: str


@dataclass(frozen=True)
class EventoBitacora:
    entrada: EntradaBitacora
    cambios: list[Cambio]

    @property
    def actor(self) -> str:
        return etiqueta_actor(self.entrada)


def cambios(entrada: EntradaBitacora) -> list[Cambio]:
    """The entry's before → after, one line per field, in the users' words."""
    antes, despues = entrada.antes or {}, entrada.despues or {}
    claves = list(dict.fromkeys([*antes, *despues]))
    return [
        Cambio(
            str(ETIQUETAS_CAMPOS.get(clave, clave)),
            _valor_legible(clave, antes.get(clave)) if clave in antes else "",
            _valor_legible(clave, despues.get(clave)),
        )
        for clave in claves
    ]


def linea_de_tiempo(escrito: Escrito, *, recientes_primero: bool = True) -> list[EventoBitacora]:
    """Every bitácora entry of the escrito, for staff."""
    orden = "-pk" if recientes_primero else "pk"
    return [
        EventoBitacora(entrada, cambios(entrada)) for entrada in escrito.bitacora.order_by(orden)
    ]


def avisos_de_recepcion(escrito: Escrito) -> list[str]:
    """What was taken out of the escrito's PDFs at intake, as the person is told it."""
    entrada = escrito.bitacora.filter(accion=A.RECEPCION).first()
    limpiados = (entrada.despues or {}).get("contenido_activo", []) if entrada else []
    return [pdf_activo.aviso(limpio["archivo"], limpio["quitado"]) for limpio in limpiados]


def archivos_del_escrito(escrito: Escrito) -> list[Archivo]:
    return list(escrito.archivos.select_related("archivo").order_by("orden", "pk"))


@dataclass(frozen=True)
class PaginaVisor:
    archivo: Archivo
    pagina: int  # 1-based, within the file
    global_: int  # 1-based, across the escrito's files
    total: int  # pages across the escrito's files


def ubicar_pagina(
    archivos: list[Archivo], *, pagina: int = 1, archivo_id: int | None = None
) -> PaginaVisor | None:
    """Which file and page to show. `pagina` counts across all the escrito's files in
    order, unless `archivo_id` is given (then it counts within that file)."""
    if not archivos:
        return None
    total = sum(a.paginas for a in archivos)
    inicio = 0
    if archivo_id is not None:
        for archivo in archivos:
            if archivo.pk == archivo_id:
                local = min(max(pagina, 1), archivo.paginas)
                return PaginaVisor(archivo, local, inicio + local, total)
            inicio += archivo.paginas
        return None
    pagina = min(max(pagina, 1), total)
    for archivo in archivos:
        if pagina <= inicio + archivo.paginas:
            return PaginaVisor(archivo, pagina - inicio, pagina, total)
        inicio += archivo.paginas
    return None


def pagina_global(archivos: list[Archivo], archivo: Archivo, pagina: int) -> int:
    inicio = 0
    for otro in archivos:
        if otro.pk == archivo.pk:
            return inicio + pagina
        inicio += otro.paginas
    return pagina


# ---------------------------------------------------------------------------------------
# Public status (folio + access code)

# Compared against when the folio does not exist, so both failures take the same time.
_CODIGO_FALSO = "X" * 10


def normalizar_codigo(codigo: str) -> str:
    """Case-insensitive, without spaces or dashes (as printed in groups on the acuse)."""
    return "".join(c for c in (codigo or "").upper() if c.isalnum())


def normalizar_folio(folio: str) -> str:
    return "".join((folio or "").split()).upper()


def formatear_codigo(codigo: str) -> str:
    """Groups of three or four characters, for reading aloud: ABCD-EFG-HJK."""
    codigo = normalizar_codigo(codigo)
    grupos = max(1, -(-len(codigo) // 4))
    base, extra = divmod(len(codigo), grupos)
    partes, inicio = [], 0
    for n in range(grupos):
        largo = base + (1 if n < extra else 0)
        partes.append(codigo[inicio : inicio + largo])
        inicio += largo
    return "-".join(partes)


def escrito_por_folio_y_codigo(folio: str, codigo: str) -> Escrito | None:
    """The escrito only when both folio and code match (constant-time comparison)."""
    escrito = (
        Escrito.objects.select_related("area_responsable", "tema")
        .filter(folio=normalizar_folio(folio))
        .first()
    )
    esperado = escrito.codigo_acceso if escrito is not None else _CODIGO_FALSO
    coincide = secrets.compare_digest(esperado.encode(), normalizar_codigo(codigo).encode())
    return escrito if escrito is not None and coincide else None


@dataclass(frozen=True)
class EventoPublico:
    fecha: datetime
    texto: str


@dataclass(frozen=True)
class EstadoPublico:
    """What a citizen with folio + code may see: no remitente data, no instructions,
    no file names, and no subject or answer for reservada/confidencial escritos."""

    folio: str
    tipo: str
    estado: str
    estado_valor: str
    area: str | None
    recibido_en: datetime
    vence_en: date | None
    semaforo: Semaforo
    asunto: str | None
    sentido_respuesta: str | None
    linea: list[EventoPublico] = field(default_factory=list)
    respuesta: RespuestaPublica | None = None


def _linea_publica(escrito: Escrito, es_publica: bool) -> list[EventoPublico]:
    eventos = []
    entradas = escrito.bitacora.filter(
        accion__in=[A.RECEPCION, A.TURNO, A.CAMBIO_ESTADO, A.RESPUESTA]
    ).order_by("pk")
    for entrada in entradas:
        despues = entrada.despues or {}
        if entrada.accion == A.RECEPCION:
            texto = _("Escrito recibido (%(canal)s).") % {"canal": escrito.get_canal_display()}
        elif entrada.accion == A.TURNO:
            texto = _("Turnado a %(area)s.") % {"area": despues.get("area", "—")}
        elif entrada.accion == A.RESPUESTA:
            if not es_publica or despues.get("sentido") not in Respuesta.Sentido.values:
                continue
            texto = _("Respuesta emitida (sentido: %(sentido)s).") % {
                "sentido": Respuesta.Sentido(despues["sentido"]).label
            }
        else:
            estado = despues.get("estado")
            if estado not in E.values or estado == E.TURNADO:
                continue  # the turno itself says where it went
            texto = _("Estado: %(estado)s.") % {"estado": E(estado).label}
        fecha = escrito.recibido_en if entrada.accion == A.RECEPCION else entrada.fecha
        eventos.append(EventoPublico(fecha, texto))
    return eventos


def estado_publico(escrito: Escrito, hoy: date | None = None) -> EstadoPublico:
    es_publica = escrito.clasificacion == Escrito.Clasificacion.PUBLICA
    sentido = None
    if es_publica:
        respuesta = escrito.respuestas.order_by("-pk").first()
        sentido = respuesta.get_sentido_display() if respuesta else None
    return EstadoPublico(
        folio=escrito.folio,
        tipo=escrito.get_tipo_display(),
        estado=escrito.get_estado_display(),
        estado_valor=escrito.estado,
        area=escrito.area_responsable.nombre if escrito.area_responsable_id else None,
        recibido_en=timezone.localtime(escrito.recibido_en),
        vence_en=escrito.vence_en,
        semaforo=semaforo(escrito, hoy),
        asunto=escrito.asunto if es_publica else None,
        sentido_respuesta=sentido,
        linea=_linea_publica(escrito, es_publica),
        respuesta=respuesta_publica(escrito),
    )
