"""Back up and restore the database and the media (uploads, certificate scans) as one archive.

An archive is ``ocop-backup-YYYYmmdd-HHMMSS.tar.gz`` holding ``manifest.json``, the database
(``database.pgdump``: ``pg_dump --format=custom``, or ``database.sqlite3``: SQLite's online
backup, consistent while the site runs) and ``media/``. PostgreSQL needs ``pg_dump`` and
``pg_restore`` of the server's major version or newer (Debian package postgresql-client).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

ARCHIVE_PREFIX = "ocop-backup-"


class BackupError(RuntimeError):
    """A dump, a restore or an archive that failed; the message says which and why."""


def _is_postgres(db: dict) -> bool:
    return db["ENGINE"].endswith("postgresql")


def _pg_env(db: dict) -> dict[str, str]:
    """libpq's variables for ``db`` (the password never appears on a command line)."""
    env = dict(os.environ)
    names = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD",
             "NAME": "PGDATABASE"}
    for key, variable in names.items():
        if db.get(key):
            env[variable] = str(db[key])
    options = db.get("OPTIONS") or {}
    for key, variable in {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT"}.items():
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], *, env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is missing (apt-get install postgresql-client)") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()[-2000:]}") from error


def backup_create(*, db: dict, media_root: Path, output_dir: Path,
                  now: datetime | None = None) -> Path:
    """Write one dated archive of ``db`` (a Django DATABASES entry) and ``media_root`` into
    ``output_dir``; return its path. Written beside its final name, then renamed: a half-written
    archive never looks like a backup."""
    now = now or datetime.now()
    output_dir.mkdir(parents=True, exist_ok=True)
    final = output_dir / f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="ocop-backup-") as work:
        work_dir = Path(work)
        if _is_postgres(db):
            dump = work_dir / "database.pgdump"
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={dump}"], env=_pg_env(db))
        else:
            dump = work_dir / "database.sqlite3"
            source = sqlite3.connect(db["NAME"])
            target = sqlite3.connect(dump)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        media_files = sorted(
            str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
        ) if media_root.is_dir() else []
        manifest = {
            "created": now.isoformat(timespec="seconds"),
            "engine": "postgresql" if _is_postgres(db) else "sqlite",
            "database": dump.name,
            "media_files": len(media_files),
        }
        (work_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = final.with_name(final.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work_dir / "manifest.json", arcname="manifest.json")
            archive.add(dump, arcname=dump.name)
            for name in media_files:
                archive.add(media_root / name, arcname=f"media/{name}", recursive=False)
        partial.rename(final)
    return final


def backups_prune(*, output_dir: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest archives in ``output_dir``; return those deleted."""
    archives = sorted(output_dir.glob(f"{ARCHIVE_PREFIX}*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


def backup_restore(*, archive: Path, db: dict, media_root: Path) -> dict:
    """Replace the database ``db`` and the contents of ``media_root`` with the archive's.

    PostgreSQL: ``pg_restore --clean --if-exists`` into the (existing, possibly empty) database.
    SQLite: the file is replaced. Returns the archive's manifest.
    """
    with tempfile.TemporaryDirectory(prefix="ocop-restore-") as work:
        work_dir = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work_dir, filter="data")
        manifest = json.loads((work_dir / "manifest.json").read_text())
        dump = work_dir / manifest["database"]
        if manifest["engine"] == "postgresql":
            if not _is_postgres(db):
                raise BackupError("This archive holds a PostgreSQL dump; DATABASE_URL is SQLite.")
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                  "--exit-on-error", f"--dbname={db['NAME']}", str(dump)], env=_pg_env(db))
        else:
            if _is_postgres(db):
                raise BackupError("This archive holds SQLite; DATABASE_URL is PostgreSQL.")
            source = sqlite3.connect(dump)
            target = sqlite3.connect(db["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        restored_media = work_dir / "media"
        if restored_media.is_dir():
            shutil.copytree(restored_media, media_root, dirs_exist_ok=True)
    return manifest
