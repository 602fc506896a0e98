"""Load time and size of the plan anticorrupción's editors, on the demo data.

Uses the database of DATABASE_URL (run `manage.py migrate` and `manage.py folio_demo` on a
temporary SQLite file first), logs in a Comunicación user with Django's test client (DEBUG
off) and times the plan page's edit view, one componente's and one activity's, printing the
median of N loads and the form fields (`<input`, `<select`, `<textarea`) of each response.

    DATABASE_URL=sqlite:////tmp/plan/demo.sqlite3 FOLIO_VAR_DIR=/tmp/plan \\
        .venv/bin/python bench/plan_editor_tiempos.py [--veces 7]
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))


def campos(html: str) -> int:
    return len(re.findall(r"<(?:input|select|textarea)\b", html))


def medir(cliente, url: str, veces: int) -> dict:
    tiempos, respuesta = [], None
    for _ in range(veces):
        inicio = time.perf_counter()
        respuesta = cliente.get(url)
        tiempos.append((time.perf_counter() - inicio) * 1000)
        assert respuesta.status_code == 200, (url, respuesta.status_code)
    html = respuesta.content.decode()
    return {
        "url": url,
        "campos": campos(html),
        "kb": round(len(respuesta.content) / 1024),
        "ms": round(statistics.median(tiempos)),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--veces", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.test.utils import override_settings

    from cms import roles
    from cms.models import PlanAnticorrupcionPage

    # No collectstatic here: plain static URLs instead of the manifest's.
    override_settings(
        ALLOWED_HOSTS=["*"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    usuario, _ = get_user_model().objects.get_or_create(username="bench.plan")
    usuario.groups.add(Group.objects.get(name=roles.COMUNICACION))
    cliente = Client()
    cliente.force_login(usuario)
    plan = PlanAnticorrupcionPage.objects.first()
    urls = [f"/admin/pages/{plan.pk}/edit/"]
    actividad = next(a for b in plan.componentes for a in b.value["actividades"] if a)
    bloque = plan.componentes[0]
    from django.urls import NoReverseMatch, reverse

    try:
        urls.append(reverse("plan_componente", args=[plan.pk, bloque.id]))
    except NoReverseMatch:
        print("(sin editor de componentes)")  # before it existed
    urls.append(f"/admin/snippets/atencion/actividad/edit/{actividad.pk}/")
    cliente.get(urls[0])  # warm up
    for url in urls:
        print(medir(cliente, url, args.veces))


if __name__ == "__main__":
    main()
