"""Which rule cues a sentence holds, from its tokens: one dictionary look-up per token.

Each class lists, as a regex over one case-folded token, a superset of the words that can start
its cue phrase. A sentence runs a rule's own (slower) patterns only when the class is present,
so most sentences skip most rules without scanning their text.
"""

from __future__ import annotations

import re
from typing import cast

_CLASSES: dict[str, str] = {
    "sign": r"sign\w*|conclud\w*|ink\w*|agreed|reached",
    "approve": r"approv\w*|ratif\w*|endors\w*|adopted|passed",
    "fund": r"fund\w*|financ\w*|grant\w*|allocat\w*|provid\w*|paid|pay\w*|donat\w*|invest\w*|gave|give\w*",
    "moneyish": r"(?:grant|fund|financ|assistance|aid|loan|credit)\w*",
    "build": r"build\w*|built|construct\w*|erect\w*|upgrad\w*|renovat\w*|refurbish\w*",
    "operate": r"operat\w*|runs?|running|station\w*|deploy\w*|maintain\w*|establish\w*|set|open\w*|"
    r"us(?:e|es|ed|ing)|leas\w*|rent\w*|control\w*|garrison\w*",
    "supply_out": r"deliver\w*|suppl\w*|hand\w*|donat\w*|transferr?\w*|sold|sell\w*|export\w*|provid\w*|"
    r"gave|give\w*|gift\w*",
    "supply_in": r"purchas\w*|bought|buy\w*|acquir\w*|order\w*|receiv\w*|took",
    "train": r"train\w*|instruct\w*|advis\w*|mentor\w*",
    "coop": r"partnership|cooperation|co|cooperat\w*|collaborat\w*|alliance|allies|ties",
    "publish": r"publish\w*|released|issued|posted",
    "took_part": r"take|took|taking|participat\w*|joined",
    "agreed_to": r"agreed|agree|agreeing|signed|reached|договариваются",
    "member": r"members?|member\w*|belong\w*|joined|as",
    "both": r"two|both|parties|three",
    "frequency": r"once|twice|times?|time|annual\w*|biennial\w*|yearly|every",
    "new_body": r"created|established|set|formed",
    "unit": r"department|directorate|division|brigade|regiment|battalion\w*|command|detachment\w*|units?|"
    r"cent(?:er|re)|academy|school|groups?|teams?|squads?|compan(?:y|ies)|forces?",
    "exercise": r"exercises?|drills?|war|wargames|games|manoeuvres|maneuvers",
    "place": r"border|frontier|bases?|airbase|grounds?|sites?|ranges?|airfields?|field|stations?|"
    r"cent(?:er|re)s?|depots?|"
    r"plants?|factory|factories|camps?|outposts?|garrisons?|airports?|ports?|region|district|province|"
    r"valley|gorge|corridor|pass|oblast|governorate|county|prefecture|plateau",
    "org": r"fund|agency|bank|corporation|company|coalition|organi[sz]ation|institute|foundation|corps",
    "date": r"(?:19|20)\d\d|year",
    "currency": r"chinese|yuan|renminbi|rmb|cny|¥|us|u|american|dollars?|usd|\$|russian|roubles?|rubles?|"
    r"rub|₽|tajik|somoni|tjs|kyrgyz|soms?|kgs|tenge|kzt|₸|uzbek|sums?|uzs|euros?|eur|€|pounds?|gbp|£|"
    r"indian|rupees?|inr|₹|pakistani|pkr|turkish|lira|try",
}
#: classes whose cue may sit inside a longer word ("airbase", "outposts", "memoranda")
_INSIDE: dict[str, str] = {
    "facility": r"base|facilit|outpost|installation|garrison|post|cent(?:er|re)|plant|factor|depot|airfield|"
    r"ground|site|station|checkpoint|fort",
    "agreement": r"agreement|treat|memorand|mou|accord|protocol|contract|deal|pact|roadmap|grant|"
    r"declaration|charter",
    "cheap": r"base|facilit|agree|treat|memorand|exercis|drill",
}
_WHOLE = [(name, re.compile(rf"(?:{pattern})")) for name, pattern in _CLASSES.items()]
_PART = [(name, re.compile(pattern)) for name, pattern in _INSIDE.items()]
_MEMO: dict[str, frozenset[str]] = {}
EMPTY: frozenset[str] = frozenset()


def classify(key: str) -> frozenset[str]:
    """The cue classes one token key (case-folded) may start (memoised, bounded)."""
    found = _MEMO.get(key)
    if found is None:
        names = [n for n, p in _WHOLE if p.fullmatch(key)] + [n for n, p in _PART if p.search(key)]
        found = frozenset(names) if names else EMPTY
        if len(_MEMO) < 200_000:  # bounded so memory stays flat on any corpus
            _MEMO[key] = found
    return found


def token_classes(keys: list[str]) -> list[frozenset[str]]:
    """Cue classes of every token of a document, in order."""
    found = list(map(_MEMO.get, keys))  # C-level look-ups; a Python pass only for new keys
    if None in found:
        return [c if c is not None else classify(k) for c, k in zip(found, keys, strict=True)]
    return cast(list[frozenset[str]], found)


def cue_positions(classes: list[frozenset[str]], starts: list[int]) -> dict[str, list[int]]:
    """Where the tokens of each cue class start, in order (for the whole document at once)."""
    out: dict[str, list[int]] = {}
    for k in [k for k, c in enumerate(classes) if c]:
        for name in classes[k]:
            out.setdefault(name, []).append(starts[k])
    return out


def sentence_cues(classes: list[frozenset[str]], t0: int, t1: int) -> frozenset[str]:
    """The union of cue classes over tokens [t0, t1)."""
    found = [c for c in classes[t0:t1] if c]
    if not found:
        return EMPTY
    return found[0].union(*found[1:]) if len(found) > 1 else found[0]
