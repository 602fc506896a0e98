"""OCR results in the Django admin, read-only: what was read, how readable, where the time
went (seconds per step, per page), to explain a slow or a doubtful page."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import PaginaOCR, ResultadoOCR

PASOS = ("cargar", "normalizar", "enderezar", "orientacion", "reconocer", "juzgar")


def _pasos(tiempos: dict) -> list[str]:
    nombres = {k for fila in tiempos.get("paginas", []) for k in fila if k != "numero"}
    return [p for p in PASOS if p in nombres] + sorted(nombres - set(PASOS))


def tabla_tiempos(tiempos: dict) -> str:
    """Seconds per step and page as an HTML table (slowest page first)."""
    paginas = sorted(
        tiempos.get("paginas", []),
        key=lambda f: -sum(v for k, v in f.items() if k != "numero"),
    )
    if not paginas:
        return "—"
    pasos = _pasos(tiempos)
    cabecera = format_html_join("", "<th scope='col'>{}</th>", ((p,) for p in pasos))
    filas = format_html_join(
        "",
        "<tr><th scope='row'>{}</th>{}<td>{}</td></tr>",
        (
            (
                fila["numero"],
                format_html_join("", "<td>{}</td>", ((fila.get(p, ""),) for p in pasos)),
                round(sum(v for k, v in fila.items() if k != "numero"), 3),
            )
            for fila in paginas
        ),
    )
    return format_html(
        "<table><thead><tr><th scope='col'>{}</th>{}<th scope='col'>{}</th></tr></thead>"
        "<tbody>{}</tbody></table>",
        _("Página"),
        cabecera,
        _("Total (s)"),
        filas,
    )


class PaginaOCRInline(admin.TabularInline):
    model = PaginaOCR
    fields = ("numero", "origen", "confianza", "legibilidad", "calidad")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ResultadoOCR)
class ResultadoOCRAdmin(admin.ModelAdmin):
    list_display = (
        "archivo",
        "estado",
        "legibilidad",
        "paginas_total",
        "confianza",
        "segundos",
        "terminado_en",
    )
    list_filter = ("estado", "legibilidad")
    search_fields = ("archivo__nombre_original", "archivo__escrito__folio")
    list_select_related = ("archivo",)
    inlines = [PaginaOCRInline]
    fields = (
        "archivo",
        "estado",
        "legibilidad",
        "motivo",
        "motor",
        "paginas_total",
        "confianza",
        "segundos",
        "tiempos_por_pagina",
        "tiempos",
        "ajustes",
        "intentos",
        "iniciado_en",
        "terminado_en",
    )
    readonly_fields = fields

    @admin.display(description=_("tiempos por página (s)"))
    def tiempos_por_pagina(self, obj):
        return tabla_tiempos(obj.tiempos or {})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
