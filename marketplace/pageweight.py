"""``make bench``, page weight: what a phone downloads on a first visit, with full-size photos.

    .venv/bin/python -m marketplace.pageweight [--lighthouse 3] [--keep]

Issue 13's targets: with one 4000×3000 photo uploaded for every product, at phone width, on a
first load, the product page weighs at most 400 KiB and the catalogue at most 900 KiB. This
module

1. builds a throwaway site in a temporary directory: a SQLite database, the demo data, and for
   every product one generated 4000×3000 JPEG of about 3 MB (soft shapes under grain, so that it
   does not compress away) uploaded through the producer's edit service
   (:func:`producers.services.product_update`, what the dashboard's form calls), replacing the
   demo's small picture; then ``collectstatic`` (hashed names, .gz and .br copies);
2. serves it as production does: gunicorn with :mod:`marketplace.settings.production` (DEBUG
   off, WhiteNoise for static files) behind nginx running the repository's own site file
   (deploy/nginx/ocop.conf, only its ports, paths and certificate replaced; a self-signed
   certificate for ``localhost``), which compresses pages with gzip and serves the uploads;
3. opens home, catalogue, a category and a product in headless Chromium (Debian's, through
   Playwright) at 390 × 844 CSS pixels and a device pixel ratio of 3, each in a fresh browser
   context (empty cache and cookies), waits until the network is idle without scrolling (so
   lazy pictures load as far as Chromium's own look-ahead fetches them on a phone), and sums
   the bytes on the wire (Chrome DevTools Protocol ``Network.loadingFinished``
   ``encodedDataLength``: headers and compressed bodies) by kind of resource;
4. prints a table of KiB per kind and requests per page, against the targets.

``--lighthouse N`` also runs Lighthouse 12 (``npx lighthouse@12``, mobile preset, Debian's
Chromium) N times on home, catalogue and product and prints the median of each category's
score. Lighthouse needs Node and network access for ``npx``'s first download; it is not part of
``make bench`` by default. No figure is ever asserted: it measures, it does not test.

Why pages are compressed by nginx and not by Django's GZipMiddleware: production already runs
nginx with ``gzip on`` (deploy/nginx/ocop.conf), so Django compressing too would only add work.
The BREACH attack guesses a secret reflected in a compressed page from its length; Django
masks the CSRF token differently in every response (and Django's own GZipMiddleware adds random
bytes for the same reason), so the token on a page cannot be recovered this way. Either server
compresses the same HTML; the measurement follows the path production takes.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import random
import secrets
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PAGES = ["home", "catalogue", "category", "product"]
LIGHTHOUSE_PAGES = ["home", "catalogue", "product"]
#: Issue 13's budgets, in KiB on the wire; the other pages are measured and not budgeted.
TARGETS_KIB = {"product": 400, "catalogue": 900}
KINDS = ["html", "css", "js", "img", "font", "other"]
#: Chrome DevTools Protocol resource types by the column they are counted in.
CDP_KIND = {
    "Document": "html",
    "Stylesheet": "css",
    "Script": "js",
    "Image": "img",
    "Font": "font",
}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
PHOTO_SIZE = (4000, 3000)


# --- inside Django (a subprocess with the production settings) ----------------------------


def photo_bytes(seed: str) -> bytes:
    """A 4000×3000 JPEG of about 3 MB: blurred coloured shapes under grain at two scales, which
    compresses about as badly as a phone's photo of a market stall: its 600×600 WebP rendition
    weighs about 60 KB (a flat colour would shrink to a few kilobytes and flatter every page)."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    width, height = PHOTO_SIZE
    background = tuple(rnd.randrange(60, 200) for _ in "rgb")
    small = Image.new("RGB", (width // 8, height // 8), background)
    draw = ImageDraw.Draw(small)
    for _ in range(12):
        x, y, r = rnd.randrange(width // 8), rnd.randrange(height // 8), rnd.randrange(20, 150)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in "rgb"))
    photo = small.filter(ImageFilter.GaussianBlur(6)).resize((width, height))
    # Fine grain (the sensor's) and coarser grain (texture: skins, leaves, woven bamboo),
    # which is what survives in a 600-pixel rendition, as in a real photo.
    for scale, sigma in ((1, 8), (5, 10)):
        grain = Image.effect_noise((width // scale, height // scale), sigma)
        grain = grain.resize((width, height), Image.Resampling.BICUBIC)
        photo = ImageChops.add(photo, Image.merge("RGB", [grain] * 3), offset=-128)
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def upload_photos(out_path: str) -> None:
    """Give every public product one full-size photo through the producer's edit service, then
    write the pages' URLs to ``out_path``."""
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from oscar.core.loading import get_model

    from catalog.selectors import product_cards_queryset
    from producers.services import product_update, product_version

    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    products = Product.objects.filter(is_public=True, parent__isnull=True).order_by("pk")
    total = 0
    for product in products:
        data = photo_bytes(product.upc or str(product.pk))
        total += len(data)
        product_update(
            product=product,
            version=product_version(product),
            new_photos=[SimpleUploadedFile(f"photo-{product.pk}.jpg", data, "image/jpeg")],
            remove_photo_ids=list(product.images.values_list("pk", flat=True)),
        )
    listed = product_cards_queryset()
    product = listed.first()
    category = Category.objects.filter(product__in=listed).order_by("depth", "path").first()
    urls = {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": category.get_absolute_url(),
        "product": product.get_absolute_url(),
    }
    summary = {"urls": urls, "photos": products.count(), "bytes": total}
    Path(out_path).write_text(json.dumps(summary))


# --- the runner ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site:
    """The throwaway site: database, media, static files, gunicorn and nginx in one directory."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        os.chmod(tmp, 0o755)  # nginx's workers read media and the certificate from here
        self.ports = {name: free_port() for name in ("app", "http", "https")}
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SITE_URL": "https://localhost",
            "CSRF_TRUSTED_ORIGINS": f"https://localhost:{self.ports['https']}",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "MEDIA_ROOT": str(tmp / "media"),
            "STATIC_ROOT": str(tmp / "static"),
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }
        for name in ("REDIS_URL", "ELASTICSEARCH_URL", "BANK_TRANSFER_ACCOUNT", "MEDIA_S3_BUCKET"):
            self.env.pop(name, None)
        self.base = f"https://localhost:{self.ports['https']}"

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def prepare(self) -> dict:
        print("== migrate, demo data, static files …", flush=True)
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo_data", "--force")
        self.manage("collectstatic", "--noinput", "-v0")
        print(f"== a {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} photo for every product …", flush=True)
        out = self.tmp / "urls.json"
        subprocess.run(
            [sys.executable, "-m", "marketplace.pageweight", "--upload", str(out)],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        return json.loads(out.read_text())

    def certificate(self) -> None:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", str(self.tmp / "key.pem"), "-out", str(self.tmp / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def nginx_conf(self) -> Path:
        """deploy/nginx/ocop.conf with only its ports, paths and certificate replaced."""
        site = (ROOT / "deploy" / "nginx" / "ocop.conf").read_text()
        replacements = {
            "listen [::]:80;\n": "",
            "listen [::]:443 ssl http2;\n": "",
            "listen 80;": f"listen 127.0.0.1:{self.ports['http']};",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.ports['https']} ssl http2;",
            "server_name ocop.example.vn;": "server_name localhost;",
            "/etc/letsencrypt/live/ocop.example.vn/fullchain.pem": str(self.tmp / "cert.pem"),
            "/etc/letsencrypt/live/ocop.example.vn/privkey.pem": str(self.tmp / "key.pem"),
            "/srv/ocop/media/": f"{self.tmp / 'media'}/",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{self.ports['app']};",
            "/var/log/nginx/": f"{self.tmp}/nginx-",
            "/var/www/letsencrypt": str(self.tmp / "acme"),
        }
        for old, new in replacements.items():
            if old not in site:
                raise SystemExit(f"deploy/nginx/ocop.conf no longer contains {old!r}")
            site = site.replace(old, new)
        (self.tmp / "ocop.conf").write_text(site)
        temp = self.tmp / "nginx-temp"
        temp.mkdir(exist_ok=True)
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        path = self.tmp / "nginx.conf"
        path.write_text(
            f"""{user}
worker_processes 1;
error_log {self.tmp}/nginx-main.error.log warn;
pid {self.tmp}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.tmp}/ocop.conf;
}}
"""
        )
        return path

    def start(self, command: list[str], port: int) -> None:
        log = open(self.tmp / f"{Path(command[0]).name}.log", "wb")  # noqa: SIM115 - with it
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.processes.append(process)
        for _ in range(240):
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} exited; see {log.name}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.25)
        raise SystemExit(f"{command[0]} did not listen on port {port}")

    def serve(self) -> None:
        self.certificate()
        conf = self.nginx_conf()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.start(
            [
                gunicorn, "marketplace.wsgi:application", "-w", "2",
                "-b", f"127.0.0.1:{self.ports['app']}", "--timeout", "120",
                "--log-level", "warning", "--no-control-socket",
            ],
            self.ports["app"],
        )  # fmt: skip
        self.start(
            ["nginx", "-p", str(self.tmp), "-c", str(conf), "-g", "daemon off;"],
            self.ports["https"],
        )

    def warm(self, urls: dict) -> None:
        """Fetch each page once so that its renditions exist: a shop's pictures are made on
        the first visit after an upload, not on the one measured."""
        context = ssl.create_default_context(cafile=str(self.tmp / "cert.pem"))
        for url in urls.values():
            with urllib.request.urlopen(self.base + url, context=context, timeout=300) as r:
                r.read()

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def weigh(base: str, urls: dict) -> dict:
    """Load every page once in a fresh Chromium context and count the bytes on the wire."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for name in PAGES:
                context = browser.new_context(ignore_https_errors=True, **PHONE)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                kinds: dict[str, str] = {}
                sizes: dict[str, int] = {}
                statuses: dict[str, int] = {}

                def sent(event, kinds=kinds, statuses=statuses):
                    kinds[event["requestId"]] = CDP_KIND.get(event["type"], "other")
                    statuses[event["requestId"]] = event["response"]["status"]

                def done(event, sizes=sizes):
                    sizes[event["requestId"]] = int(event["encodedDataLength"])

                cdp.on("Network.responseReceived", sent)
                cdp.on("Network.loadingFinished", done)
                page.goto(base + urls[name], wait_until="networkidle")
                page.wait_for_timeout(1000)  # a late lazy picture would still be counted
                totals = dict.fromkeys(KINDS, 0)
                for request_id, size in sizes.items():
                    totals[kinds.get(request_id, "other")] += size
                failed = sorted({s for s in statuses.values() if s >= 400})
                results[name] = {
                    "kinds": totals,
                    "total": sum(totals.values()),
                    "requests": len(sizes),
                    "failed": failed,
                }
                context.close()
        finally:
            browser.close()
    return results


def table(results: dict) -> str:
    header = f"{'page':<10} {'total KiB':>9} " + " ".join(f"{k:>6}" for k in KINDS)
    lines = [header + f" {'requests':>8} {'target':>7}"]
    for name in PAGES:
        r = results[name]
        target = TARGETS_KIB.get(name)
        kib = r["total"] / 1024
        verdict = "" if target is None else ("  ok" if kib <= target else "  OVER")
        failed = f"  (HTTP {', '.join(map(str, r['failed']))} answers)" if r["failed"] else ""
        lines.append(
            f"{name:<10} {kib:>9.0f} "
            + " ".join(f"{r['kinds'][k] / 1024:>6.0f}" for k in KINDS)
            + f" {r['requests']:>8} {(f'≤{target}' if target else '-'):>7}{verdict}{failed}"
        )
    lines.append(
        "KiB on the wire (headers and compressed bodies), first load in a fresh context at "
        "390×844 px, DPR 3, no scrolling."
    )
    return "\n".join(lines)


def lighthouse(base: str, urls: dict, runs: int, tmp: Path) -> str:
    """Median Lighthouse category scores of ``runs`` runs per page (mobile preset)."""
    categories = ["performance", "accessibility", "best-practices", "seo"]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    lines = [f"{'page':<10} " + " ".join(f"{c:>14}" for c in categories) + "  (runs)"]
    for name in LIGHTHOUSE_PAGES:
        scores: dict[str, list[int]] = {c: [] for c in categories}
        for run in range(runs):
            report = tmp / f"lighthouse-{name}-{run}.json"
            command = [
                "npx", "--yes", "lighthouse@12", base + urls[name], "--form-factor=mobile",
                "--output=json", f"--output-path={report}", "--quiet",
                "--chrome-flags=--headless --no-sandbox --ignore-certificate-errors",
            ]  # fmt: skip
            # On a busy machine Lighthouse now and then fails to record its trace (NO_NAVSTART):
            # such a run is repeated once rather than counted.
            if subprocess.run(command, env=env).returncode:
                subprocess.run(command, env=env, check=True)
            data = json.loads(report.read_text())
            for c in categories:
                scores[c].append(round(100 * (data["categories"][c]["score"] or 0)))
        lines.append(
            f"{name:<10} "
            + " ".join(f"{statistics.median(scores[c]):>14.0f}" for c in categories)
            + "  ("
            + "; ".join("/".join(str(s) for s in scores[c]) for c in categories)
            + ")"
        )
    lines.append(f"Lighthouse 12, mobile preset, median of {runs} runs (each category's runs).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--lighthouse", type=int, default=0, metavar="N", help="also run Lighthouse N times"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--upload", help=argparse.SUPPRESS)  # internal: the Django side
    options = parser.parse_args()
    if options.upload:
        upload_photos(options.upload)
        return
    for tool in ("nginx", "openssl", CHROMIUM):
        if not shutil.which(tool):
            raise SystemExit(f"pageweight needs {tool} (Debian: apt-get install nginx chromium)")
    tmp = Path(tempfile.mkdtemp(prefix="ocop-pageweight-"))
    site = Site(tmp)
    try:
        prepared = site.prepare()
        urls = prepared["urls"]
        print(f"== gunicorn (production settings) behind nginx, {site.base} …", flush=True)
        site.serve()
        site.warm(urls)
        print("== Chromium at phone width …", flush=True)
        results = weigh(site.base, urls)
        print()
        print(
            f"Page weight: {prepared['photos']} products, one {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} "
            f"JPEG each ({prepared['bytes'] / prepared['photos'] / 1e6:.1f} MB on average)"
        )
        print(table(results))
        if options.lighthouse:
            print()
            print(lighthouse(site.base, urls, options.lighthouse, tmp))
    finally:
        site.stop()
        if options.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
