"""The Qt-free core of chainmap: model, file format, merge, layout, analysis, routing.

- :mod:`.model` (with :mod:`.parts` and :mod:`.events`): the map and its mutators; the glossary
  of its names (Node = segment, Edge = link) is in its docstring. :mod:`.refs` names an item.
- :mod:`.format`: reading, checking and writing the file; :mod:`.merge`: merging copies and
  resolving conflicts; :mod:`.layout`: placing segments; :mod:`.analysis` and :mod:`.routing`.
- Small shared modules: :mod:`.ids`, :mod:`.vocabulary`, :mod:`.value_checks`, :mod:`.geometry`,
  :mod:`.diff`, :mod:`.map_sync`, :mod:`.textconv`, :mod:`.textsafe`, :mod:`.csvsafe`,
  :mod:`.cycles`, :mod:`.bulk`.

Nothing in this package may import Qt; ``tests/core/test_layering.py`` and the
import-linter contract in ``pyproject.toml`` enforce that. See ``docs/architecture.md``.
"""
