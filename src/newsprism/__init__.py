"""newsprism: what many outlets' coverage of one event agrees on, where it differs, and who said what."""

from newsprism.api import brief, brief_story, load_articles
from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs, read_path
from newsprism.model import Article, Brief, Sentence, Story, SummarySentence

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "NewsprismError",
    "Sentence",
    "Story",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_story",
    "load_articles",
    "read_inputs",
    "read_path",
]
