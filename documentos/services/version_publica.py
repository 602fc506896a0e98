"""The versión pública of an escrito: prepared from automatic suggestions, reviewed by the
transparency unit (accept, reject, draw, a term everywhere), approved into a public PDF and
text, invalidated when what it was made from changes.

The pages come from `testado.fuente` (ocr registers it); nothing here reads OCR tables or
draws images. The bitácora records who decided what on which boxes, never the testado values.
"""

import hashlib
import time

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from filer.models import File as FilerFile

from .. import eventos, permisos
from ..models import Archivo, CajaTestada, EntradaBitacora, Escrito, VersionPublica
from ..testado import tipos
from ..testado.fuente import fuente
from . import bitacora
from .archivos import borrar_archivos_si_falla, guardar_privado

E = VersionPublica.Estado
C = CajaTestada.Estado
A = EntradaBitacora.Accion


def archivos_de(escrito: Escrito) -> list[Archivo]:
    """Every stored file of the escrito (scans, annexes, answers), in order; not the signed
    copies of an answer, which repeat its content."""
    return list(escrito.archivos.exclude(tipo=Archivo.Tipo.FIRMADO).order_by("orden", "pk"))


def vigente(escrito_id: int) -> VersionPublica | None:
    """The escrito's version that is not invalidated (por revisar or aprobada), if any."""
    return (
        VersionPublica.objects.select_related("escrito")
        .filter(escrito_id=escrito_id)
        .exclude(estado=E.INVALIDADA)
        .first()
    )


def servidores_publicos() -> tuple[str, ...]:
    """Names that are never testado: staff acting in their office (every active user with
    a role of the institution)."""
    usuarios = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__isnull=False) | Q(is_superuser=True) | Q(areas__isnull=False))
    )
    nombres = {u.get_full_name().strip() for u in usuarios.distinct()}
    return tuple(sorted(n for n in nombres if n))


def _paginas(escrito: Escrito) -> tuple[list[Archivo], list[tipos.PaginaLeida]]:
    archivos = archivos_de(escrito)
    leidas = fuente().paginas_leidas([a.pk for a in archivos])
    sin_leer = [a.nombre_original for a in archivos if a.pk not in leidas]
    if sin_leer:
        raise ValidationError(
            _(
                "Todavía no se termina de leer (OCR) %(archivos)s: la versión pública se prepara "
                "cuando todos los archivos del escrito estén leídos."
            )
            % {"archivos": ", ".join(f"«{n}»" for n in sin_leer)}
        )
    return archivos, [p for a in archivos for p in leidas[a.pk]]


def _asunto_publico(escrito: Escrito, contexto: tipos.Contexto) -> str:
    from ..testado.deteccion import detectar_texto

    asunto = escrito.asunto
    for inicio, fin, _categoria in sorted(detectar_texto(asunto, contexto), reverse=True):
        asunto = asunto[:inicio] + tipos.MARCA + asunto[fin:]
    return asunto


def _registrar(
    version: VersionPublica, descripcion: str, usuario, *, actor=None, **despues
) -> None:
    bitacora.registrar(
        A.VERSION_PUBLICA,
        descripcion,
        escrito=version.escrito,
        usuario=usuario,
        actor=actor,
        despues={"version": version.pk, **despues},
    )


@transaction.atomic
def preparar(escrito: Escrito, *, usuario=None) -> VersionPublica:
    """A version por revisar with the detected personal data as suggested boxes. Running it
    again returns the version in progress, or the approved one while it is still current."""
    if usuario is not None:
        permisos.exigir(permisos.puede_testar(usuario, escrito))
    if escrito.clasificacion != Escrito.Clasificacion.PUBLICA:
        raise ValidationError(
            _("Solo los escritos con clasificación pública tienen versión pública.")
        )
    escrito = Escrito.objects.select_for_update().get(pk=escrito.pk)
    archivos, paginas = _paginas(escrito)
    huella = fuente().huella([a.pk for a in archivos])
    actual = vigente(escrito.pk)
    if actual is not None and actual.huella == huella:
        return actual
    if actual is not None:
        _invalidar(actual, _("cambiaron los archivos o su lectura."), usuario)
    from ..testado.deteccion import detectar

    contexto = tipos.Contexto(escrito.remitente_nombre, servidores_publicos())
    version = VersionPublica.objects.create(
        escrito=escrito,
        huella=huella,
        asunto=_asunto_publico(escrito, contexto),
        creada_por=usuario if usuario is not None and usuario.is_authenticated else None,
    )
    sugerencias = detectar(paginas, contexto)
    CajaTestada.objects.bulk_create(
        CajaTestada(
            version=version,
            archivo_id=s.archivo_id,
            pagina=s.numero,
            x=caja.x,
            y=caja.y,
            ancho=caja.ancho,
            alto=caja.alto,
            categoria=s.categoria,
            origen=CajaTestada.Origen.DETECCION,
            motivo=s.motivo[:200],
        )
        for s in sugerencias
        for caja in s.cajas
    )
    _registrar(
        version,
        _("Preparó la versión pública: %(n)s datos personales sugeridos en %(p)s páginas.")
        % {"n": len(sugerencias), "p": len(paginas)},
        usuario,
        sugerencias=len(sugerencias),
        por_categoria=_por_categoria(s.categoria for s in sugerencias),
    )
    return version


def preparar_en_bloque(escritos, *, usuario) -> tuple[list[VersionPublica], list]:
    """Prepare several; each in its own transaction, so one refusal does not undo the
    others. Returns (versions, [(escrito, Spanish reason)])."""
    hechas, errores = [], []
    for escrito in escritos:
        try:
            hechas.append(preparar(escrito, usuario=usuario))
        except (ValidationError, PermissionDenied) as error:
            errores.append((escrito, " ".join(getattr(error, "messages", None) or [str(error)])))
    return hechas, errores


def _por_categoria(categorias) -> dict[str, int]:
    cuenta: dict[str, int] = {}
    for categoria in categorias:
        cuenta[categoria] = cuenta.get(categoria, 0) + 1
    return cuenta


def _en_revision(version: VersionPublica, usuario) -> VersionPublica:
    version = (
        VersionPublica.objects.select_for_update().select_related("escrito").get(pk=version.pk)
    )
    permisos.exigir(permisos.puede_testar(usuario, version.escrito))
    if version.estado != E.POR_REVISAR:
        raise ValidationError(
            _("Esta versión pública ya no está en revisión (%(estado)s).")
            % {"estado": version.get_estado_display()}
        )
    return version


@transaction.atomic
def decidir(version: VersionPublica, caja_ids, aceptar: bool, *, usuario) -> int:
    """Accept or reject suggested or drawn boxes; returns how many changed."""
    version = _en_revision(version, usuario)
    nuevo = C.ACEPTADA if aceptar else C.RECHAZADA
    cajas = version.cajas.filter(pk__in=list(caja_ids)).exclude(estado=nuevo)
    cambiadas = list(cajas.values_list("pk", "categoria"))
    cajas.update(estado=nuevo)
    if cambiadas:
        _registrar(
            version,
            (_("Aceptó %(n)s cajas de testado.") if aceptar else _("Rechazó %(n)s cajas."))
            % {"n": len(cambiadas)},
            usuario,
            cajas=[pk for pk, _c in cambiadas],
            por_categoria=_por_categoria(c for _pk, c in cambiadas),
        )
    return len(cambiadas)


@transaction.atomic
def dibujar(
    version: VersionPublica,
    *,
    archivo: Archivo,
    pagina: int,
    caja: tipos.Caja,
    categoria: str,
    usuario,
    origen: str = CajaTestada.Origen.MANUAL,
) -> CajaTestada:
    """A box a person drew on a page (or the whole page, `origen` PAGINA): testado when
    approved. A box that does not touch its page is refused."""
    version = _en_revision(version, usuario)
    if archivo.escrito_id != version.escrito_id or not 1 <= pagina <= archivo.paginas:
        raise ValidationError(_("Esa página no es de este escrito."))
    if categoria not in tipos.Categoria.values:
        raise ValidationError(_("Elija qué tipo de dato cubre la caja."))
    if origen not in (CajaTestada.Origen.MANUAL, CajaTestada.Origen.PAGINA):
        raise ValidationError(_("Origen de caja desconocido."))
    if caja.ancho < 2 or caja.alto < 2:
        raise ValidationError(_("La caja es demasiado pequeña."))
    leidas = fuente().paginas_leidas([archivo.pk]).get(archivo.pk, [])
    leida = next((p for p in leidas if p.numero == pagina), None)
    if leida is None:
        raise ValidationError(_("Esa página aún no se ha leído (OCR)."))
    if not caja.interseca(tipos.Caja(0, 0, leida.ancho, leida.alto)):
        raise ValidationError(_("La caja está fuera de la página: dibújela sobre la página."))
    nueva = CajaTestada.objects.create(
        version=version,
        archivo=archivo,
        pagina=pagina,
        x=caja.x,
        y=caja.y,
        ancho=caja.ancho,
        alto=caja.alto,
        categoria=categoria,
        origen=origen,
        estado=C.ACEPTADA,
    )
    descripcion = (
        _("Cubrió por completo la página %(pagina)s de «%(archivo)s».")
        if origen == CajaTestada.Origen.PAGINA
        else _(
            "Dibujó una caja de testado (%(categoria)s) en la página %(pagina)s de «%(archivo)s»."
        )
    )
    _registrar(
        version,
        descripcion
        % {
            "categoria": nueva.get_categoria_display(),
            "pagina": pagina,
            "archivo": archivo.nombre_original,
        },
        usuario,
        caja=nueva.pk,
        categoria=categoria,
    )
    return nueva


def _plegar(texto: str) -> str:
    import unicodedata

    sin_acentos = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return "".join(c for c in sin_acentos.lower() if c.isalnum())


@transaction.atomic
def testar_termino(version: VersionPublica, termino: str, categoria: str, *, usuario) -> int:
    """Every occurrence of a word or phrase on every page of the escrito (accents and case
    ignored): one accepted box per occurrence. The term itself is not recorded anywhere."""
    version = _en_revision(version, usuario)
    buscadas = [_plegar(p) for p in termino.split() if _plegar(p)]
    if not buscadas:
        raise ValidationError(_("Escriba la palabra o frase que debe testarse."))
    if categoria not in tipos.Categoria.values:
        raise ValidationError(_("Elija qué tipo de dato es."))
    _archivos, paginas = _paginas(version.escrito)
    nuevas = []
    for pagina in paginas:
        plegadas = [_plegar(p.texto) for p in pagina.palabras]
        for i in range(len(plegadas) - len(buscadas) + 1):
            if plegadas[i : i + len(buscadas)] == buscadas:
                for palabra in pagina.palabras[i : i + len(buscadas)]:
                    nuevas.append(
                        CajaTestada(
                            version=version,
                            archivo_id=pagina.archivo_id,
                            pagina=pagina.numero,
                            x=palabra.caja.x,
                            y=palabra.caja.y,
                            ancho=palabra.caja.ancho,
                            alto=palabra.caja.alto,
                            categoria=categoria,
                            origen=CajaTestada.Origen.TERMINO,
                            estado=C.ACEPTADA,
                        )
                    )
    CajaTestada.objects.bulk_create(nuevas)
    _registrar(
        version,
        _("Testó un término en todo el escrito: %(n)s palabras.") % {"n": len(nuevas)},
        usuario,
        cajas=len(nuevas),
        categoria=categoria,
    )
    return len(nuevas)


@transaction.atomic
def editar_asunto(version: VersionPublica, asunto: str, *, usuario) -> VersionPublica:
    version = _en_revision(version, usuario)
    if not asunto.strip():
        raise ValidationError(_("El asunto público no puede quedar vacío."))
    version.asunto = asunto.strip()
    version.save(update_fields=["asunto"])
    _registrar(version, _("Corrigió el asunto de la versión pública."), usuario)
    return version


def leyenda(version: VersionPublica, cajas: list[tipos.CajaTestar]) -> list[str]:
    """The legend page's paragraphs: what was testado, why, on which legal ground."""
    categorias = sorted({str(tipos.Categoria(c.categoria).label) for c in cajas})
    escrito = version.escrito
    parrafos = [
        _("Versión pública del escrito con folio %(folio)s.") % {"folio": escrito.folio},
        ngettext(
            "Se testó %(n)s parte que contiene datos personales de particulares "
            "(%(categorias)s), por tratarse de información confidencial que identifica o hace "
            "identificable a una persona y cuya difusión no es necesaria para conocer el "
            "asunto ni la actuación de la autoridad.",
            "Se testaron %(n)s partes que contienen datos personales de particulares "
            "(%(categorias)s), por tratarse de información confidencial que identifica o hace "
            "identificable a una persona y cuya difusión no es necesaria para conocer el "
            "asunto ni la actuación de la autoridad.",
            len(cajas),
        )
        % {"n": len(cajas), "categorias": ", ".join(categorias)}
        if cajas
        else _("No se encontraron datos personales que testar en este escrito."),
        _("Fundamento legal: %(fundamento)s") % {"fundamento": version.fundamento},
        _("Aprobó la versión pública: %(quien)s, el %(fecha)s.")
        % {
            "quien": _("la unidad de transparencia")
            if version.automatica
            else (version.aprobada_por.get_full_name() or version.aprobada_por.get_username()),
            "fecha": timezone.localtime(version.aprobada_en).strftime("%d/%m/%Y %H:%M"),
        },
    ]
    return parrafos


def _cajas_a_testar(version: VersionPublica, paginas, automatica: bool) -> list[tipos.CajaTestar]:
    """Accepted boxes; in a batch approval the suggested ones too, and every page read with
    low confidence is covered whole (detection cannot be trusted there)."""
    estados = [C.ACEPTADA, C.SUGERIDA] if automatica else [C.ACEPTADA]
    cajas = [
        tipos.CajaTestar(c.archivo_id, c.pagina, c.caja, c.categoria)
        for c in version.cajas.filter(estado__in=estados)
    ]
    if automatica:
        cajas.extend(
            tipos.CajaTestar(
                pagina.archivo_id,
                pagina.numero,
                tipos.Caja(0, 0, pagina.ancho, pagina.alto),
                tipos.Categoria.OTRO,
            )
            for pagina in paginas
            if tipos.lectura_insegura(pagina)
        )
    return cajas


def aprobar(version: VersionPublica, *, usuario, automatica: bool = False) -> VersionPublica:
    """Burn the boxes, build the public PDF and text, and make the version the one the public
    sees. A version whose sources changed since it was prepared cannot be approved, nor (but
    in a batch approval) one with suggestions nobody decided."""
    if revisar_huella(version.escrito_id, usuario=usuario):
        raise ValidationError(
            _(
                "Los archivos del escrito cambiaron o se volvieron a leer durante la revisión: "
                "prepare de nuevo la versión pública."
            )
        )
    with borrar_archivos_si_falla(), transaction.atomic():
        return _aprobar(version, usuario, automatica)


def _aprobar(version: VersionPublica, usuario, automatica: bool) -> VersionPublica:
    version = _en_revision(version, usuario)
    pendientes = 0 if automatica else version.cajas.filter(estado=C.SUGERIDA).count()
    if pendientes:
        raise ValidationError(
            ngettext(
                "Queda %(n)s sugerencia sin decidir: acéptela o recházela antes de aprobar "
                "(una sugerencia sin decidir no se testaría).",
                "Quedan %(n)s sugerencias sin decidir: acéptelas o recházelas antes de aprobar "
                "(una sugerencia sin decidir no se testaría).",
                pendientes,
            )
            % {"n": pendientes}
        )
    escrito = version.escrito
    archivos, paginas = _paginas(escrito)
    ids = [a.pk for a in archivos]
    cajas = _cajas_a_testar(version, paginas, automatica)
    version.aprobada_por = usuario
    version.aprobada_en = timezone.now()
    version.automatica = automatica
    version.fundamento = tipos.fundamento()
    inicio = time.monotonic()
    testado = fuente().testar(ids, cajas, leyenda(version, cajas))
    version.pdf, version.pdf_sha256 = _guardar_pdf(escrito, testado.pdf, usuario)
    version.paginas = [
        {"archivo_id": p.archivo_id, "numero": p.numero, "texto": p.texto} for p in testado.paginas
    ]
    version.segundos = time.monotonic() - inicio
    version.estado = E.APROBADA
    version.save()
    if automatica:
        version.cajas.filter(estado=C.SUGERIDA).update(estado=C.ACEPTADA)
    _registrar(
        version,
        _("Aprobó la versión pública: %(n)s partes testadas en %(p)s páginas.")
        % {"n": len(cajas), "p": len(paginas)},
        usuario,
        cajas=len(cajas),
        automatica=automatica,
        por_categoria=_por_categoria(c.categoria for c in cajas),
        pdf_sha256=version.pdf_sha256,
    )
    eventos.escrito_cambiado(escrito.pk)
    return version


def _guardar_pdf(escrito: Escrito, contenido: bytes, usuario) -> tuple[FilerFile, str]:
    """Store the public PDF privately (served by a view that checks it is approved), its
    bytes verified before the row that points at it commits."""
    sha256 = hashlib.sha256(contenido).hexdigest()
    nombre = f"version-publica-{escrito.folio}.pdf"
    archivo = guardar_privado(
        escrito,
        ContentFile(contenido, name=nombre),
        nombre=nombre,
        nombre_original=nombre,
        sha256=sha256,
        usuario=usuario,
    )
    return archivo, sha256


def _invalidar(version: VersionPublica, motivo: str, usuario, actor=None) -> None:
    version.estado = E.INVALIDADA
    version.motivo_invalidacion = motivo
    version.save(update_fields=["estado", "motivo_invalidacion"])
    descripcion = _("Invalidó la versión pública: %(motivo)s") % {"motivo": motivo}
    _registrar(version, descripcion, usuario, actor=actor)


@transaction.atomic
def revisar_huella(escrito_id: int, *, usuario=None, actor=None) -> bool:
    """After a file was read again: invalidate the version if what it was made from is no
    longer what the files say. True when it was invalidated. `actor`: see
    bitacora.registrar (the OCR task has no user)."""
    version = vigente(escrito_id)
    if version is None:
        return False
    ids = [a.pk for a in archivos_de(version.escrito)]
    if fuente().huella(ids) == version.huella:
        return False
    motivo = _("se volvió a leer (OCR) un archivo.")
    return invalidar(escrito_id, motivo, usuario=usuario, actor=actor)


@transaction.atomic
def invalidar(escrito_id: int, motivo: str, *, usuario=None, actor=None) -> bool:
    """The escrito changed (a new file, a new reading, an edit): its version is no longer
    what the public may see until it is prepared and reviewed again."""
    version = (
        VersionPublica.objects.select_for_update()
        .filter(escrito_id=escrito_id)
        .exclude(estado=E.INVALIDADA)
        .first()
    )
    if version is None:
        return False
    aprobada = version.estado == E.APROBADA
    _invalidar(version, motivo, usuario, actor)
    if aprobada:
        eventos.escrito_cambiado(escrito_id)
    return True
