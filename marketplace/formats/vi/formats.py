"""Dates as the rest of the site writes them, dd/mm/yyyy (Django's Vietnamese default is the long
"Ngày 1 tháng 12 năm 2026" and "01-12-2026"); number separators stay Django's Vietnamese ones."""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
