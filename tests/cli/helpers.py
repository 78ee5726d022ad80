"""Running ``chainmap`` as a user would: a subprocess, with real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_chainmap(*args: str, cwd: Path | None = None, input: str | None = None,
                 timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m chainmap.cli ARGS`` and return the finished process (text mode)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "chainmap.cli", *args],
        capture_output=True, text=True, cwd=cwd or ROOT, env=env, input=input, timeout=timeout,
    )
