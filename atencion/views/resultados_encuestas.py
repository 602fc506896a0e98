"""Admin report of the surveys: the Contraloría (and superusers) see every result and the
coyotaje denuncias; any other staff member sees only their own results, from k answers."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cms import roles
from documentos.views.staff import MIGA_INICIO, VistaStaff

from .. import selectors_encuestas as sel

DIMENSIONES = [
    ("area", gettext_lazy("Por área")),
    ("servicio", gettext_lazy("Por servicio")),
    ("sede", gettext_lazy("Por sede")),
    ("ventanilla", gettext_lazy("Por ventanilla")),
    ("mes", gettext_lazy("Por mes")),
]


def ve_todo(usuario) -> bool:
    return usuario.is_superuser or usuario.groups.filter(name=roles.CONTRALORIA).exists()


def _fecha(texto: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(texto or "")
    except ValueError:
        return None


class ResultadosView(VistaStaff):
    template_name = "atencion/encuestas/admin_resultados.html"
    page_title = gettext_lazy("Resultados de las encuestas")
    header_icon = "list-ul"
    breadcrumbs_items = [MIGA_INICIO]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usuario = self.request.user
        hoy = timezone.localdate()
        desde = _fecha(self.request.GET.get("desde")) or hoy.replace(day=1, month=1)
        hasta = _fecha(self.request.GET.get("hasta")) or hoy
        consulta = sel.respuestas(desde, hasta)
        context.update(
            desde=desde,
            hasta=hasta,
            umbral=sel.umbral(),
            escalas=sel.ESCALAS,
            propio=sel.de_servidor(usuario, consulta),
            ve_todo=ve_todo(usuario),
        )
        if context["ve_todo"]:
            usuarios = {}
            servidores = sel.por_servidor(consulta)
            if servidores:
                usuarios = get_user_model().objects.in_bulk([r.clave for r in servidores])
            for fila in servidores:
                persona = usuarios.get(fila.clave)
                fila.clave = (persona.get_full_name() or persona.get_username()) if persona else "—"
            context.update(
                tablas=[(t, sel.resultados(d, consulta)) for d, t in DIMENSIONES],
                servidores=servidores,
                denuncias=sel.denuncias_por_coyotaje(consulta)[:200],
            )
        return context
