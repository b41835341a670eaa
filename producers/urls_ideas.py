"""URLs of a producer's product ideas and business plans (OCOP steps 2–3), mounted at the site
root inside i18n_patterns, before Wagtail."""

from django.urls import path

from producers import views_ideas

app_name = "ideas"

urlpatterns = [
    path("y-tuong/", views_ideas.idea_list, name="list"),
    path("y-tuong/moi/", views_ideas.idea_new, name="new"),
    path("y-tuong/<int:pk>/", views_ideas.idea_detail, name="detail"),
]
