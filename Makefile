# Everyday targets. `make demo` and `make test` are the two commands of the README.
# The first of python3, python3.13, python3.12, python3.11 that is 3.11 to 3.13.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	command -v $$p >/dev/null 2>&1 && \
	$$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null && \
	command -v $$p && break; done)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

## The import contracts alone (pyproject.toml [tool.importlinter]).
imports: install
	$(VENV)/bin/lint-imports

.PHONY: imports demo test install lint migrate demo-data serve test-sqlite-smoke clean bench production-check vm-rehearsal

$(VENV)/.installed: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed (set PYTHON=/path/to/python3.x)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null || \
		{ echo "Python 3.11, 3.12 or 3.13 is needed (set PYTHON=/path/to/python3.x)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
		{ rm -rf $(VENV); echo "venv failed: on Debian, apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput -v0

demo-data: migrate
	$(MANAGE) load_demo_data
	$(MANAGE) expire_certificates
	$(MANAGE) expire_unpaid_orders

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

## Create .venv, install, migrate SQLite, load the Bắc Giang demo data, print logins, serve.
demo: demo-data
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(MANAGE) runserver --noreload $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

## Lint, check migrations, run the whole suite (SQLite by default, PostgreSQL with DATABASE_URL).
## Locally the test databases are reused between runs; under CI they are always built afresh.
test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest -n 2 -rs $(if $(CI),--create-db,)
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-sqlite-smoke; fi

## Migrations and the smoke tests on the embedded SQLite default (CI runs the suite on PostgreSQL).
test-sqlite-smoke: install
	env -u DATABASE_URL $(VENV)/bin/pytest -rs --create-db -m smoke

## Pages under load (gunicorn, 2 workers, production settings; wrk, Debian's `wrk`) beside a bare
## Django view, anonymous and signed in, on the demo plus 10,000 generated products; queries and
## writes per page; the search timings of search_bench on the same database. Throwaway databases:
## a /tmp SQLite file, and PostgreSQL when BENCH_DATABASE_URL is set (dropped and recreated).
## BENCH_REDIS_URL puts the page cache on Redis. Not in `test`; `python -m search.bench` alone
## still times search on both databases and Elasticsearch.
## Then page weight (marketplace/pageweight.py): demo with a 4000×3000 photo per product, gunicorn
## behind nginx's site file, Chromium at phone width; KiB per page and kind. Needs nginx, chromium.
bench: install
	$(PY) -m marketplace.bench
	$(PY) -m marketplace.pageweight

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles

## Rehearse production on loopback (deploy/production_check.py): throwaway PostgreSQL database,
## Redis, gunicorn, the task worker and nginx with a self-signed certificate, checked over HTTPS;
## then scaled out on the same database (deploy/production_check_multinode.py): two web nodes
## behind nginx, media on moto's S3 server, search on osmem, one node killed.
## PRODUCTION_CHECK_ARGS=--single-node skips the second part.
## Needs the Debian packages nginx, openssl and postgresql-client; installs nothing.
production-check: install
	$(PY) deploy/production_check.py $(PRODUCTION_CHECK_ARGS)

## Optional, not in `test` nor .ci/run: the README's "Deploying" followed on a clean Debian 13
## server in a QEMU virtual machine, under real systemd (deploy/vm_rehearsal.sh; needs root,
## debootstrap, qemu-system-x86, qemu-utils and network to Debian's mirror and PyPI).
vm-rehearsal:
	deploy/vm_rehearsal.sh
