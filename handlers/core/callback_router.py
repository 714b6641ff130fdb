"""Every button press: parse the callback data, dispatch to its action, answer the query."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.texts import plain_text, t
from handlers.broadcast import campaigns as campaigns_view
from handlers.broadcast import compose as broadcast
from handlers.broadcast import send as broadcast_send
from handlers.calls import listing as calls
from handlers.calls import new as calls_new
from handlers.core.callbacks import (
    AllTopics,
    AskStaff,
    BadCallback,
    BroadcastAudience,
    BroadcastDecision,
    Callback,
    CallRemind,
    CallWithdraw,
    CampaignAction,
    ChooseLanguage,
    ChooseOrganisation,
    DecideLink,
    DigestChoice,
    DigestDefault,
    DigestDraft,
    DigestMenu,
    DigestSettings,
    EraseMyData,
    FaqDecision,
    FeedAction,
    FeedAdd,
    Feedback,
    FormOpen,
    FormPick,
    FormPlace,
    FormStaff,
    FormStep,
    InviteOrganisation,
    MeetingAnswer,
    MeetingCalendar,
    MeetingCreate,
    MeetingStaff,
    NewCallAction,
    NominationForm,
    NominationStaff,
    NoneOfTopics,
    PickTopic,
    PollChoose,
    PollComment,
    PollCreate,
    PollOpen,
    PollResults,
    ReviewDone,
    ReviewMore,
    SettingsMenu,
    SkipOrganisation,
    StatsExport,
    ToggleTopic,
    TopicOn,
    UnansweredAction,
    parse,
)
from handlers.core.common import CONFIRMING, App, Context, awaiting, set_awaiting
from handlers.core.staff_guard import staff_language
from handlers.core.step_keyboards import sweep
from handlers.digest import draft as digest_draft
from handlers.digest import settings as digest_settings
from handlers.digest import staff as digest_staff
from handlers.feeds import add as feeds_add
from handlers.feeds import listing as feeds
from handlers.forms import fill as forms_fill
from handlers.forms import staff as forms_staff
from handlers.meetings import answers as meeting_answers
from handlers.meetings import new as meeting_new
from handlers.meetings import staff as meeting_staff
from handlers.nominations import form as nominations
from handlers.nominations import staff as nominations_staff
from handlers.onboarding import start as onboarding
from handlers.polls import answers as poll_answers
from handlers.polls import new as poll_new
from handlers.polls import results as poll_results
from handlers.privacy import mydata as privacy
from handlers.questions import answering as questions
from handlers.questions import faq, live_answers
from handlers.settings import basics, topics
from handlers.staff import invite as staff_invite
from handlers.staff import links as staff_links
from handlers.staff import lists as staff_lists
from handlers.stats import figures as stats

Route = Callable[[Update, Context, Any], Awaitable[str | None]]

ROUTES: dict[type[Callback], Route] = {
    ChooseLanguage: onboarding.choose_language,
    ChooseOrganisation: onboarding.choose_organisation,
    SkipOrganisation: onboarding.skip_organisation,
    DecideLink: staff_links.decide_link,
    InviteOrganisation: staff_invite.invite_organisation,
    Feedback: questions.feedback,
    PickTopic: questions.pick_topic,
    NoneOfTopics: questions.none_of_topics,
    AskStaff: questions.ask_staff,
    SettingsMenu: basics.settings_choice,
    FaqDecision: faq.decide_faq,
    UnansweredAction: staff_lists.unanswered_action,
    ReviewDone: staff_lists.review_done,
    ReviewMore: staff_lists.review_more,
    ToggleTopic: topics.toggle_topic,
    AllTopics: topics.all_topics,
    TopicOn: live_answers.turn_on,
    BroadcastAudience: broadcast.choose_audience,
    BroadcastDecision: broadcast_send.decide,
    CampaignAction: campaigns_view.campaign_action,
    FeedAction: feeds.feed_action,
    FeedAdd: feeds_add.feed_add_choice,
    CallRemind: calls.remind_me,
    CallWithdraw: calls.withdraw_call,
    NewCallAction: calls_new.new_call_action,
    MeetingAnswer: meeting_answers.answer_meeting,
    MeetingCalendar: meeting_answers.send_calendar,
    MeetingStaff: meeting_staff.meeting_staff_action,
    MeetingCreate: meeting_new.decide_new_meeting,
    DigestSettings: digest_settings.open_from_digest,
    DigestChoice: digest_settings.choose,
    DigestMenu: digest_staff.menu_action,
    DigestDefault: digest_staff.set_default,
    DigestDraft: digest_draft.draft_action,
    PollChoose: poll_answers.choose_option,
    PollComment: poll_answers.ask_comment,
    PollOpen: poll_answers.open_poll,
    PollResults: poll_results.results_pressed,
    PollCreate: poll_new.decide_new_poll,
    NominationForm: nominations.form_action,
    NominationStaff: nominations_staff.staff_action,
    FormStaff: forms_staff.staff_action,
    EraseMyData: privacy.erase_pressed,
    FormOpen: forms_fill.open_form,
    FormPick: forms_fill.pick,
    FormPlace: forms_fill.place,
    FormStep: forms_fill.step,
    StatsExport: stats.export_pressed,
}


async def on_callback(update: Update, context: Context) -> None:
    """Refuse forged or stale data with a short message; otherwise run the action."""
    query = update.callback_query
    assert query is not None
    try:
        action = parse(query.data)
    except BadCallback:
        language = (context.user_data or {}).get("lang")
        await query.answer(t("callback_invalid", language))
        return
    if action.staff:
        await staff_language(update, context)  # refused before the action runs
    before = awaiting(context)
    answer = await ROUTES[type(action)](update, context, action)
    after = awaiting(context)
    if after is before and (after or {}).get("step") == CONFIRMING:
        # A press answers the confirmation (or leaves it); one it has just asked stays.
        set_awaiting(context, None)
    await sweep(context)  # the buttons of a step just left go
    # A press's answer is plain text: Telegram would show "&lt;" or "<b>" as typed.
    await query.answer(plain_text(answer) if answer else None)


def register(application: App) -> None:
    application.add_handler(CallbackQueryHandler(on_callback))
