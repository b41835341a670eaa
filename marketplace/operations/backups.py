"""Back up and restore the database and the media (uploads, certificate scans) as one archive.

An archive is ``ocop-backup-YYYYmmdd-HHMMSS.tar.gz`` holding ``manifest.json``, the database
(``database.pgdump``: ``pg_dump --format=custom``, or ``database.sqlite3``: SQLite's online
backup, consistent while the site runs) and ``media/``. PostgreSQL needs ``pg_dump`` and
``pg_restore`` of the server's major version or newer (Debian package postgresql-client).

Media on object storage (``MEDIA_S3_BUCKET``) is passed as ``media_storage``: its objects are read
through the storage into the same ``media/`` folder of the archive, and a restore writes them
back (and deletes the objects the archive does not hold), so one archive still restores the whole
site. That copies every object on each run: a large bucket is better served by the provider's
versioning or replication, with the archive kept for the database.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages

ARCHIVE_PREFIX = "ocop-backup-"


class BackupError(RuntimeError):
    """A dump, a restore or an archive that failed; the message says which and why."""


def _is_postgres(db: dict) -> bool:
    return db["ENGINE"].endswith("postgresql")


def _pg_env(db: dict) -> dict[str, str]:
    """libpq's variables for ``db`` (the password never appears on a command line)."""
    env = dict(os.environ)
    names = {
        "HOST": "PGHOST",
        "PORT": "PGPORT",
        "USER": "PGUSER",
        "PASSWORD": "PGPASSWORD",
        "NAME": "PGDATABASE",
    }
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


def media_object_storage():
    """The media storage when it is not the local ``MEDIA_ROOT`` (object storage), else ``None``:
    a file-system storage is archived by walking its folder, which keeps file dates."""
    storage = storages["default"]
    return None if isinstance(storage, FileSystemStorage) else storage


def storage_names(storage, folder: str = "") -> list[str]:
    """Every file name in ``storage`` (a Django storage) under ``folder``, sorted."""
    folders, files = storage.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += storage_names(storage, f"{folder}{sub}/")
    return sorted(names)


def backup_create(
    *, db: dict, media_root: Path, output_dir: Path, now: datetime | None = None, media_storage=None
) -> Path:
    """Write one dated archive of ``db`` (a Django DATABASES entry) and ``media_root`` (or, when
    given, the objects of ``media_storage``) into ``output_dir``; return its path. Written beside
    its final name, then renamed: a half-written archive never looks like a backup."""
    now = now or datetime.now()
    # An archive holds the whole database and the certificate scans: owner only, whatever the
    # umask (a folder made here is the owner's alone too).
    if not output_dir.is_dir():
        output_dir.mkdir(parents=True)
        output_dir.chmod(0o700)
    final = output_dir / f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="ocop-backup-") as work:
        work_dir = Path(work)
        if _is_postgres(db):
            dump = work_dir / "database.pgdump"
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
                env=_pg_env(db),
            )
        else:
            dump = work_dir / "database.sqlite3"
            source = sqlite3.connect(db["NAME"])
            target = sqlite3.connect(dump)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        if media_storage is not None:
            media_files = storage_names(media_storage)
        else:
            media_files = (
                sorted(
                    str(path.relative_to(media_root))
                    for path in media_root.rglob("*")
                    if path.is_file()
                )
                if media_root.is_dir()
                else []
            )
        manifest = {
            "created": now.isoformat(timespec="seconds"),
            "engine": "postgresql" if _is_postgres(db) else "sqlite",
            "database": dump.name,
            "media_files": len(media_files),
        }
        (work_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = final.with_name(final.name + ".partial")
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        partial.chmod(0o600)
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(work_dir / "manifest.json", arcname="manifest.json")
            archive.add(dump, arcname=dump.name)
            for name in media_files:
                if media_storage is None:
                    archive.add(media_root / name, arcname=f"media/{name}", recursive=False)
                    continue
                with media_storage.open(name, "rb") as handle:
                    data = handle.read()
                info = tarfile.TarInfo(f"media/{name}")
                info.size, info.mtime = len(data), int(now.timestamp())
                archive.addfile(info, io.BytesIO(data))
        partial.rename(final)
    return final


def backups_prune(*, output_dir: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest archives in ``output_dir``; return those deleted."""
    archives = sorted(output_dir.glob(f"{ARCHIVE_PREFIX}*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


def backup_restore(*, archive: Path, db: dict, media_root: Path, media_storage=None) -> dict:
    """Replace the database ``db`` and the contents of ``media_root`` (or, when given, the
    objects of ``media_storage``) with the archive's.

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
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    f"--dbname={db['NAME']}",
                    str(dump),
                ],
                env=_pg_env(db),
            )
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
        restored_media = work_dir / "media"
        if media_storage is not None:
            _restore_objects(restored_media, media_storage)
            return manifest
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        if restored_media.is_dir():
            shutil.copytree(restored_media, media_root, dirs_exist_ok=True)
    return manifest


def _restore_objects(restored_media: Path, storage) -> None:
    """Make ``storage`` hold exactly the files under ``restored_media``, under the same names."""
    for name in storage_names(storage):
        storage.delete(name)
    if not restored_media.is_dir():
        return
    for path in sorted(restored_media.rglob("*")):
        if path.is_file():
            name = path.relative_to(restored_media).as_posix()
            with path.open("rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:  # a storage that renamed it would break every link to it
                raise BackupError(f"The media storage saved {name} as {saved}.")
