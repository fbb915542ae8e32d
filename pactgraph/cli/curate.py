"""`pactgraph curate ACTION`: analyst curation from the command line, every change audited.

merge/unmerge entities, rename, add or remove an alias, assert or retract a claim, grade or
delete a document, and read the audit log.
"""

from __future__ import annotations

import argparse
import json

from pactgraph.cli._db import open_db, who_default


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("curate", help="merge, rename, alias, assert, retract, delete, audit")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def add(name: str, help_text: str, *args: str, why: bool = True) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text)
        for arg in args:
            sub.add_argument(arg)
        sub.add_argument("--who", default=None, help="recorded in the audit log (default cli:<user>)")
        sub.add_argument("--why", required=why, default="", help="the reason, recorded in the audit log")
        return sub

    add("merge", "fold MERGED into SURVIVOR (undo with unmerge)", "survivor", "merged")
    add("unmerge", "undo a merge, by merge record id or merged-away entity id", "merge")
    add("rename", "give an entity a new canonical name", "id", "name", why=False)
    add("alias-add", "add an alias to an entity", "id", "alias", why=False)
    add("alias-remove", "remove an alias (it stays removed on re-ingest)", "id", "alias", why=False)
    sub = add("assert", "assert SOURCE -TYPE-> TARGET by hand", "source", "type", "target")
    sub.add_argument("--status", default="confirmed", choices=["reported", "planned", "denied", "confirmed"])
    sub.add_argument("--credibility", type=int, choices=range(1, 7), help="information credibility 1-6")
    add("retract", "retract a claim by its claim id", "claim_id")
    add("delete-document", "withdraw a document and whatever only it supported", "id", why=False)
    sub = add("grade", "set a document's source reliability (A-F)", "id", "grade", why=False)
    audit = actions.add_parser("audit", help="read the audit log, newest first")
    for flag in ("--target", "--who", "--since", "--until"):
        audit.add_argument(flag)
    audit.add_argument("--kind", dest="action_prefix", help="action prefix, e.g. entity. or claim.retracted")
    audit.add_argument("--limit", type=int, default=50)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from graph.write import audit, curation, merging
    from graph.write.documents import DocumentStore

    with open_db() as db:
        if args.action == "audit":
            rows = audit.query(db, target=args.target, who=args.who, action=args.action_prefix,  # type: ignore[arg-type]
                               since=args.since, until=args.until, limit=args.limit)
            for row in rows:
                print(f"{row['at']}  {row['who']:<14} {row['action']:<22} {row['target']}  "
                      f"{row['why']}  {json.dumps(row['details'], ensure_ascii=False)}")
            print(f"{len(rows)} event(s)")
            return 0
        who = args.who or who_default()
        act = args.action
        if act == "merge":
            out = merging.merge(db, args.survivor, args.merged, who=who, why=args.why)  # type: ignore[arg-type]
        elif act == "unmerge":
            out = merging.unmerge(db, args.merge, who=who, why=args.why)  # type: ignore[arg-type]
        elif act == "rename":
            out = curation.rename(db, args.id, args.name, who=who, why=args.why)  # type: ignore[arg-type]
        elif act in ("alias-add", "alias-remove"):
            out = curation.alias(db, args.id, args.alias, remove=act == "alias-remove", who=who,  # type: ignore[arg-type]
                                 why=args.why)
        elif act == "assert":
            out = curation.assert_claim(db, args.source, args.type, args.target, who=who, why=args.why,  # type: ignore[arg-type]
                                        status=args.status, credibility=args.credibility)
        elif act == "retract":
            out = curation.retract_claim(db, args.claim_id, who=who, why=args.why)  # type: ignore[arg-type]
        elif act == "delete-document":
            out = DocumentStore(db).delete(args.id, who=who, why=args.why)  # type: ignore[arg-type]
        else:
            out = {"document": args.id, "claims_refreshed":
                   DocumentStore(db).set_reliability(args.id, args.grade, who=who, why=args.why)}  # type: ignore[arg-type]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
