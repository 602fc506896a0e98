"""documentos' background tasks: thin, by id, safe to run twice (the work is in services)."""

from django_tasks import task


@task()
def enviar_notificacion(notificacion_id: int) -> str | None:
    """Send one e-mail notification to a remitente (documentos.Notificacion)."""
    from .services.notificaciones import enviar

    return enviar(notificacion_id)
