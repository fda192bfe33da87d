"""A manifest entry applied to an article a reader made: the manifest's fields win."""

from __future__ import annotations

from newsprism.errors import NewsprismError
from newsprism.ingest.base import make_article_noting
from newsprism.ingest.outlets import outlet_cue
from newsprism.model import Article

_KEPT = ("title", "author", "url", "date", "stance")


def with_metadata(
    article: Article, meta: dict[str, object], source: str
) -> tuple[Article, list[NewsprismError]]:
    """The article rebuilt with the manifest's metadata (its id depends on outlet and title), and
    notices naming the manifest (``source``) for the fields it had to drop.

    A manifest URL names the outlet only when the reader found no better name than a cue.
    """
    fields: dict[str, object] = {k: getattr(article, k) for k in _KEPT}
    fields.update({k: v for k, v in meta.items() if k in _KEPT and v not in (None, "")})
    outlet = meta.get("outlet")
    if outlet in (None, "") and article.outlet and article.outlet != outlet_cue(article.text):
        outlet = article.outlet
    if outlet in (None, "") and not meta.get("url"):
        outlet = article.outlet
    rebuilt, problems = make_article_noting(article.text, article.source, outlet=outlet, **fields)
    for problem in problems:
        problem.params["source"] = problem.source = source
    return rebuilt, problems
