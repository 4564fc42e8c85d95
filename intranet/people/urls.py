from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.my_profile, name="me"),
    path("me/edit/", views.edit_my_profile, name="edit_me"),
    path("me/where/", views.where_i_work, name="where_me"),
    path("teams/<slug:organisation>/", views.organisation_teams, name="teams"),
    path("teams/<slug:organisation>/<slug:team>/", views.team, name="team"),
    path("org-chart/<slug:organisation>/", views.org_chart, name="org_chart"),
    path("org-chart/<slug:organisation>/<slug:team>/", views.org_chart, name="team_chart"),
    path("<slug:slug>/", views.profile, name="profile"),
    path("<slug:slug>/vcard.vcf", views.vcard, name="vcard"),
]
