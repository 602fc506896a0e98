import pytest

from documentos.firma import FirmaRechazada
from documentos.firma.confianza import revisar
from documentos.firma.credenciales import desde_efirma
from tests.firma_pki import CLAVE


def _de(certificado):
    return desde_efirma(certificado.cer, certificado.key(), CLAVE)


def test_certificado_vigente_de_una_autoridad_configurada(firma, credencial):
    revision = revisar(credencial)

    assert revision.revocacion_comprobada
    assert revision.advertencias == ()


def test_certificado_vencido(firma):
    with pytest.raises(FirmaRechazada, match="El certificado venció el"):
        revisar(_de(firma.vencido))


def test_certificado_todavia_no_valido(firma):
    with pytest.raises(FirmaRechazada, match="todavía no es válido"):
        revisar(_de(firma.futuro))


def test_certificado_de_una_autoridad_no_configurada(firma):
    with pytest.raises(FirmaRechazada, match="no fue emitido por una autoridad certificadora"):
        revisar(_de(firma.ajeno))


def test_certificado_revocado_segun_la_crl(firma):
    with pytest.raises(FirmaRechazada, match="fue revocado el "):
        revisar(_de(firma.revocado))


def test_revocacion_no_comprobable_en_modo_estricto(firma):
    with pytest.raises(FirmaRechazada, match="No se pudo comprobar si el certificado fue revocado"):
        revisar(_de(firma.sin_crl))


def test_revocacion_no_comprobable_en_modo_flexible(firma, settings):
    settings.FOLIO_FIRMA_REVOCACION = "flexible"

    revision = revisar(_de(firma.sin_crl))

    assert not revision.revocacion_comprobada
    assert "No se pudo comprobar si el certificado fue revocado" in revision.advertencias[0]


def test_revocado_tambien_se_rechaza_en_modo_flexible(firma, settings):
    settings.FOLIO_FIRMA_REVOCACION = "flexible"

    with pytest.raises(FirmaRechazada, match="fue revocado el "):
        revisar(_de(firma.revocado))


def test_sin_autoridades_configuradas(firma, settings, credencial):
    settings.FOLIO_FIRMA_RAICES = []

    with pytest.raises(FirmaRechazada, match="No hay autoridades certificadoras raíz"):
        revisar(credencial)


def test_raices_desde_un_directorio(firma, settings, credencial):
    settings.FOLIO_FIRMA_RAICES = [str(firma.directorio)]

    assert revisar(credencial).revocacion_comprobada


def test_certificado_que_no_es_de_firma(firma):
    with pytest.raises(FirmaRechazada, match="su uso de llave no incluye la firma digital"):
        revisar(_de(firma.cifrado))


def test_revocacion_comprobada_por_ocsp(firma):
    antes = firma.servidor.RequestHandlerClass.consultas_ocsp

    assert revisar(_de(firma.por_ocsp)).revocacion_comprobada
    assert firma.servidor.RequestHandlerClass.consultas_ocsp > antes  # the responder was asked


def test_revocado_segun_ocsp(firma):
    with pytest.raises(FirmaRechazada, match="fue revocado el "):
        revisar(_de(firma.revocado_por_ocsp))
