"""Personal data: what the bot holds about a user, erasing it, and keeping texts only so long."""

from bot.services.privacy.erase import Erased, erase_user
from bot.services.privacy.export import export_user
from bot.services.privacy.retention import months_before, purge_old_comments, purge_old_questions

__all__ = [
    "Erased",
    "erase_user",
    "export_user",
    "months_before",
    "purge_old_comments",
    "purge_old_questions",
]
