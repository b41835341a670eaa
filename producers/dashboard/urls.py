"""The producer dashboard's URLs: each views module lists its own ``urlpatterns``."""

from producers.dashboard import (
    views_accounts,
    views_certificates,
    views_counter,
    views_home,
    views_orders,
    views_products,
    views_sales,
    views_stock,
)

app_name = "producer_dashboard"
urlpatterns = [
    *views_home.urlpatterns,
    *views_products.urlpatterns,
    *views_stock.urlpatterns,
    *views_certificates.urlpatterns,
    *views_orders.urlpatterns,
    *views_sales.urlpatterns,
    *views_accounts.urlpatterns,
    *views_counter.urlpatterns,
]
