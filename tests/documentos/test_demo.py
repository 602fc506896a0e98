from datetime import datetime

import pytest
from django.utils import timezone

from documentos import demo
from documentos.models import Area, Escrito
from documentos.services.bitacora import verificar_cadena

pytestmark = pytest.mark.django_db


def test_demo_data_is_realistic_and_loaded_once():
    assert demo.cargar(clave="demo-clave", total=40) == 40
    assert demo.cargar(clave="demo-clave", total=40) == 0
    assert Escrito.objects.count() == 40
    assert Area.objects.filter(personal__username="titular.dop").exists()
    assert len(set(Escrito.objects.values_list("estado", flat=True))) >= 4
    assert all(e.archivos.count() == 1 for e in Escrito.objects.all())
    assert verificar_cadena().integra


def test_demo_escritos_are_received_on_weekdays_and_never_in_the_future():
    demo.cargar(clave="demo-clave", total=60)
    ahora = timezone.now()
    for recibido in Escrito.objects.values_list("recibido_en", flat=True):
        assert recibido <= ahora
        assert timezone.localtime(recibido).weekday() < 5


def test_a_reception_time_later_today_moves_to_the_previous_weekday():
    lunes_temprano = timezone.make_aware(datetime(2026, 11, 30, 8, 0))
    recibido = demo._hora_de_oficina(lunes_temprano.date(), lunes_temprano, 10, 15)
    assert timezone.localtime(recibido) == timezone.make_aware(datetime(2026, 11, 27, 10, 15))


@pytest.mark.tesseract
def test_demo_scans_read_back_with_their_accents():
    from ocr import pipeline

    asunto = "Petición de revisión del alumbrado público"
    escaneo = demo._escaneo(asunto, "José Ramírez Sánchez", datetime(2026, 3, 2, 10, 0))
    [pagina] = pipeline.procesar(escaneo, "image/png")
    assert asunto in " ".join(pagina.texto.split())
    assert "la atención que se sirva dar" in " ".join(pagina.texto.split())


def test_demo_answers_are_signed_with_demo_certificates_that_say_so(settings, tmp_path):
    from documentos.firma import FirmaRechazada
    from documentos.firma.credenciales import desde_efirma
    from documentos.selectors_firma import verificacion_de

    settings.FOLIO_FIRMA_DEMO = tmp_path
    settings.FOLIO_FIRMA_RAICES = [str(tmp_path / "ac-demo.pem")]
    demo.cargar(clave="demo-clave", total=60)

    firmadas = demo.firmar_respuestas(clave="demo-clave", cuantas=3)

    assert len(firmadas) == 3
    for respuesta in firmadas:
        firmas = list(respuesta.firmas.all())
        assert [f.rol for f in firmas][-1] == "firmo"
        verificacion = verificacion_de(firmas[-1].archivo)
        assert verificacion.valida
        assert all("(DEMO)" in f.firmante for f in verificacion.firmas)
        assert all("NO VÁLIDA PARA USO LEGAL" in f.emisor for f in verificacion.firmas)
    assert demo.firmar_respuestas(clave="demo-clave") == [], "done once"
    # the demo keys are encrypted with the demo password, as a real .key is
    cer, key = (
        (tmp_path / "titular.dop.cer").read_bytes(),
        (tmp_path / "titular.dop.key").read_bytes(),
    )
    assert desde_efirma(cer, key, "demo-clave").titular.nombre.endswith("(DEMO)")
    with pytest.raises(FirmaRechazada):
        desde_efirma(cer, key, "otra")
