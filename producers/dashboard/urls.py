"""Every route of the producer dashboard (mounted at ``/cua-hang/quan-ly/``), in one list.

The views live in the ``views_*`` modules; URL keyword arguments naming objects follow
:data:`producers.dashboard.access.SCOPED_KWARGS` (the isolation test walks this list).
"""

from django.urls import path

from producers.dashboard import (
    views_accounts,
    views_batches,
    views_certificates,
    views_counter,
    views_credentials,
    views_enquiries,
    views_fairs,
    views_home,
    views_orders,
    views_products,
    views_sales,
    views_seasons,
    views_stock,
)

app_name = "producer_dashboard"
urlpatterns = [
    # home
    path("", views_home.HomeView.as_view(), name="home"),
    path("chon-chu-the/", views_home.ChooseProducerView.as_view(), name="choose"),
    # products
    path("san-pham/", views_products.ProductListView.as_view(), name="products"),
    path("san-pham/them/", views_products.ProductProposeView.as_view(), name="product_new"),
    path(
        "san-pham/<int:product_id>/", views_products.ProductEditView.as_view(), name="product_edit"
    ),
    # stock
    path("ton-kho/", views_stock.StockIndexView.as_view(), name="stock"),
    path("ton-kho/kho-online/", views_stock.LocationView.as_view(), name="stock_online"),
    path(
        "ton-kho/diem-ban/<int:place_id>/", views_stock.LocationView.as_view(), name="stock_place"
    ),
    path("ton-kho/gui-diem-ban/", views_stock.TransferView.as_view(), name="stock_transfer"),
    path(
        "ton-kho/so-kho/<int:movement_id>/",
        views_stock.MovementDetailView.as_view(),
        name="stock_movement",
    ),
    path("ton-kho/nguong/", views_stock.ThresholdsView.as_view(), name="stock_thresholds"),
    path(
        "ton-kho/nguong/<int:threshold_id>/xoa/",
        views_stock.ThresholdDeleteView.as_view(),
        name="stock_threshold_delete",
    ),
    path("ton-kho/ton-kho.csv", views_stock.StockExportView.as_view(), name="stock_export"),
    path("ton-kho/so-kho.csv", views_stock.LedgerExportView.as_view(), name="stock_ledger_export"),
    path("ton-kho/nhap-kiem-ke/", views_stock.CountImportView.as_view(), name="stock_import"),
    # seasons and pre-orders
    path("mua-vu/", views_seasons.SeasonIndexView.as_view(), name="seasons"),
    path(
        "mua-vu/<int:product_id>/", views_seasons.SeasonProductView.as_view(), name="season_product"
    ),
    path(
        "mua-vu/dat-truoc/<int:preorder_id>/huy/",
        views_seasons.PreorderCancelView.as_view(),
        name="preorder_cancel",
    ),
    # certificates
    path("chung-nhan/", views_certificates.CertificateListView.as_view(), name="certificates"),
    path(
        "chung-nhan/<int:certificate_id>/",
        views_certificates.CertificateDetailView.as_view(),
        name="certificate_detail",
    ),
    # product credentials (GI, trademarks, barcodes, VietGAP…)
    path("chung-chi/", views_credentials.CredentialListView.as_view(), name="credentials"),
    path(
        "chung-chi/<int:credential_id>/",
        views_credentials.CredentialDetailView.as_view(),
        name="credential_detail",
    ),
    # fairs
    path("hoi-cho/", views_fairs.FairListView.as_view(), name="fairs"),
    path("hoi-cho/<int:fair_id>/dang-ky/", views_fairs.FairApplyView.as_view(), name="fair_apply"),
    path(
        "hoi-cho/dang-ky/<int:application_id>/",
        views_fairs.FairApplicationView.as_view(),
        name="fair_application",
    ),
    path(
        "hoi-cho/dang-ky/<int:application_id>/nhan-hang/",
        views_fairs.FairApplicationPickupView.as_view(),
        name="fair_application_pickup",
    ),
    # orders
    path("don-hang/", views_orders.OrderListView.as_view(), name="orders"),
    path("don-hang/dong/<int:line_id>/", views_orders.LineView.as_view(), name="order_line"),
    path(
        "don-hang/<int:order_id>/phieu-dong-goi/",
        views_orders.PackingSlipView.as_view(),
        name="packing_slip",
    ),
    path(
        "don-hang/phieu-dong-goi/",
        views_orders.PackingSlipBatchView.as_view(),
        name="packing_slips",
    ),
    # batches (traceability)
    path("lo-hang/", views_batches.BatchListView.as_view(), name="batches"),
    path(
        "lo-hang/<int:batch_id>/nhan/", views_batches.BatchLabelsView.as_view(), name="batch_labels"
    ),
    # sales
    path("doanh-so/", views_sales.SalesView.as_view(), name="sales"),
    path("doanh-so.csv", views_sales.SalesCsvView.as_view(), name="sales_csv"),
    # wholesale enquiries
    path("mua-si/", views_enquiries.EnquiryListView.as_view(), name="enquiries"),
    path("mua-si/<int:enquiry_id>/", views_enquiries.EnquiryDetailView.as_view(), name="enquiry"),
    # accounts
    path("tai-khoan/", views_accounts.AccountsView.as_view(), name="accounts"),
    path(
        "tai-khoan/loi-moi/<uidb64>/<token>/",
        views_accounts.InviteAcceptView.as_view(),
        name="invite_accept",
    ),
    path("vao/", views_accounts.AfterLoginView.as_view(), name="after_login"),
    # counter
    path("quay/", views_counter.CounterIndexView.as_view(), name="counters"),
    path("quay/<int:place_id>/", views_counter.CounterView.as_view(), name="counter"),
]
