"""The systemd units of deploy/systemd/ agree with each other, with the management commands they
start and with the README's "Deploying" steps. deploy/vm_rehearsal.sh runs them under real
systemd on a clean Debian server; these checks catch the drift between two rehearsals."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import django_tasks_db
import pytest
from django.core.management import find_commands, get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
APP = "/srv/ocop/app"
JOB_TEMPLATE = UNITS / "ocop-job@.service"


def _unit(path: Path) -> dict[str, list[str]]:
    """``Section.Key`` → every value it is given (systemd keys may repeat)."""
    values: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        values.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return values


def _one(unit: dict[str, list[str]], key: str) -> str:
    (value,) = unit[key]
    return value


def _jobs_with_timers() -> list[str]:
    return sorted(
        p.name.removeprefix("ocop-job@").removesuffix(".timer") for p in UNITS.glob("*.timer")
    )


def _job_arguments() -> dict[str, list[str]]:
    """The ``OCOP_JOB_ARGS_<job>`` of the job template, split as systemd splits ``$VAR``
    (``OCOP_JOB_ARGS_%i``, the empty default of every job, left out)."""
    arguments = {}
    for assignment in _unit(JOB_TEMPLATE)["Service.Environment"]:
        name, _, value = assignment.partition("=")
        if name.startswith("OCOP_JOB_ARGS_") and name != "OCOP_JOB_ARGS_%i":
            arguments[name.removeprefix("OCOP_JOB_ARGS_")] = value.split()
    return arguments


def _commands() -> dict[str, str]:
    """manage.py's commands under production settings: the test settings' own, plus those of
    django_tasks_db, which production adds (db_worker, prune_db_task_results)."""
    tasks_db = Path(django_tasks_db.__file__).parent / "management"
    return {**get_commands(), **dict.fromkeys(find_commands(str(tasks_db)), "django_tasks_db")}


#: Parses a django_tasks_db command's arguments in a process of its own, configured as production
#: configures that app (the test settings leave it out; adding it here would reload the URLs).
TASKS_DB_PARSER = """
import sys, django
from django.conf import settings
settings.configure(
    INSTALLED_APPS=["django_tasks_db"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
django.setup()
from django.core.management import load_command_class
job = sys.argv[1]
load_command_class("django_tasks_db", job).create_parser("manage.py", job).parse_args(sys.argv[2:])
"""


def test_each_timer_starts_the_job_of_its_own_name_and_that_job_is_a_manage_command():
    commands = _commands()
    for job in _jobs_with_timers():
        timer = _unit(UNITS / f"ocop-job@{job}.timer")
        assert _one(timer, "Timer.Unit") == f"ocop-job@{job}.service"
        assert _one(timer, "Install.WantedBy") == "timers.target"
        assert job in commands, f"ocop-job@{job}.timer runs manage.py {job}, which does not exist"


def test_each_job_argument_belongs_to_a_timed_job_and_its_command_accepts_it():
    arguments = _job_arguments()
    assert arguments, "the job template no longer passes arguments: update this test"
    commands = _commands()
    for job, args in arguments.items():
        assert job in _jobs_with_timers(), f"OCOP_JOB_ARGS_{job} has no ocop-job@{job}.timer"
        if commands[job] == "django_tasks_db":
            result = subprocess.run(
                [sys.executable, "-c", TASKS_DB_PARSER, job, *args], capture_output=True, text=True
            )
            assert result.returncode == 0, result.stderr
        else:
            parser = load_command_class(commands[job], job).create_parser("manage.py", job)
            parser.parse_args(args)  # an unknown or misspelt option exits here


def test_the_job_template_passes_its_instance_and_that_instances_arguments():
    # systemd replaces %i when it loads ocop-job@backup.service, then $OCOP_JOB_ARGS_backup when
    # it starts it (word-split; unset: no argument). Quoting the variable ("$…" or ${…}) would
    # pass one empty argument to the jobs without arguments.
    template = _unit(JOB_TEMPLATE)
    exec_start = _one(template, "Service.ExecStart")
    assert exec_start == f"{APP}/.venv/bin/python manage.py %i $OCOP_JOB_ARGS_%i"
    # Every job's variable is set, empty, before the jobs' own values (the later line wins):
    # an unset one works too, but systemd then logs a warning at every run (every 5 minutes
    # for publish_scheduled), seen under systemd 257 in deploy/vm_rehearsal.sh's guest.
    environment = template["Service.Environment"]
    assert environment[0] == "OCOP_JOB_ARGS_%i="


def test_every_service_runs_as_ocop_from_the_checkout_with_the_one_environment_file():
    services = sorted(UNITS.glob("*.service"))
    assert {p.name for p in services} == {
        "ocop-web.service",
        "ocop-worker.service",
        "ocop-job@.service",
    }
    for path in services:
        unit = _unit(path)
        assert _one(unit, "Service.User") == "ocop", path.name
        assert _one(unit, "Service.Group") == "ocop", path.name
        assert _one(unit, "Service.WorkingDirectory") == APP, path.name
        assert _one(unit, "Service.EnvironmentFile") == "/etc/ocop/ocop.env", path.name
        for key in ("Service.ExecStartPre", "Service.ExecStart", "Service.ExecReload"):
            for command in unit.get(key, []):
                program = shlex.split(command)[0]
                assert program.startswith((f"{APP}/.venv/bin/", "/bin/")), (path.name, command)
        # ProtectSystem=strict leaves the checkout read-only: what a service writes is listed.
        assert _one(unit, "Service.ProtectSystem") == "strict", path.name
        writable = _one(unit, "Service.ReadWritePaths").split()
        assert "/srv/ocop/media" in writable, path.name
    job = _unit(JOB_TEMPLATE)
    assert "/srv/ocop/backups" in _one(job, "Service.ReadWritePaths").split()


def test_gunicorn_tells_systemd_when_it_is_ready():
    # Type=notify: systemd waits for the READY=1 that gunicorn's arbiter sends once the site is
    # loaded (preload_app) and listening, so `systemctl start ocop-web` fails when the site does.
    web = _unit(UNITS / "ocop-web.service")
    assert _one(web, "Service.Type") == "notify"
    assert _one(web, "Service.ExecStart").startswith(
        f"{APP}/.venv/bin/gunicorn -c deploy/gunicorn.conf.py "
    )


def test_the_readme_enables_every_timer_and_lists_it_in_the_schedule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deploying = readme.split("## Deploying", 1)[1].split("\n## ", 1)[0]
    enabled = set(re.findall(r"ocop-job@(\w+)\.timer", deploying))
    scheduled = set(re.findall(r"^\| `ocop-job@(\w+)` \|", deploying, flags=re.M))
    assert enabled == set(_jobs_with_timers())
    assert scheduled == set(_jobs_with_timers())


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_analyze_verify_finds_nothing_wrong(tmp_path):
    # A throwaway root with the layout of the README (an executable stand-in for the venv's
    # python and gunicorn, the environment file), so that verify checks the units, not this host.
    system = tmp_path / "etc/systemd/system"
    system.mkdir(parents=True)
    for path in UNITS.iterdir():
        shutil.copy(path, system / path.name)
    # The host's own units (sysinit.target, timers.target…), which ours are ordered after.
    (tmp_path / "usr/lib/systemd").mkdir(parents=True)
    (tmp_path / "usr/lib/systemd/system").symlink_to(Path("/usr/lib/systemd/system"))
    for program in (".venv/bin/python", ".venv/bin/gunicorn", "/bin/kill"):
        stub = tmp_path / (program[1:] if program.startswith("/") else f"srv/ocop/app/{program}")
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("#!/bin/sh\n")
        stub.chmod(0o755)
    (tmp_path / "etc/ocop").mkdir()
    (tmp_path / "etc/ocop/ocop.env").write_text("")
    names = [
        "ocop-web.service",
        "ocop-worker.service",
        *[f"ocop-job@{job}.service" for job in _jobs_with_timers()],
        *[f"ocop-job@{job}.timer" for job in _jobs_with_timers()],
    ]
    result = subprocess.run(
        ["systemd-analyze", "verify", f"--root={tmp_path}", "--man=no", *names],
        capture_output=True,
        text=True,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        # The host's own units, not ours (a container may lack what they depend on).
        if line.strip() and "ocop" in line
    ]
    assert result.returncode == 0 or not problems, result.stdout + result.stderr
    assert not problems, "\n".join(problems)


def test_every_service_runs_the_production_settings_even_if_the_environment_file_forgets_them():
    # manage.py defaults to the development settings: without this, the worker, every job and
    # the web unit's ExecStartPre steps would run DEBUG on against the production database.
    for path in sorted(UNITS.glob("*.service")):
        assert (
            "DJANGO_SETTINGS_MODULE=marketplace.settings.production"
            in _unit(path)["Service.Environment"]
        ), path.name
