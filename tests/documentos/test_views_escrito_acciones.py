"""The escrito page's actions from the outside: the next step first, the turnar form, the
confirmation of Concluir, live OCR progress and who signs each bitácora entry."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documentos.models import EntradaBitacora
from documentos.services import bitacora, flujo
from documentos.services.archivos import registrar_ocr
from documentos.services.consultas import registrar_consulta_publica
from ocr.models import ResultadoOCR
from tests.factories import UsuarioFactory, pdf_bytes, subida

pytestmark = pytest.mark.django_db
A = EntradaBitacora.Accion


def _url(escrito):
    return reverse("documentos_admin:escrito", args=[escrito.pk])


def _accion(escrito, accion):
    return reverse("documentos_admin:accion", args=[escrito.pk, accion])


def _avance(escrito):
    return reverse("documentos_admin:ocr_avance", args=[escrito.pk])


def _bloques(html):
    """(the next step's block, the "Otras acciones" block) of the page."""
    inicio = html.index('class="folio-acciones__siguiente"')
    otras = html.index('id="otras-acciones"')
    return html[inicio:otras], html[otras:]


def test_the_clerk_sees_turnar_first_and_publishing_folded_away(como, oficialia, recibir):
    escrito = recibir()
    html = como(oficialia).get(_url(escrito)).content.decode()
    siguiente, otras = _bloques(html)
    assert 'id="accion-turnar" class="folio-accion" open' in siguiente
    assert "Publicar en el archivo público" not in siguiente
    assert "Publicar en el archivo público" in otras and "Cancelar el escrito" in otras
    assert 'id="otras-acciones">' in html  # closed


def test_the_person_it_was_turned_to_sees_responder_first(
    como, recibir, oficialia, obras, operativo_obras
):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, a_usuario=operativo_obras)
    siguiente, otras = _bloques(como(operativo_obras).get(_url(escrito)).content.decode())
    assert 'id="accion-responder" class="folio-accion" open' in siguiente
    assert 'id="accion-asignar"' in otras


def test_concluir_asks_for_a_note_and_without_it_changes_nothing(como, respondido, operativo_obras):
    escrito = respondido()
    cliente = como(operativo_obras)
    siguiente, _otras = _bloques(cliente.get(_url(escrito)).content.decode())
    assert 'id="accion-concluir" class="folio-accion folio-accion--confirmar">' in siguiente
    assert "Sí, concluir el escrito" in siguiente
    entradas = escrito.bitacora.count()

    html = cliente.post(_accion(escrito, "concluir"), {"concluir-nota": " "}).content.decode()
    assert "Escriba una nota de conclusión" in html
    assert 'id="accion-concluir" class="folio-accion folio-accion--confirmar" open' in html
    escrito.refresh_from_db()
    assert (escrito.estado, escrito.bitacora.count()) == ("respondido", entradas)

    r = cliente.post(_accion(escrito, "concluir"), {"concluir-nota": "Entregado."}, follow=True)
    assert "Escrito concluido" in r.content.decode()
    escrito.refresh_from_db()
    assert escrito.estado == "concluido"


def test_the_turnar_form_tags_people_with_their_area_and_uses_a_date_picker(
    como, oficialia, recibir, obras, operativo_obras
):
    html = como(oficialia).get(_url(recibir())).content.decode()
    assert f'value="{operativo_obras.pk}" data-areas="{obras.pk}"' in html
    hoy = timezone.localdate().isoformat()
    assert re.search(rf'<input type="date" name="turnar-plazo"[^>]* min="{hoy}">', html)
    assert "documentos/turnar.js" in html


def test_turning_to_someone_outside_the_area_is_refused_keeping_what_was_typed(
    como, oficialia, recibir, finanzas, operativo_obras
):
    escrito = recibir()
    plazo = timezone.localdate() + timedelta(days=5)
    html = (
        como(oficialia)
        .post(
            _accion(escrito, "turnar"),
            {
                "turnar-area": finanzas.pk,
                "turnar-a_usuario": operativo_obras.pk,
                "turnar-instruccion": "Revisar el predial de marzo",
                "turnar-plazo": plazo.isoformat(),
            },
        )
        .content.decode()
    )
    assert "no pertenece al área «Finanzas»" in html
    assert "Revisar el predial de marzo</textarea>" in html
    assert f'value="{plazo.isoformat()}"' in html
    assert f'<option value="{finanzas.pk}" selected>' in html
    escrito.refresh_from_db()
    assert (escrito.estado, escrito.turnos.count()) == ("recibido", 0)


def test_a_plazo_in_the_past_is_refused(como, oficialia, recibir, obras):
    escrito = recibir()
    ayer = timezone.localdate() - timedelta(days=1)
    html = (
        como(oficialia)
        .post(_accion(escrito, "turnar"), {"turnar-area": obras.pk, "turnar-plazo": ayer})
        .content.decode()
    )
    assert "El plazo no puede ser una fecha pasada" in html
    escrito.refresh_from_db()
    assert escrito.estado == "recibido"


def test_ocr_progress_is_polled_from_a_small_json(client, como, oficialia, recibir, staff_finanzas):
    escrito = recibir(archivos=[subida("escaneo.pdf", pdf_bytes(paginas=4))])
    archivo = escrito.archivos.get()
    ResultadoOCR.objects.update_or_create(
        archivo=archivo,
        defaults={
            "estado": ResultadoOCR.Estado.EN_PROCESO,
            "paginas_total": 4,
            "paginas_hechas": 1,
        },
    )
    cliente = como(oficialia)
    html = cliente.get(_url(escrito)).content.decode()
    assert f'data-ocr-avance="{_avance(escrito)}"' in html and "documentos/ocr_avance.js" in html
    assert "Actualizar el avance" in html  # the fallback without JavaScript

    r = cliente.get(_avance(escrito))
    assert r.status_code == 200 and "no-store" in r["Cache-Control"]
    datos = r.json()
    assert datos["activo"] is True
    (fila,) = datos["archivos"]
    assert (fila["id"], fila["estado"], fila["paginas_hechas"], fila["paginas_total"]) == (
        archivo.pk,
        "en_proceso",
        1,
        4,
    )
    assert fila["porcentaje"] == 25 and "1 de 4 páginas" in fila["html"]
    assert f'data-estado="{fila["firma"]}"' in fila["html"]

    ResultadoOCR.objects.filter(archivo=archivo).update(
        estado=ResultadoOCR.Estado.TERMINADO, paginas_hechas=4
    )
    datos = cliente.get(_avance(escrito)).json()
    assert datos["activo"] is False and datos["archivos"][0]["estado"] == "terminado"

    assert como(staff_finanzas).get(_avance(escrito)).status_code == 404  # as the page
    client.logout()
    assert client.get(_avance(escrito)).status_code == 302  # to the login
    sin_admin = UsuarioFactory(username="sin.admin", roles=[])
    client.force_login(sin_admin)
    assert client.get(_avance(escrito)).status_code in (302, 403)


def test_background_work_is_signed_by_the_system_and_lookups_by_the_citizen(
    como, oficialia, recibir
):
    escrito = recibir()
    archivo = escrito.archivos.first()
    registrar_ocr(archivo.pk, "terminado")
    bitacora.registrar(A.EDICION, "Tarea de prueba.", escrito=escrito)
    registrar_consulta_publica(escrito, ip="10.0.0.9")
    # Stored before background work was signed: "Ciudadano" for an OCR entry.
    bitacora.registrar(A.OCR, "Lectura antigua.", escrito=escrito, actor=bitacora.CIUDADANO)
    actores = dict(escrito.bitacora.values_list("descripcion", "actor"))
    assert actores["Tarea de prueba."] == "Sistema (tareas)"
    assert actores["Consultó el estado del escrito desde el sitio público."] == (
        "Ciudadano (sitio público)"
    )
    html = como(oficialia).get(_url(escrito)).content.decode()
    linea = html[html.index('class="folio-linea"') :]
    assert linea.count("Sistema (OCR)") == 2
    assert linea.count("Sistema (tareas)") == 1
    assert linea.count("Ciudadano (sitio público)") == 1


def test_an_escrito_from_a_tramite_names_it_and_preselects_its_area(
    como, oficialia, recibir, obras
):
    escrito = recibir()
    escrito.tramite, escrito.area_sugerida = "Licencia de construcción", obras
    escrito.save(update_fields=["tramite", "area_sugerida"])
    html = como(oficialia).get(_url(escrito)).content.decode()
    assert "Licencia de construcción" in html and f"área del trámite: {obras}" in html
    seleccionada = re.search(r'<option value="(\d+)"[^>]*selected', html)
    assert seleccionada and seleccionada.group(1) == str(obras.pk)
