"""New maps from templates: the examples' structure, none of their facts, new ids."""

from __future__ import annotations

import pytest

from chainmap.core.format.fileio import load_map, loads_map
from chainmap.core.format.serialize import dumps_map
from chainmap.core.ids import is_valid_id
from chainmap.examples_path import example_path, examples_dir
from chainmap.gui.dialogs.templates import blank_map, new_map_from_template, template_names

SLUGS = [slug for slug, _ in template_names()]


def test_six_chains_each_with_its_example():
    names = template_names()
    assert [name for _, name in names] == [
        "新能源和智能网联汽车", "生物医药", "网络安全和工业互联网", "氢能", "高端工业母机", "机器人",
    ]
    for slug, chain in names:
        assert load_map(example_path(slug)).map.chain == chain
    assert example_path("vehicles.chainmap.json") == examples_dir() / "vehicles.chainmap.json"
    with pytest.raises(FileNotFoundError, match="no example"):
        example_path("no-such-chain")


@pytest.mark.parametrize("slug", SLUGS)
def test_template_keeps_structure_and_drops_facts(slug):
    source = load_map(example_path(slug)).map
    new = new_map_from_template(slug)
    reloaded = loads_map(dumps_map(new), slug).map  # valid: loads without errors
    assert reloaded.id != source.id and is_valid_id(reloaded.id)
    assert new.chain == source.chain
    assert new.region_codes() == ["CN-BJ", "CN-TJ", "CN-HE"]
    assert [(t.id, t.name) for t in new.tiers] == [(t.id, t.name) for t in source.tiers]
    assert [(n.name, n.tier, n.x, n.y) for n in new.nodes] == [(n.name, n.tier, n.x, n.y) for n in source.nodes]
    # Parents and links keep their shape under the new ids.
    names = {n.id: n.name for n in new.nodes}
    source_names = {n.id: n.name for n in source.nodes}
    assert [names.get(n.parent) for n in new.nodes] == [source_names.get(n.parent) for n in source.nodes]
    assert [(names[e.source], names[e.target], e.label) for e in new.edges] == [
        (source_names[e.source], source_names[e.target], e.label) for e in source.edges
    ]
    old_ids = {n.id for n in source.nodes} | {e.id for e in source.edges}
    assert not old_ids & ({n.id for n in new.nodes} | {e.id for e in new.edges})
    assert all(not n.regions for n in new.nodes)
    assert all(not e.flows and e.note is None for e in new.edges)
    assert not new.notes and not new.conflicts and not new.deleted
    assert new.lead is None and new.owner is None
    # Two maps from one template share no id either.
    assert new_map_from_template(slug).id != new.id


def test_blank_map_and_unknown_template():
    blank = blank_map()
    loads_map(dumps_map(blank))
    assert blank.title == "新产业链图谱"
    assert [r.name for r in blank.regions] == ["北京", "天津", "河北"]
    assert [t.name for t in blank.tiers] == ["上游", "中游", "下游"]
    assert not blank.nodes and not blank.edges
    assert blank_map().id != blank.id
    with pytest.raises(KeyError):
        new_map_from_template("textiles")
