"""The command line every benchmark module takes when run alone
(``python -m bench.NAME [--quick]``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def run_alone(run: Callable[[bool], None], doc: str | None,
              argv: list[str] | None = None) -> None:
    """Run one benchmark: ``--quick`` for the small sizes used while developing."""
    parser = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a quick look")
    run(parser.parse_args(argv).quick)
