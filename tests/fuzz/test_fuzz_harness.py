"""The fuzz suite's own judges notice what they look for: an escaping exception, a refusal
without a place, a control character on a terminal, a formula cell, a key written twice."""

from __future__ import annotations

import json
import random

import pytest

from chainmap.core.format.fileio import loads_map
from chainmap.core.format.problems import MapLoadError, Problem

from .cli_checks import _judge, _judge_csv
from .config import EXAMPLES
from .findings import Findings, problem_faults
from .jsontext import DupDict, encode
from .mutate_fields import op_duplicate_key


def test_an_exception_escaping_a_step_is_a_finding_placed_in_chainmap() -> None:
    findings = Findings()
    with findings.guard("case 1", "load"):
        loads_map(b"{}", "x").map.node(7)  # type: ignore[arg-type]
    with findings.guard("case 1", "load"):
        loads_map(b"{", "x")
    # The clean refusal (MapLoadError) escaped too: a step must catch what it allows.
    assert [f.signature.split(" at ")[0] for f in findings.items] == ["load: MapLoadError"] * 2
    assert "fileio.py" in findings.items[0].signature


def test_a_refusal_must_say_file_place_and_reason() -> None:
    assert problem_faults(Problem("error", "/nodes/0/tier", "Tier 'x' is not declared."), "a.json") == []
    assert problem_faults(Problem("error", "", "The file is empty."), "a.json") == []
    assert problem_faults(Problem("error", "", "Something is wrong."), "a.json") == [
        "a message with no place that is not about the whole file"]
    assert problem_faults(Problem("error", "/x", " "), "a.json") == ["an empty message"]


def test_terminal_output_and_csv_are_judged() -> None:
    findings = Findings()
    _judge(findings, "c", ["info", "a.json"], 0, (0, 1), "名称 \x1b[2J", "a.json: fine\nstray line", True)
    _judge_csv(findings, "c", "\ufeffname\r\n=HYPERLINK(1)\r\n", tty=False)
    _judge_csv(findings, "c", "name\r\n'=1\r\n", tty=False)
    assert sorted(f.signature for f in findings.items) == [
        "chainmap info: a control character raw on its output",
        "chainmap info: a message naming no file",
        "chainmap lists --csv: CSV without the UTF-8 byte-order mark",
        "chainmap lists --csv: a formula cell",
    ]


def test_a_key_written_twice_reaches_the_loader_twice() -> None:
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"), object_pairs_hook=DupDict)
    assert "twice" in (op_duplicate_key(data, random.Random(3)) or "")
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"), object_pairs_hook=DupDict)
    data["nodes"][0].repeats.append((0, "name", "另一个名字"))
    with pytest.raises(MapLoadError, match="'name' appears twice in the object at /nodes/0"):
        loads_map(encode(data))
