from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("<slug:slug>/", views.statement, name="statement"),
]
