"""The bandeja from the outside: who sees what, filters, search, order, bulk turnado."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from documentos.models import EntradaBitacora, Escrito
from documentos.services import flujo
from documentos.views.bandeja import BandejaView

pytestmark = pytest.mark.django_db
URL = "/admin/documentos/bandeja/"
MX = ZoneInfo("America/Mexico_City")


def _folios(respuesta) -> list[str]:
    return re.findall(r'id="escrito_\d+_title">([^<]+)<', respuesta.content.decode())


@pytest.fixture
def escritos(recibir, oficialia, obras, finanzas, tema):
    """Three escritos: one for Obra Pública, one for Finanzas, one not yet turned."""
    de_obras = recibir(remitente_nombre="Vecinos de la colonia Juárez", tema=tema)
    flujo.turnar(de_obras, obras, usuario=oficialia, instruccion="Atender")
    de_finanzas = recibir(
        asunto="Cobro duplicado del predial",
        remitente_nombre="Pedro Sánchez",
        tipo=Escrito.Tipo.QUEJA,
    )
    flujo.turnar(de_finanzas, finanzas, usuario=oficialia)
    sin_turnar = recibir(asunto="Alumbrado en el parque", remitente_nombre="Ana Torres")
    return {"obras": de_obras, "finanzas": de_finanzas, "sin_turnar": sin_turnar}


def test_oficialia_sees_everything(como, oficialia, escritos):
    folios = _folios(como(oficialia).get(URL))
    assert sorted(folios) == sorted(e.folio for e in escritos.values())


def test_area_staff_see_only_their_areas(como, titular_obras, staff_finanzas, escritos):
    assert _folios(como(titular_obras).get(URL)) == [escritos["obras"].folio]
    assert _folios(como(staff_finanzas).get(URL)) == [escritos["finanzas"].folio]


def test_a_copy_reaches_the_copied_area_bandeja(
    como, recibir, oficialia, obras, finanzas, staff_finanzas
):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia, copias=[finanzas])
    assert _folios(como(staff_finanzas).get(URL)) == [escrito.folio]


def test_staff_without_area_or_role_get_403(como, django_user_model, escritos):
    from django.contrib.auth.models import Group

    from cms import roles

    sin_area = django_user_model.objects.create_user("sin.area", password="x")
    sin_area.groups.add(Group.objects.get(name=roles.AREA))
    assert como(sin_area).get(URL).status_code == 403


def test_filters_by_estado_tipo_tema_area_and_dates(como, oficialia, escritos, obras, tema):
    cliente = como(oficialia)
    assert _folios(cliente.get(URL, {"estado": "recibido"})) == [escritos["sin_turnar"].folio]
    assert _folios(cliente.get(URL, {"tipo": "queja"})) == [escritos["finanzas"].folio]
    assert _folios(cliente.get(URL, {"tema": tema.pk})) == [escritos["obras"].folio]
    assert _folios(cliente.get(URL, {"area": obras.pk})) == [escritos["obras"].folio]

    Escrito.objects.filter(pk=escritos["obras"].pk).update(
        recibido_en=datetime(2025, 3, 10, 10, 0, tzinfo=MX)
    )
    rango = {"recibido_from": "2025-03-01", "recibido_to": "2025-03-31"}
    assert _folios(cliente.get(URL, rango)) == [escritos["obras"].folio]
    hoy = timezone.localdate().isoformat()
    assert escritos["obras"].folio not in _folios(cliente.get(URL, {"recibido_from": hoy}))


def test_filter_and_column_for_the_semaforo(como, oficialia, escritos):
    hoy = timezone.localdate()
    Escrito.objects.filter(pk=escritos["obras"].pk).update(vence_en=hoy - timedelta(days=2))
    Escrito.objects.filter(pk=escritos["finanzas"].pk).update(vence_en=hoy)
    cliente = como(oficialia)
    assert _folios(cliente.get(URL, {"semaforo": "vencido"})) == [escritos["obras"].folio]
    assert _folios(cliente.get(URL, {"semaforo": "por_vencer"})) == [escritos["finanzas"].folio]
    html = cliente.get(URL).content.decode()
    # Colour and words: the state is readable without seeing the colour.
    assert re.search(r'folio-semaforo--vencido">.*?Vencido</span>', html, re.S)
    assert re.search(r'folio-semaforo--por_vencer">.*?Por vencer</span>', html, re.S)


def test_search_by_folio_remitente_or_asunto(como, oficialia, escritos):
    cliente = como(oficialia)
    assert _folios(cliente.get(URL, {"q": escritos["finanzas"].folio})) == [
        escritos["finanzas"].folio
    ]
    assert _folios(cliente.get(URL, {"q": "pedro sánchez"})) == [escritos["finanzas"].folio]
    assert _folios(cliente.get(URL, {"q": "PARQUE"})) == [escritos["sin_turnar"].folio]
    resultados = cliente.get("/admin/documentos/bandeja/resultados/", {"q": "parque"})
    assert _folios(resultados) == [escritos["sin_turnar"].folio]


def test_order_by_deadline_and_pagination(como, oficialia, escritos, recibir, monkeypatch):
    hoy = timezone.localdate()
    for n, clave in enumerate(["sin_turnar", "obras", "finanzas"]):
        Escrito.objects.filter(pk=escritos[clave].pk).update(vence_en=hoy + timedelta(days=n))
    cliente = como(oficialia)
    orden = [escritos[c].folio for c in ("sin_turnar", "obras", "finanzas")]
    assert _folios(cliente.get(URL, {"ordering": "vence_en"})) == orden
    assert _folios(cliente.get(URL, {"ordering": "-vence_en"})) == orden[::-1]

    # Answered escritos (shown with estado "Todos") go after the open ones, whatever their
    # deadline.
    atendido = recibir(asunto="Ya respondido")
    Escrito.objects.filter(pk=atendido.pk).update(estado="concluido", vence_en=hoy)
    todos = {"ordering": "vence_en", "estado": "todos"}
    assert _folios(cliente.get(URL, todos)) == [*orden, atendido.folio]

    monkeypatch.setattr(BandejaView, "paginate_by", 2)
    primera = _folios(cliente.get(URL, todos))
    segunda = _folios(cliente.get(URL, {**todos, "p": 2}))
    assert (primera, segunda) == (orden[:2], [orden[2], atendido.folio])


BULK = "/admin/bulk/documentos/escrito/turnar/"


def test_bulk_turnado_turns_each_and_reports_failures_per_folio(
    como, oficialia, recibir, obras, finanzas
):
    uno, dos, cancelado = recibir(), recibir(asunto="Otro"), recibir(asunto="Tercero")
    flujo.cancelar(cancelado, usuario=oficialia, motivo="Duplicado en papel")
    cliente = como(oficialia)
    ids = f"?id={uno.pk}&id={dos.pk}&id={cancelado.pk}&next={URL}"

    confirmacion = cliente.get(BULK + ids).content.decode()
    for escrito in (uno, dos, cancelado):
        assert escrito.folio in confirmacion

    respuesta = cliente.post(
        BULK + ids, {"area": finanzas.pk, "instruccion": "Revisar cobros"}, follow=True
    )
    html = respuesta.content.decode()
    assert "2 escritos turnados a Finanzas" in html
    assert f"{cancelado.folio} no se turnó" in html
    for escrito in (uno, dos):
        escrito.refresh_from_db()
        assert (escrito.estado, escrito.area_responsable) == ("turnado", finanzas)
        assert escrito.bitacora.filter(accion=EntradaBitacora.Accion.TURNO).exists()
    cancelado.refresh_from_db()
    assert cancelado.estado == "cancelado"


def test_bulk_turnado_ignores_escritos_the_user_cannot_see(
    como, oficialia, recibir, obras, finanzas, staff_finanzas
):
    ajeno = recibir()
    flujo.turnar(ajeno, obras, usuario=oficialia)
    cliente = como(staff_finanzas)
    cliente.post(f"{BULK}?id={ajeno.pk}&next={URL}", {"area": finanzas.pk})
    ajeno.refresh_from_db()
    assert ajeno.area_responsable == obras


def test_the_bandeja_offers_the_native_bulk_turnar(como, oficialia, escritos):
    html = como(oficialia).get(URL).content.decode()
    assert "data-bulk-action-checkbox" in html
    assert BULK in html and "bulk-actions.js" in html
