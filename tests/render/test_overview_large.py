"""The far-zoom overview of a big map draws only the squares a repaint exposes (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF

from chainmap.render.overview import BUCKET, Buckets


def test_shapes_are_grouped_by_square_and_only_the_squares_meeting_the_area_are_drawn() -> None:
    buckets = Buckets()
    near = [QRectF(10 + i * 200, 20, 160, 60) for i in range(5)]
    far = QRectF(10 * BUCKET + 5, 3 * BUCKET + 5, 160, 60)
    for rect in [*near, far]:
        buckets.add_rect(rect)
    long_line = QLineF(5 * BUCKET + 1, 1.0, 5 * BUCKET + 1, 8 * BUCKET)  # reaches far down from its square
    buckets.add_line(long_line)
    assert len(buckets) == 7
    assert sorted(len(shapes) for shapes in buckets.shown(None)) == [1, 1, 5]
    assert buckets.shown(QRectF(0, 0, 500, 500)) == [near]
    assert buckets.shown(QRectF(10 * BUCKET, 3 * BUCKET, 50, 50)) == [[far]]
    # A line is drawn wherever it passes, not only in the square of its corner.
    assert buckets.shown(QRectF(5 * BUCKET - 10, 7 * BUCKET, 20, 20)) == [[long_line]]
    assert buckets.shown(QRectF(20 * BUCKET, 20 * BUCKET, 10, 10)) == []


def test_boxes_grouped_by_their_corner_keep_a_square_reaching_past_it() -> None:
    box = QRectF(BUCKET - 10, 0, 160, 60)  # its corner in square (0, 0), its body in (1, 0)
    buckets = Buckets.of_boxes({(0, 0): [box]}, 160, 60)
    assert len(buckets) == 1
    assert buckets.shown(QRectF(BUCKET + 100, 10, 5, 5)) == [[box]]
