"""Signals that let the apps readers see (search, feeds) follow changes they don't own.

``content_changed``: sent with ``sender`` = the model class and ``pks`` = the changed rows
(for pages also ``root``: the page that was saved, whose descendants may have new addresses),
after their content or effective access was written; ``access_only=True`` when nothing but
their effective access changed (receivers may then copy just those facts, in bulk). Receivers
must work from the database (the senders have already saved), so it does not matter which
instance the sender held.
"""

from django.dispatch import Signal

content_changed = Signal()
