"""Who said a quotation: reporting-verb patterns around it, then the sentence subject.

Patterns cover '"...," said the letter', '"...," the petition reads', 'It continues, "..."',
'according to X' and, in degraded lower-case text, 'the letter states'. Pronoun speakers ('it',
'they') take the previous quotation's speaker in the same article. Only sentences no pattern
explains are parsed with spaCy, so attribution stays cheap.
"""

from __future__ import annotations

import re
from collections import Counter

from newsprism.text.nlp import parse
from newsprism.text.terms import FUNCTION_WORDS

REPORTING = (
    "said|says|say|wrote|writes|write|stated|states|state|added|adds|noted|notes|note|told|tells|"
    "reads|read|continued|continues|explained|explains|explain|argued|argues|asked|asks|declared|"
    "declares|insisted|insists|warned|warns|tweeted|posted|claimed|claims|acknowledged|testified|"
    "concluded|concludes|commented|replied|responded|announced|announces|summarized|summarizes|"
    "summarize|summarised|summarises|summarise|recalled|urged|urges|describes|described|reported|"
    "reports|report|insist|argue|add"
)
_NP = r"[^,.;:!?\"“”]{1,70}?"
# Case-sensitive on purpose: 'the United States' must not read as a speaker and a verb.
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:{REPORTING})\s+(?P<spk>{_NP})(?=[,.;:!?]|\s+(?:in|on|at|to|who|which)\b|$)"
)
_ADVERBS = r"also|then|later|allegedly|reportedly|previously|once|again|repeatedly"
_ADVERB = rf"(?:(?:{_ADVERBS})\s+)?"
_OVERHEARD = (
    r"(?:was|were)\s+(?:recorded|heard|quoted|overheard|caught\s+on\s+tape)\s+(?:as\s+)?saying"
)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,]*(?P<spk>{_NP})\s+{_ADVERB}(?:{REPORTING}|{_OVERHEARD})\b"
)
_REPORTING_WORD = re.compile(rf"\b(?:{REPORTING})\b")
_ACCORDING = re.compile(rf"according to (?P<spk>{_NP})(?=[,.;:!?]|$)", re.IGNORECASE)
_PRONOUNS = {"it", "he", "she", "they", "we", "this", "that", "i"}
_LEAD = re.compile(r"^(?:and|but|as|so|while|when|then|or)\s+", re.IGNORECASE)
_AUX = re.compile(r"\s+(?:was|were|is|are|has|have|had|been|being)(?:\s+been)?$", re.IGNORECASE)
MAX_SPEAKER_WORDS = 8


def clean_speaker(raw: str) -> str | None:
    """Trim conjunctions and clauses; refuse things that are not a name or noun phrase."""
    text = _LEAD.sub("", raw.strip(" ,;:—–-\"“”'’")).strip()
    text = _AUX.sub("", text).strip()
    words = text.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    if words[0].lower() in _PRONOUNS:
        return words[0]  # 'He also reportedly': the pronoun, resolved later
    if words[0] in FUNCTION_WORDS and words[0] not in _DETERMINERS:
        return None  # 'when', 'because': a clause, not a speaker
    while len(words) > 1 and words[-1].lower() in _PRONOUNS:
        words.pop()  # 'Tavin Price She': the next clause's pronoun
    if words[-1].lower() in FUNCTION_WORDS:
        return None  # 'the loudspeaker at': a phrase cut mid-way, not a speaker
    return " ".join(words)


_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "my", "this", "that"}
_PERSON = re.compile(r"(?=\b([A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+)\b)")


def name_forms(texts: list[str]) -> dict[str, Counter[str]]:
    """Capitalised two-word names in the story (with any middle initial), keyed by last word."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for m in _PERSON.finditer(text):  # every two-word run, overlapping: 'Analyst Ann Lee'
            name = m.group(1)  # gives 'Analyst Ann' and 'Ann Lee'
            if name.split()[-1].lower() not in _PRONOUNS:
                forms.setdefault(speaker_key(name), Counter())[name] += 1
    return forms


def fullest_name(speaker: str | None, forms: dict[str, Counter[str]]) -> str | None:
    """The fullest name the story uses for the speaker: 'Marsh' -> 'Gideon Marsh'; a speaker
    already holding a full name ('Mayor Gideon Marsh') or naming a body is kept."""
    if not speaker or is_pronoun(speaker):
        return speaker
    words = list(dict.fromkeys(speaker.split()))  # 'Lee \n Lee' -> 'Lee'
    last = words[-1]
    if len(words) > 2 and " ".join(words[-2:]) in forms.get(speaker_key(speaker), Counter()):
        prefix = words[:-2]
        if len(prefix) > 1 or not prefix[0][:1].isupper():
            return " ".join(words[-2:])  # 'county public defender Ann Lee' -> 'Ann Lee'
        return " ".join(words)
    named = [w for w in words if w[:1].isupper() and w.lower() not in FUNCTION_WORDS]
    if not last[:1].isupper() or len(named) >= 2:
        return speaker
    candidates = [f for f in forms.get(speaker_key(speaker), Counter()) if f.split()[-1] == last]
    candidates = [f for f in candidates if f.split()[0] not in _TITLE_WORDS]
    if not candidates:
        return speaker
    counts = forms[speaker_key(speaker)]
    best = max(candidates, key=lambda f: (counts[f], f))
    title = " ".join(w for w in words[:-1] if w[:1].isupper())
    return f"{title} {best}" if title and not best.startswith(title) else best


_TITLE_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", "When", "After", "Before", "As"}


def is_pronoun(speaker: str | None) -> bool:
    return bool(speaker) and speaker.lower() in _PRONOUNS  # type: ignore[union-attr]


def speaker_from_context(
    before: str, after: str, ends_clause: bool = False, before_first: bool = False
) -> str | None:
    """The speaker named by a reporting verb just after or just before the quotation.

    ``ends_clause``: the quotation ends its sentence ('... law.' + new sentence), so words after
    it cannot attribute it. ``before_first``: text without sentence ends, where 'she said that'
    before a quotation is safer than words after it, which may open the next sentence.
    """
    lead = _before(before) if before_first else None
    if lead:
        return lead
    patterns = () if ends_clause else (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST)
    for pattern in patterns:
        m = pattern.match(after)
        if m and (spk := clean_speaker(m.group("spk"))):
            return spk
    if spk := _before(before):
        return spk
    m = _ACCORDING.search(before + " " + after)
    if m and (spk := clean_speaker(m.group("spk"))):
        return spk
    return None


def _before(before: str) -> str | None:
    """The speaker of the reporting verb nearest the quotation: in 'documents say Lee tells her'
    it is Lee, the doer of the last verb before the quotation."""
    for verb in reversed(list(_REPORTING_WORD.finditer(before))):
        tail = before[verb.end() :]
        if len(tail) > 90 or re.search(r"[\"“”]", tail):
            continue
        head = re.sub(rf"\s+(?:{_ADVERBS})$", "", before[: verb.start()].rstrip())
        head = re.split(r"[,.;:!?\"“”]", head)[-1]
        head = _REPORTING_WORD.split(head)[-1].strip()
        if head:
            return clean_speaker(_last_clause(" ".join(head.split()[-8:])))
        return None
    return None


_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def nearest_name(text: str) -> str | None:
    """The last capitalised multi-word name in the text: who 'he' or 'she' most likely is."""
    names = [m.group(0) for m in _NAME.finditer(text)]
    if not names:
        return None
    words = names[-1].split()
    while len(words) > 1 and words[-1].lower() in _PRONOUNS:
        words.pop()
    return " ".join(words) if len(words) > 1 else None


def speaker_key(speaker: str) -> str:
    """People and bodies are named many ways ('Quist', 'Mayor Helena Quist'): key on the last word."""
    return speaker.split()[-1].lower().strip(".,'’") if speaker.split() else ""


def _last_clause(text: str) -> str:
    """'in the Stone case the letter' -> 'the letter': the speaker starts at its determiner."""
    words = text.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in {"the", "a", "an", "its", "his", "her", "their"} | _PRONOUNS:
            return " ".join(words[i:])
    return " ".join(words[-3:])


def subject_of(sentence: str) -> str | None:
    """Fallback: the grammatical subject of the sentence that introduces or holds a quotation."""
    doc = parse([sentence])[0]
    for token in doc:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            span = doc[token.left_edge.i : token.i + 1]
            return clean_speaker(span.text)
    return None


def canonical_speaker(
    speaker: str | None, entity_names: dict[str, str], folded: dict[str, str] | None = None
) -> str | None:
    """The key-players name of a speaker, so one person has one name in the whole brief: the
    speaker itself or its last words as a written form of one entity ("Attorney General Jane
    Roe", "Roe's spokeswoman Ann Lee", "the attorney general"). Words before that form must be
    a title, not a relation: "a lawyer for Jane Roe" or "Ann Lee and Jane Roe" is not Roe and
    is kept as written. Callers naming many speakers pass ``folded_names(entity_names)``, built
    once."""
    if not speaker or is_pronoun(speaker) or not entity_names:
        return speaker
    names = folded_names(entity_names) if folded is None else folded
    words = speaker.split()
    for cut in range(len(words)):
        form = " ".join(words[cut:]).lower()
        if form in names:
            before = {w.lower().strip(",") for w in words[:cut]}
            return speaker if before & _RELATIONS else names[form]
    return speaker


_RELATIONS = frozenset(
    {"of", "for", "to", "with", "and", "or", "by", "from", "at", "on", "in", "about", "against"}
)


def folded_names(entity_names: dict[str, str]) -> dict[str, str]:
    """Written form in lower case -> canonical name; a form two entities share is left out."""
    owners: dict[str, set[str]] = {}
    for form, name in entity_names.items():
        owners.setdefault(form.lower(), set()).add(name)
    return {form: next(iter(names)) for form, names in owners.items() if len(names) == 1}
