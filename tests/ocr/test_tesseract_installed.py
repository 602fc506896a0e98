import pytest
from django.core.management import call_command

from ocr.tesseract import tesseract_status

pytestmark = pytest.mark.tesseract


def test_tesseract_5_with_spanish_model():
    status = tesseract_status()
    assert status.version is not None and status.version.startswith("5")
    assert "spa" in status.languages


def test_system_check_is_quiet_when_tesseract_is_ready(capsys):
    call_command("check")
    assert "ocr.W00" not in capsys.readouterr().err
