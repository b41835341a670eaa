"""``manage.py restore ARCHIVE --yes``: replace the database and the media with an archive's.

Stop the web and worker services first (``systemctl stop ocop-web ocop-worker``), then start
them again; the database named by DATABASE_URL must exist (it may be empty).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from marketplace.operations.backups import BackupError, backup_restore, media_object_storage


class Command(BaseCommand):
    help = "Restore the database and the media from an archive made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm that the current database and media are replaced.",
        )

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            raise CommandError("This replaces the database and the media: add --yes to go on.")
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}")
        connection.close()  # pg_restore --clean drops tables this process must not hold open
        try:
            manifest = backup_restore(
                archive=archive,
                db=connection.settings_dict,
                media_root=Path(settings.MEDIA_ROOT),
                media_storage=media_object_storage(),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['engine']} backup of {manifest['created']} "
            f"and {manifest['media_files']} media files."
        )
