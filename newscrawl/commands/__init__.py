"""Subcommands of the `newscrawl` console script (see `newscrawl.cli`)."""
