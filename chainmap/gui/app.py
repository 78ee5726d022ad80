"""Starting and stopping the editor: the application object, fonts, the first window,
the ``--screenshot`` mode, and an orderly exit.

The exit path matters: PySide aborts at interpreter exit when a scene full of items
outlives the application, so every scene is disposed, every window closed and deleted,
and the application deleted explicitly before Python shuts down.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from chainmap import __version__
from chainmap.core.format.fileio import LoadResult, loads_map, read_file_bytes
from chainmap.core.format.problems import MapFileError
from chainmap.core.messages import msg

from .settings import APPLICATION, ORGANIZATION

SCREENSHOT_TIMEOUT_MS = 60_000
# Qt's offscreen platform says this about every window; it means nothing to a user.
_QUIET = ("This plugin does not support propagateSizeHints",)


def _qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    if kind == QtMsgType.QtDebugMsg or any(message.startswith(quiet) for quiet in _QUIET):
        return
    print(f"Qt: {message}", file=sys.stderr)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The running application, created if needed, with chainmap's names and fonts."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    install_fonts(app)
    from .i18n import install_language

    install_language(app)  # --lang, else View ▸ Language, else the system's; Qt's dialogs too
    return app


def install_fonts(app: QApplication) -> None:
    """Register the bundled CJK font and make Chinese fall back to it (render/fonts.py)."""
    from chainmap.render.fonts import apply_cjk_fallback, register_bundled_fonts

    register_bundled_fonts()
    apply_cjk_fallback(app)


def shutdown(app: QApplication) -> None:
    """Dispose every window's scene, close and delete the windows, then the application."""
    from .main_window import MainWindow

    for widget in list(QApplication.topLevelWidgets()):
        if isinstance(widget, MainWindow):
            widget.dispose()
    app.closeAllWindows()
    for widget in list(QApplication.topLevelWidgets()):
        if shiboken6.isValid(widget):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
    shiboken6.delete(app)
    gc.collect()


def run_editor(path: str | Path, screenshot: str | None = None, size: tuple[int, int] = (1600, 1000)) -> int:
    """Open the editor on ``path`` and run until it is closed; with ``screenshot``, save a
    picture of the window there once the map is drawn, and exit. Returns the exit status."""
    try:
        raw = read_file_bytes(path)
        result = loads_map(raw, str(path))
    except MapFileError as exc:
        print(exc.describe(), file=sys.stderr)
        return 1
    previous = qInstallMessageHandler(_qt_messages)
    app = create_application()
    status = _run(app, (result, raw), path, screenshot, size)
    shutdown(app)
    qInstallMessageHandler(previous)
    return status


def _run(app: QApplication, loaded: tuple[LoadResult, bytes], path: str | Path, screenshot: str | None,
         size: tuple[int, int]) -> int:
    from .main_window import MainWindow

    window = MainWindow(restore_settings=screenshot is None, remember=screenshot is None)
    if screenshot is not None:
        # Nobody is there to answer: a map another editor holds is only looked at.
        window.locks.ask_locked = lambda path, holder: "read_only"  # type: ignore[method-assign]
    window.files.set_loaded(loaded[0], Path(path), loaded[1])
    if screenshot is None:
        window.show()
        # After a crash: offer the unsaved work autosaved then, once the window is up.
        QTimer.singleShot(0, window.recovery.offer_recovery)
        return int(app.exec())

    outcome = {"status": 1}

    def grab() -> None:
        QCoreApplication.sendPostedEvents()  # layouts still pending (a label grown to its lines) settle first
        picture = window.grab()
        if picture.isNull() or not picture.save(str(screenshot), "PNG"):
            print(msg("chainmap: could not write the screenshot to {path}.", path=screenshot), file=sys.stderr)
        else:
            outcome["status"] = 0
        app.quit()

    def give_up() -> None:
        print(msg("chainmap: the window was never drawn; no screenshot."), file=sys.stderr)
        app.quit()

    # After the first paint of the canvas, let the event loop settle once more, then grab.
    window.canvas.first_painted.connect(lambda: QTimer.singleShot(100, grab))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    window.resize(*size)
    window.show()
    app.exec()
    return outcome["status"]
