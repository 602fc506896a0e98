"""documentos shows the reading of its files through documentos.lectura only: whatever the
registered reader says is what the escrito page, its progress and its viewer show."""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from documentos import lectura

pytestmark = pytest.mark.django_db


@dataclass
class Estado:
    estado: str = "en_proceso"
    etiqueta: str = "Leyendo"
    motivo: str = ""
    paginas_hechas: int = 2
    paginas_total: int = 5
    confianza: float | None = None
    paginas: tuple = ()
    activo: bool = True
    porcentaje: int = 40


@dataclass
class Lector:
    releidos: list = field(default_factory=list)

    def estados(self, archivo_ids):
        return {pk: Estado() for pk in archivo_ids}

    def pagina(self, archivo_id, numero):
        return None

    def imagen(self, archivo_id, numero, ancho_max):
        return b"\x89PNG de prueba"

    def imagen_pdf(self, contenido, numero, dpi, gris):
        return None

    def volver_a_leer(self, archivo_ids):
        self.releidos += list(archivo_ids)
        return len(self.releidos)


@pytest.fixture
def lector(monkeypatch):
    falso = Lector()
    monkeypatch.setattr(lectura, "_lector", falso)
    return falso


def test_the_escrito_page_progress_viewer_and_reread_use_the_registered_reader(
    lector, como, oficialia, recibir
):
    escrito = recibir()
    archivo = escrito.archivos.get()
    cliente = como(oficialia)
    html = cliente.get(reverse("documentos_admin:escrito", args=[escrito.pk])).content.decode()
    assert "Leyendo" in html and "2 de 5 páginas" in html
    avance = cliente.get(reverse("documentos_admin:ocr_avance", args=[escrito.pk])).json()
    assert avance["archivos"][0]["porcentaje"] == 40 and avance["activo"] is True
    imagen = reverse("documentos_admin:archivo_pagina", args=[escrito.pk, archivo.pk, 1])
    assert cliente.get(imagen).content == b"\x89PNG de prueba"
    cliente.post(reverse("documentos_admin:archivo_ocr", args=[escrito.pk, archivo.pk]))
    assert lector.releidos == [archivo.pk]


def test_without_a_registered_reader_the_error_says_so(monkeypatch):
    monkeypatch.setattr(lectura, "_lector", None)
    with pytest.raises(RuntimeError, match="lector de archivos"):
        lectura.lector()
