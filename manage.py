#!/usr/bin/env python
"""Django's command-line utility for the OCOP Bắc Giang marketplace."""

import os
import sys


def main() -> None:
    """Run a management command, with the development settings unless told otherwise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
