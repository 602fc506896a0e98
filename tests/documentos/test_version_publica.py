"""The versión pública's review workflow (documentos.services.version_publica) on escritos
read by the real OCR: what a reviewer may leave behind and what a drawn box may be."""

import pytest
from django.core.exceptions import ValidationError

from cms import roles
from documentos.models import CajaTestada, EntradaBitacora, VersionPublica
from documentos.services import version_publica as servicio
from documentos.testado.tipos import Caja, Categoria
from tests.factories import UsuarioFactory, version_por_revisar

pytestmark = [pytest.mark.tesseract, pytest.mark.django_db]

C = CajaTestada.Estado
NOMBRE = "Hermenegildo Zubiria Quintanar"


@pytest.fixture
def contralor(db):
    return UsuarioFactory(username="contralor.revision", roles=[roles.CONTRALORIA])


@pytest.fixture
def version(leer_escrito):
    escrito = leer_escrito()
    return version_por_revisar(escrito, [(NOMBRE, Categoria.NOMBRE, "nombre del remitente")])


def _entradas(version):
    return version.escrito.bitacora.filter(accion=EntradaBitacora.Accion.VERSION_PUBLICA)


def test_approving_with_undecided_suggestions_is_refused_and_nothing_is_made(version, contralor):
    sugeridas = version.cajas.filter(estado=C.SUGERIDA)
    assert sugeridas.count() == 3  # the name twice on the request, once on the annex
    antes = _entradas(version).count()
    with pytest.raises(ValidationError) as error:
        servicio.aprobar(version, usuario=contralor)
    assert "3 sugerencias sin decidir" in " ".join(error.value.messages)
    version.refresh_from_db()
    assert version.estado == VersionPublica.Estado.POR_REVISAR and version.pdf_id is None
    assert _entradas(version).count() == antes

    servicio.decidir(version, [sugeridas.first().pk], False, usuario=contralor)
    servicio.decidir(version, list(sugeridas.values_list("pk", flat=True)), True, usuario=contralor)
    assert servicio.aprobar(version, usuario=contralor).estado == VersionPublica.Estado.APROBADA


def test_a_box_drawn_off_its_page_is_refused_and_nothing_changes(version, contralor):
    archivo = version.escrito.archivos.order_by("orden", "pk").first()
    cajas, antes = version.cajas.count(), _entradas(version).count()
    with pytest.raises(ValidationError) as error:
        servicio.dibujar(
            version,
            archivo=archivo,
            pagina=1,
            caja=Caja(5000, 5000, 120, 40),
            categoria=Categoria.FIRMA,
            usuario=contralor,
        )
    assert "fuera de la página" in " ".join(error.value.messages)
    assert version.cajas.count() == cajas and _entradas(version).count() == antes


def test_covering_a_whole_page_is_a_box_of_its_own_origin(version, contralor):
    archivo = version.escrito.archivos.order_by("orden", "pk").last()
    pagina = servicio.fuente().paginas_leidas([archivo.pk])[archivo.pk][0]
    caja = servicio.dibujar(
        version,
        archivo=archivo,
        pagina=1,
        caja=Caja(0, 0, pagina.ancho, pagina.alto),
        categoria=Categoria.OTRO,
        usuario=contralor,
        origen=CajaTestada.Origen.PAGINA,
    )
    assert caja.origen == CajaTestada.Origen.PAGINA and caja.estado == C.ACEPTADA
    entrada = _entradas(version).latest("pk")
    assert entrada.descripcion == "Cubrió por completo la página 1 de «hoja-2.png»."
    assert entrada.despues == {"version": version.pk, "caja": caja.pk, "categoria": "otro"}


def test_the_legend_counts_in_good_spanish(version, contralor):
    from django.utils import timezone

    from documentos.testado.tipos import CajaTestar

    version.aprobada_por, version.aprobada_en = contralor, timezone.now()
    caja = CajaTestar(1, 1, Caja(0, 0, 10, 10), Categoria.NOMBRE)
    uno = " ".join(servicio.leyenda(version, [caja]))
    assert "Se testó 1 parte que contiene datos personales" in uno
    assert "Se testaron 2 partes" in " ".join(servicio.leyenda(version, [caja, caja]))
    ninguno = " ".join(servicio.leyenda(version, []))
    assert "No se encontraron datos personales que testar" in ninguno and "0 partes" not in ninguno


def test_the_signed_answer_is_testado_and_published_with_the_escrito(
    leer_escrito, contralor, oficialia, obras, titular_obras, operativo_obras
):
    from documentos.models import Archivo, Respuesta
    from documentos.services import flujo
    from ocr import services as ocr_services
    from tests.factories import subida
    from tests.ocr.imagenes import como_bytes, pagina

    escrito = leer_escrito()
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Atender")
    flujo.asignar(escrito, operativo_obras, usuario=titular_obras, instruccion="Responder")
    oficio = pagina(
        ["Oficio de respuesta a la solicitud de poda", f"C. {NOMBRE}", "Se podaran los fresnos"],
        ancho=1700,
    )
    respuesta = flujo.responder(
        escrito,
        usuario=operativo_obras,
        sentido=Respuesta.Sentido.POSITIVA,
        texto="Se programó la poda.",
        archivo=subida("oficio.png", como_bytes(oficio, dpi=(300, 300))),
    )
    ocr_services.leer_archivo(respuesta.archivo_id)

    version = servicio.preparar(escrito, usuario=contralor)
    en_respuesta = version.cajas.filter(archivo=respuesta.archivo)
    assert en_respuesta.filter(categoria=Categoria.NOMBRE).exists()
    servicio.decidir(
        version, list(version.cajas.values_list("pk", flat=True)), True, usuario=contralor
    )
    version = servicio.aprobar(version, usuario=contralor)
    textos = {p["archivo_id"]: p["texto"] for p in version.paginas}
    assert respuesta.archivo.tipo == Archivo.Tipo.RESPUESTA and respuesta.archivo_id in textos
    assert "fresnos" in textos[respuesta.archivo_id]
    assert all("Zubiria" not in texto for texto in textos.values())
