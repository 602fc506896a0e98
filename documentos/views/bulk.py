"""Bulk turnado from the bandeja, as a native Wagtail bulk action."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction

from .. import permisos
from ..forms import TurnoEnBloqueForm
from ..models import Escrito
from ..services import flujo
from ..visibilidad import escritos_visibles
from .comun import ip_cliente


class TurnarEnBloque(BulkAction):
    display_name = gettext_lazy("Turnar")
    action_type = "turnar"
    aria_label = gettext_lazy("Turnar los escritos seleccionados")
    template_name = "documentos/admin/turnar_en_bloque.html"
    action_priority = 10
    models = [Escrito]
    form_class = TurnoEnBloqueForm

    def get_queryset(self, model, object_ids):
        ids = [i for i in object_ids if str(i).isdigit()]
        return list(
            escritos_visibles(self.request.user)
            .filter(pk__in=ids)
            .select_related("area_responsable")
            .order_by("folio")
        )

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select every escrito in the listing" is not offered: the clerk picks them.
        return []

    def check_perm(self, obj):
        return permisos.puede_turnar(self.request.user, obj)

    def form_valid(self, form):
        escritos, _sin_permiso = self.get_actionable_objects()
        # Each escrito in its own transaction: one failure does not undo the others.
        hechos, errores = flujo.turnar_en_bloque(
            escritos,
            form.cleaned_data["area"],
            usuario=self.request.user,
            instruccion=form.cleaned_data["instruccion"],
            ip=ip_cliente(self.request),
        )
        if hechos:
            messages.success(
                self.request,
                ngettext(
                    "%(n)d escrito turnado a %(area)s.",
                    "%(n)d escritos turnados a %(area)s.",
                    len(hechos),
                )
                % {"n": len(hechos), "area": form.cleaned_data["area"]},
            )
        for escrito, motivo in errores:
            messages.error(
                self.request,
                _("%(folio)s no se turnó: %(motivo)s") % {"folio": escrito.folio, "motivo": motivo},
            )
        return redirect(self.next_url)
