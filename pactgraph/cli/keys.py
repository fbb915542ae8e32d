"""`pactgraph keys create|list|revoke`: API keys with roles (reader, editor, admin)."""

from __future__ import annotations

import argparse

from graph.write import keys
from pactgraph.cli._db import open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("keys", help="create, list or revoke API keys")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="make a key (shown once; only its hash is stored)")
    create.add_argument("name", help="who or what will hold the key")
    create.add_argument("--role", choices=keys.ROLES, default="reader")
    actions.add_parser("list", help="every key's id, holder, role and dates")
    revoke = actions.add_parser("revoke", help="revoke a key by the id `keys list` shows")
    revoke.add_argument("id")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db() as db:
        if args.action == "create":
            key = keys.create_key(db, args.name, args.role)
            print(
                f"{key}\n(id {keys.hash_key(key)[:12]}, {args.role} for {args.name}; "
                "this is the only time the key is shown)"
            )
        elif args.action == "list":
            rows = keys.list_keys(db)
            for row in rows:
                state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
                print(f"{row['id']}  {row['role']:<7} {row['name']}  created {row['created_at']}  {state}")
            print(f"{len(rows)} key(s)")
        else:
            revoked = keys.revoke_key(db, args.id)
            print(f"revoked {revoked['id']} ({revoked['role']} for {revoked['name']})")
    return 0
