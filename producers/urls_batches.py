"""Public batch pages (mounted inside i18n_patterns, before Wagtail): what a label's QR opens."""

from django.urls import path, re_path

from producers import views

app_name = "batches"
urlpatterns = [
    path("lo-hang/<str:code>/qr.png", views.batch_qr_png, name="qr-png"),
    path("lo-hang/<str:code>/qr.svg", views.batch_qr_svg, name="qr-svg"),
    path("lo-hang/<str:code>/", views.batch_detail, name="detail"),
    # A mistyped code gets the clear "not found" page rather than Wagtail's.
    re_path(r"^lo-hang/(?P<code>.*)$", views.batch_detail),
]
