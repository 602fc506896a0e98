"""Demo data for `make run`: áreas, temas, staff and ~220 escritos over two years.

Everything goes through the services, so folios, deadlines and the bitácora are real.
Idempotent: does nothing when escritos already exist.
"""

import io
import random
import textwrap
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from cms import roles

from .models import Area, Escrito, Respuesta, Tema
from .services import flujo
from .services.recepcion import DatosRecepcion, recibir_escrito

AREAS = [
    ("Oficialía de Partes", "OFP", Area.Tipo.OFICIALIA),
    ("Secretaría de Finanzas", "FIN", Area.Tipo.SECRETARIA),
    ("Dirección de Obra Pública", "DOP", Area.Tipo.DIRECCION),
    ("Secretaría de Bienestar Social", "BIE", Area.Tipo.SECRETARIA),
    ("Dirección de Salud Municipal", "SAL", Area.Tipo.DIRECCION),
    ("Dirección de Recursos Humanos", "RH", Area.Tipo.DIRECCION),
    ("Dirección de Control Patrimonial", "CPA", Area.Tipo.DIRECCION),
    ("Contraloría Municipal", "CON", Area.Tipo.UNIDAD),
    ("Unidad de Transparencia", "UT", Area.Tipo.UNIDAD),
]

# (tema, área siglas, tipo, asuntos)
CASOS = [
    (
        "Obras y servicios",
        "DOP",
        Escrito.Tipo.PETICION,
        [
            "Solicitud de bacheo en la calle {calle} de la colonia {colonia}",
            "Petición de alumbrado público en la colonia {colonia}",
            "Solicitud de construcción de banqueta en la calle {calle}",
        ],
    ),
    (
        "Agua potable",
        "DOP",
        Escrito.Tipo.QUEJA,
        [
            "Queja por falta de agua potable en la colonia {colonia}",
            "Reporte de fuga de agua en la calle {calle}",
        ],
    ),
    (
        "Predial y pagos",
        "FIN",
        Escrito.Tipo.RECLAMO,
        [
            "Reclamo por cobro indebido del impuesto predial",
            "Solicitud de descuento en el pago de predial para adulto mayor",
        ],
    ),
    (
        "Programas sociales",
        "BIE",
        Escrito.Tipo.PETICION,
        [
            "Solicitud de apoyo del programa de despensas para la colonia {colonia}",
            "Petición de becas para estudiantes de la colonia {colonia}",
        ],
    ),
    (
        "Salud",
        "SAL",
        Escrito.Tipo.QUEJA,
        [
            "Queja por la atención en el centro de salud de la colonia {colonia}",
            "Solicitud de campaña de vacunación en la colonia {colonia}",
        ],
    ),
    (
        "Personal",
        "RH",
        Escrito.Tipo.OFICIO,
        [
            "Oficio de solicitud de constancia laboral",
            "Oficio sobre el pago de aguinaldo al personal eventual",
        ],
    ),
    (
        "Bienes municipales",
        "CPA",
        Escrito.Tipo.DENUNCIA,
        [
            "Denuncia por uso indebido de vehículo oficial",
            "Reporte de mobiliario dañado en la biblioteca municipal",
        ],
    ),
    (
        "Anticorrupción",
        "CON",
        Escrito.Tipo.DENUNCIA,
        [
            "Denuncia por cobro de gestores (coyotaje) en ventanilla",
            "Queja contra servidor público por trato indebido",
        ],
    ),
    (
        "Acceso a la información",
        "UT",
        Escrito.Tipo.SOLICITUD_INFORMACION,
        [
            "Solicitud de información sobre el presupuesto de obra pública {anio}",
            "Solicitud de copia de los contratos de alumbrado público",
        ],
    ),
    (
        "Sugerencias",
        "OFP",
        Escrito.Tipo.SUGERENCIA,
        [
            "Sugerencia para ampliar el horario de la ventanilla única",
        ],
    ),
]
CALLES = ["Juárez", "Hidalgo", "Morelos", "Insurgentes", "Guerrero", "Allende", "Zaragoza"]
COLONIAS = ["Centro", "San Mateo", "La Villa", "Las Palmas", "El Mirador", "Progreso"]
NOMBRES = ["María", "José", "Guadalupe", "Juan", "Rosa", "Luis", "Ana", "Pedro", "Carmen", "Jorge"]
APELLIDOS = ["López", "Hernández", "García", "Martínez", "Pérez", "Sánchez", "Ramírez", "Torres"]
MORALES = [
    "Comité Vecinal {colonia}",
    "Asociación de Comerciantes del Centro",
    "Constructora del Sur, S.A. de C.V.",
]


# Scalable fonts with Spanish accents (Debian fonts-dejavu-core, fonts-liberation).
FUENTES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def _fuente(tamano: int):
    """The first installed font of FUENTES; Pillow's own (no accents) as a last resort."""
    for ruta in FUENTES:
        try:
            return ImageFont.truetype(ruta, tamano)
        except OSError:
            continue
    return ImageFont.load_default(size=tamano)


def _escaneo(asunto: str, remitente: str, fecha: datetime) -> bytes:
    """A letter-size page at 150 dpi with the writing's text, as a clerk would scan it."""
    pagina = Image.new("L", (1275, 1650), 250)
    dibujo = ImageDraw.Draw(pagina)
    fuente = _fuente(30)
    cuerpo = (
        f"C. Presidenta Municipal. Presente. Por medio del presente escrito, "
        f"{asunto.lower()}. Lo anterior con fundamento en el derecho de petición. "
        f"Agradezco de antemano la atención que se sirva dar al presente."
    )
    lineas = [f"Asunto: {asunto}", "", *textwrap.wrap(cuerpo, 62), "", "Atentamente,", remitente]
    lineas.insert(0, f"{fecha:%d/%m/%Y}")
    for numero, linea in enumerate(lineas):
        dibujo.text((110, 140 + numero * 48), linea, fill=20, font=fuente)
    salida = io.BytesIO()
    pagina.save(salida, "PNG", dpi=(150, 150))
    return salida.getvalue()


def _usuarios(areas: dict[str, Area], clave: str):
    """A titular and an operativo per área, sharing the demo administrator's password."""
    usuario_model = get_user_model()
    personal = {}
    for siglas, area in areas.items():
        titular, _ = usuario_model.objects.get_or_create(
            username=f"titular.{siglas.lower()}",
            defaults={"first_name": "Titular", "last_name": area.nombre[:100], "is_staff": True},
        )
        operativo, _ = usuario_model.objects.get_or_create(
            username=f"operativo.{siglas.lower()}",
            defaults={"first_name": "Operativo", "last_name": area.nombre[:100], "is_staff": True},
        )
        grupo = roles.OFICIALIA if siglas == "OFP" else roles.AREA
        for usuario in (titular, operativo):
            usuario.set_password(clave)
            usuario.save()
            usuario.groups.add(Group.objects.get(name=grupo))
            area.personal.add(usuario)
        if siglas == "CON":  # the transparency unit: reviews the versiones públicas
            titular.groups.add(Group.objects.get(name=roles.CONTRALORIA))
        personal[siglas] = (titular, operativo)
    return personal


def _hora_de_oficina(dia, ahora: datetime, hora: int, minuto: int) -> datetime:
    """A reception time on a weekday at office hours, never later than now."""
    while True:
        while dia.weekday() >= 5:
            dia -= timedelta(days=1)
        recibido = timezone.make_aware(datetime.combine(dia, time(hora, minuto)))
        if recibido <= ahora:
            return recibido
        dia -= timedelta(days=1)


def cargar(clave: str, total: int = 220, semilla: int = 2026) -> int:
    """Create the demo data; returns how many escritos were created."""
    if Escrito.objects.exists():
        return 0
    azar = random.Random(semilla)  # noqa: S311 - demo data, not security
    areas = {}
    for nombre, siglas, tipo in AREAS:
        areas[siglas], _ = Area.objects.get_or_create(
            siglas=siglas, defaults={"nombre": nombre, "tipo": tipo}
        )
    temas = {tema: Tema.objects.get_or_create(nombre=tema)[0] for tema, *_ in CASOS}
    personal = _usuarios(areas, clave)
    ventanilla = personal["OFP"][0]

    ahora = timezone.localtime()
    for n in range(total):
        tema, siglas, tipo, asuntos = azar.choice(CASOS)
        dias_atras = int(720 * azar.random() ** 1.4)  # two years, busier lately
        recibido = _hora_de_oficina(
            ahora.date() - timedelta(days=dias_atras),
            ahora,
            azar.randint(9, 14),
            azar.randint(0, 59),
        )
        dia = recibido.date()
        colonia = azar.choice(COLONIAS)
        asunto = azar.choice(asuntos).format(
            calle=azar.choice(CALLES), colonia=colonia, anio=dia.year
        )
        moral = azar.random() < 0.15
        if moral:
            remitente = azar.choice(MORALES).format(colonia=colonia)
            sexo = Escrito.Sexo.NO_DECLARA
        else:
            nombre = azar.choice(NOMBRES)
            remitente = f"{nombre} {azar.choice(APELLIDOS)} {azar.choice(APELLIDOS)}"
            sexo = (
                Escrito.Sexo.MUJER
                if nombre in {"María", "Guadalupe", "Rosa", "Ana", "Carmen"}
                else Escrito.Sexo.HOMBRE
            )
            if azar.random() < 0.1:
                sexo = Escrito.Sexo.NO_DECLARA
        clasificacion = azar.choices(
            [
                Escrito.Clasificacion.PUBLICA,
                Escrito.Clasificacion.RESERVADA,
                Escrito.Clasificacion.CONFIDENCIAL,
            ],
            weights=[80, 8, 12],
        )[0]
        canal = azar.choices(list(Escrito.Canal.values), weights=[60, 25, 10, 5])[0]
        escaneo = SimpleUploadedFile(f"escaneo-{n:04d}.png", _escaneo(asunto, remitente, recibido))
        escrito = recibir_escrito(
            DatosRecepcion(
                tipo=tipo,
                canal=canal,
                remitente_tipo=Escrito.TipoPersona.MORAL if moral else Escrito.TipoPersona.FISICA,
                remitente_nombre=remitente,
                remitente_sexo=sexo,
                remitente_contacto=f"{slugify(remitente.split()[0])}@correo.example",
                asunto=asunto,
                tema=temas[tema],
                clasificacion=clasificacion,
                recibido_en=recibido,
                archivos=[escaneo],
            ),
            usuario=ventanilla,
            confirmar_duplicado=True,
        )
        _avanzar(escrito, areas[siglas], personal[siglas], ventanilla, dias_atras, azar)
    return total


def _avanzar(escrito, area, personal, ventanilla, dias_atras, azar):
    """Move older escritos further along their life, as a real office would."""
    titular, operativo = personal
    if dias_atras < 3:
        etapa = azar.randint(0, 1)
    elif dias_atras < 15:
        etapa = azar.randint(0, 3)
    elif dias_atras < 40:
        etapa = azar.randint(1, 4)
    else:
        etapa = azar.choices([2, 3, 4, 5], weights=[8, 12, 35, 45])[0]
    if azar.random() < 0.03:
        flujo.cancelar(escrito, usuario=ventanilla, motivo="El remitente se desistió.")
        return
    if etapa < 1:
        return
    flujo.turnar(
        escrito, area, usuario=ventanilla, instruccion="Atender conforme a sus atribuciones."
    )
    if etapa < 2:
        return
    flujo.asignar(escrito, operativo, usuario=titular, instruccion="Revisar y proyectar respuesta.")
    if etapa < 3:
        return
    habiles = azar.choice([3, 5, 8, 10, 12, 15, 18, 25, 30])
    fecha = min(timezone.localdate(), escrito.recibido_en.date() + timedelta(days=habiles * 7 // 5))
    sentido = azar.choices(list(Respuesta.Sentido.values), weights=[55, 20, 18, 7])[0]
    flujo.responder(
        escrito,
        usuario=operativo,
        sentido=sentido,
        texto="Se atendió la solicitud conforme a lo solicitado y a la normativa aplicable.",
        fecha=fecha,
    )
    if etapa < 4:
        return
    flujo.concluir(escrito, usuario=operativo, nota="Respuesta entregada al remitente.")
    # Nothing is published: publishing needs an approved versión pública (documentos.services
    # .version_publica), which needs the pages read by OCR, done later by the worker.
    if etapa >= 5:
        flujo.archivar(escrito, usuario=ventanilla)


def firmar_respuestas(clave: str, cuantas: int = 6) -> list[Respuesta]:
    """Sign some answered demo escritos with demo e.firmas (documentos.firma.demo, written to
    FOLIO_FIRMA_DEMO; their keys' password is `clave`): Obra Pública's operativo elaborates,
    its titular signs. Returns the answers signed now ([] when already done)."""
    from .firma.credenciales import desde_efirma
    from .firma.demo import firma_demo
    from .models import Firma
    from .services.firmas import firmar_respuesta

    directorio = settings.FOLIO_FIRMA_DEMO
    usuarios = get_user_model().objects.filter(username__in=["titular.dop", "operativo.dop"])
    personal = {u.username: u for u in usuarios}
    if directorio is None or len(personal) < 2 or Firma.objects.exists():
        return []
    credenciales = {}
    for nombre, usuario in personal.items():
        archivos = firma_demo(Path(directorio), nombre, usuario.get_full_name(), clave)
        credenciales[nombre] = desde_efirma(
            archivos.cer.read_bytes(), archivos.key.read_bytes(), clave
        )
    respuestas = (
        Respuesta.objects.filter(
            escrito__area_responsable__siglas="DOP",
            escrito__clasificacion=Escrito.Clasificacion.PUBLICA,
            escrito__estado__in=[Escrito.Estado.RESPONDIDO, Escrito.Estado.CONCLUIDO],
            consultada_en__isnull=True,
        )
        .select_related("escrito")
        .order_by("-escrito__recibido_en")[:cuantas]
    )
    firmadas = []
    for indice, respuesta in enumerate(respuestas):
        if indice % 2 == 0:
            firmar_respuesta(
                respuesta,
                usuario=personal["operativo.dop"],
                credencial=credenciales["operativo.dop"],
                rol=Firma.Rol.ELABORO,
                cargo="Analista de la Dirección de Obra Pública",
            )
        firmar_respuesta(
            respuesta,
            usuario=personal["titular.dop"],
            credencial=credenciales["titular.dop"],
            rol=Firma.Rol.FIRMO,
            cargo="Director de Obra Pública",
        )
        firmadas.append(respuesta)
    return firmadas
