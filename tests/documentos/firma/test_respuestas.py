"""Signing an answer (documentos.services.firmas): each signer in order adds a PAdES
signature to the answer's PDF, stored as a new file; refusals change nothing."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documentos.firma import FirmaRechazada
from documentos.firma.credenciales import desde_efirma, desde_pkcs12
from documentos.firma.verificacion import verificar
from documentos.models import Archivo, EntradaBitacora, Firma
from documentos.selectors_entrega import documento_vigente
from documentos.services import firmas, flujo
from documentos.services.version_publica import archivos_de
from tests.factories import imagen_bytes, subida
from tests.firma_pki import CLAVE

pytestmark = pytest.mark.django_db
F = Firma.Rol


def _leer(archivo) -> bytes:
    with archivo.abrir() as fichero:
        return fichero.read()


def _estado(escrito):
    """Everything a refused signature must leave as it was."""
    return (
        Firma.objects.count(),
        Archivo.objects.filter(escrito=escrito).count(),
        escrito.bitacora.count(),
        escrito.respuestas.get().codigo_verificacion,
    )


def test_a_signed_answer_is_a_new_file_that_verifies(respondido, credencial, titular_obras):
    escrito = respondido()
    respuesta = escrito.respuestas.get()
    original = respuesta.archivo

    hecha = firmas.firmar_respuesta(
        respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="Director"
    )

    firma = hecha.firma
    respuesta.refresh_from_db()
    assert firma.orden == 1 and firma.nivel == "B-B"
    assert firma.nombre == "JUANA GÓMEZ MÉNDEZ" and firma.numero_serie == "00000000000500000001"
    assert firma.archivo.tipo == Archivo.Tipo.FIRMADO and firma.archivo.pk != original.pk
    assert respuesta.archivo == original, "the answer's own file is never modified"
    assert documento_vigente(respuesta) == firma.archivo
    assert len(respuesta.codigo_verificacion) == 14
    pdf = _leer(firma.archivo)
    verificacion = verificar(pdf)
    assert verificacion.valida and verificacion.firmas[0].cargo == "Director"
    assert verificacion.firmas[0].motivo.startswith("Firmó")
    entrada = escrito.bitacora.get(accion=EntradaBitacora.Accion.FIRMA)
    assert entrada.usuario == titular_obras
    assert entrada.despues["sha256"] == firma.archivo.sha256
    assert entrada.antes["sha256"] == original.sha256
    assert entrada.despues["numero_serie"] == firma.numero_serie
    assert entrada.despues["emisor"] == firma.emisor
    # never the key nor its password
    assert CLAVE not in json.dumps([entrada.antes, entrada.despues, entrada.descripcion])
    # the signed copy repeats the answer: nothing new to read or to testar
    assert firma.archivo not in archivos_de(escrito)


def test_several_signers_in_order_keep_the_earlier_signatures_valid(
    respondido, firma, credencial, operativo_obras, titular_obras
):
    escrito = respondido()
    respuesta = escrito.respuestas.get()
    otro = desde_pkcs12(firma.p12(firma.otro), CLAVE)

    firmas.firmar_respuesta(
        respuesta, usuario=operativo_obras, credencial=otro, rol=F.ELABORO, cargo="Analista"
    )
    segunda = firmas.firmar_respuesta(
        respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="Director"
    ).firma

    assert [f.orden for f in respuesta.firmas.all()] == [1, 2]
    verificacion = verificar(_leer(segunda.archivo))
    assert verificacion.valida and not verificacion.modificado_despues
    assert [f.campo for f in verificacion.firmas] == ["firma1", "firma2"]
    assert all(f.valida for f in verificacion.firmas)
    codigos = set(respuesta.firmas.values_list("respuesta__codigo_verificacion", flat=True))
    assert len(codigos) == 1, "one código per answer, printed on every block"


def test_the_same_certificate_cannot_sign_twice(respondido, credencial, titular_obras):
    respuesta = respondido().respuestas.get()
    datos = {"usuario": titular_obras, "credencial": credencial, "cargo": "Director"}
    firmas.firmar_respuesta(respuesta, rol=F.REVISO, **datos)
    antes = _estado(respuesta.escrito)

    with pytest.raises(FirmaRechazada, match="ya firmó"):
        firmas.firmar_respuesta(respuesta, rol=F.FIRMO, **datos)
    assert _estado(respuesta.escrito) == antes


def test_an_answer_without_a_file_is_signed_as_an_oficio_drawn_from_its_text(
    respondido, credencial, titular_obras
):
    escrito = respondido(con_archivo=False)
    respuesta = escrito.respuestas.get()

    firma = firmas.firmar_respuesta(
        respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="Director"
    ).firma

    respuesta.refresh_from_db()
    assert respuesta.archivo.tipo == Archivo.Tipo.RESPUESTA
    assert respuesta.archivo in archivos_de(escrito), "the oficio is read like any answer"
    import pypdfium2

    documento = pypdfium2.PdfDocument(_leer(firma.archivo))
    texto = documento[0].get_textpage().get_text_range()
    assert escrito.folio in texto and "Texto de la respuesta QWE" in texto
    assert verificar(_leer(firma.archivo)).valida


@pytest.mark.parametrize("certificado, mensaje", [("revocado", "revocado"), ("vencido", "venció")])
def test_a_refused_certificate_changes_nothing(
    respondido, firma, titular_obras, certificado, mensaje
):
    escrito = respondido(con_archivo=False)
    respuesta = escrito.respuestas.get()
    cert = getattr(firma, certificado)
    credencial = desde_efirma(cert.cer, cert.key(), CLAVE)
    antes = _estado(escrito)

    with pytest.raises(FirmaRechazada, match=mensaje):
        firmas.firmar_respuesta(
            respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="D"
        )
    assert _estado(escrito) == antes
    respuesta.refresh_from_db()
    assert respuesta.archivo_id is None, "the oficio is not stored for a refused signature"


def test_an_answer_the_citizen_already_consulted_is_not_signed(
    respondido, credencial, titular_obras
):
    respuesta = respondido().respuestas.get()
    respuesta.consultada_en = timezone.now()
    respuesta.save()
    antes = _estado(respuesta.escrito)

    with pytest.raises(ValidationError, match="ya consultó"):
        firmas.firmar_respuesta(
            respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="D"
        )
    assert _estado(respuesta.escrito) == antes


def test_an_image_answer_is_not_signed(recibir, oficialia, obras, titular_obras, credencial):
    escrito = recibir()
    flujo.turnar(escrito, obras, usuario=oficialia)
    flujo.asignar(escrito, titular_obras, usuario=titular_obras)
    respuesta = flujo.responder(
        escrito,
        usuario=titular_obras,
        sentido="positiva",
        texto="Hecho",
        archivo=subida("respuesta.png", imagen_bytes()),
    )

    with pytest.raises(ValidationError, match="solo se pueden firmar electrónicamente"):
        firmas.firmar_respuesta(
            respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="D"
        )
    assert not Firma.objects.exists()


def test_only_staff_of_the_area_sign(respondido, credencial, oficialia):
    respuesta = respondido().respuestas.get()
    with pytest.raises(PermissionDenied):
        firmas.firmar_respuesta(
            respuesta, usuario=oficialia, credencial=credencial, rol=F.FIRMO, cargo="D"
        )
    assert not Firma.objects.exists()


def test_a_superseded_answer_is_not_signed(respondido, credencial, titular_obras):
    escrito = respondido()
    respuesta = escrito.respuestas.get()
    flujo.reabrir(escrito, usuario=titular_obras, motivo="Corregir el monto")

    with pytest.raises(ValidationError, match="respuesta vigente"):
        firmas.firmar_respuesta(
            respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="D"
        )


def test_two_signers_at_once_the_later_one_is_asked_to_sign_again(
    respondido, firma, credencial, operativo_obras, titular_obras, monkeypatch
):
    respuesta = respondido().respuestas.get()
    otro = desde_pkcs12(firma.p12(firma.otro), CLAVE)
    firmar_de_verdad = firmas.firmar

    def mientras_firma_otra_persona(*args, **kwargs):
        # the other signer finishes while this one's signature is being computed
        monkeypatch.setattr(firmas, "firmar", firmar_de_verdad)
        firmas.firmar_respuesta(
            type(respuesta).objects.get(pk=respuesta.pk),
            usuario=operativo_obras,
            credencial=otro,
            rol=F.ELABORO,
            cargo="Analista",
        )
        return firmar_de_verdad(*args, **kwargs)

    monkeypatch.setattr(firmas, "firmar", mientras_firma_otra_persona)
    with pytest.raises(ValidationError, match="firme de nuevo"):
        firmas.firmar_respuesta(
            respuesta, usuario=titular_obras, credencial=credencial, rol=F.FIRMO, cargo="D"
        )

    assert [f.usuario for f in respuesta.firmas.all()] == [operativo_obras]
    assert Archivo.objects.filter(tipo=Archivo.Tipo.FIRMADO).count() == 1
