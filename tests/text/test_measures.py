"""Lengths, masses and areas: ranges, conversions, and 'm' as metres or million."""

from __future__ import annotations

from newsprism.text.measures import find_measures, unit_name
from newsprism.text.quantities import describe, find_quantities


def test_a_range_with_conversions_is_one_measure_in_its_own_unit() -> None:
    m, conv = find_measures("The crates were between 3 meters (9.8 ft) and 11 meters (36 ft) long.")
    assert (m.low, m.high, m.unit, m.text) == (3, 11, "metre", "between 3 meters and 11 meters")
    assert (conv.low, conv.high, conv.unit, conv.converted) == (9.8, 36, "foot", True)
    q, conv_q = find_quantities("Crews saw slabs ranging from 4m to 9m (13ft to 30ft) in size.")
    assert (q.kind, q.unit, q.low, q.high) == ("measure", "metre", 4, 9)
    assert describe(q) == "4 to 9 metres" and describe(conv_q) == "13 to 30 feet"


def test_a_conversion_is_its_own_measure_so_outlets_in_either_unit_compare() -> None:
    """'a 4,100-metre (13,451-foot) peak' / 'the 13,410-foot (4,087 m) peak'."""
    first = [(q.unit, q.low) for q in find_quantities("the 4,100-metre (13,451-foot) peak")]
    second = [(q.unit, q.low) for q in find_quantities("the 13,410-foot (4,087 m) peak")]
    assert first == [("metre", 4100), ("foot", 13451)]
    assert second == [("foot", 13410), ("metre", 4087)]


def test_m_is_million_unless_converted_or_sized() -> None:
    kinds = [(q.kind, q.unit) for q in find_quantities("The club paid £7m for a striker.")]
    assert kinds == [("money", "GBP")]
    (viewers,) = find_quantities("The final drew 3m viewers.")
    assert (viewers.kind, viewers.low) == ("count", 3_000_000)
    (wall,) = find_quantities("The wall is 3m tall.")
    assert (wall.kind, wall.unit, wall.low) == ("measure", "metre", 3)


def test_hedges_attributive_measures_and_units_never_mixed() -> None:
    (q,) = find_quantities("The ferry sank about 40 miles off the cape.")
    assert (q.kind, q.unit, q.bound, describe(q)) == ("measure", "mile", "approx", "about 40 miles")
    boat = [q for q in find_quantities("They sent three 31-foot boats.") if q.kind == "measure"]
    assert [(q.low, q.unit, q.noun) for q in boat] == [(31, "foot", "boats")]
    assert [(m.low, m.high) for m in find_measures("from 2 km to 5 miles")] == [(2, 2), (5, 5)]
    assert unit_name("foot", 2) == "feet" and unit_name("mile", 1) == "mile"
