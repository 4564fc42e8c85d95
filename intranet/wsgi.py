"""WSGI entry point. It defaults to production settings; development uses manage.py."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")

application = get_wsgi_application()
