from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "intranet.core"
    label = "core"
    verbose_name = "Commons core"

    def ready(self):
        from axes.signals import user_locked_out

        from . import signin

        user_locked_out.connect(signin.account_locked, dispatch_uid="commons-sign-in-locked")
