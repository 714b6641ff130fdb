"""The newsletter digest as sent: text and neutral actions, from the service's selection.

``render`` writes the sections and buttons, ``layout`` fits them into one message with the
Jinja2 templates in ``templates/``; handlers/digest/render.py draws the actions as buttons.
"""

from bot.views.digest.actions import Action, AnswerPoll, Digest, OpenLink, OpenSettings, SignUp
from bot.views.digest.layout import TEXT_LIMIT
from bot.views.digest.render import DigestView, render_all, short_title

__all__ = [
    "TEXT_LIMIT",
    "Action",
    "AnswerPoll",
    "Digest",
    "DigestView",
    "OpenLink",
    "OpenSettings",
    "SignUp",
    "render_all",
    "short_title",
]
