"""``manage.py backup`` and ``restore``: a round trip into a fresh database and an empty media
folder gives back the same rows and the same files.

On PostgreSQL (DATABASE_URL set, as in CI) the real test database is dumped with pg_dump and
restored with pg_restore into a fresh database created for the test; on SQLite a file database
stands in (the test database there lives in memory). The media folders are temporary folders.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from marketplace.operations.backups import backup_create, backup_restore, backups_prune
from tests.factories import UserFactory


def write_media(root: Path) -> dict[str, bytes]:
    files = {
        "ocop/chung-nhan/2026/chung-nhan-che.pdf": b"%PDF-1.4 scan",
        "producers/logo.png": b"\x89PNG logo",
    }
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return files


def read_media(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def pg_row_counts(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    tables = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump round trip: PostgreSQL only")
def test_postgres_backup_restores_into_a_fresh_database_with_same_rows_and_files(
    transactional_db, tmp_path
):
    import psycopg  # the restored database is read outside Django's connection

    # given committed rows and uploaded files
    UserFactory.create_batch(3)
    media = tmp_path / "media"
    files = write_media(media)
    with connection.cursor() as cursor:
        before = pg_row_counts(cursor)
    assert before["auth_user"] >= 3

    # when backed up, then restored into a fresh database and an empty media folder
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", output_dir=tmp_path / "backups")
    [archive] = (tmp_path / "backups").glob("ocop-backup-*.tar.gz")
    fresh = dict(connection.settings_dict, NAME=connection.settings_dict["NAME"] + "_restored")
    admin = psycopg.connect(
        host=fresh["HOST"],
        port=fresh["PORT"] or 5432,
        user=fresh["USER"],
        password=fresh["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}"')
    admin.execute(f'CREATE DATABASE "{fresh["NAME"]}"')
    try:
        backup_restore(archive=archive, db=fresh, media_root=tmp_path / "restored-media")
        with psycopg.connect(
            host=fresh["HOST"],
            port=fresh["PORT"] or 5432,
            user=fresh["USER"],
            password=fresh["PASSWORD"] or None,
            dbname=fresh["NAME"],
        ) as restored:
            after = pg_row_counts(restored.cursor())
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}" WITH (FORCE)')
        admin.close()

    # then
    assert after == before
    assert read_media(tmp_path / "restored-media") == files


def test_sqlite_backup_restores_the_same_rows_and_replaces_the_media(tmp_path):
    # given a SQLite site with rows, uploads, and a media folder that will be overwritten
    db_file = tmp_path / "site.sqlite3"
    with sqlite3.connect(db_file) as db:
        db.execute("CREATE TABLE product (id INTEGER PRIMARY KEY, title TEXT)")
        db.executemany(
            "INSERT INTO product (title) VALUES (?)", [("Chè Yên Thế",), ("Vải thiều Lục Ngạn",)]
        )
    files = write_media(tmp_path / "media")
    archive = backup_create(
        db={"ENGINE": "django.db.backends.sqlite3", "NAME": str(db_file)},
        media_root=tmp_path / "media",
        output_dir=tmp_path / "backups",
    )
    target_media = tmp_path / "restored-media"
    (target_media / "stray.txt").parent.mkdir(parents=True)
    (target_media / "stray.txt").write_text("not in the backup")

    # when restored into a new file
    restored = tmp_path / "restored.sqlite3"
    manifest = backup_restore(
        archive=archive,
        db={"ENGINE": "django.db.backends.sqlite3", "NAME": str(restored)},
        media_root=target_media,
    )

    # then
    assert manifest["engine"] == "sqlite" and manifest["media_files"] == 2
    with sqlite3.connect(restored) as db:
        titles = [row[0] for row in db.execute("SELECT title FROM product ORDER BY id")]
    assert titles == ["Chè Yên Thế", "Vải thiều Lục Ngạn"]
    assert read_media(target_media) == files


def test_only_the_newest_backups_are_kept(tmp_path):
    for stamp in ("20260101-020000", "20260102-020000", "20260103-020000"):
        (tmp_path / f"ocop-backup-{stamp}.tar.gz").write_bytes(b"x")
    gone = backups_prune(output_dir=tmp_path, keep=2)
    assert [p.name for p in gone] == ["ocop-backup-20260101-020000.tar.gz"]
    assert len(list(tmp_path.glob("*.tar.gz"))) == 2


def test_restore_without_confirmation_changes_nothing(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x.tar.gz"))


def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    # An archive holds the whole database (password hashes, addresses) and the certificate scans:
    # it must not be readable by other accounts on the server, whatever the umask.
    import os
    import stat

    db_file = tmp_path / "site.sqlite3"
    sqlite3.connect(db_file).close()
    old_umask = os.umask(0o002)  # a by-hand shell's usual umask
    try:
        archive = backup_create(
            db={"ENGINE": "django.db.backends.sqlite3", "NAME": str(db_file)},
            media_root=tmp_path / "media",
            output_dir=tmp_path / "new-backups",
        )
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.parent.stat().st_mode) == 0o700
