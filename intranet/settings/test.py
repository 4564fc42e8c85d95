"""Test settings: fast hashing, tasks run immediately, no outbound mail."""

from .base import *
from .environment import env_str

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests must not need `collectstatic`; whitenoise then serves straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WAGTAILSEARCH_BACKENDS = search_backends()
if "URLS" in WAGTAILSEARCH_BACKENDS["default"]:
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = env_str(
        "SEARCH_INDEX_PREFIX", "commons_test_"
    )
