"""The Qt-free core of chainmap: model, file format, validation, analysis, layout, merge.

Nothing in this package may import Qt; ``tests/core/test_layering.py`` and the
import-linter contract in ``pyproject.toml`` enforce that.
"""
