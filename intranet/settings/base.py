"""Settings shared by every environment. Each value is read from the environment (see README)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("COMMONS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "intranet.core",
    "intranet.access",
    "intranet.users",
    "intranet.organisations",
    "intranet.library",
    "intranet.imports",
    "intranet.importers",
    "intranet.images",
    "intranet.people",
    "intranet.calendars",
    "intranet.accounts",
    "intranet.demo",
    "home",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # Single sign-on (OpenID Connect); providers are data (intranet.accounts), not settings.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: every response, log line and error page below carries the request's id.
    "intranet.core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "intranet.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # An intranet: everything needs a signed-in user unless a view opts out.
    "intranet.core.middleware.IntranetLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin refuses items named by id that the user may not view; audits sensitive reads.
    "intranet.access.middleware.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "intranet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "intranet.core.context_processors.site_chrome",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL (e.g. postgres://user:pass@host/db) switches engine.
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # SQLite cannot create its own folder.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A kept connection is checked before reuse, so the site recovers by itself after the
        # database restarts instead of failing each request on a dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short queries: JIT compilation costs more than it saves (it doubled the search p95),
    # and search's facet grouping sorts in memory with a little more than the default.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c work_mem=16MB"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, `db_worker` and an import write at once. WAL lets readers carry on while
    # one writes; IMMEDIATE takes the write lock when a transaction starts, so a writer waits
    # (up to the busy timeout) instead of failing with "database is locked" half-way through
    # when a read lock cannot be upgraded; NORMAL is safe under WAL and much faster.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
# Authentication is a list so SSO (OIDC/SAML) can be added beside passwords later.
# Axes comes first: it refuses a locked account before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sign-in protection (django-axes) ---------------------------------------------------------
# Every sign-in form (ours, Wagtail's admin and front-end ones) goes through authenticate(), so
# one throttle covers them all. Failures are counted per account and per account + address,
# never per address alone: a whole council office signs in from one NAT address. (With one
# limit for both, the per-account count reaches it first; the pair keeps the intent explicit if
# the account rule is ever relaxed.)
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("COMMONS_SIGNIN_FAILURE_LIMIT", 10)
# Short, so that someone typing a colleague's username cannot keep them out for long.
AXES_COOLOFF_TIME = timedelta(minutes=env_int("COMMONS_SIGNIN_LOCKOUT_MINUTES", 15))
# Attempts during a lockout do not extend it (or a prankster could keep it going for ever).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "intranet.core.signin.lockout_response"
# Lockouts go to the organisation's audit trail; Axes's own log of every successful sign-in
# would be a second trail with no retention, so it is off.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
# The client address: REMOTE_ADDR unless the deployment names the header its proxy sets.
# Trusting X-Forwarded-For without a proxy that overwrites it would let anyone choose their
# address (see README, "Sign-in protection").
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IPWARE_META_PRECEDENCE_ORDER", ["REMOTE_ADDR"])
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0) or None
AXES_IPWARE_PROXY_ORDER = env_str("AXES_IPWARE_PROXY_ORDER", "left-most")
AXES_IPWARE_PROXY_TRUSTED_IPS = env_list("AXES_IPWARE_PROXY_TRUSTED_IPS") or None

# --- Single sign-on (django-allauth, OpenID Connect) -----------------------------------------
# Each organisation's provider is an IdentityProvider row (admin or `configure_sso`); allauth
# gets them from intranet.accounts.adapters. Sign-in: authorization code flow with PKCE, state
# and nonce, ID token issuer/audience/signature checked; no tokens kept. Session length is
# SESSION_COOKIE_AGE, for password and SSO sign-in alike.
ACCOUNT_ADAPTER = "intranet.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "intranet.accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_EMAIL_VERIFICATION = "none"
# A council's provider is the authority on its own domains (checked in pre_social_login), so
# an account made before SSO (by an admin) is signed in by its verified email.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True}}
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = "oidc"
# allauth's requests to providers (discovery, token, keys) give up after this many seconds.
SOCIALACCOUNT_REQUESTS_TIMEOUT = env_int("COMMONS_SSO_TIMEOUT", 10)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# static/build is written by `npm run build` (GOV.UK Frontend compiled with our settings).
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work (text extraction, index updates) runs through Django Tasks. The database
# backend needs `manage.py db_worker` running beside the web server (`make run` starts one).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- People directory ----------------------------------------------------------------------
# Leavers (HR's `--full` import, or an admin) stay in the database; the directory hides them
# this many days after their leaving date.
PEOPLE_LEAVER_GRACE_DAYS = env_int("PEOPLE_LEAVER_GRACE_DAYS", 30)
# The host in calendar feeds' UIDs: keep it fixed once people subscribe (else every event is
# new to their calendar). Empty: WAGTAILADMIN_BASE_URL's host.
COMMONS_CALENDAR_UID_DOMAIN = env_str("COMMONS_CALENDAR_UID_DOMAIN", "")

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("COMMONS_SITE_NAME", "Commons")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "library.LibraryDocument"
WAGTAILIMAGES_IMAGE_MODEL = "images.IntranetImage"
# Moving an image to a folder that more people may see needs the owner's say (and is audited).
WAGTAILIMAGES_IMAGE_FORM_BASE = "intranet.images.forms.IntranetImageForm"
# Documents are served through Django so access can be checked on every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "csv", "doc", "docx", "htm", "html", "md", "odp", "ods", "odt", "pdf", "ppt", "pptx", "rtf",
    "txt", "xls", "xlsx",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 100 * 1024 * 1024)
# Checks each upload's content against its extension, and keeps replaced files as versions.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "intranet.library.forms.LibraryDocumentForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No staff email hashes sent to Gravatar (and no broken avatars on a closed network).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_CUSTOM_FIELDS = []
WAGTAILEMBEDS_FINDERS = []  # No outbound calls from an intranet.


def search_backends() -> dict:
    """Database search unless OPENSEARCH_URL or ELASTICSEARCH_URL names a real engine."""
    prefix = env_str("SEARCH_INDEX_PREFIX", "commons_")
    opensearch_url = env_str("OPENSEARCH_URL")
    elasticsearch_url = env_str("ELASTICSEARCH_URL")
    if opensearch_url:
        major = env_str("OPENSEARCH_MAJOR_VERSION", "3")
        backend = {
            "BACKEND": f"wagtail.search.backends.opensearch{major}",
            "URLS": [opensearch_url],
        }
    elif elasticsearch_url:
        major = env_str("ELASTICSEARCH_MAJOR_VERSION", "9")
        backend = {
            "BACKEND": f"wagtail.search.backends.elasticsearch{major}",
            "URLS": [elasticsearch_url],
        }
    else:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    backend.update(
        INDEX_PREFIX=prefix,
        TIMEOUT=env_int("SEARCH_TIMEOUT", 5),
        # English stemming for every text field ("policies" finds "policy"), as the database
        # search does; Wagtail's autocomplete fields keep their own edge-ngram analyser.
        INDEX_SETTINGS={"settings": {"analysis": {"analyzer": {"default": {"type": "english"}}}}},
    )
    return {"default": backend}


WAGTAILSEARCH_BACKENDS = search_backends()

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "commons@localhost")

# --- Security headers that hold in every environment -----------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "intranet.core.request_id.RequestIdFilter"}},
    "formatters": {
        "with_request_id": {
            "format": "%(asctime)s %(levelname)s %(name)s [request %(request_id)s] %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "with_request_id",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action at INFO; the audit trail lives in its log entries anyway.
    # Axes logs every sign-in at INFO; failures and lockouts (WARNING) are the ones to keep.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- Document libraries -----------------------------------------------------------------------
# Files on local disk unless AWS_STORAGE_BUCKET_NAME names an S3 (or S3-compatible) bucket.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME", "eu-west-2")
    AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY")
    AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE", "path")
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    # Downloads are checked by the access policy, then redirected to a short-lived signed URL.
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = env_int("AWS_QUERYSTRING_EXPIRE", 60)
    WAGTAILDOCS_SERVE_METHOD = "redirect"
COMMONS_S3_BUCKETS = dict(
    pair.split("=", 1) for pair in env_list("AWS_STORAGE_BUCKETS_BY_ORGANISATION") if "=" in pair
)
COMMONS_EXTRACTION_MAX_FILE_BYTES = env_int("COMMONS_EXTRACTION_MAX_FILE_BYTES", 100 * 1024 * 1024)
COMMONS_EXTRACTION_MAX_UNZIPPED_BYTES = env_int(
    "COMMONS_EXTRACTION_MAX_UNZIPPED_BYTES", 500 * 1024 * 1024
)
COMMONS_EXTRACTION_MAX_ZIP_RATIO = env_int("COMMONS_EXTRACTION_MAX_ZIP_RATIO", 100)
COMMONS_EXTRACTION_MAX_CHARS = env_int("COMMONS_EXTRACTION_MAX_CHARS", 2_000_000)
COMMONS_EXTRACTION_MAX_PAGES = env_int("COMMONS_EXTRACTION_MAX_PAGES", 2_000)
COMMONS_EXTRACTION_TIMEOUT_SECONDS = env_int("COMMONS_EXTRACTION_TIMEOUT_SECONDS", 60)
