"""The clerk's "Dar turno" screen in the Wagtail admin: a ticket given at the window."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documentos import permisos
from documentos.views.staff import VistaStaff, aplicar_errores, prohibido

from .. import services
from ..ficha_pdf import url_ficha
from ..models import Ficha, Servicio


class ServicioChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.sede} · {obj.nombre} ({obj.prefijo})"


class DarTurnoForm(forms.Form):
    servicio = ServicioChoiceField(
        label=gettext_lazy("Servicio"),
        queryset=Servicio.objects.filter(activo=True, sede__activa=True).select_related("sede"),
        empty_label=None,
    )
    preferente = forms.BooleanField(
        label=gettext_lazy(
            "Atención preferente (adultos mayores, personas con discapacidad, embarazadas)"
        ),
        required=False,
    )


def puede_dar_turno(usuario) -> bool:
    return permisos.es_oficialia(usuario)


class DarTurnoView(VistaStaff):
    template_name = "atencion/kiosco/admin/dar_turno.html"
    page_title = gettext_lazy("Dar turno")
    header_icon = "list-ol"

    def dispatch(self, request, *args, **kwargs):
        if not puede_dar_turno(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Inicio")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        token = self.request.GET.get("ficha")
        ficha = Ficha.objects.select_related("servicio", "sede").filter(token=token).first()
        if ficha is not None:
            context.update(
                ficha=ficha,
                url_80mm=reverse("atencion:ficha_pdf", args=[ficha.token]) + "?papel=80mm",
                url_carta=reverse("atencion:ficha_pdf", args=[ficha.token]) + "?papel=carta",
                url_publica=url_ficha(ficha, self.request),
            )
        return context

    def get(self, request, *args, **kwargs):
        inicial = {"servicio": request.session.get("atencion_dar_turno_servicio")}
        return self.render_to_response(self.get_context_data(form=DarTurnoForm(initial=inicial)))

    def post(self, request, *args, **kwargs):
        form = DarTurnoForm(request.POST)
        if form.is_valid():
            try:
                ficha = services.tomar_ficha(
                    form.cleaned_data["servicio"],
                    preferente=form.cleaned_data["preferente"],
                    canal=Ficha.Canal.VENTANILLA,
                )
            except ValidationError as error:
                aplicar_errores(form, error, "servicio")
            else:
                # The clerk usually gives several tickets of the same servicio in a row.
                request.session["atencion_dar_turno_servicio"] = ficha.servicio_id
                messages.success(
                    request, _("Turno %(codigo)s entregado.") % {"codigo": ficha.codigo}
                )
                return redirect(
                    reverse("atencion_kiosco_admin:dar_turno") + f"?ficha={ficha.token}"
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)
