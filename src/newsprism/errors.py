"""Every user-facing error in one catalogue: a stable code, the cause and the fix.

Library code raises these; only the edges (CLI, HTTP API) turn them into messages or JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

_EXTRA_MARKER = re.compile(r"""^([^;]+);.*\bextra\s*==\s*["']([\w-]+)["']""")


def extra_packages(extra: str) -> dict[str, str]:
    """The extra's own requirements, so the fix works where newsprism is installed but not on PyPI.

    Read from the installed distribution's metadata; without it, fall back to the extra's name.
    """
    try:
        requires = metadata.requires("newsprism") or []
    except metadata.PackageNotFoundError:
        requires = []
    matches = (_EXTRA_MARKER.match(r) for r in requires)
    wanted = [m.group(1).strip() for m in matches if m and m.group(2) == extra]
    listed = " ".join(f"'{req}'" for req in wanted) or f"'newsprism[{extra}]'"
    return {"packages": listed}


@dataclass(frozen=True)
class ErrorKind:
    code: str
    cause: str
    fix: str
    # Parameters computed from the given ones (e.g. an extra's package list), filled in on raise.
    derive: Callable[..., dict[str, str]] | None = None


CATALOGUE: dict[str, ErrorKind] = {
    k.code: k
    for k in [
        ErrorKind("input-not-found", "{source}: no such file or directory", "check the path"),
        ErrorKind("input-empty", "{source}: the input is empty", "pass a file that contains text"),
        ErrorKind(
            "input-binary",
            "{source}: looks like binary data, not text or HTML",
            "pass .txt, .html, .json or .jsonl files",
        ),
        ErrorKind(
            "input-unreadable",
            "{source}: cannot be read ({detail})",
            "check the file's permissions and that it is not a broken link",
        ),
        ErrorKind(
            "input-decode",
            "{source}: the text encoding could not be determined",
            "convert the file to UTF-8",
        ),
        ErrorKind(
            "input-format",
            "{source}: {detail}",
            "see 'newsprism brief --help' for the accepted formats and fields",
        ),
        ErrorKind(
            "input-no-text",
            "{source}: no article text found{detail}",
            "check that the page or record holds the article body",
        ),
        ErrorKind(
            "no-articles",
            "no usable article among the inputs{detail}",
            "pass at least one readable article",
        ),
        ErrorKind(
            "pipeline-invalid",
            "stage '{stage}' requires '{missing}', which no earlier stage assigns",
            "add a stage that assigns it before '{stage}', or remove '{stage}'",
        ),
        ErrorKind(
            "stage-undeclared",
            "stage '{stage}' {action} '{name}', which it does not declare",
            "add '{name}' to the stage's {declaration}",
        ),
        ErrorKind(
            "stage-incomplete",
            "stage '{stage}' finished without assigning '{missing}'",
            "assign every name the stage declares, or remove it from its 'assigns'",
        ),
        ErrorKind(
            "config-invalid",
            "invalid configuration: {detail}",
            "pass values in the documented ranges (see the command's --help)",
        ),
        ErrorKind(
            "stage-unknown",
            "no stage named '{stage}' is registered",
            "choose one of: {known}",
        ),
        ErrorKind(
            "plugin-unknown",
            "no {kind} named '{name}' is registered",
            "choose one of: {known} (plugins add theirs through the 'newsprism.{kind}s' entry points)",
        ),
        ErrorKind(
            "stage-failed",
            "stage '{stage}' failed: {detail}",
            "rerun with --strict off to skip it, or report the input that triggers it",
        ),
        ErrorKind(
            "reader-unknown",
            "{source}: no reader for this kind of file",
            "use one of the extensions: {known}",
        ),
        ErrorKind(
            "extra-missing",
            "{feature} needs the optional '{extra}' dependencies",
            "pip install {packages}{before}",
            derive=lambda extra, **_: extra_packages(extra),
        ),
        ErrorKind(
            "option-invalid",
            "{detail}",
            "see --help for the accepted values",
        ),
        ErrorKind(
            "story-unknown",
            "{source}: no single story matches '{story}' ({found} match)",
            'give a full story id from the file (each line\'s "id")',
        ),
        ErrorKind(
            "output-unwritable",
            "{source}: cannot be written ({detail})",
            "check that the folder exists and is writable",
        ),
        ErrorKind(
            "store-unavailable",
            "{source}: the store cannot be opened ({detail})",
            "check the --db path or URL (and for PostgreSQL that the server runs and accepts you)",
        ),
        ErrorKind(
            "url-refused",
            "{source}: refused, {detail}",
            "fetch only public http(s) addresses, or pass --allow-private for a trusted intranet",
        ),
        ErrorKind(
            "url-failed",
            "{source}: could not be fetched ({detail})",
            "check the URL and the network; the other sources still run",
        ),
        ErrorKind(
            "url-too-large",
            "{source}: the response is larger than {limit} bytes",
            "fetch a smaller page, or save it and pass the file",
        ),
        ErrorKind(
            "url-content-type",
            "{source}: the response is '{detail}', not {expected}",
            "point at an HTML page or an RSS/Atom feed",
        ),
        ErrorKind(
            "feed-invalid",
            "{source}: not a readable RSS/Atom feed ({detail})",
            "check that the URL or file is the feed itself, not a page about it",
        ),
        ErrorKind(
            "warc-truncated",
            "{source}: the WARC file is truncated or damaged ({detail}); HTML records read "
            "before it: {count}",
            "the records before the damage were kept; fetch or copy the file again",
        ),
        ErrorKind(
            "input-field",
            "{source}: field '{field}' {detail}; it was ignored",
            "give '{field}' as text (dates as e.g. 2024-03-05)",
        ),
        ErrorKind(
            "input-too-large",
            "{source}: the {what} is {size} bytes, over the limit of {limit}",
            "split it, or raise the limit (--max-article-bytes, Limits(article_bytes=...))",
        ),
        ErrorKind(
            "input-too-deep",
            "{source}: the record is nested deeper than {limit} levels",
            "flatten the record, or raise the limit (--max-depth, Limits(depth=...))",
        ),
        ErrorKind(
            "too-many-articles",
            "{count} articles is more than one brief takes (limit {limit})",
            "group them into stories with `newsprism cluster` first, or raise --max-articles",
        ),
        ErrorKind(
            "input-skipped",
            "{source}: skipped ({detail})",
            "pass the file itself if it is an article",
        ),
        ErrorKind(
            "input-failed",
            "{source}: could not be read ({detail})",
            "report this input; the other inputs were read",
        ),
        ErrorKind(
            "stories-incomplete",
            "{source}: {detail}",
            "rerun `newsprism cluster`; a run that was stopped leaves no complete file",
        ),
        ErrorKind(
            "output-exists",
            "{source}: the file exists",
            "pass --force to overwrite it, or choose another path",
        ),
        ErrorKind(
            "output-is-input",
            "{source}: the output is also an input, and writing it would destroy the input",
            "choose an output path that is not among the inputs",
        ),
        ErrorKind(
            "helper-failed",
            "a featurising helper process {detail}",
            "rerun with --jobs 0 to featurise in the main process, or free memory",
        ),
        ErrorKind(
            "ratings-invalid",
            "{source} line {line}: {detail}",
            "write one outlet name or domain per line with left, lean left, center, lean right "
            "or right (CSV: 'outlet,stance,notes'; YAML: 'outlet: stance')",
        ),
        ErrorKind(
            "nlp-model-missing",
            "the spaCy model '{model}' is not installed ({detail})",
            "run 'make test' once, or: pip install --no-deps -r requirements/spacy-model.txt",
        ),
        ErrorKind(
            "key-invalid",
            "{path}: not an answer-key folder ({detail})",
            "pass folders holding expected.json and the d*.txt articles it was written for",
        ),
        # The HTTP API (`newsprism serve`): every failure of a request is one of these, or one of
        # the entries above, as {"error": {"code", "cause", "fix"}} with its HTTP status.
        ErrorKind(
            "request-malformed",
            "the request body is not valid JSON ({detail})",
            "send a JSON body with Content-Type: application/json (see /docs)",
        ),
        ErrorKind(
            "request-invalid",
            "the request does not match what the endpoint takes: {detail}",
            "correct the fields named; /docs lists every endpoint's parameters and body",
        ),
        ErrorKind(
            "request-too-large",
            "the request body is over the limit of {limit} bytes",
            "send fewer or smaller articles per request (or start the server with a larger --max-body)",
        ),
        ErrorKind(
            "token-required",
            "this endpoint needs the server's token ({detail})",
            "send the header 'Authorization: Bearer TOKEN' with the value of NEWSPRISM_TOKEN",
        ),
        ErrorKind(
            "not-found",
            "no {what} '{name}' here",
            "{hint}",
        ),
        ErrorKind(
            "method-not-allowed",
            "{method} is not allowed on {path}",
            "see /docs for the methods each endpoint takes",
        ),
        ErrorKind(
            "server-busy",
            "the server is busy briefing other stories",
            "retry in a few seconds",
        ),
        ErrorKind(
            "internal-error",
            "the server failed while handling the request (reference {reference})",
            "retry; if it happens again, report the reference, which the server's log shows with the details",
        ),
    ]
}


class NewsprismError(Exception):
    """An error a user can act on: it knows its cause and fix."""

    def __init__(self, code: str, **params: Any) -> None:
        self.kind = CATALOGUE[code]
        if self.kind.derive is not None:
            params = {**self.kind.derive(**params), **params}
        self.params = params
        self.code = code
        self.source: str | None = params.get("source")
        super().__init__(self.message)

    @property
    def cause(self) -> str:
        return self.kind.cause.format_map(_Default(self.params))

    @property
    def fix(self) -> str:
        return self.kind.fix.format_map(_Default(self.params))

    @property
    def message(self) -> str:
        return f"{self.cause} — {self.fix}"

    def to_json(self) -> dict[str, Any]:
        """The one JSON error shape used by the HTTP API."""
        return {"error": {"code": self.code, "cause": self.cause, "fix": self.fix}}


class _Default(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
