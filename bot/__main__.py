"""`python -m bot …` is the same as the `signbot` command."""

from bot.cli import main

main()
