"""factory_boy factories for the archive (the cuadro, an approved catálogo, escritos)."""

import factory
from django.utils import timezone

from archivo import services
from archivo.models import CatalogoVersion, ReglaDisposicion, Seccion, Serie, Subserie
from documentos.models import Escrito


class SeccionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seccion
        django_get_or_create = ("codigo",)

    codigo = factory.Sequence(lambda n: f"{n + 1}S")
    nombre = factory.Sequence(lambda n: f"Sección {n + 1}")


class SerieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Serie
        django_get_or_create = ("codigo",)

    seccion = factory.SubFactory(SeccionFactory)
    codigo = factory.LazyAttributeSequence(lambda o, n: f"{o.seccion.codigo}.{n + 1}")
    nombre = factory.Sequence(lambda n: f"Serie {n + 1}")


class SubserieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subserie

    serie = factory.SubFactory(SerieFactory)
    codigo = factory.LazyAttributeSequence(lambda o, n: f"{o.serie.codigo}.{n + 1}")
    nombre = factory.Sequence(lambda n: f"Subserie {n + 1}")


class CatalogoVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CatalogoVersion

    nombre = factory.Sequence(lambda n: f"Catálogo {2020 + n}")
    estado = CatalogoVersion.Estado.APROBADA
    aprobada_en = factory.LazyFunction(timezone.now)


class ReglaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReglaDisposicion

    version = factory.SubFactory(CatalogoVersionFactory)
    serie = factory.SubFactory(SerieFactory)
    subserie = None
    valor_administrativo = True
    anios_tramite = 2
    anios_concentracion = 5
    destino = ReglaDisposicion.Destino.BAJA
    base_legal = "Ley General de Archivos, art. 4"


class EscritoFactory(factory.django.DjangoModelFactory):
    """An escrito as the reception leaves it, without files (the archive does not read them)."""

    class Meta:
        model = Escrito

    anio = 2026
    consecutivo = factory.Sequence(lambda n: n + 1)
    folio = factory.LazyAttribute(lambda o: f"OP-{o.anio}-{o.consecutivo:05d}")
    tipo = Escrito.Tipo.PETICION
    canal = Escrito.Canal.VENTANILLA
    remitente_tipo = Escrito.TipoPersona.FISICA
    remitente_nombre = "María López Hernández"
    asunto = "Solicitud de bacheo en la calle Juárez"
    recibido_en = factory.LazyFunction(timezone.now)


def abrir(obras, serie, archivista, **otros):
    """An expediente opened through the service (its defaults: no subserie, público)."""
    datos = {"subserie": None, "asunto": "Oficios recibidos", "valor": "publico"} | otros
    return services.abrir_expediente(obras, serie, usuario=archivista, **datos)
