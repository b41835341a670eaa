"""``manage.py search_bench``: time search and suggestions on a generated catalogue.

Adds ``--products`` synthetic products (bulk inserts, around the demo data's producers and
groups) to the CURRENT database, rebuilds the index, and reports p50/p95 latency of the backend
calls (search with facet counts; suggestions as the search box asks them) and of the whole
search page. Refuses to run unless ``--throwaway`` says the database may be filled with junk:
``make bench`` (search/bench.py) runs it on a fresh SQLite file and PostgreSQL database.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone
from oscar.core.loading import get_model

from catalog import ocop
from catalog.services import product_listing_refresh
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.indexing import search_index_rebuild
from search.selectors import suggestions

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Producer = get_model("partner", "Producer")
StockRecord = get_model("partner", "StockRecord")

QUERIES = [
    "vai thieu",
    "VẢI THIỀU",
    "mi chu",
    "mỳ Chũ",
    "ga doi yen the",
    "gạo bao thai",
    "luc ngan",
    "mat ong",
    "che xanh",
    "ruou",
    "nam",
    "hiep hoa",
    "dua chuot",
    "ot",
    "mien dong",
    "khe ro",
    "thu cong my nghe",
    "banh",
]
PREFIXES = ["va", "vai th", "mi c", "ga d", "gao b", "ch", "ruou l", "nam h", "mat o", "hie"]
WORDS = [
    "đặc biệt",
    "loại 1",
    "hộp quà",
    "túi 500 g",
    "thùng 5 kg",
    "hữu cơ",
    "VietGAP",
    "truyền thống",
    "cao cấp",
    "sấy khô",
    "tươi",
    "đóng lọ",
]


def percentile(samples: list[float], q: float) -> float:
    """The ``q``-quantile (0–1) of ``samples``, nearest-rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def timed(call, repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls of ``call`` (after one warm-up call)."""
    call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


class Command(BaseCommand):
    help = "Benchmark search on a generated catalogue (fills the database: throwaway only)."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--throwaway",
            action="store_true",
            help="Confirm that this database may be filled with junk.",
        )
        parser.add_argument(
            "--elasticsearch",
            action="store_true",
            help="Also time the Elasticsearch backend on an osmem-server.",
        )
        parser.add_argument("--json", dest="json_path", help="Write the results here too.")

    def handle(self, *args, products, repeat, throwaway, elasticsearch, json_path, **options):
        if not throwaway:
            raise CommandError(
                "search_bench fills the database with junk: pass --throwaway "
                "on a throwaway database (make bench does)."
            )
        if not Producer.objects.exists():
            raise CommandError("Load the demo data first (manage.py load_demo_data).")
        existing = Product.objects.filter(upc__startswith="BENCH").count()
        if existing < products:
            self.generate(products - existing, start=existing)
        start = time.perf_counter()
        indexed = search_index_rebuild()
        rebuild_s = time.perf_counter() - start
        results = {
            "engine": connection.vendor,
            "products_indexed": indexed,
            "rebuild_s": round(rebuild_s, 2),
            "embedded": self.measure(repeat),
        }
        if elasticsearch:
            results["elasticsearch"] = self.measure_elasticsearch(repeat)
        self.stdout.write(json.dumps(results, indent=2))
        if json_path:
            with open(json_path, "w") as out:
                json.dump(results, out, indent=2)

    def generate(self, count: int, *, start: int) -> None:
        """Bulk-insert ``count`` listed products with stock, a group and a certificate."""
        rng = random.Random(2026)
        producers = list(Producer.objects.select_related("partner", "commune"))
        subgroups = list(Category.objects.filter(depth=2)) or list(Category.objects.all())
        titles = list(
            Product.objects.exclude(upc__startswith="BENCH").values_list("title", flat=True)
        ) or ["Sản phẩm OCOP"]
        product_class = ProductClass.objects.first()
        today = timezone.localdate()
        for first in range(start, start + count, 1000):
            size = min(1000, start + count - first)
            with transaction.atomic():
                made = Product.objects.bulk_create(
                    [
                        Product(
                            title=f"{rng.choice(titles)} {rng.choice(WORDS)} {first + i}"[:255],
                            slug=f"bench-{first + i}",
                            upc=f"BENCH{first + i:08d}",
                            structure=Product.STANDALONE,
                            is_public=True,
                            product_class=product_class,
                            producer=(producer := rng.choice(producers)),
                            origin_commune=producer.commune,
                            description=f"{rng.choice(titles)}, {rng.choice(WORDS)}.",
                        )
                        for i in range(size)
                    ]
                )
                StockRecord.objects.bulk_create(
                    [
                        StockRecord(
                            product=p,
                            partner=p.producer.partner,
                            partner_sku=f"BENCH-{p.upc}",
                            price_currency="VND",
                            price=Decimal(rng.randrange(30, 900) * 1000),
                            num_in_stock=rng.randrange(0, 50),
                        )
                        for p in made
                    ]
                )
                ProductCategory.objects.bulk_create(
                    [ProductCategory(product=p, category=rng.choice(subgroups)) for p in made]
                )
                certificates = []
                for p in made:
                    decided = today - timedelta(days=rng.randrange(10, 1000))
                    score = Decimal(rng.randrange(50, 100))
                    criteria = ocop.criteria_set_in_force(decided)
                    certificates.append(
                        OcopCertificate(
                            product=p,
                            criteria_set=criteria.code,
                            score=score,
                            stars=ocop.stars_for_score(score, criteria),
                            council_level=ocop.CouncilLevel.PROVINCE.value,
                            decision_number=f"{p.pk}/QĐ-BENCH",
                            decision_date=decided,
                            issuing_body="Bench",
                            valid_until=ocop.default_valid_until(decided),
                            # bulk_create skips save(), which draws the verification code.
                            public_code=self.public_code(rng),
                        )
                    )
                OcopCertificate.objects.bulk_create(certificates)
                # bulk_create skips the certificate services, which keep the gate's stored
                # listing columns in step: without this every generated row stays "stale" and
                # the gate falls back to per-row certificate subqueries (not what production sees).
                product_listing_refresh(today=today, product_ids=[p.pk for p in made])

    def public_code(self, rng: random.Random) -> str:
        """A verification code unused by this run (random, as the real ones are)."""
        seen = self.__dict__.setdefault("_codes", set())
        while True:
            code = "".join(
                rng.choice(ocop.PUBLIC_CODE_ALPHABET) for _ in range(ocop.PUBLIC_CODE_LENGTH)
            )
            if code not in seen:
                seen.add(code)
                return code

    def measure(self, repeat: int) -> dict:
        """p50/p95 of backend search (with facets), suggestions, and the whole page."""
        backend = get_backend()
        search = [
            t
            for q in QUERIES
            for t in timed(lambda q=q: backend.search(SearchQuery(text=q)), repeat)
        ]
        filtered = [
            t
            for q in QUERIES
            for t in timed(
                lambda q=q: backend.search(
                    SearchQuery(text=q, filters={"stars": ["4", "5"]}, sort="price_asc")
                ),
                repeat,
            )
        ]
        suggest = [t for q in PREFIXES for t in timed(lambda q=q: suggestions(text=q), repeat)]
        client = Client()
        page = [
            t
            for q in QUERIES[:6]
            for t in timed(lambda q=q: client.get("/cua-hang/search/", {"q": q}), repeat)
        ]
        return {
            "backend": backend.name,
            "search_ms": self.summary(search),
            "search_filtered_sorted_ms": self.summary(filtered),
            "suggest_ms": self.summary(suggest),
            "search_page_ms": self.summary(page),
        }

    def summary(self, samples: list[float]) -> dict:
        return {
            "n": len(samples),
            "p50": round(statistics.median(samples), 2),
            "p95": round(percentile(samples, 0.95), 2),
            "max": round(max(samples), 2),
        }

    def measure_elasticsearch(self, repeat: int) -> dict:
        from osmem_server import OsmemServer  # a dev dependency: only this round needs it

        server = OsmemServer.start()
        try:
            with override_settings(
                SEARCH_BACKEND={
                    "BACKEND": "search.backends.elastic.ElasticsearchBackend",
                    "URL": server.url,
                    "INDEX": "bench-products",
                    "TIMEOUT": 30,
                    "NODE_CLASS": "tests.elastic_node.PlainJsonNode",
                }
            ):
                start = time.perf_counter()
                indexed = search_index_rebuild()
                rebuild_s = time.perf_counter() - start
                measured = self.measure(repeat)
                measured.update(
                    products_indexed=indexed,
                    rebuild_s=round(rebuild_s, 2),
                    server=f"osmem-server {server.version}",
                )
                return measured
        finally:
            server.close()
