import pytesseract

from ocr import checks


def test_missing_tesseract_is_a_clear_spanish_warning(monkeypatch):
    def not_found(*args, **kwargs):
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_tesseract_version", not_found)
    warnings = checks.tesseract_installed(None)
    assert [w.id for w in warnings] == ["ocr.W001"]
    assert "No se encontró Tesseract" in warnings[0].msg
