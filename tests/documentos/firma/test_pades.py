"""Signing real PDFs, read back with pyHanko (documentos.firma.verificacion), pdfium and zxing."""

import io
import re

import pikepdf
import pypdfium2
import pytest
import zxingcpp
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from documentos.firma import FirmaRechazada
from documentos.firma.credenciales import desde_efirma, desde_pkcs12
from documentos.firma.pades import CROCKFORD, codigo_verificacion, firmar, normalizar_codigo
from documentos.firma.verificacion import verificar
from tests import firma_pki
from tests.firma_pki import CLAVE


def _ultima_pagina(pdf: bytes) -> tuple[int, str, list[str]]:
    """(pages, text of the last page, QR codes decoded from its rendering)."""
    documento = pypdfium2.PdfDocument(pdf)
    try:
        pagina = documento[len(documento) - 1]
        # the blocks are widget appearances: flatten them into the page to read their text
        pypdfium2.raw.FPDFPage_Flatten(pagina.raw, pypdfium2.raw.FLAT_PRINT)
        pagina.close()
        pagina = documento[len(documento) - 1]
        texto = pagina.get_textpage().get_text_range()
        imagen = pagina.render(scale=3, may_draw_forms=True).to_pil()
        return len(documento), texto, [r.text for r in zxingcpp.read_barcodes(imagen)]
    finally:
        documento.close()


def _rectangulos(pdf: bytes) -> list[tuple[float, ...]]:
    with pikepdf.open(io.BytesIO(pdf)) as documento:
        return [
            tuple(float(v) for v in anotacion.Rect)
            for pagina in documento.pages
            for anotacion in pagina.obj.get("/Annots") or []
            if anotacion.get("/FT") == "/Sig"
        ]


def _se_enciman(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_firma_y_verificacion_b_b(credencial, estampa):
    sello = estampa()

    firmado = firmar(firma_pki.pdf(), credencial, sello, campo="firmo")

    assert firmado.nivel == "B-B"
    assert firmado.numero_serie == "00000000000500000001"
    assert firmado.emisor == "AC del Servicio de Administración Tributaria (prueba)"
    assert firmado.firmante == "JUANA GÓMEZ MÉNDEZ"
    assert re.fullmatch(r"[0-9a-f]{64}", firmado.sha256)
    resultado = verificar(firmado.pdf)
    assert resultado.valida and not resultado.modificado_despues
    (una,) = resultado.firmas
    assert (una.firmante, una.cargo, una.nivel) == (
        "JUANA GÓMEZ MÉNDEZ",
        "Directora de Atención",
        "B-B",
    )
    assert una.intacta and una.confiable and una.cubre_todo and not una.sellada


def test_el_bloque_visible_dice_quien_cuando_folio_codigo_y_lleva_el_qr(credencial, estampa):
    sello = estampa()

    firmado = firmar(firma_pki.pdf(paginas=2), credencial, sello, campo="firmo")

    paginas, texto, codigos = _ultima_pagina(firmado.pdf)
    assert paginas == 3  # the two pages and the "Firmas electrónicas" page
    for parte in (
        "Firmas electrónicas del documento OP-2026-000123",
        "Firmó: Juana Gómez Méndez",
        "Directora de Atención",
        timezone.localtime(sello.momento).strftime("%d/%m/%Y %H:%M:%S"),
        "Folio: OP-2026-000123",
        f"Código de verificación: {sello.codigo_verificacion}",
    ):
        assert parte in texto
    assert codigos == [sello.url_verificacion]


def test_un_byte_cambiado_invalida_la_firma(credencial, estampa):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")
    posicion = firmado.pdf.index(b"Respuesta a su escrito")

    alterado = bytearray(firmado.pdf)
    alterado[posicion] = ord("X")
    resultado = verificar(bytes(alterado))

    assert not resultado.valida
    assert not resultado.firmas[0].intacta


def test_tres_firmas_en_orden_todas_validas_sin_encimarse(firma, estampa):
    pdf = firma_pki.pdf()
    firmantes = [
        ("Elaboró", desde_efirma(firma.otro.cer, firma.otro.key(), CLAVE)),
        ("Revisó", desde_pkcs12(firma.p12(), CLAVE)),
        ("Firmó", desde_efirma(firma.firmante.cer, firma.firmante.key(), CLAVE)),
    ]
    for numero, (rol, credencial) in enumerate(firmantes):
        pdf = firmar(pdf, credencial, estampa(rol=rol), campo=f"firma{numero}").pdf

    resultado = verificar(pdf)
    assert resultado.valida and not resultado.modificado_despues
    assert [f.firmante for f in resultado.firmas] == [
        "PEDRO RUIZ LARA",
        "JUANA GÓMEZ MÉNDEZ",
        "JUANA GÓMEZ MÉNDEZ",
    ]
    assert all(f.intacta and f.confiable for f in resultado.firmas)
    assert [f.cubre_todo for f in resultado.firmas] == [False, False, True]
    cajas = _rectangulos(pdf)
    assert len(cajas) == 3
    assert not any(_se_enciman(a, b) for i, a in enumerate(cajas) for b in cajas[i + 1 :])
    texto = _ultima_pagina(pdf)[1]
    assert all(rol in texto for rol in ("Elaboró:", "Revisó:", "Firmó:"))


def test_b_t_con_el_sello_de_tiempo_local(con_tsa, credencial, estampa, settings):
    settings.FOLIO_FIRMA_REVOCACION = "flexible"
    sin_crl = desde_efirma(con_tsa.sin_crl.cer, con_tsa.sin_crl.key(), CLAVE)
    antes = con_tsa.servidor.RequestHandlerClass.sellos

    firmado = firmar(firma_pki.pdf(), sin_crl, estampa(), campo="firmo")

    assert firmado.nivel == "B-T"  # timestamped; no revocation data to embed
    assert "No se pudo comprobar si el certificado fue revocado" in firmado.advertencias[0]
    assert con_tsa.servidor.RequestHandlerClass.sellos > antes  # the local TSA answered
    (una,) = verificar(firmado.pdf).firmas
    assert una.sellada and una.nivel == "B-T" and una.intacta


def test_b_lt_incluye_cadena_y_crl(con_tsa, credencial, estampa):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")

    assert firmado.nivel == "B-LT"
    with pikepdf.open(io.BytesIO(firmado.pdf)) as documento:
        dss = documento.Root.DSS
        assert len(dss.CRLs) >= 1 and len(dss.Certs) >= 2
    resultado = verificar(firmado.pdf)
    assert resultado.valida and not resultado.modificado_despues
    assert resultado.firmas[0].nivel == "B-LT"


def test_segunda_firma_b_lt_conserva_la_primera(con_tsa, credencial, estampa):
    primera = firmar(firma_pki.pdf(), credencial, estampa(rol="Revisó"), campo="reviso")
    segunda = firmar(primera.pdf, credencial, estampa(), campo="firmo")

    resultado = verificar(segunda.pdf)
    assert resultado.valida
    assert [f.nivel for f in resultado.firmas] == ["B-LT", "B-LT"]


def test_modificado_despues_de_la_ultima_firma(credencial, estampa):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")
    escritor = IncrementalPdfFileWriter(io.BytesIO(firmado.pdf))
    referencia = escritor.find_page_for_modification(0)[0]
    referencia.get_object()["/Contents"] = escritor.add_object(
        generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 600 Td (Otra respuesta) Tj ET")
    )
    escritor.mark_update(referencia)
    alterado = io.BytesIO()
    escritor.write(alterado)

    resultado = verificar(alterado.getvalue())

    assert resultado.firmas[0].intacta  # the signed revision is still there, untouched
    assert not resultado.firmas[0].cubre_todo
    assert resultado.modificado_despues and not resultado.valida


def test_certificado_revocado_no_firma(firma, estampa):
    revocado = desde_efirma(firma.revocado.cer, firma.revocado.key(), CLAVE)

    with pytest.raises(FirmaRechazada, match="fue revocado"):
        firmar(firma_pki.pdf(), revocado, estampa(), campo="firmo")


def test_no_es_un_pdf(credencial, estampa):
    with pytest.raises(FirmaRechazada, match="no es un PDF"):
        firmar(b"%PDF-1.7 roto", credencial, estampa(), campo="firmo")
    assert verificar(b"no es un pdf").error == "El archivo no es un PDF legible."


def test_el_mismo_campo_dos_veces(credencial, estampa):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")

    with pytest.raises(FirmaRechazada, match="ya tiene una firma llamada firmo"):
        firmar(firmado.pdf, credencial, estampa(), campo="firmo")


def test_documento_sin_firmas(firma):
    assert verificar(firma_pki.pdf()).error == "El documento no tiene firmas electrónicas."
    assert not verificar(firma_pki.pdf()).valida


def test_codigo_de_verificacion():
    codigos = {codigo_verificacion() for _ in range(200)}

    assert len(codigos) == 200
    for codigo in codigos:
        assert re.fullmatch(rf"[{CROCKFORD}]{{4}}-[{CROCKFORD}]{{4}}-[{CROCKFORD}]{{4}}", codigo)
    assert normalizar_codigo(" abcd efgh-jkmo ") == "ABCD-EFGH-JKM0"
    assert normalizar_codigo("iL0o-1111-2222") == "1100-1111-2222"


def test_sello_de_tiempo_que_no_responde(con_tsa, credencial, estampa, settings):
    settings.FOLIO_FIRMA_TSA_URL = f"{con_tsa.url}/no-hay-tsa"

    with pytest.raises(FirmaRechazada, match="sello de tiempo"):
        firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")


def test_sello_de_tiempo_de_una_autoridad_no_configurada_queda_en_b_t(
    con_tsa, credencial, estampa, settings
):
    settings.FOLIO_FIRMA_TSA_URL = f"{con_tsa.url}/tsa-ajena"

    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")

    assert firmado.nivel == "B-T"
    assert "No se pudieron incluir los datos de validación (B-LT)" in firmado.advertencias[0]
    assert verificar(firmado.pdf).firmas[0].intacta


def test_la_llave_no_se_vuelve_a_leer_en_cada_firma(credencial, estampa, monkeypatch):
    """pyHanko's SimpleSigner re-reads the key from DER per signature (~90 ms of RSA checks)."""
    from pyhanko.sign.signers import pdf_cms

    lecturas = []
    original = pdf_cms.serialization.load_der_private_key
    monkeypatch.setattr(
        pdf_cms.serialization,
        "load_der_private_key",
        lambda *a, **k: lecturas.append(1) or original(*a, **k),
    )

    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")

    assert lecturas == []
    assert verificar(firmado.pdf).valida


def test_doce_firmas_caben_en_la_hoja_y_la_decimotercera_se_rechaza(credencial, estampa):
    pdf = firma_pki.pdf()
    for numero in range(12):
        pdf = firmar(pdf, credencial, estampa(), campo=f"firma{numero}").pdf
    cajas = _rectangulos(pdf)

    with pytest.raises(FirmaRechazada, match="todas las firmas que caben en su hoja"):
        firmar(pdf, credencial, estampa(), campo="firma12")
    assert len(cajas) == 12
    assert not any(_se_enciman(a, b) for i, a in enumerate(cajas) for b in cajas[i + 1 :])
    assert all(caja[1] >= 36 for caja in cajas)  # inside the page's margin


def test_firma_de_una_autoridad_que_folio_no_reconoce(firma, estampa, settings):
    """Signed where the foreign root was trusted; Folio, trusting only its own, says so."""
    settings.FOLIO_FIRMA_RAICES = firma.raices_con_la_ajena
    ajeno = desde_efirma(firma.ajeno.cer, firma.ajeno.key(), CLAVE)
    firmado = firmar(firma_pki.pdf(), ajeno, estampa(), campo="firmo")
    settings.FOLIO_FIRMA_RAICES = firma.raices

    resultado = verificar(firmado.pdf)

    (una,) = resultado.firmas
    assert una.intacta and not una.confiable
    assert not una.valida and not resultado.valida


@pytest.mark.parametrize("usuario", ["", "secreta"])
def test_pdf_protegido_con_contrasena(credencial, estampa, usuario):
    protegido = io.BytesIO()
    with pikepdf.open(io.BytesIO(firma_pki.pdf())) as documento:
        documento.save(protegido, encryption=pikepdf.Encryption(owner="dueño", user=usuario))

    with pytest.raises(FirmaRechazada, match="protegido con contraseña"):
        firmar(protegido.getvalue(), credencial, estampa(), campo="firmo")


def test_firma_danada(credencial, estampa):
    firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")
    posicion = firmado.pdf.index(b"/Contents <") + 200
    danado = bytearray(firmado.pdf)
    danado[posicion] = ord("0") if danado[posicion] != ord("0") else ord("1")

    resultado = verificar(bytes(danado))

    assert not resultado.valida
    assert resultado.error == "La firma firmo está dañada: no se pudo leer."


def test_b_lt_con_respuesta_ocsp(con_tsa, estampa):
    por_ocsp = desde_efirma(con_tsa.por_ocsp.cer, con_tsa.por_ocsp.key(), CLAVE)

    firmado = firmar(firma_pki.pdf(), por_ocsp, estampa(), campo="firmo")

    assert firmado.nivel == "B-LT"
    with pikepdf.open(io.BytesIO(firmado.pdf)) as documento:
        assert len(documento.Root.DSS.OCSPs) >= 1
    assert verificar(firmado.pdf).valida


def test_firma_y_verificacion_con_un_bucle_asyncio_activo(credencial, estampa):
    """Under an ASGI server or a Playwright session this thread already runs an event loop."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def dentro_del_bucle():
        firmado = firmar(firma_pki.pdf(), credencial, estampa(), campo="firmo")
        return firmado, verificar(firmado.pdf)

    def en_un_hilo_con_su_bucle():
        # its own thread: the test run itself may already hold a loop (Playwright)
        bucle = asyncio.new_event_loop()
        try:
            return bucle.run_until_complete(dentro_del_bucle())
        finally:
            bucle.close()

    with ThreadPoolExecutor(max_workers=1) as hilo:
        firmado, verificacion = hilo.submit(en_un_hilo_con_su_bucle).result()

    assert firmado.nivel == "B-B"
    assert verificacion.valida
