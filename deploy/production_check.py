"""``make production-check``: rehearse production on loopback, over HTTPS, then stop everything.

A throwaway PostgreSQL database and the machine's Redis; gunicorn under the production settings
(deploy/gunicorn.conf.py), the task worker (``manage.py db_worker``) and nginx running this
repository's site file (deploy/nginx/ocop.conf, with only its ports, paths and certificate
changed) with a self-signed certificate. A small SMTP server in this process stands in for the
mail relay. Then, over HTTPS: the home page, the catalogue, a product, search, add to basket, a
cash-on-delivery order whose confirmation mail the worker delivers, a hashed and compressed
static file, a media file served by nginx, the upload limit, health and readiness.

Then, on the same database, the scaled-out phase (deploy/production_check_multinode.py): two
web nodes behind nginx, one worker, media on moto's S3-compatible server and search on an
Elasticsearch stand-in, checked node by node and through nginx, one node killed at the end.
``--single-node`` skips it. Exits 1 on the first failure, printing the services' logs.

Needs: PostgreSQL on PRODUCTION_CHECK_PG (default postgresql://postgres@127.0.0.1:5432), Redis on
REDIS_URL (default redis://127.0.0.1:6379/14), the Debian packages nginx and openssl, and the dev
dependencies moto[server] and osmem-server (both in ``.[dev]``). Installs nothing.
"""

from __future__ import annotations

import getpass
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from rehearsal import CheckFailed, SmtpSink, expect, free_port, step

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PG = os.environ.get("PRODUCTION_CHECK_PG", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14"
SHOPPER = "khach.kiemtra@example.vn"


# --- HTTPS client -------------------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """urllib with cookies, trusting only the rehearsal's certificate."""

    def __init__(self, base: str, cafile: Path):
        self.base = base
        context = ssl.create_default_context(cafile=str(cafile))
        self.cookies = http.cookiejar.CookieJar()
        handlers = [
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.cookies),
        ]
        self.opener = urllib.request.build_opener(*handlers)
        self.raw = urllib.request.build_opener(*handlers, NoRedirect)

    def request(
        self, path: str, *, data: dict | bytes | None = None, headers=None, follow: bool = True
    ):
        url = path if path.startswith("http") else self.base + path
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(url, data=body, headers=dict(headers or {}))
        request.add_header("Referer", self.base + "/")
        try:
            response = (self.opener if follow else self.raw).open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, dict(response.headers), response.read(), response.geturl()

    def page(self, path: str, **kwargs) -> tuple[str, str]:
        status, _, body, url = self.request(path, **kwargs)
        expect(status == 200, f"{path} answered {status}")
        return body.decode("utf-8"), url

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def post(self, path: str, fields: dict) -> tuple[str, str]:
        return self.page(path, data={"csrfmiddlewaretoken": self.csrf(), **fields})


# --- The rehearsal ------------------------------------------------------------------------------


class Rehearsal:
    def __init__(self, *, multinode: bool = True) -> None:
        self.multinode = multinode
        self.tmp = Path(tempfile.mkdtemp(prefix="ocop-production-check-"))
        os.chmod(self.tmp, 0o755)  # nginx's workers read media and the certificate from here
        self.db_name = f"ocop_production_check_{os.getpid()}"
        self.processes: dict[str, subprocess.Popen] = {}
        self.closers: list = []  # what else to stop (servers started through a library)
        self.ports = {name: free_port() for name in ("app", "http", "https", "smtp")}
        self.sink = SmtpSink(self.ports["smtp"])
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            # nginx passes $host (no port); a real site is on 443, the rehearsal on a free port.
            "CSRF_TRUSTED_ORIGINS": f"https://localhost:{self.ports['https']}",
            "SITE_URL": "https://localhost",
            "DATABASE_URL": f"{PG}/{self.db_name}",
            "REDIS_URL": REDIS_URL,
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "BACKUP_DIR": str(self.tmp / "backups"),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.ports["smtp"]),
            "DEFAULT_FROM_EMAIL": "OCOP Bắc Giang <no-reply@localhost>",
            "GUNICORN_BIND": f"127.0.0.1:{self.ports['app']}",
            "WEB_CONCURRENCY": "2",
            "LOG_FORMAT": "json",
        }
        self.env.pop("BANK_TRANSFER_ACCOUNT", None)

    # processes
    def manage(self, *args: str, **extra_env: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise CheckFailed(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> None:
        log = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for_port(self, port: int, name: str, seconds: int = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise CheckFailed(f"{name} exited with {self.processes[name].returncode}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        raise CheckFailed(f"{name} did not listen on {port} within {seconds} s")

    def stop(self) -> None:
        for close in reversed(self.closers):
            close()
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.sink.shutdown()
        self.sink.server_close()

    # set-up
    def psql(self, sql: str) -> None:
        subprocess.run(["psql", f"{PG}/postgres", "-qAtc", sql], check=True, capture_output=True)

    def prepare(self) -> None:
        step(f"throwaway database {self.db_name}, migrate, demo data, static files")
        self.psql(f'DROP DATABASE IF EXISTS "{self.db_name}"')
        self.psql(f'CREATE DATABASE "{self.db_name}"')
        self.manage("check", "--deploy", "--fail-level", "WARNING")
        self.manage("migrate", "--noinput", "-v0")
        # The demo's thousands of page-index tasks run inline: the worker starts with an empty
        # queue, as on a site whose content was entered over weeks.
        self.demo_output = self.manage(
            "load_demo_data", "--force", "--image-size", "64", TASKS_BACKEND="immediate"
        )
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("rebuild_search_index")
        self.manage("site_configure")
        probe = self.tmp / "media" / "production-check" / "probe.txt"
        probe.parent.mkdir(parents=True, exist_ok=True)
        probe.write_text("served by nginx\n")

    def certificate(self) -> Path:
        cert, key = self.tmp / "cert.pem", self.tmp / "key.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
        return cert

    def nginx_conf(
        self,
        cert: Path,
        *,
        name: str = "nginx",
        app_ports: list[int] | None = None,
        media: Path | None = None,
        extra: str = "",
    ) -> Path:
        """The repository's site file with only its ports, paths, certificate and upstream
        servers replaced (one ``server`` line per web node); ``extra`` goes into ``http {}``."""
        site = (BASE_DIR / "deploy" / "nginx" / "ocop.conf").read_text()
        upstream = "\n    ".join(
            f"server 127.0.0.1:{port};" for port in (app_ports or [self.ports["app"]])
        )
        replacements = {
            "listen [::]:80;\n": "",
            "listen [::]:443 ssl http2;\n": "",
            "listen 80;": f"listen 127.0.0.1:{self.ports['http']};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.ports['https']} ssl http2;",
            "server_name ocop.example.vn;": "server_name localhost;",
            "/etc/letsencrypt/live/ocop.example.vn/fullchain.pem": str(cert),
            "/etc/letsencrypt/live/ocop.example.vn/privkey.pem": str(self.tmp / "key.pem"),
            "/srv/ocop/media/": f"{media or self.tmp / 'media'}/",
            "server 127.0.0.1:8000;": upstream,
            "/var/log/nginx/": f"{self.tmp}/{name}-",
            "/var/www/letsencrypt": str(self.tmp / "acme"),
        }
        for old, new in replacements.items():
            expect(old in site, f"deploy/nginx/ocop.conf no longer contains {old!r}")
            site = site.replace(old, new)
        (self.tmp / f"{name}-site.conf").write_text(site)
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        temp = self.tmp / f"{name}-temp"
        temp.mkdir()
        main = f"""{user}
worker_processes 1;
error_log {self.tmp}/{name}-main.error.log warn;
pid {self.tmp}/{name}.pid;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.tmp}/{name}-site.conf;
{extra}
}}
"""
        path = self.tmp / f"{name}.conf"
        path.write_text(main)
        return path

    def run(self) -> None:
        threading.Thread(target=self.sink.serve_forever, daemon=True).start()
        self.prepare()
        cert = self.certificate()
        conf = self.nginx_conf(cert)
        step("start gunicorn, the worker and nginx")
        self.start("gunicorn", [GUNICORN, "-c", "deploy/gunicorn.conf.py", "marketplace.wsgi"])
        self.start_worker("worker")
        self.start_nginx("nginx", conf)
        self.wait_for_port(self.ports["app"], "gunicorn")
        self.wait_for_port(self.ports["https"], "nginx")
        self.journeys(Browser(f"https://localhost:{self.ports['https']}", cert))
        if self.multinode:
            # Imported here: the scaled-out phase needs moto and osmem (dev dependencies).
            from production_check_multinode import MultiNodePhase

            for name in ("nginx", "worker", "gunicorn"):
                self.stop_one(name)
            MultiNodePhase(self, cert).run()

    def start_worker(self, name: str, env: dict[str, str] | None = None) -> None:
        command = [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.5"]
        self.start(name, [*command, "--no-startup-delay"], env)

    def start_nginx(self, name: str, conf: Path) -> None:
        nginx_test = subprocess.run(
            ["nginx", "-t", "-p", str(self.tmp), "-c", str(conf)], capture_output=True, text=True
        )
        expect(nginx_test.returncode == 0, f"nginx -t failed:\n{nginx_test.stderr}")
        self.start(name, ["nginx", "-p", str(self.tmp), "-c", str(conf), "-g", "daemon off;"])

    def stop_one(self, name: str) -> None:
        """Stop one service (its whole process group) and wait for it."""
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)

    # what a visitor does
    def journeys(self, browser: Browser) -> None:
        step("plain HTTP is sent to HTTPS")
        status, headers, _, _ = browser.request(
            f"http://localhost:{self.ports['http']}/cua-hang/", follow=False
        )
        expect(status == 301, f"HTTP answered {status}, not 301")
        expect(headers["Location"].startswith("https://localhost"), headers["Location"])

        step("home page, with the edge and Django headers once each")
        status, headers, body, _ = browser.request("/")
        expect(status == 200, f"home answered {status}")
        expect("max-age=31536000" in headers.get("Strict-Transport-Security", ""), "no HSTS")
        expect("X-Request-ID" in headers, "no X-Request-ID from Django")
        home = body.decode()
        expect("https://localhost/" in home, "the home page's canonical link is not SITE_URL")

        step("catalogue and a product")
        catalogue, _ = browser.page("/cua-hang/catalogue/")
        links = re.findall(r'href="(/cua-hang/catalogue/[\w-]+_\d+/)"', catalogue)
        expect(bool(links), "no product link on the catalogue page")
        product_url = links[0]
        product, _ = browser.page(product_url)
        add = re.search(r'action="(/cua-hang/basket/add/\d+/)"', product)
        expect(add is not None, f"no add-to-basket form on {product_url}")
        title = re.search(r"<h1[^>]*>\s*([^<]+?)\s*</h1>", product)
        expect(title is not None, "no product title")
        word = title.group(1).split()[0]

        step(f"search for {word!r}")
        results, _ = browser.page("/cua-hang/search/?" + urllib.parse.urlencode({"q": word}))
        expect(product_url in results, f"search for {word!r} did not find {product_url}")

        step("static file: hashed name, compressed, cached a year")
        css = re.search(r'(/static/[^"]+\.[0-9a-f]{12}\.css)', home + catalogue)
        expect(css is not None, "no hashed CSS link in the pages")
        status, headers, body, _ = browser.request(
            css.group(1), headers={"Accept-Encoding": "br, gzip"}
        )
        expect(status == 200, f"{css.group(1)} answered {status}")
        expect(headers.get("Content-Encoding") in {"br", "gzip"}, f"not compressed: {headers}")
        expect(
            "max-age=315360000" in headers.get("Cache-Control", "")
            and "immutable" in headers.get("Cache-Control", ""),
            f"not cached long: {headers.get('Cache-Control')}",
        )

        step("media file through nginx")
        status, headers, body, _ = browser.request("/media/production-check/probe.txt")
        expect(status == 200 and body == b"served by nginx\n", f"media answered {status}")
        expect("sandbox" in headers.get("Content-Security-Policy", ""), "media not sandboxed")
        expect("X-Request-ID" not in headers, "media went through Django")

        step("an upload above the limit is refused by nginx")
        status, _, _, _ = browser.request(
            "/cua-hang/basket/",
            data=b"x" * (13 * 1024 * 1024),
            headers={"Content-Type": "application/octet-stream"},
        )
        expect(status == 413, f"a 13 MB body answered {status}, not 413")

        step("add to basket, then a cash-on-delivery order as a guest")
        browser.post(add.group(1), {"quantity": "1"})
        basket, _ = browser.page("/cua-hang/basket/")
        expect(product_url in basket, "the product is not in the basket")
        # A guest starts at the phone-first address form; the email (optional) is asked there.
        browser.post(
            "/cua-hang/checkout/shipping-address/",
            {
                "phone_number": "0912 345 678",
                "full_name": "Nguyễn Thị Lan",
                "guest_email": SHOPPER,
                "state": "Bắc Ninh",
                "line4": "Phường Chũ",
                "line1": "Thôn Chũ, 12 Lê Lợi",
                "notes": "",
            },
        )
        browser.post("/cua-hang/checkout/shipping-method/", {"method_code": "home-delivery"})
        browser.post("/cua-hang/checkout/payment-method/", {"method": "cod"})
        thanks, url = browser.post("/cua-hang/checkout/preview/", {"action": "place_order"})
        expect(url.endswith("/cua-hang/checkout/thank-you/"), f"the order ended at {url}")
        number = re.search(r"\b(1\d{5})\b", thanks)
        expect(number is not None, "no order number on the thank-you page")

        step(f"the confirmation mail of order {number.group(1)} is delivered by the worker")
        self.sink.wait_for(SHOPPER, number.group(1).encode())

        step("health and readiness")
        status, _, body, _ = browser.request("/healthz")
        expect(status == 200 and json.loads(body) == {"status": "ok"}, f"healthz: {body!r}")
        status, _, body, _ = browser.request("/readyz")
        expect(status == 200, f"readyz answered {status}: {body!r}")
        expect(
            json.loads(body)["checks"]
            == {"database": "ok", "cache": "ok", "search": "ok", "tasks": "ok"},
            body.decode(),
        )

        step("backup of the rehearsal's database and media")
        self.manage("backup")
        expect(len(list((self.tmp / "backups").glob("ocop-backup-*.tar.gz"))) == 1, "no backup")

        step("the request log is JSON with request ids")
        log_lines = (self.tmp / "gunicorn.log").read_text().splitlines()
        requests = [
            json.loads(line)
            for line in log_lines
            if line.startswith("{") and '"marketplace.request"' in line
        ]
        expect(
            any(
                r["path"] == "/cua-hang/checkout/preview/"
                and r["request_id"]
                and r["duration_ms"] is not None
                for r in requests
            ),
            "no JSON log line for the order with its request id and duration",
        )


def main() -> int:
    for tool in ("nginx", "openssl", "psql", "pg_dump"):
        if shutil.which(tool) is None:
            print(
                f"production-check: {tool} is missing (apt-get install nginx openssl "
                "postgresql-client)",
                file=sys.stderr,
            )
            return 2
    rehearsal = Rehearsal(multinode="--single-node" not in sys.argv[1:])
    started = time.monotonic()
    failed = False
    try:
        rehearsal.run()
    except (CheckFailed, subprocess.CalledProcessError, OSError) as error:
        failed = True
        print(f"\nFAILED: {error}", file=sys.stderr)
    except Exception:  # noqa: BLE001 - any other error (boto3, a server's JSON) fails it too
        failed = True
        print(f"\nFAILED:\n{traceback.format_exc()}", file=sys.stderr)
    finally:
        rehearsal.stop()
        if failed:
            for log in sorted(rehearsal.tmp.glob("*.log")):
                print(f"\n===== {log.name} (last 40 lines) =====", file=sys.stderr)
                print(
                    "\n".join(log.read_text(errors="replace").splitlines()[-40:]), file=sys.stderr
                )
        try:
            rehearsal.psql(f'DROP DATABASE IF EXISTS "{rehearsal.db_name}" WITH (FORCE)')
        finally:
            shutil.rmtree(rehearsal.tmp, ignore_errors=True)
    if failed:
        return 1
    print(f"production-check passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
