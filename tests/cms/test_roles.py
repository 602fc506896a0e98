import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.roles import COMUNICACION, ROLES

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_that_may_enter_the_admin():
    groups = {g.name: g for g in Group.objects.filter(name__in=ROLES)}
    assert set(groups) == set(ROLES)
    for group in groups.values():
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert "access_admin" in codenames, group.name


def test_comunicacion_may_publish_pages_and_others_may_not(django_user_model):
    home = Page.objects.get(depth=2)
    editor = django_user_model.objects.create_user("editora", password="x")
    editor.groups.add(Group.objects.get(name=COMUNICACION))
    clerk = django_user_model.objects.create_user("oficialia", password="x")
    clerk.groups.add(Group.objects.get(name="Oficialía de Partes"))

    assert home.permissions_for_user(editor).can_publish()
    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(clerk).can_publish()
    assert not home.permissions_for_user(clerk).can_edit()
