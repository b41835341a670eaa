"""Development and demo: DEBUG on, a fixed insecure key, loopback hosts, emails on the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = env.SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
