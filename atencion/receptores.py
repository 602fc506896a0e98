"""What atencion does when documentos announces something (connected in apps.py)."""

from django.utils import timezone

from .models import Ficha


def al_recibir_escrito(sender, escrito_id, usuario_id, ficha, **kwargs):
    """An escrito received from the window screen's "Recibir escrito" (?ficha=<pk>) is kept
    on that ficha: only today's, attended by the same person, and not linked yet. Anything
    else is ignored (the escrito itself is already received)."""
    if not ficha or not str(ficha).isdigit():
        return
    Ficha.objects.filter(
        pk=int(ficha),
        fecha=timezone.localdate(),
        atendida_por_id=usuario_id,
        estado__in=[Ficha.Estado.EN_ATENCION, Ficha.Estado.TERMINADA],
        escrito__isnull=True,
    ).update(escrito_id=escrito_id)
