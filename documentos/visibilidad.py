"""Who may see which escritos: the one place these rules live.

Public pages, public search and public APIs go through `escritos_publicos` (or `es_publico`),
show only `CAMPOS_PUBLICOS` of the escrito and take every text, image and file (subject, pages,
PDF) from its approved versión pública (`version_aprobada`, `version_publicada`); staff views
and staff search go through `escritos_visibles`.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from cms import roles

from .models import Asignacion, Escrito, Turno, VersionPublica

# Fields of an escrito that may be shown to anyone (never remitente data or the access code).
# Its subject and text are not among them: the public reads the versión pública's.
CAMPOS_PUBLICOS = (
    "folio",
    "tipo",
    "canal",
    "tema",
    "recibido_en",
    "estado",
    "area_responsable",
    "vence_en",
    "clasificacion",
)

# Roles that see every escrito (Oficialía receives them all; archive and oversight read all).
ROLES_CON_VISTA_TOTAL = (roles.OFICIALIA, roles.ARCHIVO, roles.CONTRALORIA)


def versiones_aprobadas() -> QuerySet[VersionPublica]:
    return VersionPublica.objects.filter(estado=VersionPublica.Estado.APROBADA)


def filtro_publico() -> Q:
    """Pública, publicado, not cancelled and with an approved versión pública: `publicado`
    alone (set by the ORM, an old row, a bug) is never enough."""
    return (
        Q(clasificacion=Escrito.Clasificacion.PUBLICA, publicado=True)
        & ~Q(estado=Escrito.Estado.CANCELADO)
        & Q(Exists(versiones_aprobadas().filter(escrito=OuterRef("pk"))))
    )


def escritos_publicos() -> QuerySet[Escrito]:
    return Escrito.objects.filter(filtro_publico())


def version_aprobada(escrito: Escrito) -> VersionPublica | None:
    """The escrito's approved versión pública (at most one is in force), or None."""
    return versiones_aprobadas().filter(escrito=escrito).order_by("-pk").first()


def es_publico(escrito: Escrito) -> bool:
    return (
        escrito.clasificacion == Escrito.Clasificacion.PUBLICA
        and escrito.publicado
        and escrito.estado != Escrito.Estado.CANCELADO
        and version_aprobada(escrito) is not None
    )


def version_publicada(folio: str):
    """The approved versión pública of a public escrito, by folio; None if it is not public.
    The only way public views reach an escrito's content."""
    return (
        versiones_aprobadas()
        .select_related("escrito", "pdf")
        .filter(escrito__in=escritos_publicos().filter(folio=folio))
        .first()
    )


def respuesta_en_consulta(escrito: Escrito) -> bool:
    """Whether the citizen's lookup (folio + code) may show the answer's text and file.
    Reservada and confidencial escritos show only that an answer exists and how to obtain
    it (at the Oficialía, in person)."""
    return escrito.clasificacion == Escrito.Clasificacion.PUBLICA


def ve_todo(usuario) -> bool:
    if not usuario.is_authenticated or not usuario.is_active:
        return False
    if usuario.is_superuser:
        return True
    return usuario.groups.filter(name__in=ROLES_CON_VISTA_TOTAL).exists()


def areas_de(usuario) -> list[int]:
    if not usuario.is_authenticated:
        return []
    return list(usuario.areas.filter(activa=True).values_list("pk", flat=True))


def filtro_staff(usuario) -> Q | None:
    """A Q for the escritos this staff member may see; None means all of them."""
    if ve_todo(usuario):
        return None
    if not usuario.is_authenticated or not usuario.is_active:
        return Q(pk__in=[])
    areas = areas_de(usuario)
    return (
        Q(area_responsable__in=areas)
        | Q(turnos__a_area__in=areas)
        | Q(turnos__a_usuario=usuario)
        | Q(asignaciones__asignado_a=usuario)
    )


def escritos_visibles(usuario) -> QuerySet[Escrito]:
    condicion = filtro_staff(usuario)
    if condicion is None:
        return Escrito.objects.all()
    return Escrito.objects.filter(pk__in=Escrito.objects.filter(condicion).values("pk"))


def puede_ver(usuario, escrito: Escrito) -> bool:
    return escritos_visibles(usuario).filter(pk=escrito.pk).exists()


def accesos_staff(ids) -> dict[int, tuple[set[int], set[int]]]:
    """{escrito id: (área ids, user ids)} that `filtro_staff` lets see each of these
    escritos, for search indexes: three reads however many ids.

    Must say the same as filtro_staff: área staff see an escrito when one of their áreas
    is responsible or received a turno; a person when a turno or an asignación names them.
    """
    ids = list(ids)
    accesos = {pk: (set(), set()) for pk in ids}
    for pk, area in Escrito.objects.filter(pk__in=ids).values_list("pk", "area_responsable_id"):
        if area:
            accesos[pk][0].add(area)
    for pk, area, usuario in Turno.objects.filter(escrito_id__in=ids).values_list(
        "escrito_id", "a_area_id", "a_usuario_id"
    ):
        accesos[pk][0].add(area)
        if usuario:
            accesos[pk][1].add(usuario)
    for pk, usuario in Asignacion.objects.filter(escrito_id__in=ids).values_list(
        "escrito_id", "asignado_a_id"
    ):
        accesos[pk][1].add(usuario)
    return accesos
