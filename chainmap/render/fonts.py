"""Bundled CJK font registration and Chinese font fallback for Qt.

chainmap's maps are mostly Chinese text, but the app must also work on a
machine with no CJK font installed (minimal Linux images, CI, some Windows
installs without the East Asian font pack).  We therefore ship a subset of
Noto Sans CJK SC ("Noto Sans SC Chainmap", see ``resources/fonts/README.md``)
and put it right after the platform's default UI font in the font family list:

* Latin text keeps the native look of the platform's default sans font;
* any glyph that font lacks (all the hanzi, usually) comes from our font, so
  Chinese looks the same everywhere and never depends on what is installed;
* characters missing from our subset (rare hanzi outside GB2312, emoji, ...)
  still fall through to Qt's normal per-glyph system font fallback.

Use from the GUI / render entry point, after the QGuiApplication exists::

    app = QApplication(sys.argv)
    apply_cjk_fallback(app)

Only PySide6.QtGui is imported: this module belongs to the render layer and
must be usable headless (QGuiApplication + offscreen platform).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from chainmap.resources_path import resource_path

__all__ = ["apply_cjk_fallback", "register_bundled_fonts", "ui_font_families"]

log = logging.getLogger(__name__)

# Font IDs returned by QFontDatabase.addApplicationFont, and the families they
# provide, for this process.  None means "not registered yet".
_font_ids: list[int] | None = None
_families: list[str] = []


def _still_registered(font_ids: list[int]) -> bool:
    # Application fonts live in the QGuiApplication's font database; if the
    # application object was destroyed and a new one created (it happens in
    # test suites) the old IDs are gone and we must register again.
    return all(QFontDatabase.applicationFontFamilies(font_id) for font_id in font_ids)


def register_bundled_fonts() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` with Qt.

    Every ``*.otf`` file in the bundled fonts directory (found through
    :func:`chainmap.resources_path.resource_path`, so this works both in a
    source checkout and in an installed package) is added with
    ``QFontDatabase.addApplicationFont``.  Registration happens once per
    process; later calls just return the cached result (they register again
    only if the fonts were lost with a destroyed QGuiApplication).

    Returns:
        The family names the bundled fonts provide, in a stable order and
        without duplicates (Regular and Bold share one family), e.g.
        ``["Noto Sans SC Chainmap"]``.  An empty list if the fonts are missing
        or unreadable; that is logged, not raised, because the app still works
        with whatever fonts the system has.

    Raises:
        RuntimeError: if no QGuiApplication exists yet (Qt's font database is
            not available before that).
    """
    global _font_ids, _families
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_bundled_fonts() needs a QGuiApplication; create it first")
    if _font_ids is not None and _still_registered(_font_ids):
        return list(_families)

    font_ids: list[int] = []
    families: list[str] = []
    try:
        font_dir = resource_path("fonts")
    except FileNotFoundError as exc:
        # Logged rather than raised or warned: a missing font degrades the
        # rendering on CJK-less machines but must not stop the app.
        log.error("bundled fonts not found, Chinese may render as boxes: %s", exc)
        font_paths = []
    else:
        # Sorted so the family order (and which file wins a tie) is stable.
        font_paths = sorted(font_dir.glob("*.otf"))
        if not font_paths:
            log.error("no bundled .otf fonts in %s, Chinese may render as boxes", font_dir)

    for path in font_paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load bundled font %s", path)
            continue
        font_ids.append(font_id)
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)

    _font_ids, _families = font_ids, families
    return list(families)


def _default_sans_font() -> QFont:
    # The platform's UI font: Segoe UI on Windows, .AppleSystemUIFont on macOS,
    # the desktop's configured font (or fontconfig's "Sans Serif") on Linux.
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)


def _concrete_family(family: str, template: QFont | None = None) -> str:
    # "Sans Serif" (Qt's default on Linux without a desktop theme), "Serif",
    # "Monospace" are aliases that fontconfig resolves when the font is
    # loaded, and a family that is not installed is substituted then too.
    # Observed with Qt 6.11 + fontconfig: with ["Sans Serif", bundled] even
    # Latin text was drawn with the bundled font.  Pinning the first family
    # to the real font it resolves to on its own ("DejaVu Sans") fixes that.
    if not family:
        return family
    probe = QFont(template) if template is not None else QFont()
    probe.setFamilies([family])  # alone, so nothing else can be picked
    return QFontInfo(probe).family() or family


def _with_bundled_second(families: list[str], bundled: list[str], template: QFont | None = None) -> list[str]:
    # Primary family first (keeps Latin native), ours second (catches CJK
    # before any system font can), then the rest; no duplicates.
    primary = [_concrete_family(families[0], template)] if families else []
    ordered: list[str] = []
    for family in primary + bundled + families[1:]:
        if family and family not in ordered:
            ordered.append(family)
    return ordered


def ui_font_families() -> list[str]:
    """Return the family fallback list for UI and map text.

    The platform default sans-serif family comes first and the bundled CJK
    family (or families) second, e.g. ``["Segoe UI", "Noto Sans SC
    Chainmap"]``.  A generic alias such as Linux's ``"Sans Serif"`` is
    replaced by the real family it resolves to (e.g. ``"DejaVu Sans"``);
    otherwise Qt would draw Latin text with the bundled font as well.
    Registers the bundled fonts if that has not happened yet, so a
    QGuiApplication must exist.  If the bundled fonts are unavailable the
    list holds just the default family.

    Raises:
        RuntimeError: if no QGuiApplication exists.
    """
    bundled = register_bundled_fonts()
    default = _default_sans_font()
    return _with_bundled_second([default.family()], bundled, default)


def apply_cjk_fallback(app_or_font: QGuiApplication | QFont | None = None) -> QFont:
    """Make Chinese text fall back to the bundled font.

    Args:
        app_or_font: a ``QGuiApplication``/``QApplication`` (or ``None`` for
            the running instance), or a ``QFont``.

            * Application: its font gets ``QFont.setFamilies`` with the
              application font's current family first and the bundled family
              second (normally exactly :func:`ui_font_families`), and is
              installed with ``QGuiApplication.setFont`` so every widget and
              every ``QFont()`` created afterwards inherits it.
            * QFont: the font is modified in place the same way (its own
              primary family first, bundled family second, its other
              families after), for fonts built explicitly, e.g. scene labels
              that use a specific family or size.

    Latin text keeps using the first family (a generic alias is pinned to
    the real family it resolves to, see :func:`ui_font_families`); glyphs it
    lacks (the hanzi) come from the bundled font; characters neither has
    fall back further to the system fonts through Qt's normal per-glyph
    fallback.  Calling it again is harmless (no duplicate families).

    Note that a later ``font.setFamily(...)`` replaces the whole list; call
    this again on such fonts (or use ``setFamilies``).

    Returns:
        The resulting font (the application font, or the font passed in).

    Raises:
        RuntimeError: if no QGuiApplication exists.
        TypeError: if *app_or_font* is neither an application nor a QFont.
    """
    bundled = register_bundled_fonts()

    if isinstance(app_or_font, QFont):
        font = app_or_font
        font.setFamilies(_with_bundled_second(font.families() or [font.family()], bundled, font))
        return font

    app = app_or_font if app_or_font is not None else QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise TypeError(f"expected a QGuiApplication or QFont, got {type(app_or_font).__name__}")
    font = QGuiApplication.font()
    # setFamilies rather than setFamily + QFont.insertSubstitution: the list
    # is per-font, explicit and ordered, and it does not change how other
    # code that asks for the default family by name gets resolved.
    font.setFamilies(_with_bundled_second(font.families() or [font.family()], bundled, font))
    QGuiApplication.setFont(font)
    return font
