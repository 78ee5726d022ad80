"""The editor (PySide6): one window per open map.

- :mod:`.app` starts it; :mod:`.main_window` is a window; :mod:`.document` one open map (model,
  undo stack, file, selection); :mod:`.commands` the undo commands every edit is.
- :mod:`.canvas` (the map view and what the mouse and keys do there), :mod:`.inspector`,
  :mod:`.merge` (merge dialog, conflicts, compare, provenance), :mod:`.docks` (gaps,
  statistics), :mod:`.dialogs` (export, properties, templates), :mod:`.files` (open, save,
  locks, changes on disk, autosave and recovery).
- Shared: :mod:`.labels` (the UI's words), :mod:`.parsing` (typed text as values),
  :mod:`.widgets`, :mod:`.icons`, :mod:`.settings`.

See ``docs/architecture.md``.
"""
