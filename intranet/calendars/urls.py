"""/events/: the shared calendar. Mounted before Wagtail's catch-all, so it wins over any
page that lives at /events/ under the shared home (organisations' /<org>/events/ stay pages)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.event_list, name="events_list"),
    path("month/<int:year>/<int:month>/", views.month, name="events_month"),
    path("<int:page_id>.ics", views.event_ics, name="events_event_ics"),
    path("feed/<str:token>.ics", views.feed, name="events_feed"),
    path("subscribe/", views.subscribe, name="events_subscribe"),
    path("subscribe/new-address/", views.regenerate, name="events_feed_regenerate"),
    path("subscribe/turn-off/", views.revoke, name="events_feed_revoke"),
]
