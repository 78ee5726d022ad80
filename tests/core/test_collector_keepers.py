"""A big map's objects stay out of the collector while any holder keeps them (the open map in
the window, its scene's routes): one of them letting go never thaws what the other keeps."""

from __future__ import annotations

import gc

from chainmap.core.bulk import give_back_to_collector, keep_out_of_collector


def test_objects_stay_frozen_until_the_last_holder_gives_them_back() -> None:
    assert gc.get_freeze_count() == 0
    window, routes, stranger = object(), object(), object()
    kept = [[i] for i in range(1000)]
    keep_out_of_collector(window)
    keep_out_of_collector(routes)
    keep_out_of_collector(routes)  # again after a slice: what was made since joins
    assert gc.get_freeze_count() >= len(kept)
    give_back_to_collector(stranger)  # never kept anything: changes nothing
    give_back_to_collector(routes)
    assert gc.get_freeze_count() >= len(kept)  # the window still keeps the map
    give_back_to_collector(window)
    assert gc.get_freeze_count() == 0
    give_back_to_collector(window)  # twice is harmless
    assert gc.get_freeze_count() == 0
