"""documentos' system checks: a deployment without a usable sello is warned, not stopped."""

import datetime as dt

from django.core import checks

from tests import firma_pki


def _avisos(**kwargs):
    return [
        m
        for m in checks.run_checks(include_deployment_checks=True, **kwargs)
        if m.id and m.id.startswith("documentos.")
    ]


def test_a_deployment_without_a_sello_is_warned_but_still_runs(settings):
    settings.FOLIO_SELLO_P12 = None
    (aviso,) = _avisos()
    assert aviso.id == "documentos.W001" and aviso.level == checks.WARNING
    assert "no se firmarán las anclas diarias de la bitácora" in aviso.msg
    assert "FOLIO_SELLO_P12" in aviso.hint
    assert not aviso.is_serious()  # Django stops only on errors: the site still runs


def test_the_warning_is_only_for_deployment_checks(settings):
    settings.FOLIO_SELLO_P12 = None
    assert not [m for m in checks.run_checks() if m.id == "documentos.W001"]


def test_a_configured_sello_gives_no_warning(sello):
    assert _avisos() == []


def test_a_sello_that_cannot_sign_is_warned_with_the_reason(sello, settings):
    settings.FOLIO_SELLO_CLAVE = "otra"
    (aviso,) = _avisos()
    assert aviso.id == "documentos.W002" and aviso.level == checks.WARNING
    assert "la contraseña (FOLIO_SELLO_CLAVE) es incorrecta" in aviso.msg


def test_an_expired_sello_is_warned(settings, tmp_path):
    antes = firma_pki.AHORA - dt.timedelta(days=400)
    vencido = firma_pki.sello(firma_pki.raiz(), desde=antes, hasta=antes + dt.timedelta(days=365))
    settings.FOLIO_SELLO_P12 = tmp_path / "vencido.p12"
    settings.FOLIO_SELLO_P12.write_bytes(firma_pki.p12(vencido, "x"))
    settings.FOLIO_SELLO_CLAVE = "x"
    (aviso,) = _avisos()
    assert aviso.id == "documentos.W002"
    assert "El certificado del sello no está vigente" in aviso.msg
