"""URL map: Wagtail's site at ``/``, the storefront under ``/cua-hang/``, admins at their own paths.

Vietnamese pages have no prefix; English ones live under ``/en/``. Wagtail's catch-all is last.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from marketplace import views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("dia-chi/xa-phuong.json", views.wards_json, name="wards"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cms_views.sitemap_xml, name="sitemap"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("cua-hang/nha-san-xuat/", include("producers.urls")),
    path("cua-hang/quan-ly/", include("producers.dashboard.urls")),  # the producer dashboard
    path("cua-hang/", include(apps.get_app_config("oscar").urls[0])),
    path("", include("catalog.programme.urls")),  # /chung-nhan/, /xac-minh/<code>/
    path("", include("producers.urls_ideas")),  # /y-tuong/
    path("", include("producers.urls_trade")),  # /giao-thuong/
    path("", include("producers.urls_batches")),  # /lo-hang/<code>/
    path("", include("producers.urls_seasons")),  # /lich-mua-vu/
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
