from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "intranet.images"
    label = "images"
    verbose_name = "Images"
    default_auto_field = "django.db.models.BigAutoField"
