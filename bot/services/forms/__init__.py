"""Forms: short questionnaires filled in within the chat, paused, reviewed and changed later;
the organisation profile is one of them."""

from bot.services.forms import drafting
from bot.services.forms.definitions import FormSpec, QuestionSpec, by_key, create, get
from bot.services.forms.labels import (
    answer_text,
    form_intro,
    form_title,
    option_label,
    question_text,
)
from bot.services.forms.mine import FormState, MyForm, open_forms, state_of
from bot.services.forms.municipalities import ALL_MUNICIPALITIES, MUNICIPALITIES, WHOLE_REGION
from bot.services.forms.profile import PROFILE_KEY, ensure_profile_form
from bot.services.forms.responses import (
    begin,
    check_may_answer,
    current,
    discard,
    draft,
    history,
    is_open,
    missing,
    next_question,
    question_by_id,
    record,
    set_answer,
    submit,
    value_of,
)
from bot.services.forms.values import (
    check_choice,
    check_typed,
    options,
    values_by_key,
    values_by_question,
)

__all__ = [
    "ALL_MUNICIPALITIES",
    "MUNICIPALITIES",
    "PROFILE_KEY",
    "WHOLE_REGION",
    "FormSpec",
    "FormState",
    "MyForm",
    "QuestionSpec",
    "answer_text",
    "begin",
    "by_key",
    "check_choice",
    "check_may_answer",
    "check_typed",
    "create",
    "current",
    "discard",
    "draft",
    "drafting",
    "ensure_profile_form",
    "form_intro",
    "form_title",
    "get",
    "history",
    "is_open",
    "missing",
    "next_question",
    "open_forms",
    "option_label",
    "options",
    "question_by_id",
    "question_text",
    "record",
    "set_answer",
    "state_of",
    "submit",
    "value_of",
    "values_by_key",
    "values_by_question",
]
