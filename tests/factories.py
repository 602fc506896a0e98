"""factory_boy factories and small file builders shared by the suite."""

import hashlib
import io
import json

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from documentos.models import Area, Escrito, Tema
from documentos.services.recepcion import DatosRecepcion


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
    contenido = {
        "escrito": entrada.escrito_id,
        "accion": entrada.accion,
        "usuario": entrada.usuario_id,
        "actor": entrada.actor,
        "ip": entrada.ip,
        "fecha": entrada.fecha.isoformat(),
        "descripcion": entrada.descripcion,
        "antes": entrada.antes,
        "despues": entrada.despues,
        "hash_anterior": entrada.hash_anterior,
    }
    canonico = json.dumps(contenido, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonico.encode()).hexdigest()
