"""``make bench``: search latency on 10,000 generated products, SQLite and PostgreSQL.

    .venv/bin/python -m search.bench [--products N] [--pg postgresql://…/ocop_bench]

Builds a throwaway SQLite file in /tmp and a throwaway PostgreSQL database (dropped and
recreated: never point it at a real one), loads the demo data, runs ``search_bench`` in each
(the Elasticsearch backend on an osmem-server alongside the SQLite run) and prints one table
with the hardware. Aims: p95 < 50 ms for search and < 20 ms for suggestions (embedded).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AIMS = {"search_ms": 50.0, "suggest_ms": 20.0}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def bench(label: str, env: dict, products: int, *, elasticsearch: bool) -> dict:
    print(f"== {label}: migrate, demo data, {products} products …", flush=True)
    run(env, "migrate", "-v0", "--noinput")
    run(env, "load_demo_data", "--no-images", "--force")
    out = Path(tempfile.mkstemp(prefix="ocop-bench-", suffix=".json")[1])
    args = ["search_bench", "--throwaway", "--products", str(products), "--json", str(out)]
    if elasticsearch:
        args.append("--elasticsearch")
    run(env, *args)
    return json.loads(out.read_text())


def recreate_pg(url: str) -> None:
    import psycopg  # only the PostgreSQL round of the benchmark needs the driver

    base, name = url.rsplit("/", 1)
    if not name.replace("_", "").isalnum() or "bench" not in name:
        raise SystemExit(f"refusing to drop {name!r}: the bench database name must contain 'bench'")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def table(results: list[tuple[str, dict]]) -> str:
    rows = [f"{'backend':<34} {'what':<26} {'p50 ms':>8} {'p95 ms':>8} {'aim p95':>8}"]
    for label, data in results:
        for what in ("search_ms", "search_filtered_sorted_ms", "suggest_ms", "search_page_ms"):
            s = data[what]
            aim = AIMS.get(what)
            rows.append(
                f"{label:<34} {what:<26} {s['p50']:>8.1f} {s['p95']:>8.1f} "
                f"{(f'{aim:.0f}' if aim else '-'):>8}"
                + ("  OK" if aim and s["p95"] < aim else ("  OVER" if aim else ""))
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument(
        "--pg",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/ocop_bench"
        ),
    )
    parser.add_argument("--no-pg", action="store_true")
    options = parser.parse_args()
    base_env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}
    }
    base_env.update(DEBUG="1", MEDIA_ROOT="/tmp/ocop-bench-media")
    results: list[tuple[str, dict]] = []
    sqlite_path = Path("/tmp/ocop-bench.sqlite3")
    sqlite_path.unlink(missing_ok=True)
    sqlite = bench(
        "SQLite",
        {**base_env, "SQLITE_PATH": str(sqlite_path)},
        options.products,
        elasticsearch=True,
    )
    results.append((f"embedded / SQLite {sqlite['products_indexed']}", sqlite["embedded"]))
    results.append(
        (
            f"elasticsearch / osmem {sqlite['elasticsearch']['products_indexed']}",
            sqlite["elasticsearch"],
        )
    )
    if not options.no_pg:
        recreate_pg(options.pg)
        pg = bench(
            "PostgreSQL",
            {**base_env, "DATABASE_URL": options.pg},
            options.products,
            elasticsearch=False,
        )
        results.append((f"embedded / PostgreSQL {pg['products_indexed']}", pg["embedded"]))
    print()
    print(f"Hardware: {os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}")
    print(table(results))


if __name__ == "__main__":
    main()
