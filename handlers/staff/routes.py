"""Staff work's declarations: /unanswered, /invite, link approvals and relayed replies."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.staff import invite, links, lists, replies
from handlers.staff.actions import (
    DecideLink,
    InviteOrganisation,
    ReviewDone,
    ReviewMore,
    UnansweredAction,
)

FEATURE = Feature(
    commands=(
        # Names and questions of askers: never in a group (the group fallback points to the
        # private chat).
        command(("unanswered", "review"), lists.unanswered, staff=True, menu=10),
        command("invite", invite.start_invite, staff=True, menu=30),
    ),
    actions={
        DecideLink: links.decide_link,
        InviteOrganisation: invite.invite_organisation,
        UnansweredAction: lists.unanswered_action,
        ReviewDone: lists.review_done,
        ReviewMore: lists.review_more,
    },
    steps=(
        Step(replies.REPLY_STEPS, replies.on_reply_text),
        Step(invite.INVITE_STEPS, invite.on_invite_text),
    ),
    relay=replies.relay_staff_reply,
)
