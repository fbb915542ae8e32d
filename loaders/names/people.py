"""People introduced by a title: "Tajik defence minister Sherali Mirzo", "General Li Shangfu",
"Shavkat Mirziyoyev, the President of Uzbekistan".

People become ``Actor:Person`` nodes only (mentioned by the document); they take part in no rule
and no relationship, so the relations found for states and bodies are unchanged by them. One
title regex (compiled once, when first needed) runs over the document, gated by a set test for any title word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import compress

from loaders.names.gazetteer import Gazetteer, Hit
from loaders.names.mentions import Mention
from loaders.read.text import Tokens, slug


def _ci(words: str) -> str:
    """``President|minister`` → ``[Pp]resident|[Mm]inister``: first letter either case."""
    return "|".join(
        r"\s+".join(f"[{w[0].upper()}{w[0].lower()}]{w[1:]}" for w in alt.split()) for alt in words.split("|")
    )


_DEPT = (
    r"(?:National|Defen[cs]e|Foreign|Internal|Home|Affairs|Interior|Emergency|Emergencies|Situations|"
    r"Finance|Justice|Economy|Economic|Development|Trade|Industry|Energy|Transport|Security|State|"
    r"Public|Health|Education|Agriculture|Digital|Culture)"
)
_MINISTER = (
    rf"(?:(?:First\s+)?(?:{_ci('deputy|vice')})\s+)?"
    rf"(?:(?:{_ci('defen[cs]e|foreign|interior|finance|security|emergencies|emergency|home|public')})\s+)?"
    rf"(?:(?:{_ci('affairs|security')})\s+)?"
    rf"(?:{_ci('prime minister|minister')})"
    rf"(?:\s+of\s+(?:the\s+)?{_DEPT}(?:\s+(?:and\s+)?{_DEPT}){{0,3}})?"
)
_OFFICE = (
    rf"(?:{_ci('vice')}[ -])?(?:{_ci('president|premier|chairman|chairwoman|ambassador|speaker')})"
    r"|(?:Deputy\s+)?Chief\s+of\s+(?:the\s+)?General\s+Staff"
    r"|(?:Deputy\s+)?(?:Secretary|Director)(?:[ -]General)?|Commander(?:[ -]in[ -]Chief)?"
    r"|Crown\s+Prince|King|Emir|Sultan"
)
_RANK = (
    r"(?:(?:Lieutenant|Major|Brigadier|Colonel)[ -])?General|(?:Lieutenant\s+)?Colonel"
    r"|(?:Rear\s+|Vice\s+)?Admiral|Marshal"
)
#: cheap gate: a document with none of these token keys has no titled person (one C-level set test)
_HEADS = frozenset(
    [
        "minister",
        "president",
        "premier",
        "chairman",
        "chairwoman",
        "ambassador",
        "speaker",
        "chief",
        "secretary",
        "director",
        "commander",
        "general",
        "colonel",
        "admiral",
        "marshal",
        "prince",
        "king",
        "emir",
        "sultan",
    ]
)
#: every token key a title can start with: the title regex is tried only at these tokens
_STARTS = _HEADS | frozenset(
    [
        "first",
        "deputy",
        "vice",
        "defence",
        "defense",
        "foreign",
        "interior",
        "finance",
        "security",
        "emergencies",
        "emergency",
        "prime",
        "lieutenant",
        "major",
        "brigadier",
        "rear",
        "crown",
    ]
)
_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][a-zß-öø-ÿĀ-ſа-яё]+(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁa-zß-öø-ÿа-яё][a-zß-öø-ÿĀ-ſа-яё]+)*"
#: lower-case name particles between the words of a name ("Mohammed bin Salman", "Ursula von der Leyen")
_PARTICLE = r"(?:(?:bin|bint|ibn|al|el|de|da|del|della|di|van|von|der|den|la|le|du|dos)\s)*"
#: a courtesy before a name after a comma ("the Prime Minister of India, Shri Narendra Modi")
_HONORIFIC = re.compile(
    r",\s+(?:(?:The\s+Honou?rable|His\s+Excellency|Her\s+Excellency|H\.\s?E\.|Shri|Smt\.|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?"
)
#: a generational suffix after a name ("Joseph R. Biden, Jr. of the United States")
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?(?![\w])")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The title, name-after and name-before patterns, compiled for the first document with a title
    word: they take milliseconds to compile, and most documents name nobody."""
    return (
        re.compile(rf"\b(?:{_MINISTER}|{_OFFICE}|{_RANK})\b"),
        re.compile(rf"({_TOKEN}(?: [A-Z]\.)?(?: {_PARTICLE}{_TOKEN}){{0,3}})"),
        re.compile(rf"(?<![\w'’-])({_TOKEN}(?: {_TOKEN}){{1,3}}),\s+(?:the\s+)?$"),
    )


_JOIN = re.compile(r"(?:[ \t]+|['’]s[ \t]+)$")
_ACRONYM_JOIN = re.compile(r"[ \t]+\([A-Z]{2,6}\)[ \t]+$")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_NOT_NAME_WORDS = (
    "the a an of and in on at for with by to from as this that his her their its staff office ministry "
    "council committee assembly government administration forces force army navy department service "
    "agency republic federation general president minister chief commander director secretary chairman "
    "ambassador speaker deputy colonel admiral marshal lieutenant major vice prime foreign defence "
    "defense interior national security state affairs january february march april may june july "
    "august september october november december monday tuesday wednesday thursday friday saturday "
    "sunday said says told met visited during after before while when also however central atomics "
    "dynamics electric motors"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())


class _Spans:
    """Gazetteer hits of the document by character span, for quick boundary checks."""

    def __init__(self, hits: list[Hit], tokens: Tokens, gaz: Gazetteer) -> None:
        starts, ends = tokens.starts, tokens.ends
        self.starts = [starts[h.i] for h in hits]
        self.ends = [ends[h.j - 1] for h in hits]
        self.state_end: dict[int, str] = {}
        self.state_start: dict[int, tuple[int, str]] = {}
        for h, s, e in zip(hits, self.starts, self.ends, strict=True):
            state = h.ref if h.role == "state" else gaz.state_of(h.ref) if h.role == "entity" else None
            if h.role == "state" or (state and h.role == "entity"):
                self.state_start[s] = (e, state or "")
            if h.role == "state":
                self.state_end[e] = h.ref
        self.order = sorted(zip(self.starts, self.ends, strict=True))
        self.first = [s for s, _ in self.order]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.first, end)
        return any(e > start for _, e in self.order[max(0, k - 4) : k])


def find_people(
    text: str, hits: list[Hit], tokens: Tokens, gaz: Gazetteer, skip: int = 0
) -> dict[str, Mention]:
    """Person mentions by id, in the order first seen (``skip``: ignore text before this offset)."""
    people: dict[str, Mention] = {}
    keys, starts = tokens.keys, tokens.starts
    if _HEADS.isdisjoint(keys):
        return people
    spans = _Spans(hits, tokens, gaz)
    title_re = _patterns()[0]
    after = skip
    for i in compress(range(len(keys)), map(_STARTS.__contains__, keys)):
        if starts[i] < after:
            continue
        m = title_re.match(text, starts[i])
        if m is not None:
            _one(text, m, spans, people)
            after = m.end()
    add_bare_surnames(text, people)
    return people


def _one(text: str, m: re.Match[str], spans: _Spans, people: dict[str, Mention]) -> None:
    title_re, name_after, name_before = _patterns()
    a, b = m.span()
    title, rank = " ".join(m.group().split()), None
    country = _state_before(text, a, spans)
    lead = a
    if country is not None:
        lead = _lead(text, a)
    b, of_state = _of_phrase(text, b, spans)
    country = country or of_state
    nxt = title_re.match(text, b + 2) if text.startswith(", ", b) else None
    if nxt is None and text[b : b + 1] == " ":
        nxt = title_re.match(text, b + 1)
    if nxt is not None and nxt.group()[:1].isupper():  # "Minister of National Defence, General Li"
        rank, b = " ".join(nxt.group().split()), nxt.end()
    name_at = name_after.match(text, b + 1) if text[b : b + 1] == " " else None
    if name_at is None and country is not None and (h := _HONORIFIC.match(text, b)) is not None:
        # "the President of the United States, The Honorable Donald J. Trump": a courtesy, or a full
        # name of two words or more, after the comma
        name_at = name_after.match(text, h.end())
        if name_at is not None and h.end() - b <= 2 and " " not in name_at.group(1):
            name_at = None
    if name_at is not None:
        start, end = name_at.span(1)
        if country is None:  # "President Sadyr Japarov of the Kyrgyz Republic", "… Biden, Jr. of …"
            suffix = _SUFFIX.match(text, end)
            country = _of_phrase(text, suffix.end() if suffix else end, spans)[1]
        _add(text, start, end, title, rank, country, spans, people)
        return
    before = name_before.search(text, max(0, lead - 80), lead)
    if before is not None:  # "Shavkat Mirziyoyev, the President of Uzbekistan"
        _add(text, before.start(1), before.end(1), title, rank, country, spans, people)


def _lead(text: str, a: int) -> int:
    j = _JOIN.search(text, max(0, a - 4), a)
    k = j.start() if j else a
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k


def _state_before(text: str, a: int, spans: _Spans) -> str | None:
    """ "Tajik defence minister", "China's Minister": the state right before the title."""
    j = _JOIN.search(text, max(0, a - 4), a)
    state = spans.state_end.get(j.start()) if j else None
    if state is None and (j := _ACRONYM_JOIN.search(text, max(0, a - 12), a)) is not None:
        state = spans.state_end.get(j.start())  # "Republic of Korea (ROK) President Yoon"
    return state


def _of_phrase(text: str, b: int, spans: _Spans) -> tuple[int, str | None]:
    """ "President of Uzbekistan": consume a gazetteer name after "of" and take its state."""
    of = _OF.match(text, b)
    if of is None:
        return b, None
    found = spans.state_start.get(of.end())
    if found is None:
        return b, None
    end, state = found
    return end, state or None


def _add(
    text: str,
    start: int,
    end: int,
    title: str,
    rank: str | None,
    country: str | None,
    spans: _Spans,
    people: dict[str, Mention],
) -> None:
    words = text[start:end].split(" ")
    while words and words[-1].casefold() in _NOT_NAME:  # "General Li Shangfu Said" never, but be safe
        words.pop()
        end = start + len(" ".join(words))
    if not words or any(w.casefold() in _NOT_NAME for w in words) or spans.overlaps(start, end):
        return
    name = " ".join(words)
    if len(words) == 1:  # a bare surname: the person named in full before, else a new person
        known = _by_surname(name, people)
        if known is not None:
            known.aliases = sorted(set(known.aliases) | {f"{rank or title} {name}"})
            return
        if not title[:1].isupper():  # "the president Trump" is rare; "minister Li" too weak alone
            return
    pid = f"person:{_slug(name)}"
    props: dict = {"title": title}
    if rank:
        props["rank"] = rank
    if country:
        props["country"] = country
    prev = people.get(pid)
    if prev is None:
        people[pid] = Mention(start, end, pid, "Actor", "Person", name, [], props)
    else:
        for k, v in props.items():
            prev.props.setdefault(k, v)


def add_bare_surnames(text: str, people: dict[str, Mention]) -> None:
    """ "Mirzo said" after "Sherali Mirzo": the bare surname is an alias of the same person.

    One scan of the text for every surname at once (a scan per person grows with people × text)."""
    by_surname: dict[str, list[Mention]] = {}
    for p in people.values():
        by_surname.setdefault(p.name.split(" ")[-1], []).append(p)
    if not by_surname:
        return
    alternatives = "|".join(sorted(map(re.escape, by_surname), key=len, reverse=True))
    pending = {id(p) for p in people.values()}
    for m in re.finditer(rf"(?<![\w'’-])({alternatives})(?![\w-])", text):
        surname = m.group(1)
        for p in by_surname[surname]:
            full_prefix = p.name[: -len(surname)]
            if id(p) in pending and m.start() >= p.end and not text.endswith(full_prefix, 0, m.start()):
                p.aliases = sorted(set(p.aliases) | {surname})
                pending.discard(id(p))
        if not pending:
            break


def _by_surname(word: str, people: dict[str, Mention]) -> Mention | None:
    for p in reversed(list(people.values())):
        parts = p.name.split(" ")
        if word in (parts[0], parts[-1]):
            return p
    return None


def _slug(name: str) -> str:
    s = slug(name)
    return s if s != "x" else "-".join(name.casefold().split())
