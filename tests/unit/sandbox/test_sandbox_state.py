"""The sandbox's epoch: a viewer can tell a reset and a new sandbox process from the old one."""

from __future__ import annotations

from bot.sandbox.state import SandboxState


def test_the_epoch_changes_on_reset_and_differs_between_processes() -> None:
    first, second = SandboxState(), SandboxState()
    assert first.epoch != second.epoch  # a restarted sandbox counts its resets from 0 again
    before = first.epoch
    first.reset()
    assert first.epoch not in (before, second.epoch)
