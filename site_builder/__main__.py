"""`python -m site_builder`: the `contest` command."""

from site_builder.cli import main

main()
