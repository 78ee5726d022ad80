"""Paint a scene into a PNG file band by band, so memory stays bounded at any picture size.

The picture is painted in bands of whole rows (each band in tiles no wider than QPainter's
raster engine handles safely); QGraphicsScene.render asks the scene's index for the items a
band's rectangle touches, so an item is painted only in the bands it crosses. Each band's rows
are filtered ("Up") and compressed on a thread pool while the next band is painted: each band
is its own raw deflate stream ended by a sync flush, so the concatenation is one valid zlib
stream (the Adler-32 of all rows follows it), written as IDAT chunks by :class:`PngWriter`.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import BinaryIO

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# zlib's level: 3 compresses a map's flat colours nearly as well as 6, several times faster.
LEVEL = 3
IDAT_BYTES = 1 << 20  # the largest IDAT chunk written


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _deflate(rows: np.ndarray, last: bool) -> bytes:
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 9)
    return compressor.compress(rows.data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


class PngWriter:
    """Write a PNG to ``stream`` from bands of rows given in order (``channels`` 3 = RGB,
    4 = RGBA, 8 bits each); the bands are compressed on ``workers`` threads."""

    def __init__(self, stream: BinaryIO, width: int, height: int, channels: int, dots_per_metre: int,
                 workers: int = 2) -> None:
        self.stream, self.width, self.height, self.channels = stream, width, height, channels
        self.rows_written = 0
        self._adler = 1
        self._previous = np.zeros(width * channels, dtype=np.uint8)
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers))
        self._pending: deque[Future[bytes]] = deque()
        self._workers = max(1, workers)
        self._idat = bytearray()
        colour_type = 2 if channels == 3 else 6
        stream.write(SIGNATURE)
        stream.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)))
        stream.write(_chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)))
        self._idat += b"\x78\x9c"  # zlib header: deflate, 32 KB window

    def add_rows(self, pixels: np.ndarray) -> None:
        """Add the next rows: an array of ``rows × width × channels`` bytes (it may be a view
        of the painted tile: the rows are filtered into a copy before this returns)."""
        rows = pixels.reshape(pixels.shape[0], self.width * self.channels)
        # At most ``workers`` filtered bands exist at once, this one included: the oldest
        # is written before this one is made (a band is tens of MB).
        while len(self._pending) >= self._workers:
            self._emit(self._pending.popleft().result())
        filtered = np.empty((rows.shape[0], rows.shape[1] + 1), dtype=np.uint8)
        filtered[:, 0] = 2  # the "Up" filter: each byte minus the one above it
        np.subtract(rows[0], self._previous, out=filtered[0, 1:])
        np.subtract(rows[1:], rows[:-1], out=filtered[1:, 1:])
        self._previous = rows[-1].copy()
        self.rows_written += rows.shape[0]
        self._adler = zlib.adler32(filtered.data, self._adler)
        last = self.rows_written >= self.height
        self._pending.append(self._pool.submit(_deflate, filtered, last))
        del filtered
        while last and self._pending:
            self._emit(self._pending.popleft().result())

    def _emit(self, data: bytes) -> None:
        self._idat += data
        while len(self._idat) >= IDAT_BYTES:
            self.stream.write(_chunk(b"IDAT", bytes(self._idat[:IDAT_BYTES])))
            del self._idat[:IDAT_BYTES]

    def abort(self) -> None:
        """Stop after an error: drop the bands still being compressed."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()

    def close(self) -> None:
        """Finish the file (all rows must have been added); always stops the threads."""
        try:
            for future in self._pending:
                self._emit(future.result())
            self._pending.clear()
            if self.rows_written != self.height:
                raise ValueError(f"the PNG has {self.rows_written} of its {self.height} rows")
            self._idat += struct.pack(">I", self._adler & 0xFFFFFFFF)
            self.stream.write(_chunk(b"IDAT", bytes(self._idat)))
            self._idat.clear()
            self.stream.write(_chunk(b"IEND", b""))
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


def band_rows(width: int, height: int, band_pixels: int, max_side: int) -> int:
    """How many rows a band holds: about ``band_pixels`` pixels, at most ``max_side`` rows."""
    return max(1, min(height, max_side, band_pixels // max(1, width)))


def paint_png(stream: BinaryIO, paint: Callable[[QPainter, QRectF, QRectF], None], source: QRectF,
              factor: float, size: tuple[int, int], dpi: float, background: QColor | None, *,
              band_pixels: int, max_side: int) -> int:
    """Paint ``source`` (scene units, ``factor`` pixels each) into a PNG of ``size`` on
    ``stream``, band by band; ``paint(painter, target, part)`` paints one part of the scene.
    Returns how many tiles were painted."""
    width, height = size
    channels = 4 if background is None else 3
    paint_format = QImage.Format.Format_ARGB32_Premultiplied if background is None else QImage.Format.Format_RGB32
    final_format = QImage.Format.Format_RGBA8888 if background is None else QImage.Format.Format_RGB888
    rows_per_band = band_rows(width, height, band_pixels, max_side)
    writer = PngWriter(stream, width, height, channels, round(dpi / 0.0254), workers=min(2, os.cpu_count() or 1))
    tiles = 0
    try:
        for top in range(0, height, rows_per_band):
            h = min(rows_per_band, height - top)
            # A band one tile wide goes to the writer straight from the tile, without a copy.
            band = np.empty((h, width * channels), dtype=np.uint8) if width > max_side else None
            for left in range(0, width, max_side):
                w = min(max_side, width - left)
                tile = QImage(w, h, paint_format)
                if tile.isNull():
                    raise MemoryError(f"no memory for a tile of {w:,} × {h:,} pixels")
                tile.fill(Qt.GlobalColor.transparent if background is None else background)
                painter = QPainter(tile)
                part = QRectF(source.left() + left / factor, source.top() + top / factor, w / factor, h / factor)
                paint(painter, QRectF(0, 0, w, h), part)
                painter.end()
                tile.convertTo(final_format)
                pixels = np.frombuffer(tile.constBits(), dtype=np.uint8).reshape(h, tile.bytesPerLine())
                if band is None:
                    writer.add_rows(pixels[:, : w * channels])
                else:
                    band[:, left * channels:(left + w) * channels] = pixels[:, : w * channels]
                del pixels, tile
                tiles += 1
            if band is not None:
                writer.add_rows(band)
            del band
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return tiles
