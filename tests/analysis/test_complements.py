"""The setting a duration is spent in ('in state prison' / 'in county jail'), invented inputs."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.complements import setting_conflicts
from newsprism.analysis.figures import figure_groups
from newsprism.analysis.sources import independent_sources


def _run(texts: dict[str, str]) -> list[object]:
    brief = make_brief(texts, ("sentences",))
    sources = independent_sources(brief.articles)
    return setting_conflicts(brief, sources, figure_groups(brief.articles, sources))


def test_one_span_in_different_settings_is_a_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "Judge Ola Brant sentenced Tomas Reed to eight months in state prison on Monday.",
            "Herald": "Judge Ola Brant sentenced Tomas Reed to eight months in county jail on Monday.",
            "Post": "Tomas Reed was sentenced to eight months in jail, Judge Ola Brant ruled Monday.",
        }
    )
    assert disc.what == "where the eight months are spent"
    assert sorted(sorted(v.outlets) for v in disc.values) == [["Herald", "Post"], ["Wire"]]


def test_fp_one_setting_told_with_more_detail_or_a_manner_is_not_a_conflict() -> None:
    assert not _run(
        {
            "Wire": "Judge Ola Brant sentenced Tomas Reed to eight months in state prison on Monday.",
            "Herald": "Judge Ola Brant sentenced Tomas Reed to eight months in prison on Monday.",
        }
    )
    assert not _run(
        {
            "Wire": "Nadia Frey spent three weeks in total at the Korvel clinic last spring.",
            "Herald": "Nadia Frey spent three weeks in hospital at the Korvel clinic last spring.",
        }
    )


def test_fp_an_outlet_naming_both_settings_is_not_a_side() -> None:
    assert not _run(
        {
            "Wire": "Tomas Reed got eight months in jail. He served eight months in prison before.",
            "Herald": "Judge Ola Brant sentenced Tomas Reed to eight months in county jail on Monday.",
        }
    )


def test_fp_bare_jail_against_bare_prison_is_loose_wording() -> None:
    # seen on an unkeyed AllSides story: 'eight months in jail' / 'eight months in prison'
    assert not _run(
        {
            "Wire": "Tomas Reed was sentenced Monday to eight months in jail for the break-in.",
            "Herald": "Tomas Reed was sentenced Monday to eight months in prison for the break-in.",
        }
    )
