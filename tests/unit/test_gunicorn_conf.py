"""deploy/gunicorn.conf.py: what each web node reads from its environment.

With several web nodes (README "Scaling out") nginx runs on another machine, so a node listens on
its private address and trusts the forwarding headers from nginx's address alone.
"""

from __future__ import annotations

import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def test_one_machine_trusts_forwarding_headers_from_loopback_only(monkeypatch):
    # given no deployment variables
    for name in ("GUNICORN_BIND", "FORWARDED_ALLOW_IPS", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    # when gunicorn reads its configuration
    conf = runpy.run_path(str(CONF))
    # then it listens on loopback and trusts nginx there
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_a_web_node_behind_nginx_on_another_machine_trusts_nginxs_address(monkeypatch):
    # given a node on a private network, nginx at 10.0.0.10
    monkeypatch.setenv("GUNICORN_BIND", "10.0.0.11:8000")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.10")
    # when gunicorn reads its configuration
    conf = runpy.run_path(str(CONF))
    # then it listens there and trusts X-Forwarded-Proto from nginx's address only
    assert conf["bind"] == "10.0.0.11:8000"
    assert conf["forwarded_allow_ips"] == "10.0.0.10"
