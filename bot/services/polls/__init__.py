"""Quick feedback polls: create, answer (also anonymously), close, results, chart and CSV."""

from bot.services.polls.drafts import COMMENT_MAX, PollDraft, validate
from bot.services.polls.export import export_csv
from bot.services.polls.feedback import (
    FeedbackTemplate,
    create_meeting_feedback,
    default_template,
    feedback_template,
    set_feedback_template,
)
from bot.services.polls.results import ChartLabels, Results, chart_labels, chart_png, results
from bot.services.polls.store import (
    SUBJECT,
    close,
    close_due,
    create,
    get,
    mark_result_sent,
    recent,
    results_due,
    subject,
)
from bot.services.polls.voting import (
    MyVote,
    choose,
    comment,
    my_choice,
    poll_key,
    voter_key,
    waiting_for,
)

__all__ = [
    "COMMENT_MAX",
    "SUBJECT",
    "ChartLabels",
    "FeedbackTemplate",
    "MyVote",
    "PollDraft",
    "Results",
    "chart_labels",
    "chart_png",
    "choose",
    "close",
    "close_due",
    "comment",
    "create",
    "create_meeting_feedback",
    "default_template",
    "export_csv",
    "feedback_template",
    "get",
    "mark_result_sent",
    "my_choice",
    "poll_key",
    "recent",
    "results",
    "results_due",
    "set_feedback_template",
    "subject",
    "validate",
    "voter_key",
    "waiting_for",
]
