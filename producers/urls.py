"""Public producer pages."""

from django.urls import path

from producers import views

app_name = "producers"
urlpatterns = [
    path("", views.ProducerListView.as_view(), name="list"),
    path("<slug:slug>/", views.ProducerDetailView.as_view(), name="detail"),
]
