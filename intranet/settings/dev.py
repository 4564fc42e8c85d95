"""Local development: debug on, a throwaway secret key, the demo may be seeded."""

from .base import *
from .environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-commons")
