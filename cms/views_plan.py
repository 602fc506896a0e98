"""Admin view of one componente of the plan anticorrupción (its nombre, objetivo, activities
and place), so the page's own editor stays short. Writes go through cms.services_plan."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cms import services_plan
from cms.forms_plan import ComponenteForm
from cms.models import PlanAnticorrupcionPage
from documentos.views.staff import prohibido


def _plan_editable(request, page_id):
    """The plan and the user's permissions on it: who may edit the page may edit its
    componentes (403 otherwise)."""
    pagina = get_object_or_404(PlanAnticorrupcionPage, pk=page_id)
    permisos = pagina.permissions_for_user(request.user)
    if not permisos.can_edit():
        raise PermissionDenied
    return pagina, permisos


def componente(request, page_id, bloque_id=None):
    try:
        pagina, permisos = _plan_editable(request, page_id)
    except PermissionDenied:
        # A 403 (Wagtail's own answer would be a redirect to the dashboard).
        return prohibido(request, _("No tiene permiso para editar el plan anticorrupción."))
    return _componente(request, pagina, permisos, bloque_id)


def _componente(request, pagina, permisos, bloque_id):
    editar_pagina = reverse("wagtailadmin_pages:edit", args=[pagina.pk])
    bloques = list(pagina.get_latest_revision_as_object().componentes)
    indice = next((i for i, b in enumerate(bloques) if b.id == bloque_id), None)
    if bloque_id and indice is None:
        raise Http404
    total = len(bloques) + (indice is None)
    bloqueo = pagina.get_lock()
    bloqueada = bool(bloqueo and bloqueo.for_user(request.user))
    if request.method == "POST" and not bloqueada:
        if bloque_id and "borrar" in request.POST:
            services_plan.borrar_componente(pagina, bloque_id, usuario=request.user)
            messages.success(
                request,
                _(
                    "Componente quitado del plan en un borrador. Publique la página para que el "
                    "cambio aparezca en el portal."
                ),
            )
            return redirect(editar_pagina)
        form = ComponenteForm(request.POST, total=total)
        if form.is_valid():
            valor = form.cleaned_data["componente"]
            publicar = "publicar" in request.POST and permisos.can_publish()
            try:
                services_plan.guardar_componente(
                    pagina,
                    valor,
                    bloque_id=bloque_id,
                    posicion=form.cleaned_data["posicion"],
                    usuario=request.user,
                    publicar=publicar,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if publicar:
                    texto = _("Componente «%(nombre)s» guardado y publicado.")
                else:
                    texto = _(
                        "Componente «%(nombre)s» guardado como borrador del plan. Publique la "
                        "página para que el cambio aparezca en el portal."
                    )
                messages.success(request, texto % {"nombre": valor["nombre"]})
                return redirect(editar_pagina)
    else:
        form = ComponenteForm(
            initial={
                "componente": bloques[indice].value
                if indice is not None
                else ComponenteForm.base_fields["componente"].block.get_default(),
                "posicion": (indice if indice is not None else total - 1) + 1,
            },
            total=total,
        )
    if bloqueada:
        messages.error(request, _("La página del plan está bloqueada: no puede guardar cambios."))
    titulo = (
        _("Componente %(n)s: %(nombre)s")
        % {"n": indice + 1, "nombre": bloques[indice].value["nombre"]}
        if indice is not None
        else _("Nuevo componente")
    )
    return TemplateResponse(
        request,
        "cms/admin/plan_componente.html",
        {
            "pagina": pagina,
            "form": form,
            "nuevo": indice is None,
            "puede_publicar": permisos.can_publish(),
            "bloqueada": bloqueada,
            "editar_pagina": editar_pagina,
            "actividades": bloques[indice].value["actividades"] if indice is not None else [],
            "header_title": titulo,
            "page_title": titulo,
            "header_icon": "folder-open-inverse",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_explore_root"), "label": _("Páginas")},
                {"url": editar_pagina, "label": pagina.title},
                {"url": "", "label": titulo},
            ],
        },
    )
