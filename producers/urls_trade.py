"""URLs of wholesale enquiries (*kết nối giao thương*), mounted at the site root inside
i18n_patterns, before Wagtail. Not in the page cache (its namespace is not listed there)."""

from django.urls import path

from producers import views_trade

app_name = "trade"

urlpatterns = [
    path("giao-thuong/thong-ke/", views_trade.enquiry_statistics, name="statistics"),
    path("giao-thuong/thong-ke.csv", views_trade.enquiry_statistics_csv, name="statistics_csv"),
    path("giao-thuong/<slug:slug>/", views_trade.enquiry_new, name="enquiry"),
    path("giao-thuong/<slug:slug>/da-gui/", views_trade.enquiry_sent, name="sent"),
]
