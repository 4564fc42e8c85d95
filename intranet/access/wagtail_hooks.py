from wagtail import hooks

from .serving import guard_document, guard_page

hooks.register("before_serve_page", guard_page)
hooks.register("before_serve_document", guard_document)
