"""Idle work takes turns: one slice per pass of the event loop, none kept waiting for ever."""

from __future__ import annotations

import pytest

from chainmap.render import idle_turns


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand (seconds)."""
    now = [1000.0]
    monkeypatch.setattr(idle_turns.time, "perf_counter", lambda: now[0])
    monkeypatch.setattr(idle_turns, "_last_end", float("-inf"))
    monkeypatch.setattr(idle_turns, "_waiting_since", {})
    return now


def test_a_slice_right_after_another_waits_for_the_next_pass(clock) -> None:
    routing, filling = object(), object()
    assert idle_turns.may_run(routing)
    clock[0] += 0.008
    idle_turns.ran()
    assert not idle_turns.may_run(filling)  # the same pass: back to back
    clock[0] += 0.005  # the event loop went round (a paint, a key press)
    assert idle_turns.may_run(filling)


def test_work_kept_waiting_long_enough_runs_anyway(clock) -> None:
    routing, filling = object(), object()
    assert idle_turns.may_run(routing)
    idle_turns.ran()
    assert not idle_turns.may_run(filling)
    for _ in range(100):  # the other work always runs just before it
        clock[0] += 0.008
        idle_turns.ran()
        if idle_turns.may_run(filling):
            break
    assert clock[0] - 1000.0 >= idle_turns.MAX_WAIT
    idle_turns.ran()
    assert not idle_turns.may_run(filling)  # waiting afresh: it ran


def test_forgotten_work_waits_afresh(clock) -> None:
    filling = object()
    idle_turns.ran()
    assert not idle_turns.may_run(filling)
    idle_turns.forget(filling)
    assert idle_turns._waiting_since == {}
