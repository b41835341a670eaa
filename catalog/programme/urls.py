"""URLs of the programme's public records (mounted inside i18n_patterns, before Wagtail)."""

from django.urls import path, re_path

from catalog.programme import views as views_records

app_name = "records"

urlpatterns = [
    path("chung-nhan/", views_records.registry_list, name="registry"),
    path("chung-nhan/du-lieu.csv", views_records.registry_csv, name="registry-csv"),
    path("chung-nhan/du-lieu.json", views_records.registry_json, name="registry-json"),
    path("chung-nhan/du-lieu.schema.json", views_records.registry_schema, name="registry-schema"),
    path("chung-nhan/tien-do/", views_records.progress_summary, name="progress"),
    path("chung-nhan/tien-do.csv", views_records.progress_csv, name="progress-csv"),
    path("chung-nhan/dieu-phoi/", views_records.progress_dashboard, name="dashboard"),
    # Any text after /xac-minh/ reaches the view, so a mistyped code gets the clear
    # "not found" page rather than Wagtail's.
    path("xac-minh/<str:code>/qr.png", views_records.qr_png, name="qr-png"),
    path("xac-minh/<str:code>/qr.svg", views_records.qr_svg, name="qr-svg"),
    path("xac-minh/<str:code>/", views_records.verify, name="verify"),
    re_path(r"^xac-minh/(?P<code>.*)$", views_records.verify),
]
