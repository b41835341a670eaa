"""``make bench``: pages under load on a generated catalogue, beside a bare Django view.

    .venv/bin/python -m marketplace.bench [--products 10000] [--duration 5] [--connections 20]
                                          [--no-pg] [--pg postgresql://…/ocop_bench] [--reuse-db]

For SQLite (a file in /tmp) and, when ``BENCH_DATABASE_URL`` (or ``--pg``) is given, PostgreSQL
(dropped and recreated: never point it at a real database), it

1. migrates and loads the demo data, then counts SQL queries and writes per page with Django's
   test client at the demo's size;
2. adds ``--products`` generated products (``search_bench``, which also rebuilds the search
   index and times search: its table is printed too) and counts queries again;
3. serves the project with gunicorn (2 workers, :mod:`marketplace.settings.bench`: production
   settings, DEBUG off) and the bare view of :mod:`marketplace.bench_bare` with the same server,
   requests every page a few times in turn (a worker's first requests import and compile for
   seconds), then loads each page with ``wrk`` for ``--duration`` seconds as an anonymous
   visitor (the page cache on) and as a signed-in shopper (a session cookie), the bare view
   before and after, waiting after each round for the requests wrk left queued;
4. prints, per page: requests/s, p50/p95 latency, non-2xx answers and socket errors, queries
   and writes per request, and the ratio to the bare view (the mean of its two rounds).

``--reuse-db`` skips steps 1–2 and loads the databases the last run left (to compare a code
change quickly). The page cache lives in ``BENCH_REDIS_URL`` when set (as in production),
else in a file cache of its own. Targets (issue 13): anonymous ≥ 0.5×; signed in: catalogue
and category ≥ 0.05×, product ≥ 0.08×, home ≥ 0.05×, search ≥ 0.03×; 0 non-2xx; 0 writes
per anonymous GET; the same query count at the demo's size and at +10,000 products. Not part of
``make test``: no timing is ever asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["home", "catalogue", "category", "product", "search", "registry", "showroom"]
#: Signed-in targets (ratio to the bare view); anonymous pages all aim at ANON_TARGET.
SIGNED_TARGETS = {
    "home": 0.05,
    "catalogue": 0.05,
    "category": 0.05,
    "product": 0.08,
    "search": 0.03,
}
ANON_TARGET = 0.5
SHOPPER = "bench-shopper@example.com"
#: Production settings redirect plain HTTP; behind the proxy, this header says HTTPS.
HTTPS = {"X-Forwarded-Proto": "https"}

#: wrk script: p50/p95 from wrk's histogram and non-2xx answers counted per thread (wrk's own
#: "Non-2xx or 3xx" would let redirects pass).
WRK_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"non2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    bad, e.connect + e.read + e.write + e.timeout))
end
"""


# --- inside Django (a subprocess with the bench settings) -----------------------------------


def measure_queries(out_path: str) -> None:
    """Write the pages' URLs, the shopper's session cookie and queries/writes per page (an
    anonymous miss, an anonymous hit, a signed-in shopper's second view) to ``out_path``."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from oscar.core.loading import get_model

    from catalog.selectors import product_cards_queryset
    from cms.models import ShowroomPage
    from marketplace.pagecache import store

    Category = get_model("catalogue", "Category")
    listed = product_cards_queryset().exclude(upc__startswith="BENCH")
    product = listed.first()
    category = Category.objects.filter(product__in=listed).order_by("depth", "path").first()
    showroom = ShowroomPage.objects.live().order_by("path").first()
    urls = {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": category.get_absolute_url(),
        "product": product.get_absolute_url(),
        "search": reverse("search:search") + "?q=vai+thieu",
        "registry": reverse("records:registry"),
        "showroom": showroom.get_url(),
    }
    User = get_user_model()
    shopper, _ = User.objects.get_or_create(username="bench-shopper", defaults={"email": SHOPPER})
    signed = Client(headers=HTTPS)
    signed.force_login(shopper)

    def count(client: Client, url: str) -> dict:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        sql = [q["sql"].lstrip().upper() for q in ctx.captured_queries]
        writes = sum(s.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")) for s in sql)
        return {
            "status": response.status_code,
            "queries": len(sql),
            "writes": writes,
            "cache": response.get("X-Page-Cache", ""),
        }

    results = {}
    for name, url in urls.items():
        store.invalidate()
        miss = count(Client(headers=HTTPS), url)
        hit = count(Client(headers=HTTPS), url)
        count(signed, url)  # the first view may create the shopper's basket
        results[name] = {"anon_miss": miss, "anon_hit": hit, "signed": count(signed, url)}
    store.invalidate()
    session = signed.cookies[settings.SESSION_COOKIE_NAME].value
    Path(out_path).write_text(
        json.dumps(
            {
                "urls": urls,
                "results": results,
                "engine": connection.vendor,
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
            }
        )
    )


# --- the runner --------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def queries(env: dict) -> dict:
    out = Path(tempfile.mkstemp(prefix="ocop-bench-q-", suffix=".json")[1])
    subprocess.run(
        [sys.executable, "-m", "marketplace.bench", "--measure", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    data = json.loads(out.read_text())
    out.unlink()
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(env: dict, app: str, port: int, workers: int) -> subprocess.Popen:
    """Start gunicorn on loopback (its log in a file beside the bench's databases); return once
    it answers."""
    log_path = Path(tempfile.gettempdir()) / f"ocop-bench-{app.split(':')[0]}.log"
    log = log_path.open("ab")  # kept open by the server; closed when this process ends
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            app,
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "60",
            # gunicorn ≥ 25 opens a control socket at one path per user: another server's.
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
        # The request log (a JSON line per request) goes to a file, as to journald in
        # production: a pipe to a busy terminal would block the workers and be measured.
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    probe = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(probe, timeout=2)
            return proc
        except urllib.error.HTTPError:
            return proc  # it answers (the bare view has no /healthz)
        except OSError:
            time.sleep(0.5)
    stop(proc)
    raise SystemExit(f"{app} did not start on port {port}")


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def wrk(url: str, *, duration: int, connections: int, headers: list[str], lua: Path) -> dict:
    """Load ``url`` for ``duration`` seconds (after a 1-second warm-up) and parse the result."""
    args = ["wrk", "-t2", f"-c{connections}", "--timeout", "10s", "-s", str(lua)]
    for header in headers:
        args += ["-H", header]
    subprocess.run([*args, "-d1s", url], capture_output=True, check=True)  # warm-up
    fetch(url, dict(h.split(": ", 1) for h in headers))  # queues behind the warm-up's last
    out = subprocess.run(
        [*args, f"-d{duration}s", url], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[6:])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def fetch(url: str, headers: dict) -> None:
    """One request, waited for (up to two minutes): it queues behind whatever is still pending."""
    try:
        urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=120).read()
    except urllib.error.HTTPError:
        pass


def warm(base: str, urls: dict, cookie: str) -> None:
    """Each page a few times in turn, anonymous and signed in, before any load: a worker's first
    requests import and compile for seconds, which a short wrk round would count as its speed."""
    for url in urls.values():
        for headers in (HTTPS, {**HTTPS, "Cookie": cookie}):
            for _ in range(3):
                fetch(base + url, headers)


def load(env: dict, urls: dict, cookie: str, options) -> dict:
    """Serve the project and the bare view with gunicorn and load every page with wrk."""
    lua = Path(tempfile.mkstemp(prefix="ocop-bench-", suffix=".lua")[1])
    lua.write_text(WRK_LUA)
    site_port, bare_port = free_port(), free_port()
    site = gunicorn(env, "marketplace.wsgi:application", site_port, options.workers)
    bare = gunicorn(env, "marketplace.bench_bare:application", bare_port, options.workers)
    proxy = "X-Forwarded-Proto: https"  # production settings redirect plain HTTP
    run = dict(duration=options.duration, connections=options.connections, lua=lua)
    site_base = f"http://127.0.0.1:{site_port}"

    def drained(result: dict) -> dict:
        # wrk stops with up to --connections requests still queued at the server: wait for
        # them, so that they are not counted against the next page.
        fetch(f"{site_base}/healthz", HTTPS)
        return result

    try:
        warm(site_base, urls, cookie)
        results = {"bare": [wrk(f"http://127.0.0.1:{bare_port}/", headers=[], **run)]}
        for name in PAGES:
            url = site_base + urls[name]
            results[name] = {
                "anon": drained(wrk(url, headers=[proxy], **run)),
                "signed": drained(wrk(url, headers=[proxy, f"Cookie: {cookie}"], **run)),
            }
            print(
                f"   {name}: anonymous {results[name]['anon']['rps']:.0f} req/s, "
                f"signed in {results[name]['signed']['rps']:.0f} req/s",
                flush=True,
            )
        results["bare"].append(wrk(f"http://127.0.0.1:{bare_port}/", headers=[], **run))
    finally:
        stop(site)
        stop(bare)
        lua.unlink()
    return results


def bench(label: str, env: dict, options) -> str:
    if options.reuse_db:
        print(f"== {label}: the database of the last run, as it is …", flush=True)
        large = queries(env)
        print(f"== {label}: gunicorn ({options.workers} workers) …", flush=True)
        return table(label, large, large, load(env, large["urls"], large["cookie"], options))
    print(f"== {label}: migrate, demo data …", flush=True)
    manage(env, "migrate", "-v0", "--noinput")
    manage(env, "load_demo_data", "--no-images", "--force")
    manage(env, "check_listing_state")
    small = queries(env)
    print(
        f"== {label}: {options.products} generated products, search index, search timings …",
        flush=True,
    )
    manage(env, "search_bench", "--throwaway", "--products", str(options.products))
    manage(env, "check_listing_state")
    large = queries(env)
    print(
        f"== {label}: gunicorn ({options.workers} workers), wrk {options.duration} s × "
        f"{options.connections} connections per page …",
        flush=True,
    )
    loaded = load(env, large["urls"], large["cookie"], options)
    return table(label, small, large, loaded)


def table(label: str, small: dict, large: dict, loaded: dict) -> str:
    bare_rps = sum(r["rps"] for r in loaded["bare"]) / len(loaded["bare"])
    lines = [
        f"{label}: bare Django view {bare_rps:.0f} req/s "
        f"({' / '.join(str(round(r['rps'])) for r in loaded['bare'])} before / after)",
        f"{'page':<10} {'who':<9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'non2xx':>6} "
        f"{'err':>4} {'queries':>10} {'writes':>6} {'ratio':>7} {'target':>7}",
    ]
    for name in PAGES:
        for who in ("anon", "signed"):
            r = loaded[name][who]
            ratio = r["rps"] / bare_rps
            target = ANON_TARGET if who == "anon" else SIGNED_TARGETS.get(name)
            if who == "anon":
                # Under load an anonymous visitor is served from the cache; a miss renders.
                hit, miss = large["results"][name]["anon_hit"], large["results"][name]["anon_miss"]
                q_small = small["results"][name]["anon_miss"]["queries"]
                q = f"{hit['queries']} ({q_small}/{miss['queries']})"
                writes = max(hit["writes"], miss["writes"])
            else:
                s = large["results"][name]["signed"]
                q = f"{small['results'][name]['signed']['queries']}/{s['queries']}"
                writes = s["writes"]
            verdict = "" if target is None else ("  ok" if ratio >= target else "  UNDER")
            lines.append(
                f"{name:<10} {who:<9} {r['rps']:>7.0f} {r['p50_us'] / 1000:>7.1f} "
                f"{r['p95_us'] / 1000:>7.1f} {r['non2xx']:>6} {r['socket_errors']:>4} {q:>10} "
                f"{writes:>6} {ratio:>6.3f}× {(f'{target}×' if target else '-'):>7}{verdict}"
            )
    lines.append(
        "queries: anonymous = on a cache hit (on a miss: demo size / +generated); "
        "signed in = demo size / +generated. writes: the most of either."
    )
    return "\n".join(lines)


def recreate_pg(url: str) -> None:
    import psycopg  # only the PostgreSQL round needs the driver

    base, name = url.rsplit("/", 1)
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing to drop {name!r}: not a plain database name")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--pg",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="a PostgreSQL database to DROP and rebuild (BENCH_DATABASE_URL)",
    )
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="load the databases of the last run as they are (no rebuild; to compare code changes)",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # internal: the Django side
    options = parser.parse_args()
    if options.measure:
        measure_queries(options.measure)
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (Debian: apt-get install -y wrk)")
    base_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "ELASTICSEARCH_URL", "REDIS_URL", "DEBUG"}
    }
    base_env.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.bench",
        SECRET_KEY="bench-only-" + "k3y-" * 12,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SITE_URL="https://127.0.0.1",
        MEDIA_ROOT=str(Path(tempfile.gettempdir()) / "ocop-bench-media"),
        STATIC_ROOT=str(Path(tempfile.gettempdir()) / "ocop-bench-static"),
    )
    if os.environ.get("BENCH_REDIS_URL"):
        base_env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    shutil.rmtree(Path(tempfile.gettempdir()) / "ocop-bench-pagecache", ignore_errors=True)
    tables = []
    if not options.no_sqlite:
        sqlite_path = Path(tempfile.gettempdir()) / "ocop-bench.sqlite3"
        if not options.reuse_db:
            sqlite_path.unlink(missing_ok=True)
        tables.append(
            bench("SQLite", {**base_env, "DATABASE_URL": f"sqlite:///{sqlite_path}"}, options)
        )
    if options.pg and not options.no_pg:
        if not options.reuse_db:
            recreate_pg(options.pg)
        tables.append(bench("PostgreSQL", {**base_env, "DATABASE_URL": options.pg}, options))
    print()
    print(
        f"Hardware: {os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}; "
        f"gunicorn {options.workers} workers, wrk -t2 -c{options.connections} "
        f"-d{options.duration}s, {options.products} generated products"
    )
    print("\n\n".join(tables))


if __name__ == "__main__":
    main()
