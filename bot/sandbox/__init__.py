"""A local stand-in for the Telegram Bot API, served over HTTP (see ``server.start_sandbox``)."""

from bot.sandbox.server import RunningSandbox, create_app, start_sandbox
from bot.sandbox.state import SandboxState

__all__ = ["RunningSandbox", "SandboxState", "create_app", "start_sandbox"]
