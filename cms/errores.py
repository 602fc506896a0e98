"""Folio's error pages: the 500 handler (no database) and the 404 under `make run` (DEBUG)."""

from django.conf import settings
from django.http import Http404, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def error_servidor(request):
    """handler500: a styled page that reads nothing from the database (it may be down)."""
    plantilla = loader.get_template("500.html")
    return HttpResponseServerError(plantilla.render({"sitio": settings.WAGTAIL_SITE_NAME}))


class PaginaNoEncontradaEnDesarrollo:
    """With DEBUG, Django answers a 404 with its technical page; show Folio's instead and say
    how to see Django's (``?tecnico=1``). Only in cms.settings.dev."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404) or request.GET.get("tecnico"):
            return None
        respuesta = render(request, "404.html", {"en_desarrollo": True}, status=404)
        return HttpResponseNotFound(respuesta.content)
