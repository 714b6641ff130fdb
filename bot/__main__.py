"""`python -m bot …` is the same as the `signbot` command."""

from bot.entrypoints.cli import main

main()
