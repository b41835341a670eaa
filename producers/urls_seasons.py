"""URLs of the harvest calendar (*Lịch mùa vụ*) and its per-product iCalendar feeds, mounted at
the site root inside i18n_patterns, before Wagtail."""

from django.urls import path

from producers import views_seasons

app_name = "seasons"

urlpatterns = [
    path("lich-mua-vu/", views_seasons.calendar, name="calendar"),
    path("lich-mua-vu/<int:product_id>.ics", views_seasons.product_ics, name="product_ics"),
]
