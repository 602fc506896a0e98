# Acciones de mejora: who closed the cycle and why with actions pending; the daily alert mails.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('atencion', '0004_diagnostico'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='evaluacion',
            name='cerrada_por',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='cerrada por'),
        ),
        migrations.AddField(
            model_name='evaluacion',
            name='motivo_cierre',
            field=models.TextField(blank=True, verbose_name='motivo del cierre con acciones pendientes'),
        ),
        migrations.CreateModel(
            name='AvisoAlertas',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('fecha', models.DateField(verbose_name='día')),
                ('destinatario', models.EmailField(max_length=300, verbose_name='destinatario')),
                ('alertas', models.JSONField(default=list, verbose_name='alertas')),
                ('estado', models.CharField(choices=[('pendiente', 'Pendiente'), ('enviado', 'Enviado')], default='pendiente', max_length=10, verbose_name='estado')),
                ('intentos', models.PositiveSmallIntegerField(default=0, verbose_name='intentos')),
                ('error', models.TextField(blank=True, verbose_name='último error')),
                ('enviado_en', models.DateTimeField(blank=True, null=True, verbose_name='enviado en')),
                ('usuario', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='persona')),
            ],
            options={
                'verbose_name': 'aviso de alertas de mejora',
                'verbose_name_plural': 'avisos de alertas de mejora',
                'ordering': ['-fecha', 'usuario'],
                'constraints': [models.UniqueConstraint(fields=('fecha', 'usuario'), name='aviso_alertas_por_dia')],
            },
        ),
    ]
