from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    """The shared calendar: occurrences of events, iCalendar files and personal feeds."""

    name = "intranet.calendars"
    label = "calendars"
    verbose_name = "Shared calendar"
