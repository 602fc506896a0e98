"""Reads of the Oficialía screens."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms import roles
from documentos import selectors
from documentos.models import Escrito, Respuesta
from documentos.plazos import Semaforo
from documentos.services import flujo
from tests.factories import UsuarioFactory, imagen_bytes, pdf_bytes, subida

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("codigo", "legible"),
    [("ABCDEFGHJK", "ABCD-EFG-HJK"), ("ABCDEFGH", "ABCD-EFGH"), ("ABC", "ABC"), ("", "")],
)
def test_access_codes_are_grouped_for_reading_aloud(codigo, legible):
    assert selectors.formatear_codigo(codigo) == legible
    assert selectors.normalizar_codigo(legible.lower().replace("-", " - ")) == codigo


def test_lookup_needs_both_folio_and_code(recibir):
    escrito = recibir()
    codigo = escrito.codigo_acceso
    assert selectors.escrito_por_folio_y_codigo(escrito.folio, codigo) == escrito
    assert (
        selectors.escrito_por_folio_y_codigo(f" {escrito.folio.lower()} ", codigo.lower())
        == escrito
    )
    assert selectors.escrito_por_folio_y_codigo(escrito.folio, codigo[:-1]) is None
    assert selectors.escrito_por_folio_y_codigo(escrito.folio, "") is None
    assert selectors.escrito_por_folio_y_codigo("OP-1900-000001", codigo) is None


def test_bandeja_filters_by_semaforo(recibir, oficialia):
    hoy = timezone.localdate()
    vencido, a_tiempo = recibir(), recibir(asunto="Otro")
    Escrito.objects.filter(pk=vencido.pk).update(vence_en=hoy - timedelta(days=1))
    Escrito.objects.filter(pk=a_tiempo.pk).update(vence_en=hoy + timedelta(days=30))
    bandeja = selectors.bandeja(oficialia)
    assert list(selectors.filtrar_bandeja(bandeja, semaforo="vencido")) == [vencido]
    assert list(selectors.filtrar_bandeja(bandeja, semaforo="a_tiempo")) == [a_tiempo]
    assert set(selectors.buscar_en_bandeja(bandeja, "")) == {vencido, a_tiempo}


def test_viewer_pages_count_across_the_files_in_order(recibir):
    escrito = recibir(
        archivos=[subida("a.pdf", pdf_bytes(paginas=3)), subida("b.png", imagen_bytes())]
    )
    archivos = selectors.archivos_del_escrito(escrito)
    a, b = archivos
    assert selectors.ubicar_pagina(archivos, pagina=1) == selectors.PaginaVisor(a, 1, 1, 4)
    assert selectors.ubicar_pagina(archivos, pagina=3) == selectors.PaginaVisor(a, 3, 3, 4)
    assert selectors.ubicar_pagina(archivos, pagina=4) == selectors.PaginaVisor(b, 1, 4, 4)
    assert selectors.ubicar_pagina(archivos, pagina=99).global_ == 4  # clamped
    assert selectors.ubicar_pagina(archivos, pagina=0).global_ == 1
    assert selectors.ubicar_pagina(archivos, pagina=1, archivo_id=b.pk).global_ == 4
    assert selectors.ubicar_pagina(archivos, archivo_id=-1) is None
    assert selectors.ubicar_pagina([], pagina=1) is None


def test_actions_follow_permissions_and_the_state_machine(
    recibir, oficialia, obras, titular_obras, operativo_obras, staff_finanzas
):
    escrito = recibir()
    assert selectors.acciones_disponibles(oficialia, escrito) == {"turnar", "cancelar", "publicar"}
    assert selectors.acciones_disponibles(titular_obras, escrito) == set()

    flujo.turnar(escrito, obras, usuario=oficialia)
    escrito.refresh_from_db()
    assert selectors.acciones_disponibles(titular_obras, escrito) == {
        "turnar",
        "asignar",
        "responder",
        "publicar",
    }
    assert selectors.acciones_disponibles(staff_finanzas, escrito) == set()

    flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
    escrito.refresh_from_db()
    assert "responder" in selectors.acciones_disponibles(operativo_obras, escrito)

    flujo.responder(escrito, usuario=operativo_obras, sentido="positiva", texto="Hecho.")
    escrito.refresh_from_db()
    acciones = selectors.acciones_disponibles(operativo_obras, escrito)
    assert {"concluir", "reabrir"} <= acciones and "responder" not in acciones

    flujo.concluir(escrito, usuario=operativo_obras, nota="Atendido.")
    escrito.refresh_from_db()
    assert selectors.acciones_disponibles(oficialia, escrito) == {"archivar", "publicar"}


def test_the_transparency_unit_is_offered_publishing(recibir):
    contralor = UsuarioFactory(username="contralor", roles=[roles.CONTRALORIA])
    escrito = recibir()
    assert selectors.acciones_disponibles(contralor, escrito) == {"publicar"}
    reservado = recibir(asunto="Denuncia", clasificacion=Escrito.Clasificacion.RESERVADA)
    assert selectors.acciones_disponibles(contralor, reservado) == set()


def test_staff_timeline_explains_before_and_after(recibir, oficialia, obras):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Atender")
    recientes = selectors.linea_de_tiempo(escrito)
    assert [e.entrada.accion for e in recientes][-1] == "recepcion"
    cambio = recientes[0]
    assert cambio.entrada.accion == "cambio_estado"
    assert selectors.Cambio("Estado", "Recibido", "Turnado") in cambio.cambios
    assert (
        selectors.linea_de_tiempo(escrito, recientes_primero=False)[0].entrada.accion == "recepcion"
    )


def test_public_status_keeps_private_things_out(
    recibir, oficialia, obras, titular_obras, operativo_obras
):
    escrito = recibir(clasificacion=Escrito.Clasificacion.CONFIDENCIAL, asunto="Asunto privado")
    flujo.turnar(escrito, obras, usuario=oficialia, instruccion="Instrucción secreta")
    flujo.asignar(escrito, operativo_obras, usuario=titular_obras)
    flujo.responder(
        escrito, usuario=operativo_obras, sentido=Respuesta.Sentido.NEGATIVA, texto="Privado"
    )
    escrito.refresh_from_db()
    estado = selectors.estado_publico(escrito)
    assert (estado.folio, estado.estado, estado.area) == (
        escrito.folio,
        "Respondido",
        "Obra Pública",
    )
    assert estado.asunto is None and estado.sentido_respuesta is None
    assert estado.semaforo == Semaforo.ATENDIDO
    textos = " ".join(e.texto for e in estado.linea)
    assert "Turnado a Obra Pública." in textos and "Estado: Respondido." in textos
    assert "secreta" not in textos and "Privado" not in textos and "Negativa" not in textos
    assert estado.linea[0].fecha == escrito.recibido_en


def test_public_status_of_a_cancelled_escrito_hides_the_reason(recibir, oficialia):
    escrito = recibir()
    flujo.cancelar(escrito, usuario=oficialia, motivo="Datos personales del remitente")
    escrito.refresh_from_db()
    estado = selectors.estado_publico(escrito)
    textos = " ".join(e.texto for e in estado.linea)
    assert "Estado: Cancelado." in textos and "Datos personales" not in textos
