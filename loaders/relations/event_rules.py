"""Event and partnership rules: who takes part in an exercise, who cooperates with whom."""

from __future__ import annotations

import re

from loaders.relations.frames import Discourse, Item
from loaders.relations.patterns import _TOOK_PART, ADJ, BETWEEN, COOP, EX_VERB, EXERCISE_ACTORS, WITH
from loaders.relations.rulekit import cue_spans, rel, subject
from loaders.relations.sentence import Rel, Sentence

_JOINT_GAP = re.compile(r"^\s*(?:joint|military)?\s*$")


def exercise_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """PARTICIPATES_IN: subjects, "between X and Y", "with Y", "joint X-Y exercises"."""
    out: list[Rel] = []
    exercises = sent.of("exercise")
    took_part = _TOOK_PART.search(sent.text) if "took_part" in sent.cues else None
    if not exercises and "exercise" in disc.last and (m := took_part):
        # "Troops from A, B and C took part." after an exercise: the exercise in focus
        pos = m.start() + sent.start
        exercises = [Item(pos, pos, "exercise", disc.last["exercise"])]
    for ex in exercises:
        group: list[Item] = []
        if nxt := sent.next_item(ex.end, ("actor",), BETWEEN, limit=50):
            group += sent.group_from(nxt)
        if nxt := sent.next_item(ex.end, ("actor",), WITH, limit=30):
            group += sent.group_from(nxt)
        prev = sent.prev_item(ex.start, ("actor",), limit=3, stop=",;")
        if (prev and ADJ.match(sent.gap(prev.end, ex.start))) or (
            prev and _JOINT_GAP.match(sent.gap(prev.end, ex.start))
        ):
            group += sent.group_before(prev)
            for a in list(group):
                p2 = sent.prev_item(a.start, ("actor",), limit=3, stop=",;")
                if p2 and ADJ.match(sent.gap(p2.end, a.start)) and p2 not in group:
                    group.append(p2)
        subj = subject(sent, ex.start, limit=90)
        if subj and not EX_VERB.search(sent.gap(subj[-1].end, ex.start)):
            subj = []
        if subj and not any(s.kind == "agreement" for s in sent.items if subj[-1].end <= s.start < ex.start):
            group += subj
            if nxt := sent.next_item(ex.end, ("actor",), WITH, limit=60):
                group += sent.group_from(nxt)
        seen = set()
        for a in group:
            if (
                a.ref in seen
                or not a.mention
                or a.mention.subtype not in EXERCISE_ACTORS
                or a.mention.props.get("created")
            ):
                continue
            seen.add(a.ref)
            disc.protos[ex.ref].participants.add(a.ref)
            out.append(rel(sent, "PARTICIPATES_IN", a.ref, ex.ref, frequency=sent.frequency))
        if sent.frequency:
            disc.protos[ex.ref].frequency = sent.frequency
    return out


def cooperation_rules(sent: Sentence, disc: Discourse) -> list[Rel]:
    """COOPERATES_WITH between the two actors a partnership or cooperation cue links."""
    pairs: list[tuple[str, str]] = []
    for cue_s, cue_e in cue_spans(COOP, sent):
        if any(i.start <= cue_s < i.end for i in sent.items if i.kind == "actor"):
            continue
        if nxt := sent.next_item(cue_e, ("actor",), BETWEEN, limit=40):
            grp = sent.group_from(nxt)
            if len(grp) >= 2:
                pairs.append((grp[0].ref, grp[1].ref))
                continue
        if nxt := sent.next_item(cue_e, ("actor",), WITH, limit=20):
            subj = sent.prev_item(cue_s, ("actor",), limit=60)
            if subj and any(subj.end <= i.start < cue_s for i in sent.items if i.kind == "site"):
                subj = None  # "... Moscow's military orbit even as Astana pursues cooperation with"
            if subj:
                pairs.append((subj.ref, nxt.ref))
                continue
        prev = sent.prev_item(cue_s, ("actor",), limit=25, stop=",;")
        if prev:
            grp = sent.group_before(prev)
            p2 = sent.prev_item(prev.start, ("actor",), limit=3, stop=",;")
            if p2 and ADJ.match(sent.gap(p2.end, prev.start)):
                pairs.append((p2.ref, prev.ref))
                continue
            if len(grp) >= 2:
                pairs.append((grp[0].ref, grp[1].ref))
                continue
        states = sorted({i.ref for i in sent.agents() if i.mention.subtype == "State"})  # type: ignore[union-attr]
        if len(states) == 2:
            pairs.append((states[0], states[1]))
    out = []
    for a, b in dict.fromkeys(pairs):
        if a != b:
            out.append(rel(sent, "COOPERATES_WITH", *sorted((a, b))))
    return out
