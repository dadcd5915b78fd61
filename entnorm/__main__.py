"""`python -m entnorm` runs the CLI."""

from entnorm.cli import cli

cli()
