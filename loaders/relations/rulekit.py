"""Helpers every relation rule uses: a relationship with the sentence's shared properties,
cue spans in a sentence, and the subject acting at a position."""

from __future__ import annotations

import re
from bisect import bisect_left

from loaders.read.text import may_hold
from loaders.relations.frames import Item
from loaders.relations.patterns import CUE_CLASS, CUE_SCANS
from loaders.relations.sentence import Rel, Sentence


def rel(sent: Sentence, typ: str, src: str, tgt: str, **extra) -> Rel:
    # containment and membership are standing facts: no epistemic status, no event date
    props = sent.props() if typ not in {"PART_OF", "LOCATED_IN"} else {}
    if extra:
        props.update({k: v for k, v in extra.items() if v not in (None, [], "")})
    return Rel(typ, src, tgt, (sent.start, sent.end), props)


#: CUE_CLASS and CUE_SCANS by the patterns' ids: hashing a compiled pattern hashes its whole
#: program, on every look-up (the patterns are module constants, alive and unique for the process)
_CUE_BY_ID = {id(pattern): cls for pattern, cls in CUE_CLASS.items()}
_SCAN_BY_ID = {id(pattern): scan for pattern, scan in CUE_SCANS.items()}


def cue_spans(pattern: re.Pattern[str], sent: Sentence) -> list[tuple[int, int]]:
    """Cue spans in the sentence; scanned only when its tokens hold the pattern's cue class."""
    cls = _CUE_BY_ID.get(id(pattern))
    if cls is not None and cls not in sent.cues:
        return []
    if cls is not None and sent.index is not None and sent.text.isascii():
        # a cue starts at a word of its class (each class lists every word a cue can start with,
        # and ASCII words' keys are them lower-cased): try the pattern only where those start
        return _spans_at(pattern, sent, sent.index.cues[cls])
    scan = _SCAN_BY_ID.get(id(pattern))
    if scan is None:
        return [m.span() for m in pattern.finditer(sent.doc, sent.start, sent.end)]
    # the sentence's own text: word boundaries at its edges are as in the document (whitespace
    # or the text's ends lie beyond them), and the scan ends at the sentence end either way
    off = sent.start
    return [(m.start() + off, m.end() + off) for m in scan.matches(sent.text)]


def _spans_at(pattern: re.Pattern[str], sent: Sentence, starts: list[int]) -> list[tuple[int, int]]:
    """``pattern.finditer`` over the sentence, when matches can begin only at ``starts``."""
    out = []
    doc, pos, end = sent.doc, sent.start, sent.end
    # the document's list: only this sentence's stretch is read (bisect, no slice of the rest)
    for k in range(bisect_left(starts, pos), bisect_left(starts, end)):
        q = starts[k]
        if q >= pos and (m := pattern.match(doc, q, end)) is not None:
            out.append(m.span())
            pos = m.end()
    return out


_APPOSITION = re.compile(r"^,\s+(?:the|a|an)\s+[\w\s'’-]{0,50}$")


_SPEECH = re.compile(
    r"\b(?:said|says|say|told|stated|announced|added|noted|reported|claimed|insisted)\b(?:\s+that)?"
    r"(?!\s+(?:it|they|its|their)\b)",
    re.I,
)
_SPEECH_WORDS = ("sa", "told", "stated", "announced", "added", "noted", "reported", "claimed", "insisted")
_AND_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$", re.I)
_PREP_END = re.compile(r"\b(?:for|of|in|to|on|by|from|with|at)\s+(?:the\s+)?\(?$")


def subject(sent: Sentence, pos: int, limit: int = 110) -> list[Item]:
    """The actor group acting at ``pos``: nearest actors before, not objects of for/of/in, not a
    speaker ("X said the work is financed by"); "X trains Y ... and donated": X for both verbs."""
    lead = sent.doc[max(sent.start, pos - 14) : pos]
    if may_hold(lead, ("and", "but")) and _AND_VERB.search(lead):
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
    gap = sent.gap(it.end, pos)
    if may_hold(gap, _SPEECH_WORDS) and _SPEECH.search(gap):
        return []
    if sent.doc[it.end : pos].lstrip().startswith(","):
        # "X, the lower house of Y's parliament, ratified": the head before the apposition acts
        head = sent.prev_item(it.start, ("actor",), limit=60)
        if head is not None and _APPOSITION.match(sent.gap(head.end, it.start)):
            it = head
    before = sent.doc[max(sent.start, it.start - 5) : it.start].lower()
    # _PREP_END ends with whitespace or "(" before the end
    if before and (before[-1] == "(" or before[-1].isspace()) and _PREP_END.search(before):
        return []
    return sent.group_before(it)
