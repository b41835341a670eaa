"""``manage.py backup [--output-dir DIR] [--keep N]``: database and media into a dated archive.

The daily timer (deploy/systemd/ocop-job@backup.timer) runs it with ``--keep=14``. Copy the
archives off the machine as well: a backup on the same disk does not survive the disk.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from marketplace.operations.backups import (
    BackupError,
    backup_create,
    backups_prune,
    media_object_storage,
)


class Command(BaseCommand):
    help = "Back up the database and the media into one dated .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, default=None, help="Where archives go (default: BACKUP_DIR)."
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="Keep only this many newest archives (0: keep all)."
        )

    def handle(self, *args, output_dir=None, keep=0, **options):
        output_dir = output_dir or settings.OCOP_BACKUP_DIR
        try:
            path = backup_create(
                db=connection.settings_dict,
                media_root=Path(settings.MEDIA_ROOT),
                media_storage=media_object_storage(),
                output_dir=Path(output_dir),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {path} ({path.stat().st_size} bytes)")
        for gone in backups_prune(output_dir=Path(output_dir), keep=keep):
            self.stdout.write(f"Old backup deleted: {gone}")
