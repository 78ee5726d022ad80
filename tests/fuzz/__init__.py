"""The fuzz suite (issue 8, deliverable 7): seeded mutations of the examples and the merge
copies, run through load, validate, save, the commands, layout, merge and export in-process.

A short run is part of every ``pytest`` run; ``CHAINMAP_FUZZ_ITERATIONS`` (and
``CHAINMAP_FUZZ_SEED``) select a long one (see :mod:`tests.fuzz.config` and the README).
"""
