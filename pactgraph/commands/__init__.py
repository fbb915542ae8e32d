"""Sub-commands of the `pactgraph` CLI. Each module defines ``register(subparsers)``.

A registered parser sets ``func`` (``parser.set_defaults(func=run)``) taking the parsed
arguments and returning an exit code.
"""
