"""``make bench`` (marketplace/bench.py): production settings on a throwaway database.

Everything of :mod:`.production` holds (DEBUG off, HTTPS assumed behind a proxy: the load
generator sends ``X-Forwarded-Proto: https``) but hashed static file names (see below); and the
page cache's files move to a directory of their own when no Redis is given, so that a bench
never reads or drops another process's pages.
"""

import os
import tempfile

from .production import *  # noqa: F403
from .production import CACHES, STORAGES, env

# The bench loads HTML pages only, and production's ManifestStaticFilesStorage needs a
# collectstatic run, which stops at a vendored file's missing source map (chart.umd.min.js.map):
# static files are the deployment branch's business (issue 13, item 5), so plain names here.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if not env.REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(tempfile.gettempdir(), "ocop-bench-pagecache"),
    }
