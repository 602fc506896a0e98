"""Storing files: bytes written and verified before the row that points at them commits."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from filer.models import File as FilerFile
from filer.models import Folder

from .. import eventos
from ..models import Archivo, EntradaBitacora, Escrito, Legibilidad
from ..validacion import ArchivoValidado, sha256_de
from . import bitacora

CARPETA_RAIZ = "Oficialía de Partes"
_escritos: ContextVar[list | None] = ContextVar("folio_archivos_escritos", default=None)


def _carpeta(anio: int) -> Folder:
    raiz, _ = Folder.objects.get_or_create(name=CARPETA_RAIZ, parent=None)
    carpeta, _ = Folder.objects.get_or_create(name=str(anio), parent=raiz)
    return carpeta


def guardar_privado(
    escrito: Escrito, contenido: File, *, nombre: str, nombre_original: str, sha256: str, usuario
) -> FilerFile:
    """Write bytes to private storage (django-filer) and read them back to verify the
    checksum. Inside `borrar_archivos_si_falla` the bytes are deleted again if the
    surrounding transaction fails."""
    filer_file = FilerFile(
        original_filename=nombre,
        name=nombre_original,
        is_public=False,
        owner=usuario if usuario is not None and usuario.is_authenticated else None,
        folder=_carpeta(escrito.anio),
    )
    filer_file.file = contenido
    filer_file.save()
    if (registro := _escritos.get()) is not None:
        registro.append((filer_file.file.storage, filer_file.file.name))
    with filer_file.file.storage.open(filer_file.file.name, "rb") as guardado:
        if sha256_de(guardado) != sha256:
            raise ValidationError(
                _("No se pudo guardar «%(nombre)s» íntegramente; intente de nuevo.")
                % {"nombre": nombre_original}
            )
    return filer_file


def guardar_archivo(
    escrito: Escrito,
    validado: ArchivoValidado,
    *,
    usuario=None,
    tipo: str = Archivo.Tipo.ESCANEO,
    orden: int = 0,
) -> Archivo:
    """Write the bytes to private storage, read them back to verify the checksum, then
    create the rows. Runs inside the caller's transaction."""
    # Copied in chunks from the upload's temporary file (never moved: the upload stays whole).
    filer_file = guardar_privado(
        escrito,
        File(validado.fichero, name=validado.nombre),
        nombre=validado.nombre,
        nombre_original=validado.nombre_original,
        sha256=validado.sha256,
        usuario=usuario,
    )
    archivo = Archivo.objects.create(
        escrito=escrito,
        archivo=filer_file,
        tipo=tipo,
        nombre_original=validado.nombre_original,
        sha256=validado.sha256,
        tamano=validado.tamano,
        mime=validado.mime,
        paginas=validado.paginas,
        orden=orden,
        subido_por=filer_file.owner,
    )
    if tipo == Archivo.Tipo.FIRMADO:
        # A signed copy repeats its answer's content: nothing new to read or to testar.
        return archivo
    eventos.archivo_guardado(archivo.pk)
    from .version_publica import invalidar

    invalidar(
        escrito.pk,
        _("se agregó el archivo «%(nombre)s».") % {"nombre": validado.nombre_original},
        usuario=usuario,
    )
    return archivo


def contenido_activo(validados: list[ArchivoValidado]) -> list[dict]:
    """For the bitácora: what was taken out of which PDF (received and stored checksums)."""
    return [
        {
            "archivo": v.nombre_original,
            "sha256_recibido": v.sha256_recibido,
            "sha256": v.sha256,
            "quitado": list(v.quitado),
        }
        for v in validados
        if v.quitado
    ]


@contextmanager
def borrar_archivos_si_falla():
    """Wrap a transaction that stores files: if it fails, delete the bytes it wrote."""
    registro: list = []
    token = _escritos.set(registro)
    try:
        yield
    except BaseException:
        for storage, nombre in registro:
            storage.delete(nombre)
        raise
    finally:
        _escritos.reset(token)


def registrar_consulta(archivo: Archivo, usuario, ip: str | None) -> None:
    bitacora.registrar(
        EntradaBitacora.Accion.CONSULTA_ARCHIVO,
        _("Consultó el archivo «%(nombre)s».") % {"nombre": archivo.nombre_original},
        escrito=archivo.escrito,
        usuario=usuario,
        ip=ip,
        despues={"archivo": archivo.pk, "sha256": archivo.sha256},
    )


def _legibilidad(paginas: dict[str, list[int]]) -> str:
    if paginas.get(Legibilidad.ILEGIBLE):
        return Legibilidad.ILEGIBLE
    return Legibilidad.DUDOSA if paginas.get(Legibilidad.DUDOSA) else Legibilidad.LEGIBLE


def _paginas_senaladas(paginas: dict[str, list[int]]) -> str:
    partes = []
    if ilegibles := paginas.get(Legibilidad.ILEGIBLE):
        partes.append(_("páginas ilegibles: %(n)s") % {"n": ", ".join(map(str, ilegibles))})
    if dudosas := paginas.get(Legibilidad.DUDOSA):
        partes.append(_("lectura dudosa: %(n)s") % {"n": ", ".join(map(str, dudosas))})
    return "; ".join(partes)


def registrar_ocr(archivo_id: int, estado: str, *, paginas: dict | None = None) -> None:
    """The OCR of a file ended (ocr calls this after its result commits). `paginas`, for a
    finished read: {"dudosa": [page numbers], "ilegible": [...]}; the file's readability is
    kept on the Archivo for the bandeja (documentos does not read ocr's tables)."""
    archivo = Archivo.objects.select_related("escrito").filter(pk=archivo_id).first()
    if archivo is None:
        return
    paginas = {k: list(v) for k, v in (paginas or {}).items() if v}
    terminado = estado == "terminado"
    legibilidad = _legibilidad(paginas) if terminado else ""
    descripcion = _("Reconocimiento de texto de «%(nombre)s»: %(estado)s.") % {
        "nombre": archivo.nombre_original,
        "estado": estado,
    }
    if senaladas := _paginas_senaladas(paginas):
        descripcion = f"{descripcion[:-1]} ({senaladas})."
    with transaction.atomic():
        Archivo.objects.filter(pk=archivo.pk).update(legibilidad=legibilidad)
        despues = {"archivo": archivo.pk, "estado": estado}
        if terminado:
            despues |= {"legibilidad": legibilidad, **paginas}
        bitacora.registrar(
            EntradaBitacora.Accion.OCR,
            descripcion,
            escrito=archivo.escrito,
            actor=bitacora.SISTEMA_OCR,
            despues=despues,
        )
        eventos.escrito_cambiado(archivo.escrito_id)
        from .version_publica import revisar_huella

        revisar_huella(archivo.escrito_id, actor=bitacora.SISTEMA_OCR)
