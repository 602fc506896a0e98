"""Daily anchors of the bitácora: signed with the sello, idempotent, and what they catch."""

import datetime as dt
import io
import subprocess

import pytest
from asn1crypto import cms
from django.core.management import CommandError, call_command
from django.db import connection

from documentos.models import AnclaBitacora, CadenaBitacora, EntradaBitacora
from documentos.services import anclas, bitacora
from documentos.services import sello as servicio_sello
from tests import firma_pki

pytestmark = pytest.mark.django_db

TABLA = EntradaBitacora._meta.db_table
DIA = dt.date(2026, 11, 28)


def _entradas(n: int) -> list[EntradaBitacora]:
    return [bitacora.registrar(EntradaBitacora.Accion.EDICION, f"Cambio {i}") for i in range(n)]


def _dias(*tandas: int) -> list[AnclaBitacora]:
    """One anchor a day, each after a batch of new entries."""
    hechas = []
    for n, tanda in enumerate(tandas):
        _entradas(tanda)
        hechas.append(anclas.anclar(DIA + dt.timedelta(days=n))[0])
    return hechas


def _sin_proteccion():
    """An administrator's first step: drop the bitácora's triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # flush deferred FK checks
            cursor.execute(f"ALTER TABLE {TABLA} DISABLE TRIGGER bitacora_inmutable")
        else:
            cursor.execute("DROP TRIGGER bitacora_sin_update")


def _reescribir(desde: EntradaBitacora, descripcion: str) -> None:
    """What a database administrator holding FOLIO_BITACORA_CLAVE could do: drop the
    protection, change an entry and recompute every hash after it, and move the head."""
    _sin_proteccion()
    anterior = EntradaBitacora.objects.filter(pk__lt=desde.pk).order_by("-pk").first()
    enlace = anterior.hash if anterior else bitacora.GENESIS
    for entrada in EntradaBitacora.objects.filter(pk__gte=desde.pk).order_by("pk"):
        if entrada.pk == desde.pk:
            entrada.descripcion = descripcion
        entrada.hash_anterior = enlace
        entrada.hash = bitacora.calcular_hash(entrada)
        EntradaBitacora.objects.filter(pk=entrada.pk).update(
            descripcion=entrada.descripcion, hash_anterior=enlace, hash=entrada.hash
        )
        enlace = entrada.hash
    CadenaBitacora.objects.filter(pk=1).update(ultimo_hash=enlace)


def test_an_anchor_signs_the_chain_head_count_and_date_with_the_sello(sello):
    e = _entradas(4)
    ancla, creada = anclas.anclar(DIA)
    assert creada
    assert (ancla.fecha, ancla.cabeza, ancla.entradas, ancla.ultima_id) == (
        DIA,
        e[-1].hash,
        4,
        e[-1].pk,
    )
    assert ancla.carga == {
        "tipo": "folio.bitacora.ancla",
        "version": 1,
        "fecha": "2026-11-28",
        "cabeza": e[-1].hash,
        "entradas": 4,
        "ultima_id": e[-1].pk,
    }
    assert ancla.sello_serie == format(sello.serial_number, "X")
    assert ancla.sello_emisor == sello.issuer.rfc4514_string()
    # A detached CMS SignedData over the canonical payload, SHA-256, carrying the certificate.
    firmada = cms.ContentInfo.load(bytes(ancla.firma))["content"]
    assert firmada["encap_content_info"]["content"].native is None
    assert firmada["signer_infos"][0]["digest_algorithm"]["algorithm"].native == "sha256"
    assert sello.serial_number in [c.chosen.serial_number for c in firmada["certificates"]]
    assert anclas.verificar_anclas().rotas == ()


def test_openssl_verifies_the_published_signature_of_the_payload(sello, tmp_path):
    """An independent tool (OpenSSL) agrees, as a citizen would check a download."""
    _entradas(2)
    ancla, _ = anclas.anclar(DIA)
    (tmp_path / "ancla.json").write_bytes(anclas.canonico(ancla.carga))
    (tmp_path / "ancla.p7s").write_bytes(bytes(ancla.firma))
    orden = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-noverify"]
    orden += ["-in", "ancla.p7s", "-content", "ancla.json", "-out", "/dev/null"]
    bien = subprocess.run(orden, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bien.returncode == 0, bien.stderr
    (tmp_path / "ancla.json").write_bytes(anclas.canonico({**ancla.carga, "entradas": 1}))
    mal = subprocess.run(orden, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert mal.returncode != 0


def test_anchoring_twice_the_same_day_does_nothing_the_second_time(sello, monkeypatch):
    _entradas(3)
    salida = io.StringIO()
    call_command("bitacora_anclar", stdout=salida)
    primera = AnclaBitacora.objects.get()
    assert "firmada: 3 entradas" in salida.getvalue()
    _entradas(2)
    salida = io.StringIO()
    call_command("bitacora_anclar", stdout=salida)
    assert "ya existía (3 entradas): nada que hacer" in salida.getvalue()
    assert list(AnclaBitacora.objects.values_list("pk", "entradas")) == [(primera.pk, 3)]
    assert bytes(AnclaBitacora.objects.get().firma) == bytes(primera.firma)


def test_a_consistent_rewrite_passes_the_chain_check_but_not_the_anchors(sello):
    """The chain alone cannot tell: every hash was recomputed with the key."""
    _dias(3, 2, 2)  # entries 1-3 anchored on the 28th, 1-5 on the 29th, 1-7 on the 30th
    cuarta = EntradaBitacora.objects.order_by("pk")[3]
    _reescribir(cuarta, "Se turnó a Finanzas")
    assert bitacora.verificar_cadena().integra
    resultado = anclas.verificar_anclas()
    assert resultado.revisadas == 3
    assert resultado.primera == dt.date(2026, 11, 29)
    assert [rota.fecha for rota in resultado.rotas] == [
        dt.date(2026, 11, 29),
        DIA + dt.timedelta(2),
    ]
    assert "ya no tiene el hash firmado" in resultado.rotas[0].motivo


def test_the_command_reports_the_first_day_whose_anchor_no_longer_matches(sello):
    _dias(2, 2, 2)
    e = list(EntradaBitacora.objects.order_by("pk"))
    _reescribir(e[2], "Nada que ver")
    errores = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("bitacora_verificar", stderr=errores)
    assert str(error.value) == (
        "Bitácora alterada: 2 de 3 anclas ya no coinciden; la primera, la del 2026-11-29."
    )
    lineas = errores.getvalue().splitlines()
    assert len(lineas) == 2
    assert lineas[0] == (
        f"Ancla del 2026-11-29: la entrada {e[3].pk} ya no tiene el hash firmado"
        " (se reescribió la cadena)."
    )


def test_the_command_reports_chain_breaks_and_anchors_together(sello):
    e = _entradas(3)
    anclas.anclar(DIA)
    _sin_proteccion()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLA} SET descripcion = 'x' WHERE id = %s", [e[2].pk])
        cursor.execute(f"UPDATE {TABLA} SET hash = %s WHERE id = %s", ["f" * 64, e[2].pk])
    CadenaBitacora.objects.filter(pk=1).update(ultimo_hash="f" * 64)
    errores = io.StringIO()
    with pytest.raises(CommandError, match="1 ruptura en 3 entradas revisadas; 1 de 1 anclas"):
        call_command("bitacora_verificar", stderr=errores)
    assert f"Entrada {e[2].pk}: su contenido no coincide" in errores.getvalue()
    assert "Ancla del 2026-11-28: la entrada" in errores.getvalue()


def test_an_intact_chain_with_its_anchors_verifies(sello, capsys):
    _dias(2)
    call_command("bitacora_verificar")
    assert "2 entradas verificadas; 1 ancla publicada coincide." in capsys.readouterr().out
    _entradas(3)
    anclas.anclar(DIA + dt.timedelta(days=1))
    call_command("bitacora_verificar")
    assert "5 entradas verificadas; 2 anclas publicadas coinciden." in capsys.readouterr().out


def test_deleting_entries_before_the_anchor_moves_its_position(sello):
    """The anchored entry untouched, an earlier one removed: its position (count) changed."""
    e = _entradas(4)
    anclas.anclar(DIA)
    _sin_proteccion()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLA} WHERE id = %s", [e[1].pk])
    (rota,) = anclas.verificar_anclas().rotas
    assert rota.motivo == (
        f"firmó 4 entradas hasta la {e[3].pk} y ahora hay 3 "
        "(se borraron o agregaron entradas anteriores)"
    )


@pytest.mark.parametrize(
    ("cambio", "motivo"),
    [
        ({"entradas": 99}, "sus datos publicados no son los firmados"),
        ({"carga": "otro"}, "la firma no corresponde al contenido"),
        ({"firma": b"\x30\x03\x02\x01\x01"}, "la firma no es una firma CMS legible"),
        ({"sello_serie": "ABC"}, "la firma es de otro certificado"),
    ],
)
def test_an_anchor_altered_in_the_database_does_not_verify(sello, cambio, motivo):
    _entradas(2)
    ancla, _ = anclas.anclar(DIA)
    if cambio.get("carga"):
        cambio = {"carga": {**ancla.carga, "cabeza": "0" * 64}}
    AnclaBitacora.objects.filter(pk=ancla.pk).update(**cambio)
    (rota,) = anclas.verificar_anclas().rotas
    assert rota.motivo.startswith(motivo)


def test_an_anchor_re_signed_by_another_certificate_is_caught_by_the_signature(sello, tmp_path):
    """Someone without the sello's key signs a lie with his own certificate: the signature
    verifies with that certificate, but it is not the one recorded and published."""
    _entradas(2)
    ancla, _ = anclas.anclar(DIA)
    otro = firma_pki.sello(firma_pki.raiz("AC Falsa"), "Sello falso")
    carga = {**ancla.carga, "entradas": 1}
    firma = servicio_sello.firmar(
        servicio_sello.Sello(otro.llave, otro.cert), anclas.canonico(carga)
    )
    AnclaBitacora.objects.filter(pk=ancla.pk).update(carga=carga, firma=firma, entradas=1)
    (rota,) = anclas.verificar_anclas().rotas
    assert rota.motivo == "la firma es de otro certificado que el registrado en el ancla"


def test_without_a_sello_the_command_says_so_and_writes_nothing(settings, db):
    settings.FOLIO_SELLO_P12 = None
    settings.FOLIO_SELLO_DEMO = None
    _entradas(1)
    with pytest.raises(CommandError, match="No hay sello configurado: indique en FOLIO_SELLO_P12"):
        call_command("bitacora_anclar")
    assert not AnclaBitacora.objects.exists()


def test_a_wrong_sello_password_is_refused_in_spanish_and_writes_nothing(sello, settings):
    settings.FOLIO_SELLO_CLAVE = "otra"
    with pytest.raises(CommandError, match=r"la contraseña \(FOLIO_SELLO_CLAVE\) es incorrecta"):
        call_command("bitacora_anclar")
    assert not AnclaBitacora.objects.exists()


def test_an_expired_sello_is_refused(settings, tmp_path, db):
    antes = firma_pki.AHORA - dt.timedelta(days=400)
    vencido = firma_pki.sello(firma_pki.raiz(), desde=antes, hasta=antes + dt.timedelta(days=365))
    settings.FOLIO_SELLO_P12 = tmp_path / "vencido.p12"
    settings.FOLIO_SELLO_P12.write_bytes(firma_pki.p12(vencido, "x"))
    settings.FOLIO_SELLO_CLAVE = "x"
    with pytest.raises(CommandError, match="El certificado del sello no está vigente"):
        call_command("bitacora_anclar")
    assert not AnclaBitacora.objects.exists()


def test_the_dev_demo_sello_is_generated_once_and_says_it_is_not_valid(settings, tmp_path, db):
    ruta = tmp_path / "var" / "sello-demo-NO-VALIDO.p12"
    settings.FOLIO_SELLO_P12 = None
    settings.FOLIO_SELLO_DEMO = ruta
    settings.FOLIO_SELLO_CLAVE = "clave-demo"
    primero = servicio_sello.cargar_sello()
    assert ruta.stat().st_mode & 0o777 == 0o600
    assert "NO VÁLIDO PARA USO LEGAL" in primero.certificado.subject.rfc4514_string()
    assert servicio_sello.cargar_sello().serie == primero.serie  # not generated again
    _entradas(1)
    call_command("bitacora_anclar", stdout=io.StringIO())
    assert AnclaBitacora.objects.get().sello_serie == primero.serie


def test_an_empty_bitacora_is_anchored_at_its_genesis(sello):
    ancla, _ = anclas.anclar(DIA)
    assert (ancla.cabeza, ancla.entradas, ancla.ultima_id) == (bitacora.GENESIS, 0, None)
    assert anclas.verificar_anclas().rotas == ()


def test_two_runs_racing_on_the_same_day_leave_one_anchor(sello, monkeypatch):
    """cron and `make run` at once: the other run's anchor lands between the check and the
    insert; this run returns that one instead of failing."""
    _entradas(2)
    cargar = anclas.cargar_sello

    def otra_corrida_primero():
        real = cargar()
        otra = anclas.canonico({"otra": True})
        AnclaBitacora.objects.create(
            fecha=DIA,
            cabeza="a" * 64,
            entradas=2,
            ultima_id=None,
            carga={"otra": True},
            firma=servicio_sello.firmar(real, otra),
            sello_serie=real.serie,
            sello_emisor=real.emisor,
        )
        return real

    monkeypatch.setattr(anclas, "cargar_sello", otra_corrida_primero)
    ancla, creada = anclas.anclar(DIA)
    assert not creada
    assert ancla.cabeza == "a" * 64
    assert AnclaBitacora.objects.count() == 1
