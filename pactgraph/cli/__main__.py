"""``python -m pactgraph.cli``: the same command line as the ``pactgraph`` script."""

import sys

from pactgraph.cli import main

sys.exit(main())
