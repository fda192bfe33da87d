"""Briefs of stored stories, kept in the store and reused until the story's articles, the
stages or their versions, or the brief's settings change."""

from __future__ import annotations

import json

from newsprism.api import brief_story
from newsprism.model import Brief
from newsprism.pipeline import DEFAULT_PIPELINE
from newsprism.registry import load_stages
from newsprism.store.base import Store, articles_hash


def brief_key(words: int, semantic: bool | None) -> str:
    """The stages (name, version) and settings a brief depends on, as stored JSON."""
    stages = load_stages()
    versions = [[name, stages.get(name).version] for name in DEFAULT_PIPELINE]
    return json.dumps({"stages": versions, "words": words, "semantic": semantic})


def stored_brief(
    store: Store,
    story_id: str,
    words: int = 250,
    semantic: bool | None = None,
    strict: bool = False,
) -> tuple[Brief, bool]:
    """(brief, reused): the stored brief when still current, else a new one, stored."""
    story = store.story(story_id)
    made_from, key = articles_hash(story), brief_key(words, semantic)
    cached = store.cached_brief(story.id, made_from, key)
    if cached is not None:
        return Brief.model_validate_json(cached), True
    brief = brief_story(story, words=words, strict=strict, semantic=semantic)
    store.save_brief(story.id, made_from, key, brief.model_dump_json())
    return brief, False
