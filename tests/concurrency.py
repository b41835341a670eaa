"""What every test racing threads against PostgreSQL row locks shares."""

import pytest
from django.conf import settings

#: ``pytestmark`` of such a module: skipped unless on PostgreSQL (SQLite locks the whole file,
#: so it proves nothing), real transactions (each thread commits on its own connection), and
#: the rows data migrations made are kept (a transactional test flushes the tables after).
ROW_LOCK_TESTS = [
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="row locks need PostgreSQL (run with DATABASE_URL=postgresql://…)",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_keep_migration_rows"),
]
