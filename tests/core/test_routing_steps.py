"""Router.route_steps: the whole-map route in small steps an editor can spread over idle
time, ending exactly where route_all ends."""

from __future__ import annotations

from pathlib import Path

from chainmap.core.format.fileio import load_map
from chainmap.core.routing import Router, routing_input

ROOT = Path(__file__).resolve().parents[2]


def test_route_steps_pauses_often_and_ends_with_route_alls_result() -> None:
    chain_map = load_map(ROOT / "examples" / "vehicles.chainmap.json").map
    whole = Router(routing_input(chain_map)).route_all()
    stepped = Router(routing_input(chain_map))
    pauses = sum(1 for _ in stepped.route_steps())
    assert pauses > len(chain_map.edges)  # at least one pause per link routed
    assert stepped.result.to_json() == whole.to_json()
    assert stepped.result.links and stepped.result.notes
