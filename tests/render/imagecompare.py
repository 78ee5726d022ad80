"""Compare rendered images with approved ones within a tolerance (as pyqtgraph's
``tests/image_testing.py``). ``CHAINMAP_UPDATE_APPROVED=1`` rewrites the approved images."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

APPROVED = Path(__file__).resolve().parent / "approved"
# A pixel differs when a channel is off by more than this; an image differs when more than
# this fraction of its pixels do (antialiasing and font rasterising vary a little).
PIXEL_TOLERANCE = 40
MAX_DIFFERING = 0.01


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return data[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(np.int16)


def assert_matches_approved(path: str | Path, name: str) -> None:
    """Fail unless the PNG at ``path`` matches ``approved/NAME.png`` within the tolerances."""
    approved = APPROVED / f"{name}.png"
    if os.environ.get("CHAINMAP_UPDATE_APPROVED") == "1":
        APPROVED.mkdir(exist_ok=True)
        approved.write_bytes(Path(path).read_bytes())
        return
    assert approved.exists(), f"no approved image {approved}; run with CHAINMAP_UPDATE_APPROVED=1 and look at it"
    got, want = QImage(str(path)), QImage(str(approved))
    assert got.size() == want.size(), f"{name}: size {got.size().toTuple()} != approved {want.size().toTuple()}"
    diff = np.abs(pixels(got) - pixels(want)).max(axis=2)
    differing = float((diff > PIXEL_TOLERANCE).mean())
    if differing > MAX_DIFFERING:
        failed = Path(path).with_name(f"{name}-failed.png")
        failed.write_bytes(Path(path).read_bytes())
        raise AssertionError(
            f"{name}: {differing:.2%} of pixels differ from {approved} (more than {MAX_DIFFERING:.0%}); "
            f"the new image is {failed}. If the change is intended, look at it and run with "
            "CHAINMAP_UPDATE_APPROVED=1."
        )
