"""How to undo what an importer wrote, per kind of object.

The imports app knows no content app (the library and the people directory import it, not
the other way round), so each owner registers, in its ``AppConfig.ready``, how to read an
object's state, put an earlier state back and delete it — through its own services. Pages
(Wagtail's ``Page``, any type) and redirects are registered here: restoring a page is
publishing (or re-saving as a draft) the revision it had before, which Wagtail's
``page_published`` signal hands on to ``home.services`` like any editor's publish.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

State = dict


@dataclass(frozen=True)
class Undoer:
    state: Callable[[models.Model], State]
    restore: Callable[[models.Model, State], None]
    delete: Callable[[models.Model], None]


_UNDOERS: dict[type, Undoer] = {}


def register(model: type[models.Model], undoer: Undoer) -> None:
    _UNDOERS[model] = undoer


def undoer_for(model: type[models.Model]) -> Undoer | None:
    """The undoer of ``model`` or its nearest registered parent class (any page type: Page)."""
    for cls in model.__mro__:
        if cls in _UNDOERS:
            return _UNDOERS[cls]
    return None


def state_of(obj: models.Model) -> State | None:
    undoer = undoer_for(type(obj))
    return undoer.state(obj) if undoer else None


# --- Pages ---------------------------------------------------------------------------------


def _page_state(page: Page) -> State:
    fresh = Page.objects.filter(pk=page.pk).values("latest_revision_id", "live").first() or {}
    return {"revision_id": fresh.get("latest_revision_id"), "live": fresh.get("live")}


def _page_restore(page: Page, state: State) -> None:
    revision = Revision.page_revisions.filter(pk=state.get("revision_id")).first()
    if revision is None:
        return
    if state.get("live"):
        revision.publish()  # Wagtail's page_published → home.services.page_published
    else:
        revision.as_object().save_revision()


def _page_delete(page: Page) -> None:
    page.specific.delete()  # search entries go with it (search.signals)


register(Page, Undoer(_page_state, _page_restore, _page_delete))


# --- Redirects -----------------------------------------------------------------------------


def _redirect_state(redirect: Redirect) -> State:
    return {
        "old_path": redirect.old_path,
        "redirect_page_id": redirect.redirect_page_id,
        "redirect_link": redirect.redirect_link,
    }


def _redirect_restore(redirect: Redirect, state: State) -> None:
    redirect.redirect_page_id = state["redirect_page_id"]
    redirect.redirect_link = state["redirect_link"]
    redirect.save()


register(Redirect, Undoer(_redirect_state, _redirect_restore, lambda redirect: redirect.delete()))
