"""The scaled-out phase of ``make production-check``: two web nodes behind one nginx.

After the single-machine journeys, on the same database, the rehearsal stops its one gunicorn,
worker and nginx and starts the scaled-out layout of the README's "Scaling out":

- two gunicorn processes under the production settings, on two ports (``node-a``, ``node-b``),
  each with its own ``MEDIA_ROOT``, ``STATIC_ROOT`` (a copy of the collected files, as each
  machine gets its own) and ``TMPDIR``: they share nothing by disk, as two machines would not.
  Both media folders are checked to be still empty at the end;
- one task worker (``manage.py db_worker``), as on a third machine;
- nginx running the repository's site file with one ``server`` line per node in its upstream;
- the phase-one PostgreSQL database and Redis (cache, the page cache, sessions): the real ones;
- media on S3-compatible object storage through django-storages (``MEDIA_S3_*``);
- product search on Elasticsearch through ``ELASTICSEARCH_URL``.

What stands in for what (nothing leaves the loopback interface):

- moto's server (``moto_server``, moto[server] from PyPI, its own process) stands in for the
  object storage (a provider's S3, MinIO). moto refuses an unsigned read of a private object but
  does not verify a signature: the rehearsal shows that originals are not public and that pages
  link signed URLs; that a forged signature fails is the real service's part.
- osmem-server (an in-memory OpenSearch-compatible server from PyPI) stands in for the
  Elasticsearch cluster, behind a second server block of the rehearsal's nginx that turns the
  Elasticsearch 8 client's vendor media types into plain JSON (osmem answers them with 406;
  tests/elastic_node.py does the same inside the test process). The site itself is configured
  exactly as for a real cluster: ``ELASTICSEARCH_URL`` and nothing else.
- The rehearsal's HTTP client, when it speaks to one node directly, sends the three headers
  nginx adds (``Host``, ``X-Forwarded-Proto: https``, ``X-Forwarded-For`` with the visitor's
  address): it stands in for nginx's hop, so that a visitor can be sent to the node chosen.

Checks, each visitor going to the node named as well as through nginx: sign-in throttling
counts failures made on both nodes; a shopper signed in through node A continues on node B
(session, basket, a CSRF token issued by A accepted by B) and places a cash-on-delivery order
through B whose mail the worker delivers; a producer's price edit on node A drops the anonymous
page cache seen through node B and nginx; a photo uploaded through A lands in the bucket and its
renditions, made when B renders the page, are served from the bucket by signed URLs while the
original is not readable unsigned; with node A killed, nginx answers every GET from node B.
"""

from __future__ import annotations

import hashlib
import html
import http.client
import http.cookies
import io
import json
import os
import re
import shutil
import signal
import ssl
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import boto3
from osmem_server import OsmemServer
from PIL import Image
from rehearsal import CheckFailed, expect, free_port, step

BUCKET = "ocop-media-rehearsal"
S3_KEYS = {"access": "rehearsal-access-key", "secret": "rehearsal-secret-key"}
NODES = ("node-a", "node-b")


# --- A visitor that can be sent to one node, or through nginx ------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    path: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class FormParser(HTMLParser):
    """The forms of a page: action, method, and the fields a browser would send."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "fields": [],
                    "files": [],
                    "selects": {},
                    "names": set(),
                }
            )
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name")
        if name:
            form["names"].add(name)
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind == "file":
                form["files"].append(name)
            elif kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    form["fields"].append((name, attrs.get("value") or "on"))
            elif kind not in {"submit", "button", "image", "reset"}:
                form["fields"].append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"].append((name, ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            value = attrs.get("value") or ""
            first = self._select not in form["selects"]
            if first or "selected" in attrs:
                form["selects"][self._select] = value

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            name, value = self.forms[-1]["fields"][-1]
            self.forms[-1]["fields"][-1] = (name, value + data)


def form_on(page: str, action_part: str) -> dict:
    """The first form of ``page`` whose action contains ``action_part``, or that has a field of
    that name, with its fields filled in as a browser would send them."""
    parser = FormParser()
    parser.feed(page)
    for form in parser.forms:
        if action_part in form["action"] or action_part in form["names"]:
            form["fields"] = [*form["fields"], *form["selects"].items()]
            return form
    raise CheckFailed(f"no form posting to {action_part!r} on the page")


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]):
    """A multipart/form-data body and its content type."""
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(value.encode() + b"\r\n")
    for name, filename, content in files:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class Visitor:
    """One person's browser. ``via`` is ``"edge"`` (HTTPS to nginx) or a node's name (plain HTTP
    to that gunicorn with the headers nginx would add, the visitor's address among them). One
    cookie jar whichever way a request goes: the person sees one site."""

    def __init__(self, phase: MultiNodePhase, address: str, *, keep_cookies: bool = True):
        self.phase = phase
        self.address = address
        self.keep_cookies = keep_cookies
        self.cookies: dict[str, str] = {}

    def _connection(self, via: str) -> http.client.HTTPConnection:
        if via == "edge":
            return http.client.HTTPSConnection(
                "localhost", self.phase.ports["https"], context=self.phase.tls, timeout=60
            )
        return http.client.HTTPConnection("127.0.0.1", self.phase.ports[via], timeout=60)

    def request(
        self,
        via: str,
        path: str,
        *,
        method: str = "GET",
        body: bytes | None = None,
        headers: dict | None = None,
        follow: bool = True,
    ) -> Answer:
        for _ in range(6):
            sent = dict(headers or {})
            if via == "edge" or via in NODES:
                sent.setdefault("Referer", f"https://localhost:{self.phase.ports['https']}/")
            if via in NODES:
                sent.update(
                    {
                        "Host": "localhost",
                        "X-Forwarded-Proto": "https",
                        "X-Forwarded-For": self.address,
                    }
                )
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection = self._connection(via)
            try:
                connection.request(method, path, body=body, headers=sent)
                response = connection.getresponse()
                answer = Answer(response.status, response.headers, response.read(), path)
            finally:
                connection.close()
            if self.keep_cookies:
                self._remember(answer.headers.get_all("Set-Cookie") or [])
            location = answer.headers.get("Location")
            if not (follow and location and answer.status in {301, 302, 303, 307, 308}):
                return answer
            target = urllib.parse.urlsplit(location)
            expect(target.hostname in {None, "localhost"}, f"{path} sent us to {location}")
            path = target.path + (f"?{target.query}" if target.query else "")
            if answer.status in {301, 302, 303}:
                method, body, headers = "GET", None, None
        raise CheckFailed(f"too many redirects from {path} via {via}")

    def _remember(self, set_cookies: list[str]) -> None:
        for line in set_cookies:
            jar = http.cookies.SimpleCookie()
            jar.load(line)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"] or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def page(self, via: str, path: str) -> Answer:
        answer = self.request(via, path)
        expect(answer.status == 200, f"{path} via {via} answered {answer.status}")
        return answer

    def sign_in(self, via: str, username: str, password: str) -> Answer:
        """The storefront's sign-in form, fetched from and posted to ``via``."""
        page = self.page(via, "/cua-hang/accounts/login/")
        fields = {"login-username": username, "login-password": password, "login_submit": "1"}
        return self.submit(via, page, "login-username", fields)

    def submit(
        self,
        via: str,
        page: Answer,
        action_part: str,
        values: dict[str, str],
        files: list[tuple[str, str, bytes]] = (),
    ) -> Answer:
        """Fill the page's form posting to ``action_part`` (or having a field of that name) with
        ``values`` and post it to ``via``, which need not be the node that rendered the page."""
        form = form_on(page.text, action_part)
        fields = [(k, v) for k, v in form["fields"] if k not in values]
        fields += list(values.items())
        if form["files"]:
            body, content_type = multipart(fields, list(files))
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request(
            via,
            html.unescape(form["action"]) or page.path,
            method="POST",
            body=body,
            headers={"Content-Type": content_type},
        )


# --- The phase ----------------------------------------------------------------------------------


class MultiNodePhase:
    """Two web nodes, one worker, nginx, moto's S3 and osmem on the phase-one database."""

    def __init__(self, rehearsal, cert: Path) -> None:
        self.r = rehearsal
        self.cert = cert
        self.tls = ssl.create_default_context(cafile=str(cert))
        self.ports = {
            "https": rehearsal.ports["https"],
            "s3": free_port(),
            "search": free_port(),
            **{node: free_port() for node in NODES},
        }
        self.s3_url = f"http://127.0.0.1:{self.ports['s3']}"
        self.s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id=S3_KEYS["access"],
            aws_secret_access_key=S3_KEYS["secret"],
        )
        self.env = {
            **rehearsal.env,
            "MEDIA_S3_BUCKET": BUCKET,
            "MEDIA_S3_ENDPOINT_URL": self.s3_url,
            "MEDIA_S3_REGION": "us-east-1",
            "MEDIA_S3_ACCESS_KEY_ID": S3_KEYS["access"],
            "MEDIA_S3_SECRET_ACCESS_KEY": S3_KEYS["secret"],
            "ELASTICSEARCH_URL": f"http://127.0.0.1:{self.ports['search']}",
        }
        self.logins = demo_logins(rehearsal.demo_output)

    def folder(self, node: str, name: str) -> Path:
        path = self.r.tmp / node / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def node_env(self, node: str) -> dict[str, str]:
        """A machine's environment: the shared services, and folders of its own."""
        env = {
            **self.env,
            "MEDIA_ROOT": str(self.folder(node, "media")),
            "TMPDIR": str(self.folder(node, "tmp")),
            "STATIC_ROOT": str(self.r.tmp / node / "static"),
        }
        if node in NODES:
            env["GUNICORN_BIND"] = f"127.0.0.1:{self.ports[node]}"
        return env

    def indexed(self, query: dict) -> list[dict]:
        """Documents of the Elasticsearch stand-in's product index matching ``query``."""
        answer = Visitor(self, "").request(
            "search",
            "/ocop-products/_search",
            method="POST",
            body=json.dumps({"query": query, "size": 5}).encode(),
            headers={"Content-Type": "application/json"},
        )
        expect(answer.status == 200, f"the search index answered {answer.status}: {answer.text}")
        return [hit["_source"] for hit in json.loads(answer.body)["hits"]["hits"]]

    # set-up
    def start(self) -> None:
        step("scaled-out: moto's S3 server, osmem behind nginx, two web nodes, one worker")
        moto = str(Path(sys.executable).with_name("moto_server"))
        self.r.start("s3", [moto, "-H", "127.0.0.1", "-p", str(self.ports["s3"])])
        osmem = OsmemServer.start(addr="127.0.0.1:0", japanese=False)
        self.r.closers.append(osmem.close)
        conf = self.r.nginx_conf(
            self.cert,
            name="nginx-multi",
            app_ports=[self.ports[node] for node in NODES],
            media=self.folder("edge", "media"),
            extra=search_relay(self.ports["search"], osmem.url),
        )
        self.r.start_nginx("nginx-multi", conf)
        self.r.wait_for_port(self.ports["s3"], "s3")
        self.s3.create_bucket(Bucket=BUCKET)
        # The demo's uploads move to the bucket, as an operator's `aws s3 sync media/ s3://…`.
        uploads = [p for p in (self.r.tmp / "media").rglob("*") if p.is_file()]
        for path in uploads:
            key = path.relative_to(self.r.tmp / "media").as_posix()
            self.s3.upload_file(str(path), BUCKET, key)
        for node in NODES:
            shutil.copytree(self.r.tmp / "static", self.r.tmp / node / "static")
            command = [str(Path(sys.executable).with_name("gunicorn"))]
            command += ["-c", "deploy/gunicorn.conf.py", "marketplace.wsgi"]
            # One worker a node: what is shared between a node's workers is the single-machine
            # phase's to show; here, what is shared between machines.
            self.r.start(node, command, {**self.node_env(node), "WEB_CONCURRENCY": "1"})
        self.r.start_worker("worker-multi", self.node_env("worker"))
        # While the nodes start: the index is built on the Elasticsearch stand-in.
        self.r.wait_for_port(self.ports["search"], "nginx-multi")
        self.r.manage("rebuild_search_index", **self.env)
        # Pages cached by the single-machine phase link /media/ on its disk: the operator's step
        # after moving media to the bucket.
        self.r.manage("pagecache_clear", **self.env)
        step(f"{len(uploads)} uploads copied to the bucket, index built on osmem, pages dropped")
        for node in NODES:
            self.r.wait_for_port(self.ports[node], node)

    def run(self) -> None:
        started = time.monotonic()
        self.start()
        self.nodes_ready()
        self.throttling_counts_on_both_nodes()
        self.session_follows_the_shopper()
        self.producer_edit_reaches_every_node()
        self.failover()
        self.nothing_on_local_disk()
        step(f"scaled-out phase passed in {time.monotonic() - started:.0f} s")

    # checks
    def nodes_ready(self) -> None:
        step("each node and nginx: ready (database, Redis, Elasticsearch, tasks); same static")
        anon = Visitor(self, "203.0.113.1", keep_cookies=False)
        for via in (*NODES, "edge"):
            answer = anon.request(via, "/readyz")
            expect(answer.status == 200, f"/readyz via {via}: {answer.status} {answer.text}")
            checks = json.loads(answer.body)["checks"]
            expect(set(checks.values()) == {"ok"}, f"/readyz via {via}: {checks}")
        docs = self.indexed({"match_all": {}})
        expect(bool(docs), "the Elasticsearch index is empty")
        word = docs[0]["title"].split()[0]
        step(f"search for {word!r} through nginx answers from the Elasticsearch index")
        results = anon.page("edge", "/cua-hang/search/?" + urllib.parse.urlencode({"q": word}))
        expect(docs[0]["url"] in results.text, f"search for {word!r} lacks {docs[0]['url']}")
        expect(results.headers.get("X-Page-Cache") == "miss", "search came from the page cache")
        page = anon.page("node-a", "/cua-hang/accounts/login/").text
        css = re.search(r'(/static/[^"]+\.[0-9a-f]{12}\.css)', page)
        expect(css is not None, "no hashed CSS link on node A's sign-in page")
        answer = anon.request("node-b", css.group(1))
        expect(answer.status == 200, f"node B lacks node A's {css.group(1)}: {answer.status}")

    def throttling_counts_on_both_nodes(self) -> None:
        step("sign-in throttling: 3 failures on node A and 2 on node B lock the account")
        username, password = self.logins["website editor"]
        guesser = Visitor(self, "198.51.100.23")
        statuses = []
        for via in ("node-a", "node-a", "node-a", "node-b", "node-b"):
            answer = guesser.sign_in(via, username, "not-the-password")
            statuses.append(answer.status)
        expect(
            statuses == [200, 200, 200, 200, 429],
            f"failures answered {statuses}: the fifth (on node B) should be locked out (429)",
        )
        answer = guesser.sign_in("node-a", username, password)
        expect(answer.status == 429, f"the right password during lock-out answered {answer.status}")

    def session_follows_the_shopper(self) -> None:
        step("a shopper signs in on node A; node B and nginx know them")
        username, password = self.logins["shopper"]
        shopper = Visitor(self, "203.0.113.10")
        answer = shopper.sign_in("node-a", username, password)
        expect(answer.status == 200, f"sign-in on node A answered {answer.status}")
        expect("sessionid" in shopper.cookies, "no session cookie after signing in on node A")
        for via in ("node-b", "edge"):
            answer = shopper.request(via, "/cua-hang/accounts/profile/")
            expect(
                answer.status == 200 and "/accounts/login/" not in answer.path,
                f"the profile via {via} answered {answer.status} at {answer.path}",
            )
            expect(username in answer.text, f"the profile via {via} does not name {username}")

        step("a product page from node A; its add-to-basket form posted to node B (CSRF)")
        sitemap = shopper.page("node-a", "/sitemap.xml").text
        links = re.findall(r"https://localhost(/cua-hang/catalogue/[\w-]+_\d+/)<", sitemap)
        expect(bool(links), "no product in node A's sitemap")
        product = shopper.page("node-a", links[-1])
        added = shopper.submit("node-b", product, "/basket/add/", {"quantity": "1"})
        expect(added.status == 200, f"add to basket on node B answered {added.status}")
        basket = shopper.page("node-a", "/cua-hang/basket/").text
        expect(links[-1] in basket, "node A's basket lacks what was added on node B")

        step("checkout through node B: saved address, cash on delivery, order placed")
        page = shopper.page("node-b", "/cua-hang/checkout/shipping-address/")
        saved = re.search(r'name="address_id" value="(\d+)"', page.text)
        expect(saved is not None, "no saved address offered on node B's checkout")
        answer = shopper.submit(
            "node-b", page, "address_id", {"address_id": saved.group(1), "action": "ship_to"}
        )
        expect(answer.status == 200, f"ship to the saved address: {answer.status}")
        answer = shopper.submit("node-b", answer, "method_code", {"method_code": "home-delivery"})
        expect(answer.status == 200, f"shipping method: {answer.status}")
        answer = shopper.submit("node-b", answer, "payment-method", {"method": "cod"})
        expect(answer.status == 200, f"payment method: {answer.status}")
        thanks = shopper.submit("node-b", answer, "preview", {"action": "place_order"})
        expect(thanks.path.endswith("/checkout/thank-you/"), f"the order ended at {thanks.path}")
        number = re.search(r"\b(1\d{5})\b", thanks.text)
        expect(number is not None, "no order number on node B's thank-you page")
        step(f"the mail of order {number.group(1)} (placed on node B) is sent by the worker")
        self.r.sink.wait_for("", number.group(1).encode())

    def producer_edit_reaches_every_node(self) -> None:
        step("the producer signs in on node A; a product page is cached, served by node B")
        username, password = self.logins["producer"]
        producer = Visitor(self, "203.0.113.20")
        producer.sign_in("node-a", username, password)
        listing = producer.page("node-a", "/cua-hang/quan-ly/san-pham/").text
        url = edit = None
        for edit in re.findall(r'href="(/cua-hang/quan-ly/san-pham/\d+/)"', listing):
            # A listed product's edit page links its public page.
            found = re.search(
                r'href="(/cua-hang/catalogue/[\w-]+_\d+/)"', producer.page("node-a", edit).text
            )
            if found:
                url = found.group(1)
                break
        expect(url is not None, "no listed product with its public link on the dashboard")
        anon = Visitor(self, "203.0.113.30", keep_cookies=False)
        anon.page("node-b", url)
        before = anon.page("node-b", url)
        expect(before.headers.get("X-Page-Cache") == "hit", "node B did not serve a cached page")
        expect(anon.page("edge", url).headers.get("X-Page-Cache") == "hit", "nginx: no hit")

        step("a new price saved on node A shows at once through node B and nginx")
        price = 123_456
        expect("123.456" not in before.text, "the new price is already on the page")
        form = producer.page("node-a", edit)
        saved = producer.submit("node-a", form, "price", {"price": str(price)})
        expect(saved.status == 200, f"the price edit on node A answered {saved.status}")
        for via in ("node-b", "edge", "node-a"):
            after = anon.page(via, url)
            expect("123.456" in after.text, f"the page via {via} still shows the old price")
        step("the worker puts the new price in the Elasticsearch index")
        product_id = int(re.search(r"_(\d+)/$", url).group(1))
        deadline = time.monotonic() + 60
        while self.indexed_prices(product_id) != [price]:
            expect(time.monotonic() < deadline, "the worker did not reindex the new price")
            time.sleep(0.5)

        step("a photo uploaded through node A: into the bucket; node B renders its renditions")
        keys_before = set(self.keys())
        photo = io.BytesIO()
        Image.new("RGB", (640, 480), (200, 40, 40)).save(photo, "PNG")
        form = producer.page("node-a", edit)
        saved = producer.submit(
            "node-a", form, "price", {}, files=[("photos", "vai-moi.png", photo.getvalue())]
        )
        expect(saved.status == 200, f"the photo upload on node A answered {saved.status}")
        new = set(self.keys()) - keys_before
        expect(len(new) == 1, f"the upload left {sorted(new)} in the bucket, not one original")
        original = new.pop()
        page = anon.page("node-b", url).text
        digest = hashlib.sha1(original.encode()).hexdigest()  # catalog/renditions.py's naming
        renditions = {
            html.unescape(u)
            for u in re.findall(r'(http://[^" ]+/renditions/[^" ]+)', page)
            if f"/{digest[:2]}/{digest[2:14]}-" in u
        }
        expect(bool(renditions), "node B's page shows no rendition of the new photo")
        expect(original not in page, "the page links the original upload")
        for link in renditions:
            expect(link.startswith(self.s3_url + f"/{BUCKET}/"), f"not from the bucket: {link}")
            expect("X-Amz-Signature=" in link, f"an unsigned media link: {link}")
            answer = Visitor(self, "").request("s3", link.split(str(self.ports["s3"]), 1)[1])
            expect(answer.status == 200, f"{link} answered {answer.status}")
            expect(answer.headers.get("Content-Type", "").startswith("image/"), link)
        unsigned = Visitor(self, "").request("s3", f"/{BUCKET}/{original}")
        expect(unsigned.status == 403, f"the original is readable unsigned ({unsigned.status})")

    def failover(self) -> None:
        step("node A killed while two visitors browse through nginx: node B answers every GET")
        paths = ["/", "/cua-hang/catalogue/", "/cua-hang/search/?q=v%E1%BA%A3i", "/healthz"]
        answers: list[tuple[bool, str, int | str]] = []
        killed = threading.Event()
        stop = threading.Event()

        def browse(address: str) -> None:
            anon = Visitor(self, address, keep_cookies=False)
            while not stop.is_set():
                for path in paths:
                    try:
                        status = anon.request("edge", path).status
                    except OSError as error:
                        status = f"{type(error).__name__}: {error}"
                    answers.append((killed.is_set(), path, status))

        def wait_until(condition, seconds: float = 60) -> None:
            deadline = time.monotonic() + seconds
            while not condition() and time.monotonic() < deadline:
                time.sleep(0.1)

        browsers = [
            threading.Thread(target=browse, args=(f"203.0.113.{n}",), daemon=True) for n in (40, 41)
        ]
        for browser in browsers:
            browser.start()
        wait_until(lambda: len(answers) >= 2 * len(paths))  # both nodes are answering
        os.killpg(self.r.processes["node-a"].pid, signal.SIGKILL)
        self.r.processes["node-a"].wait()
        killed.set()
        wait_until(lambda: sum(1 for a in answers if a[0]) >= 4 * len(paths))
        stop.set()
        for browser in browsers:
            browser.join(timeout=60)
        failed = [a for a in answers if a[2] != 200]
        after = sum(1 for a in answers if a[0])
        expect(not failed, f"{len(failed)} of {len(answers)} GETs failed: {failed[:5]}")
        expect(after >= 4 * len(paths), f"only {after} GETs after node A was killed")
        # nginx met the dead node and moved the request on, rather than never asking it.
        errors = (self.r.tmp / "nginx-multi-ocop.error.log").read_text()
        expect(
            f'upstream: "http://127.0.0.1:{self.ports["node-a"]}' in errors,
            "nginx logged no failed attempt on the killed node A",
        )
        step(f"{len(answers)} GETs, {after} of them after the kill, all answered 200")

    def nothing_on_local_disk(self) -> None:
        step("the nodes' and the worker's own media folders are still empty")
        for who in (*NODES, "worker"):
            files = [p for p in self.folder(who, "media").rglob("*") if p.is_file()]
            expect(not files, f"{who} wrote media to its own disk: {files[:3]}")

    def indexed_prices(self, product_id: int) -> list:
        return [doc.get("price") for doc in self.indexed({"term": {"product_id": product_id}})]

    def keys(self) -> list[str]:
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]


def search_relay(port: int, osmem_url: str) -> str:
    """An nginx server block in front of osmem: the Elasticsearch 8 client's vendor media types
    become plain JSON (see the module docstring)."""
    return f"""
    map $http_content_type $osmem_content_type {{
        ~*x-ndjson application/x-ndjson;
        ~*vnd\\.elasticsearch application/json;
        default $http_content_type;
    }}
    map $http_accept $osmem_accept {{
        ~*vnd\\.elasticsearch application/json;
        default $http_accept;
    }}
    server {{
        listen 127.0.0.1:{port};
        access_log off;
        client_max_body_size 64m;
        location / {{
            proxy_pass {osmem_url};
            proxy_set_header Content-Type $osmem_content_type;
            proxy_set_header Accept $osmem_accept;
        }}
    }}
"""


def demo_logins(output: str) -> dict[str, tuple[str, str]]:
    """The logins ``load_demo_data`` printed, by label: ``{"producer": (name, password)}``."""
    logins = {}
    for label, name, password in re.findall(r"^\s+([\w ]+?) \(.*\): (\S+) / (\S+)$", output, re.M):
        logins[label] = (name, password)
    for needed in ("shopper", "producer", "website editor"):
        expect(needed in logins, f"load_demo_data printed no {needed} login:\n{output}")
    return logins
