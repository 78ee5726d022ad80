"""``chainmap edit [FILE] [--screenshot OUT.png]``: open the editor.

``chainmap`` with no argument opens the editor on the bundled vehicles example. Qt is imported
only when the editor starts, so the other commands run where Qt cannot be imported; when it
cannot, or when there is no display to open a window on, this says so plainly and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from chainmap.core.messages import msg
from chainmap.core.textsafe import terminal_safe
from chainmap.examples_path import example_path

DEFAULT_EXAMPLE = "vehicles"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "edit",
        help=msg("open a map in the editor (the vehicles example without FILE)"),
        description=msg("Open the chain-map editor on FILE, or on the bundled vehicles example. "
            "With --screenshot, open the window offscreen, save a picture of it and exit."),
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help=msg("the map to open"))
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help=msg("save a picture of the editor window to OUT.png and exit")
    )
    parser.add_argument(
        "--size", metavar="WxH", default="1600x1000", help=msg("window size for --screenshot (default 1600x1000)")
    )
    parser.set_defaults(run=run)


def default_example() -> Path | None:
    """The bundled vehicles example (``chainmap/examples`` installed, ``examples/`` in a
    checkout), or ``None`` when it is not installed."""
    try:
        return example_path(DEFAULT_EXAMPLE)
    except FileNotFoundError:
        return None


def _parse_size(text: str) -> tuple[int, int] | None:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        return None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        return None
    return width, height


def _say(message: str) -> None:
    print(terminal_safe(f"chainmap: {message}", keep_newlines=True), file=sys.stderr)


def display_problem() -> str | None:
    """Why no window can be opened here, or ``None`` when it looks possible.

    Qt aborts the process when its platform plugin finds no display, which Python cannot
    catch; so look first.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "wayland"):
        return None
    if not sys.platform.startswith("linux"):
        return None
    display = os.environ.get("DISPLAY", "")
    if platform.startswith("xcb") or not os.environ.get("WAYLAND_DISPLAY"):
        if not display:
            return msg(
                "there is no display to open the editor on (DISPLAY is not set). Run it in a "
                "desktop session, or use 'chainmap edit FILE --screenshot OUT.png' for a picture."
            )
        if display.startswith(":"):
            number = display[1:].split(".")[0]
            if number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
                return msg("the display {display} is not running, so the editor cannot open a window.", display=display)
    return None


def run(args: argparse.Namespace) -> int:
    path = args.file
    if path is None:
        found = default_example()
        if found is None:
            _say(msg("the bundled example {example} is not installed; give a FILE to open.", example=DEFAULT_EXAMPLE))
            return 1
        path = str(found)
    elif not os.path.exists(path):
        _say(msg("{path}: there is no such file.", path=path))
        return 1
    size = _parse_size(args.size)
    if size is None:
        _say(msg("--size {size!r}: give WIDTHxHEIGHT, e.g. 1600x1000.", size=args.size))
        return 2
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        problem = display_problem()
        if problem is not None:
            _say(problem)
            return 1
    try:
        from chainmap.gui.app import run_editor
    except ImportError as exc:
        _say(msg("the editor needs Qt (PySide6), which cannot be loaded here ({error}). "
                 "The other commands (validate, format, info, ...) work without it.", error=exc))
        return 1
    return run_editor(path, screenshot=args.screenshot, size=size)


def run_default() -> int:
    """``chainmap`` with no argument: the editor on the bundled vehicles example."""
    return run(argparse.Namespace(file=None, screenshot=None, size="1600x1000"))
