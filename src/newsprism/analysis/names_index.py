"""Lookups that replace scans of the whole story per name: a 1,000-article story has megabytes of
text and thousands of names, so one scan per name grew with the square of the story."""

from __future__ import annotations


class Openings:
    """Where "<article> <phrase>" occurs in a lowered text, found through an index of every
    "the "/"a "/"an " by the three characters after it: the same positions as ``str.find`` gives,
    without a scan of the whole story per phrase (that grew with the square of the story)."""

    WIDTH = 3

    def __init__(self, lower: str, articles: tuple[str, ...] = ("the", "a", "an")) -> None:
        self.lower = lower
        self.at: dict[tuple[str, str], list[int]] = {}
        for article in articles:
            after = len(article) + 1
            at = lower.find(article + " ")
            while at != -1:
                key = (article, lower[at + after : at + after + self.WIDTH])
                self.at.setdefault(key, []).append(at)
                at = lower.find(article + " ", at + 1)

    def find(self, article: str, phrase: str) -> list[int]:
        """Every position of f"{article} {phrase}" in the text, in order (phrase lowered)."""
        needle = f"{article} {phrase}"
        if len(phrase) < self.WIDTH:
            found, at = [], self.lower.find(needle)
            while at != -1:
                found.append(at)
                at = self.lower.find(needle, at + 1)
            return found
        after = len(article) + 1
        listed = self.at.get((article, phrase[: self.WIDTH]), [])
        return [at for at in listed if self.lower.startswith(phrase, at + after)]
