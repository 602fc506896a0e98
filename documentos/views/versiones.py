"""The versiones públicas queue (tabs: por revisar, sin versión pública, aprobadas) and
"Preparar" for one escrito or for the ones chosen in the queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from .. import permisos, visibilidad
from .. import selectors_version_publica as revision
from ..models import VersionPublica
from ..services import version_publica as servicio
from .escrito import escrito_visible
from .revision import url_revision
from .staff import MIGA_INICIO, Prohibido403, VistaStaff, prohibido

POR_PAGINA = 25


def url_cola(pestana: str = "por_revisar") -> str:
    return reverse("documentos_admin:versiones_publicas") + f"?pestana={pestana}"


class VersionesPublicasView(VistaStaff):
    template_name = "documentos/admin/versiones_publicas.html"
    page_title = gettext_lazy("Versiones públicas")
    header_icon = "view"
    breadcrumbs_items = [MIGA_INICIO]

    def dispatch(self, request, *args, **kwargs):
        if not permisos.puede_testar_alguno(request.user):
            return prohibido(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usuario = self.request.user
        pestana = self.request.GET.get("pestana")
        if pestana not in revision.LISTADOS:
            pestana = "por_revisar"
        paginador = Paginator(revision.LISTADOS[pestana](usuario), POR_PAGINA)
        pagina = paginador.get_page(self.request.GET.get("p"))
        filas = list(pagina.object_list)
        if pestana == "por_revisar":
            sugeridas = revision.sugeridas_por_categoria(v.pk for v in filas)
            for version in filas:
                version.sugeridas = sugeridas.get(version.pk, [])
        elif pestana == "aprobadas":
            for version in filas:
                version.publicable = revision.puede_publicarse(usuario, version.escrito)
                version.publicada = visibilidad.es_publico(version.escrito)
        cuentas = revision.cuentas(usuario)
        context.update(
            pestana=pestana,
            pestanas=[
                {"clave": c, "etiqueta": e, "cuenta": cuentas[c], "activa": c == pestana}
                for c, e in revision.PESTANAS
            ],
            items=pagina,
            filas=filas,
            elided_page_range=paginador.get_elided_page_range(pagina.number),
            aqui=self.request.get_full_path(),
        )
        return context


class PrepararView(Prohibido403, View):
    """POST: prepare the escrito's versión pública, then open its review."""

    http_method_names = ["post"]

    def post(self, request, pk):
        escrito = escrito_visible(request.user, pk)
        permisos.exigir(permisos.puede_testar(request.user, escrito))
        try:
            version = servicio.preparar(escrito, usuario=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            if request.POST.get("desde") == "cola":
                return redirect(url_cola("sin_version"))
            return redirect(reverse("documentos_admin:escrito", args=[escrito.pk]))
        if version.estado == VersionPublica.Estado.APROBADA:
            messages.info(request, _("Este escrito ya tiene una versión pública aprobada vigente."))
        else:
            messages.success(request, _("Versión pública preparada: revise las sugerencias."))
        return redirect(url_revision(version))


class PrepararEnBloqueView(Prohibido403, View):
    """POST escritos=<id>...: prepare each chosen escrito of the "sin versión" tab."""

    http_method_names = ["post"]

    def post(self, request):
        if not permisos.puede_testar_alguno(request.user):
            return prohibido(request)
        ids = {int(i) for i in request.POST.getlist("escritos") if i.isdigit()}
        if not ids:
            messages.error(request, _("Elija los escritos cuya versión pública desea preparar."))
            return redirect(url_cola("sin_version"))
        escritos = list(revision.sin_version(request.user).filter(pk__in=ids))
        hechas, errores = servicio.preparar_en_bloque(escritos, usuario=request.user)
        if hechas:
            messages.success(
                request,
                ngettext(
                    "%(n)s versión pública preparada: queda por revisar.",
                    "%(n)s versiones públicas preparadas: quedan por revisar.",
                    len(hechas),
                )
                % {"n": len(hechas)},
            )
        for escrito, motivo in errores:
            messages.error(
                request,
                _("%(folio)s no se preparó: %(motivo)s")
                % {"folio": escrito.folio, "motivo": motivo},
            )
        if omitidos := len(ids) - len(escritos):
            messages.warning(
                request,
                ngettext(
                    "%(n)s escrito elegido ya no estaba sin versión pública (o no puede "
                    "prepararla usted); se omitió.",
                    "%(n)s escritos elegidos ya no estaban sin versión pública (o no puede "
                    "prepararla usted); se omitieron.",
                    omitidos,
                )
                % {"n": omitidos},
            )
        return redirect(url_cola("por_revisar" if hechas else "sin_version"))
