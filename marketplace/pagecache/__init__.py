"""A full-page cache for visitors who are not signed in (see :mod:`.middleware`)."""
