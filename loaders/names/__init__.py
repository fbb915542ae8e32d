"""Names without lists: capitalised names typed by their head nouns, people by their roles.

"Basa Air Base", "Enhanced Defense Cooperation Agreement (EDCA)", "Indian Navy", "Exercise Cobra
Gold" and "Defence Minister Rajnath Singh" are found from the shape of the name and the lexicon
in ``data/lexicon/names.yaml``, not from a list of the entities themselves. A state named inside
the name ("Indian Navy", "Ministry of Defence of India") or just before it ("Russia's ...") is
kept as the name's owner; acronyms defined in parentheses name the same entity later on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.names.gazetteer import Gazetteer
from loaders.names.lexicon import Lexicon, lexicon
from loaders.names.reference import capitals, settlements
from loaders.read.text import form_keys, slug

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z][a-z])|\w[\w'’\-.]*\w|\w|[“”\"(),;:]|\S")
_ACRONYM = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z0-9&\-.]{1,11})\s*\)")
_CONNECT = frozenset(
    {"of", "for", "on", "de", "du", "al", "bin", "ibn", "el", "da", "van", "von", "and", "the"}
)
_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "outside", "visited", "visit", "visiting", "into"})
#: words between an exercise's name and its head ("Resolute Sentinel military exercises")
_EXERCISE_KINDS = frozenset(
    {
        "military", "naval", "joint", "air", "multinational", "bilateral", "trilateral", "combined",
        "annual", "maritime", "army", "counterterrorism", "counter-terrorism", "anti-terrorist",
        "tactical", "command-post", "amphibious", "live-fire", "large-scale", "field", "staff",
        "special-forces", "peacekeeping",
    }
)  # fmt: skip
_TOWN_NOUNS = frozenset({"city", "town", "village", "capital", "port", "cities", "towns"})
_PREFIX = {
    "GovernmentBody": "gov",
    "SecurityForce": "sf",
    "Organization": "org",
    "Agreement": "agr",
    "Facility": "site",
    "Region": "region",
    "Settlement": "city",
    "Person": "person",
    "Exercise": "event",
    "Meeting": "event",
}
COARSE = {
    "GovernmentBody": "Actor",
    "SecurityForce": "Actor",
    "Organization": "Actor",
    "Person": "Actor",
    "State": "Actor",
    "Agreement": "Agreement",
    "Facility": "Site",
    "Region": "Site",
    "Settlement": "Site",
    "Exercise": "Event",
    "Meeting": "Event",
}


@dataclass(slots=True)
class Name:
    """One occurrence of a named entity at [start, end) of the text."""

    start: int
    end: int
    id: str
    subtype: str
    name: str
    aliases: list[str] = field(default_factory=list)
    #: the state the name says it belongs to ("Indian Navy": state:india)
    state: str | None = None
    #: the organisation or body a person's role names ("CSTO Secretary-General": the CSTO)
    owner: str | None = None
    #: where the name's own words stop before any lower-case head ("Cobra Gold" of "Cobra Gold exercise")
    role: str | None = None

    @property
    def coarse(self) -> str:
        return COARSE[self.subtype]


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def cap(self) -> bool:
        c = self.text[:1]
        return c.isupper() or (c.isdigit() and len(self.text) <= 4)


def tokens(sent: str, off: int) -> list[Tok]:
    return [Tok(m.group(), m.start() + off, m.end() + off) for m in _TOKEN.finditer(sent)]


class Registry:
    """The document's named entities: one id per name, acronyms and surnames that refer back."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Name] = {}
        self.acronyms: dict[str, Name] = {}
        self.surnames: dict[str, Name] = {}

    def add(self, n: Name) -> Name:
        key = (COARSE[n.subtype], name_key(n.name))
        prev = self.by_key.get(key)
        if prev is not None:
            prev.aliases = sorted(set(prev.aliases) | set(n.aliases) | ({n.name} - {prev.name}))
            prev.state = prev.state or n.state
            prev.owner = prev.owner or n.owner
            return _at(prev, n.start, n.end)
        self.by_key[key] = n
        if n.subtype == "Person":
            last = n.name.split()[-1]
            self.surnames.setdefault(last, n)
        return n


def name_key(name: str) -> str:
    """A name folded for identity: case, a leading 'the', possessives and punctuation ignored."""
    s = re.sub(r"^the\s+", "", name.casefold().replace("’", "'"))
    s = re.sub(r"'s\b", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def _at(n: Name, start: int, end: int) -> Name:
    return Name(start, end, n.id, n.subtype, n.name, n.aliases, n.state, n.owner, n.role)


def find_names(
    sent: str, off: int, gaz: Gazetteer, reg: Registry, taken: list[tuple[int, int]]
) -> list[Name]:
    """The names in one sentence that ``taken`` spans (the gazetteer's mentions) do not cover."""
    lex = lexicon()
    toks = tokens(sent, off)
    out: list[Name] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.cap or (t.text in lex.stop):
            # a lower-case role word ("defence minister Rajnath Singh") or a quoted name
            person = _lower_role_person(toks, i, gaz, lex, reg)
            if person is not None:
                out.append(person)
                i = _index_after(toks, person.end)
                continue
            quoted = _quoted_event(toks, i, sent, off, lex, reg)
            if quoted is not None:
                out.append(quoted)
                i = _index_after(toks, quoted.end)
                continue
            i += 1
            continue
        j = _span_end(toks, i, lex)
        found = _classify(toks, i, j, sent, off, gaz, lex, reg)
        out.extend(found)
        i = max(j, _index_after(toks, found[-1].end) if found else j)
    out = [n for n in out if not any(s <= n.start and n.end <= e for s, e in taken)]
    _acronyms(sent, off, out, reg)
    for n in out:  # "Collective Security Treaty Organization (CSTO) Secretary-General Nikolai Bordyuzha"
        m = re.search(r"\(\s*([A-Z][A-Za-z0-9&\-.]{1,11})\s*\)\s*[A-Z][\w\- ]*$", sent[: n.start - off])
        if n.subtype == "Person" and n.owner is None and m and m[1] in reg.acronyms:
            n.owner = reg.acronyms[m[1]].id
    out += _back_references(toks, out, reg, taken)
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _index_after(toks: list[Tok], end: int) -> int:
    for k, t in enumerate(toks):
        if t.start >= end:
            return k
    return len(toks)


def _span_end(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """The end (exclusive) of the capitalised run from ``i``, connectors allowed between capitals."""
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if _possessive(toks[j - 1].text):
            break
        if t.cap and t.text not in lex.stop_inside:
            j += 1
            continue
        if t.text in _CONNECT:
            k = j + 1
            while k < len(toks) and toks[k].text in _CONNECT and k - j < 2:
                k += 1
            if k < len(toks) and toks[k].cap and toks[k].text not in lex.stop:
                j = k + 1
                continue
        break
    return j


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _words(toks: list[Tok], i: int, j: int) -> list[str]:
    return [t.text for t in toks[i:j]]


def _classify(toks, i, j, sent, off, gaz, lex, reg) -> list[Name]:
    # leading stop words ("The", "In") are not part of a name
    while i < j and toks[i].text in lex.stop:
        i += 1
    if i >= j:
        return []
    words = _words(toks, i, j)
    if _possessive(words[-1]):
        words[-1] = words[-1][:-2]
    # "Australia and Papua New Guinea": a list of names, each classified alone
    if "and" in words:
        k = words.index("and")
        left = _classify(toks, i, i + k, sent, off, gaz, lex, reg)
        right = _classify(toks, i + k + 1, j, sent, off, gaz, lex, reg)
        if left or right:
            return left + right
    state, core0 = _leading_state(words, gaz)
    person = _person(toks, i, j, words, state, core0, gaz, lex, reg)
    if person is not None:
        return [person]
    head_type, head_len, at_start = lex.head(words)
    # a lower-case head right after the name ("the Cobra Gold exercise", "Camp David summit")
    after = toks[j].text.lower() if j < len(toks) else ""
    tail_head = lex.lower_head(after) if head_type is None else None
    described = False
    if head_type is None and tail_head is None:
        # "Resolute Sentinel military exercises", "BRIGHT STAR 23 joint naval drills": the name's
        # own words, then one or two words saying what kind of exercise, then the head
        k = j
        while k < len(toks) and k - j < 2 and toks[k].text.lower() in _EXERCISE_KINDS:
            k += 1
        if k > j and k < len(toks) and lex.lower_head(toks[k].text.lower()) == "Exercise":
            tail_head, described = "Exercise", True
    if tail_head is not None and _state_of(" ".join(words), gaz):
        tail_head = None  # "the Tajikistan agreement": a state's name, not an agreement's
    if head_type is None and tail_head is not None and core0 < len(words):
        head_type = tail_head
        end = toks[j - 1].end if described else toks[j].end
    else:
        end = toks[j - 1].end
        if _possessive(toks[j - 1].text):
            end -= 2
    if head_type is None:
        return _place(toks, i, j, words, gaz, reg)
    core = words[core0:]
    if not at_start and head_len >= len(core) and words[-head_len] in lex.need_modifier:
        return []
    if at_start and len(words) == head_len:
        return []
    name_words = words[core0:] if head_type not in ("GovernmentBody", "SecurityForce") else words
    start = toks[i + (core0 if name_words is not words else 0)].start
    text = " ".join(name_words)
    text = re.sub(r"\s+([’'])", r"\1", text)
    if tail_head is not None and not described:
        text = f"{text} {toks[j].text}"
    if not text or text.lower() in lex.stop_lower:
        return []
    own = state or _of_state(words, gaz)
    if own is None and i > 0 and _possessive(toks[i - 1].text):
        own = _state_of(toks[i - 1].text[:-2], gaz)
    n = Name(start, end, f"{_PREFIX[head_type]}:{slug(text)}", head_type, text, [], own)
    return [reg.add(n)]


def _leading_state(words: list[str], gaz: Gazetteer) -> tuple[str | None, int]:
    """A state name or demonym the name opens with ("Indian Navy", "U.S. Army"): (state id, skip)."""
    for k in (3, 2, 1):
        if len(words) > k:
            st = _state_of(" ".join(words[:k]), gaz)
            if st:
                return st, k
    return None, 0


def only_states(name: str, gaz: Gazetteer, lex: Lexicon | None = None) -> bool:
    """Whether a name says no more than its states and its kind ("Tajik-China exercises")."""
    lex = lex or lexicon()
    words = [w for w in re.split(r"[\s\-–—/]+", name) if w]
    rest = [w for w in words if w.lower() not in _EXERCISE_KINDS and lex.lower_head(w.lower()) is None]
    return bool(rest) and all(_state_of(w, gaz) for w in rest)


def _state_of(surface: str, gaz: Gazetteer) -> str | None:
    for role, ref, exact in gaz.forms.get(form_keys(surface), []):
        if role == "state" and (not exact or exact == surface):
            return ref
    return None


def _of_state(words: list[str], gaz: Gazetteer) -> str | None:
    """ "Ministry of Defence of India": the state the name ends with after "of"."""
    for k in (3, 2, 1):
        if len(words) > k + 1 and words[-k - 1] in ("of", "the"):
            st = _state_of(" ".join(words[-k:]), gaz)
            if st:
                return st
    return None


def _person(toks, i, j, words, state, core0, gaz, lex, reg) -> Name | None:
    """ "Indian Prime Minister Narendra Modi", "CSTO Secretary-General Nikolai Bordyuzha"."""
    k, owner = core0, None
    # an organisation's acronym before the role ("NATO Secretary General")
    if k < len(words) and words[k] in reg.acronyms and lex.role_len(words[k + 1 :]):
        owner = reg.acronyms[words[k]].id
        k += 1
    rl = lex.role_len(words[k:])
    if not rl:
        return None
    role = " ".join(words[k : k + rl])
    k += rl
    # "Minister of Defence of India": the role's own "of" state
    if k < len(words) and words[k] == "of":
        for m in (3, 2, 1):
            st = _state_of(" ".join(words[k + 1 : k + 1 + m]), gaz)
            if st:
                state, k = state or st, k + 1 + m
                break
    rest = words[k:]
    if not 1 <= len(rest) <= 4 or any(
        w in lex.stop or w.lower() in _CONNECT - {"bin", "al", "de"} for w in rest
    ):
        return None
    if any(_state_of(w, gaz) for w in rest) or lex.head(rest)[0] is not None or lex.head(rest[:1])[0]:
        return None  # "General Atomics": a company, not a general
    if len(rest) == 1 and rest[0] in reg.surnames:
        p = reg.surnames[rest[0]]
        return _at(p, toks[j - 1].start, toks[j - 1].end)
    name = " ".join(rest)
    start = toks[j - len(rest)].start
    n = Name(
        start, toks[j - 1].end, f"person:{slug(name)}", "Person", name, [f"{role} {name}"], state, owner, role
    )
    return reg.add(n)


def _lower_role_person(toks, i, gaz, lex, reg) -> Name | None:
    """ "defence minister Rajnath Singh", "India's defence minister Rajnath Singh"."""
    rl = lex.role_len([t.text for t in toks[i : i + 4]], lower=True)
    if not rl or toks[i].text[:1].isupper():
        return None
    k = i + rl
    rest: list = []
    while k < len(toks) and toks[k].cap and toks[k].text not in lex.stop and len(rest) < 4:
        rest.append(toks[k])
        k += 1
    if (
        not rest
        or lex.head([t.text for t in rest])[0] is not None
        or any(_state_of(t.text, gaz) for t in rest)
    ):
        return None
    state = None
    if i > 0:
        prev = toks[i - 1].text
        state = _state_of(prev[:-2] if _possessive(prev) else prev, gaz)
    name = " ".join(t.text for t in rest)
    if len(rest) == 1:
        p = reg.surnames.get(name)
        return _at(p, rest[0].start, rest[0].end) if p else None
    role = " ".join(t.text for t in toks[i : i + rl])
    return reg.add(
        Name(rest[0].start, rest[-1].end, f"person:{slug(name)}", "Person", name, [], state, None, role)
    )


def _quoted_event(toks, i, sent, off, lex, reg) -> Name | None:
    """an exercise "dubbed “Search 2016”" or "codenamed 'Peace Mission'"."""
    if toks[i].text not in ("“", '"') or i == 0:
        return None
    before = " ".join(t.text.lower() for t in toks[max(0, i - 3) : i])
    if not re.search(r"\b(?:dubbed|named|codenamed|code-named|called|exercise|drills?)\b", before):
        return None
    k = i + 1
    while k < len(toks) and toks[k].text not in ("”", '"') and k - i < 8:
        k += 1
    if k >= len(toks) or k == i + 1:
        return None
    name = sent[toks[i + 1].start - off : toks[k - 1].end - off].rstrip(".,;:")
    if not name[:1].isupper():
        return None
    return reg.add(Name(toks[i + 1].start, toks[k - 1].end, f"event:{slug(name)}", "Exercise", name))


def _place(toks, i, j, words, gaz, reg) -> list[Name]:
    """A settlement GeoNames knows, where the text calls it a place ("in Dushanbe", "DUSHANBE, ...")."""
    text = " ".join(words)
    title = text.title() if text.isupper() else text
    if title in reg.acronyms or _state_of(text, gaz):
        return []
    city = settlements().get(title)
    cap_iso = capitals().get(title)
    if city is None and cap_iso is None:
        return []
    prev = toks[i - 1].text.lower() if i > 0 else ""
    dateline = i == 0 and text.isupper()
    # "in Dushanbe", "the city of Agadez", "in Callao and Iquitos"
    city_of = prev == "of" and i > 1 and toks[i - 2].text.lower() in _TOWN_NOUNS
    listed = prev in ("and", ",") and any(t.text.lower() in _LOCATIVE for t in toks[max(0, i - 6) : i - 1])
    if prev not in _LOCATIVE and not dateline and not city_of and not listed:
        return []
    iso = (city or {}).get("countrycode") or cap_iso
    state = gaz.by_iso2.get(iso.lower()) if iso else None
    n = Name(toks[i].start, toks[j - 1].end, f"city:{slug(title)}", "Settlement", title, [], state)
    return [reg.add(n)]


def _acronyms(sent: str, off: int, names: list[Name], reg: Registry) -> None:
    """ "Collective Security Treaty Organization (CSTO)": the acronym names the entity from now on."""
    for m in _ACRONYM.finditer(sent):
        before = [
            n for n in names if n.end <= m.start() + off and sent[n.end - off : m.start()].strip() == ""
        ]
        if before:
            n = before[-1]
            acr = m["acr"]
            reg.acronyms.setdefault(acr, n)
            stored = reg.by_key.get((n.coarse, name_key(n.name)))
            if stored is not None and acr not in stored.aliases:
                stored.aliases.append(acr)


def _back_references(toks: list[Tok], names: list[Name], reg: Registry, taken) -> list[Name]:
    """Acronyms and surnames used alone after the name that introduced them."""
    out = []
    covered = [(n.start, n.end) for n in names] + list(taken)
    for t in toks:
        word = t.text[:-2] if _possessive(t.text) else t.text
        ref = reg.acronyms.get(word) or (reg.surnames.get(word) if word[:1].isupper() else None)
        if ref is None or any(s <= t.start < e for s, e in covered):
            continue
        out.append(_at(ref, t.start, t.start + len(word)))
    return out
