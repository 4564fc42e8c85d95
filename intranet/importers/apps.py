from django.apps import AppConfig


class ImportersConfig(AppConfig):
    """Importers of whole sites (WordPress so far). They sit above the content apps they
    write to (pages through ``home.services``, files through the library's intake and
    services) and use ``intranet.imports`` for runs, source ids and undo; a package of their
    own so the library, which ``intranet.imports`` serves, never imports them back."""

    name = "intranet.importers"
    label = "importers"
    verbose_name = "Site importers"
