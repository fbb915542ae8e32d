"""Helpers every relation rule uses: a relationship with the sentence's shared properties,
cue spans in a sentence, and the subject acting at a position."""

from __future__ import annotations

import re

from loaders.frames import Item
from loaders.patterns import CUE_CLASS
from loaders.sentence import Rel, Sentence


def rel(sent: Sentence, typ: str, src: str, tgt: str, **extra) -> Rel:
    # containment and membership are standing facts: no epistemic status, no event date
    props = sent.props() if typ not in {"PART_OF", "LOCATED_IN"} else {}
    props.update({k: v for k, v in extra.items() if v not in (None, [], "")})
    return Rel(typ, src, tgt, (sent.start, sent.end), props)


def cue_spans(pattern: re.Pattern[str], sent: Sentence) -> list[tuple[int, int]]:
    """Cue spans in the sentence; scanned only when its tokens hold the pattern's cue class."""
    cls = CUE_CLASS.get(pattern)
    if cls is not None and cls not in sent.cues:
        return []
    return [m.span() for m in pattern.finditer(sent.doc, sent.start, sent.end)]


_APPOSITION = re.compile(r"^,\s+(?:the|a|an)\s+[\w\s'’-]{0,50}$")


_SPEECH = re.compile(
    r"\b(?:said|says|say|told|stated|announced|added|noted|reported|claimed|insisted)\b(?:\s+that)?"
    r"(?!\s+(?:it|they|its|their)\b)",
    re.I,
)
_AND_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$", re.I)
_PREP_END = re.compile(r"\b(?:for|of|in|to|on|by|from|with|at)\s+(?:the\s+)?\(?$")


def subject(sent: Sentence, pos: int, limit: int = 110) -> list[Item]:
    """The actor group acting at ``pos``: nearest actors before, not objects of for/of/in, not a
    speaker ("X said the work is financed by"); "X trains Y ... and donated": X for both verbs."""
    if _AND_VERB.search(sent.doc[max(sent.start, pos - 14) : pos]):
        first = next((i for i in sent.items if i.kind == "actor"), None)
        if (
            first is not None
            and first.mention is not None
            and first.start - sent.start <= 60
            and first.end < pos
        ):
            return sent.group_from(first)
    it = sent.prev_item(pos, ("actor",), limit=limit)
    if it is None or it.mention is None:
        return []
    if _SPEECH.search(sent.gap(it.end, pos)):
        return []
    if sent.doc[it.end : pos].lstrip().startswith(","):
        # "X, the lower house of Y's parliament, ratified": the head before the apposition acts
        head = sent.prev_item(it.start, ("actor",), limit=60)
        if head is not None and _APPOSITION.match(sent.gap(head.end, it.start)):
            it = head
    before = sent.doc[max(sent.start, it.start - 5) : it.start].lower()
    if _PREP_END.search(before):
        return []
    return sent.group_before(it)
