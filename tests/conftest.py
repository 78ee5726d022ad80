"""Test-wide set-up: no display, so Qt draws offscreen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
