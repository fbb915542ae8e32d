"""Cue-word and gap patterns the relation rules share, compiled once at import."""

from __future__ import annotations

import re

from loaders.read.scan import Anchored, literals

_I = re.IGNORECASE
BETWEEN = re.compile(r"^[\w\s-]{0,40}?\bbetween\s+(?:the\s+)?(?:governments?\s+of\s+)?$", _I)
WITH = re.compile(r"^[\w\s-]{0,25}?\bwith\s+(?:the\s+)?$", _I)
BY = re.compile(
    r"^[\w\s,-]{0,30}?\bby\s+(?:the\s+)?(?:governments?\s+of\s+)?"
    r"(?:(?:[a-z]+\s+){0,2}(?:ministers?|leaders|heads|representatives|presidents|delegations)\s+of\s+(?:the\s+)?)?$",
    _I,
)
POSS = re.compile(r"^(?:['’]s)?\s*$")
ADJ = re.compile(r"^\s*[-–—/]?\s*$")
FOR = re.compile(r"^\s+for\s+(?:the\s+)?$", _I)
IN = re.compile(
    r"^\s*,?\s*(?:(?:is |are |was |were )?(?:located|situated|based|stationed)\s+)?"
    r"(?:in|at|on)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?$",
    _I,
)
OF = re.compile(r"^\s+of\s+(?:the\s+)?$", _I)
SIGN = re.compile(r"\b(?:sign(?:ed|s|ing)?|conclud(?:ed|es|e)|ink(?:ed|s)?|agreed|reached)\b", _I)
APPROVE = re.compile(
    r"\b(?:approv(?:ed|es|e|al)|ratif(?:ied|ies|y|ication)|endors(?:ed|es|e)|"
    r"adopted|passed)\b",
    _I,
)
PROVIDE_FOR = re.compile(
    r"\b(?:calls? for|call(?:ed|ing) for|provides? for|provided for|envisag\w+|"
    r"stipulat\w+|foresees?|covers?|extend\w*|on the (?:use|lease|presence|status)|allows?(?: for)?|"
    r"to (?:carry out|conduct|"
    r"hold|build|construct|establish|lease|deploy)|on (?:joint|the|conducting|"
    r"holding|building)|for (?:joint|holding))\b",
    _I,
)
FUND = re.compile(
    r"\b(?:fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|grant(?:s|ed)?|allocat(?:e|es|ed|ing)|"
    r"provid(?:e|es|ed|ing)|paid|pay(?:s|ing)?|donat(?:e|es|ed)|invest(?:s|ed|ing)?|"
    r"gave|give|gives)\b",
    _I,
)
MONEYISH = re.compile(r"\b(?:grant|fund|financ|assistance|aid|loan|credit)", _I)
BUILD = re.compile(
    r"\b(?:build(?:s|ing)?|built|construct(?:s|ed|ing)?|erect(?:s|ed|ing)?|"
    r"upgrad(?:e|es|ed|ing)|renovat(?:e|es|ed|ing)|refurbish(?:ed|es|ing)?)\b",
    _I,
)
OPERATE = re.compile(
    r"\b(?:operat(?:e|es|ed|ing)|runs?|running|station(?:s|ed)?|deploy(?:s|ed)?|"
    r"maintain(?:s|ed)?|establish(?:ed|es)?|set up|open(?:ed|s)?|us(?:e|es|ed|ing)|"
    r"lease[sd]?|leasing|rent(?:s|ed)?|control(?:s|led)?|garrison(?:ed|s)?)\b",
    _I,
)
AS_PART = re.compile(
    r"\b(?:as part of|under|in accordance with|within the framework of|pursuant to)"
    r"\s+(?:the\s+)?$",
    _I,
)
SUPPLY_OUT = re.compile(
    r"\b(?:deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|hand(?:ed|s)? over|"
    r"donat(?:e|es|ed|ing)|transferr?(?:ed|s|ing)?|sold|sells?|selling|"
    r"export(?:s|ed|ing)?|provid(?:e|es|ed|ing)|gave|gives?|gift(?:ed|s)?)\b",
    _I,
)
SUPPLY_IN = re.compile(
    r"\b(?:purchas(?:e|ed|es|ing)|bought|buys?|buying|acquir(?:e|ed|es|ing)|"
    r"order(?:ed|s)?|receiv(?:e|ed|es|ing)|took delivery)\b",
    _I,
)
TRAIN = re.compile(
    r"\b(?:train(?:s|ed|ing)?|instruct(?:s|ed|ing)?|advis(?:e|es|ed|ing)|"
    r"mentor(?:s|ed|ing)?)\b",
    _I,
)
COOP = re.compile(
    r"\b(?:partnership|cooperation|co-operation|cooperat(?:e|es|ed|ing)|"
    r"collaborat\w*|alliance|allies|ties)\b",
    _I,
)
PUBLISH = re.compile(r"\b(?:publish(?:ed|es)?|released|issued|posted)\b", _I)
COST = re.compile(r"\b(?:cost|worth|valued at|price|budget)\b", _I)
TERMS = [
    (re.compile(r"\b(?:secrecy|confidential\w*|classified|not disclose)\b", _I), "secrecy"),
    (re.compile(r"\b(?:rent-free|free of charge|without payment|no rent)\b", _I), "rent-free"),
    (re.compile(r"\bimmunit\w+\b", _I), "immunity"),
    (re.compile(r"\bautomatic(?:ally)? (?:renew|extend|prolong)\w*\b", _I), "automatic renewal"),
    (re.compile(r"\bexclusive\w*\b", _I), "exclusive use"),
]
#: what every TERMS match holds, one of them (see text.may_hold)
TERM_WORDS = literals(
    "secrecy|confidential|classified|not disclose|rent-free|free of charge|without payment|no rent|"
    "immunit|automatic|exclusive"
)
EX_VERB = re.compile(
    r"\b(?:carr(?:y|ied|ies|ying) out|conduct\w*|hold(?:s|ing)?|held|stag(?:e|ed|es|ing)|"
    r"t(?:ake|ook|aking) part|participat\w*|join\w*|launch\w*|organi[sz]\w*|host\w*)\b",
    _I,
)
_TOOK_PART = re.compile(
    r"\b(?:t(?:ake|ook|aking) part|participat(?:ed|es|e|ing)|joined the (?:drills|exercises?))\b", _I
)
EXERCISE_ACTORS = frozenset({"State", "SecurityForce", "GovernmentBody", "Organization"})

#: the token cue class (loaders.relations.cues) a sentence must hold before a cue pattern is scanned
CUE_CLASS: dict[re.Pattern[str], str] = {
    SIGN: "sign",
    APPROVE: "approve",
    FUND: "fund",
    BUILD: "build",
    OPERATE: "operate",
    SUPPLY_OUT: "supply_out",
    SUPPLY_IN: "supply_in",
    TRAIN: "train",
    COOP: "coop",
    PUBLISH: "publish",
}

#: the cue patterns scanned from the words their matches start with (lower case; see loaders.read.scan):
#: only those few places are tried. For text whose token cue classes cannot say where cues start
#: (non-ASCII text; see rulekit.cue_spans), and for scans without a sentence's cues.
CUE_SCANS: dict[re.Pattern[str], Anchored] = {
    pattern: Anchored(pattern, literals(words), 0, fold=True)
    for pattern, words in (
        (SIGN, "sign|conclud|ink|agreed|reached"),
        (APPROVE, "approv|ratif|endors|adopted|passed"),
        (FUND, "fund|financ|grant|allocat|provid|paid|pay|donat|invest|gave|give"),
        (BUILD, "build|built|construct|erect|upgrad|renovat|refurbish"),
        (OPERATE, "operat|run|station|deploy|maintain|establish|set up|open|us|leas|rent|control|garrison"),
        (SUPPLY_OUT, "deliver|suppl|hand|donat|transfer|sold|sell|export|provid|gave|give|gift"),
        (SUPPLY_IN, "purchas|bought|buy|acquir|order|receiv|took delivery"),
        (TRAIN, "train|instruct|advis|mentor"),
        (COOP, "partnership|cooperat|co-operation|collaborat|alliance|allies|ties"),
        (PUBLISH, "publish|released|issued|posted"),
    )
}
