"""gunicorn's configuration for the OCOP site (``gunicorn -c deploy/gunicorn.conf.py
marketplace.wsgi``). nginx (deploy/nginx/ocop.conf) sits in front on the same machine.

This file is gunicorn's, not Django's: it reads the process variables gunicorn itself
documents (``GUNICORN_BIND``, ``WEB_CONCURRENCY``, ``FORWARDED_ALLOW_IPS``); the site's settings
read theirs in marketplace/settings/env.py.
"""

import multiprocessing
import os

#: Loopback only: nginx is the one door from outside. With several web nodes (README "Scaling
#: out"), each node listens on its private address, reachable from nginx's machine alone.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
#: Synchronous workers: two per core plus one, unless WEB_CONCURRENCY says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
#: A request still running after 30 s is killed (nginx gives up at 60 s).
timeout = 30
graceful_timeout = 30
keepalive = 5
#: Restart each worker now and then, so a slow leak never grows without bound.
max_requests = 1000
max_requests_jitter = 100
#: Load the site before forking: a misconfigured production refuses to start at once, and the
#: workers share the loaded code.
preload_app = True
#: nginx sets X-Forwarded-Proto; gunicorn trusts it from nginx's address only: loopback, or
#: with several web nodes nginx's private address, in gunicorn's own FORWARDED_ALLOW_IPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
#: The heartbeat file lives in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
#: Each request is logged once, as JSON, by marketplace.observability; gunicorn logs its own
#: errors to stderr (journald).
accesslog = None
errorlog = "-"
loglevel = "info"
proc_name = "ocop-web"
#: No control socket (gunicorn 25+ opens one in $HOME by default): systemd reloads and stops
#: gunicorn by signal, and the service runs with ProtectHome=true.
control_socket_disable = True
