"""Full-text extraction from library files, inside size, zip-bomb, length and time guards.

``extract_text(path, filename)`` never raises for a bad file: it returns an ``Extraction``
whose status says why nothing could be read, and the document is kept either way.
"""

from .runner import Extraction, extract_text

__all__ = ["Extraction", "extract_text"]
