"""The chain analysis as plain data, in the shape ``chainmap analyze --json`` prints.

```
{"sources": [ids], "sinks": [ids],
 "segments": {"<id>": {"upstream": [ids], "downstream": [ids], "betweenness": 0.12}},
 "chokepoints": [{"segment": "<id>", "sinks": [ids]}],
 "coverage": {"<region code>" | "all": {"share": 0.5, "covered_sinks": [ids]}},
 "fill_gain": {"<region code>" | "all": [{"segment": "<id>", "share_after": 0.75}]}}
```
Id lists and the ``segments`` keys are sorted; chokepoints by segment id; regions in the map's
order, then ``"all"``; fill gains by ``share_after`` (highest first), then id, only those above
the current share. Shares and betweenness are rounded to :data:`DIGITS` decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .graph import ChainAnalysis

DIGITS = 6


def analysis_data(
    chain: ChainAnalysis, *, regions: Sequence[str] | None = None, segments: Sequence[str] | None = None
) -> dict[str, Any]:
    """The analysis as JSON-ready data; ``regions`` (codes or ``"all"``) limits coverage and fill
    gains, ``segments`` the per-segment part (both default to all)."""
    wanted_regions = list(regions) if regions is not None else chain.region_keys()
    betweenness = chain.betweenness.values
    if segments is None:
        closures = chain.every_upstream_and_downstream()
    else:
        closures = {segment: (chain.upstream(segment), chain.downstream(segment)) for segment in segments}
    return {
        "sources": list(chain.sources),
        "sinks": list(chain.sinks),
        "segments": {
            segment: {
                "upstream": closures[segment][0],
                "downstream": closures[segment][1],
                "betweenness": round(betweenness[segment], DIGITS),
            }
            for segment in sorted(closures)
        },
        "chokepoints": [
            {"segment": segment, "sinks": list(sinks)} for segment, sinks in chain.chokepoints.items()
        ],
        "coverage": {
            region: {"share": round(cover.share, DIGITS), "covered_sinks": list(cover.covered_sinks)}
            for region in wanted_regions
            for cover in [chain.coverage(region)]
        },
        "fill_gain": {
            region: [
                {"segment": gain.segment, "share_after": round(gain.share_after, DIGITS)}
                for gain in chain.fill_gains(region)
            ]
            for region in wanted_regions
        },
    }
