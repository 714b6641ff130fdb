"""Texts: forms on the staff side — form files, sending, progress, reminders, CSV — and the
form card members receive."""

SV: dict[str, str] = {
    "form_file_syntax": "Filen går inte att läsa som TOML: fel på rad {line}.",
    "form_file_unknown_field": "Okänt fält ”{field}”. Tillåtna: title, intro, audience, "
    "per_organisation, closes och [[questions]].",
    "form_file_not_text": "{place}: skriv en text inom citattecken.",
    "form_file_not_flag": "{place}: skriv true eller false.",
    "form_file_not_number": "{place}: skriv ett heltal.",
    "form_file_closes_invalid": (
        "closes: skriv ett datum som {ex_iso} eller datum och tid som ”{ex_iso} 17:00”."
    ),
    "form_closes_past": "closes: {time} har redan varit. Välj en tid framåt.",
    "form_audience_missing": "audience: {spec} pekar på något som inte finns. Kontrollera numret.",
    "form_file_question_invalid": "Fråga {number} ska skrivas som en [[questions]]-tabell.",
    "form_file_question_unknown_field": (
        "Fråga {number}: okänt fält ”{field}”. Tillåtna: key, kind, text, options, required, "
        "min, max och max_length."
    ),
    "form_file_kind_unknown": "Fråga {number}: okänd typ ”{kind}” – välj en av: {kinds}.",
    "form_file_options_invalid": "Fråga {number}: options ska vara en lista med texter.",
    "form_staff_summary": "📋 Formulär: {title}",
    "form_closed_summary": "📋 Formuläret har stängt: {title}",
    "form_staff_reminder_summary": "📋 Påminnelse om formuläret: {title}",
    "form_remind_nobody": (
        "Ingen att påminna: {answered} av {reached} har redan svarat, och resten har inte fått "
        "formuläret (skicka det först)."
    ),
    "form_csv_sent": "skickat",
    "form_csv_organisation": "organisation",
    "form_csv_name": "namn",
    "form_csv_caption": "Svar på formuläret <b>{title}</b>",
    "form_card_title": "📋 <b>{title}</b>",
    "form_card_intro": "{intro}",
    "form_card_questions": "{count} {count|fråga|frågor}. Du kan pausa och fortsätta senare.",
    "form_card_question_one": "En fråga.",
    "form_card_closes": "Sista dag att svara: {time}.",
    "form_card_not_started": "Du har inte börjat ännu.",
    "form_card_paused": "Du har pausat vid fråga {number} av {count}.",
    "form_card_sent": "Du skickade dina svar {date}. Du kan ändra dem.",
    "form_card_sent_org": "Er organisation skickade sina svar {date}. Ni kan ändra dem.",
    "form_reminder": "⏰ Påminnelse: vi saknar ert svar på formuläret <b>{title}</b>.",
    "form_button_fill": "Fyll i",
    "form_button_resume": "Fortsätt",
    "form_button_change": "Ändra svar",
    "form_staff_header": "<b>Formulär</b> ({count})",
    "form_staff_status_open": "öppet",
    "form_staff_status_closed": "stängt",
    "form_staff_line": (
        "#{form_id} <b>{title}</b> ({status})\n"
        "Svar: {answered} av {total} som nåtts · {in_progress} påbörjade"
    ),
    "form_staff_line_org": (
        "#{form_id} <b>{title}</b> ({status})\n"
        "Svar: {answered} av {total} {total|organisation|organisationer} · {in_progress} påbörjade"
    ),
    "form_staff_button_send": "Skicka",
    "form_staff_button_progress": "Läget",
    "form_staff_button_remind": "Påminn",
    "form_staff_button_csv": "CSV",
    "form_staff_button_close": "Stäng",
    "form_staff_button_send_ok": "Ja, skicka",
    "form_staff_button_remind_ok": "Ja, påminn",
    "form_staff_button_close_ok": "Ja, stäng",
    "form_staff_button_keep": "Avbryt",
    "form_staff_send_confirm": "Skicka <b>{title}</b> till {audience}? Det når {count} {count|person|personer}.",
    "form_staff_sent": "Skickat: <b>{title}</b> går ut till {count} {count|person|personer}.",
    "form_staff_remind_confirm": (
        "Påminna de {count} som har fått <b>{title}</b> men inte svarat än?"
    ),
    "form_staff_reminded": "Påminnelsen om <b>{title}</b> går ut till {count} {count|person|personer}.",
    "form_staff_close_confirm": "Stänga <b>{title}</b>? Sedan går det inte att svara längre.",
    "form_staff_closed": "<b>{title}</b> är stängt.",
    "form_staff_kept": "Okej, inget ändrat.",
    "form_closed_notice": (
        "📋 Formulär #{form_id} <b>{title}</b> har stängt. Svar: {answered} av {total}. "
        "/formadmin visar läget och exporten."
    ),
    "form_staff_progress": (
        "<b>{title}</b>\nNådda: {total}\nHar svarat: {answered}\nPåbörjat: {in_progress}\n"
        "Inte börjat: {not_started}"
    ),
    "form_staff_progress_org": (
        "<b>{title}</b>\nOrganisationer: {total}\nHar svarat: {answered}\n"
        "Påbörjat: {in_progress}\nSaknas: {missing}, varav {without_contact} utan godkänd "
        "kontaktperson"
    ),
    "form_staff_waiting": "Inte svarat än: {names}",
    "form_staff_waiting_more": "… och {count} till.",
}

EN: dict[str, str] = {
    "form_file_syntax": "The file cannot be read as TOML: error on line {line}.",
    "form_file_unknown_field": "Unknown field “{field}”. Allowed: title, intro, audience, "
    "per_organisation, closes and [[questions]].",
    "form_file_not_text": "{place}: write a text in quotes.",
    "form_file_not_flag": "{place}: write true or false.",
    "form_file_not_number": "{place}: write a whole number.",
    "form_file_closes_invalid": (
        "closes: write a date such as {ex_iso} or a date and time such as “{ex_iso} 17:00”."
    ),
    "form_closes_past": "closes: {time} has already passed. Choose a time ahead.",
    "form_audience_missing": "audience: {spec} names something that does not exist. Check the number.",
    "form_file_question_invalid": "Question {number}: write it as a [[questions]] table.",
    "form_file_question_unknown_field": (
        "Question {number}: unknown field “{field}”. Allowed: key, kind, text, options, "
        "required, min, max and max_length."
    ),
    "form_file_kind_unknown": "Question {number}: unknown kind “{kind}” – choose one of: {kinds}.",
    "form_file_options_invalid": "Question {number}: options must be a list of texts.",
    "form_staff_summary": "📋 Form: {title}",
    "form_closed_summary": "📋 The form has closed: {title}",
    "form_staff_reminder_summary": "📋 Reminder of the form: {title}",
    "form_remind_nobody": (
        "Nobody to remind: {answered} of {reached} have answered, and the others have not "
        "been sent the form (send it first)."
    ),
    "form_csv_sent": "sent",
    "form_csv_organisation": "organisation",
    "form_csv_name": "name",
    "form_csv_caption": "Answers to the form <b>{title}</b>",
    "form_card_title": "📋 <b>{title}</b>",
    "form_card_intro": "{intro}",
    "form_card_questions": "{count} {count|question|questions}. You can pause and continue later.",
    "form_card_question_one": "One question.",
    "form_card_closes": "Last day to answer: {time}.",
    "form_card_not_started": "You have not started yet.",
    "form_card_paused": "You paused at question {number} of {count}.",
    "form_card_sent": "You sent your answers {date}. You can change them.",
    "form_card_sent_org": "Your organisation sent its answers {date}. You can change them.",
    "form_reminder": "⏰ Reminder: we are missing your answer to the form <b>{title}</b>.",
    "form_button_fill": "Fill in",
    "form_button_resume": "Continue",
    "form_button_change": "Change answers",
    "form_staff_header": "<b>Forms</b> ({count})",
    "form_staff_status_open": "open",
    "form_staff_status_closed": "closed",
    "form_staff_line": (
        "#{form_id} <b>{title}</b> ({status})\n"
        "Answers: {answered} of {total} reached · {in_progress} started"
    ),
    "form_staff_line_org": (
        "#{form_id} <b>{title}</b> ({status})\n"
        "Answers: {answered} of {total} {total|organisation|organisations} · {in_progress} started"
    ),
    "form_staff_button_send": "Send",
    "form_staff_button_progress": "Status",
    "form_staff_button_remind": "Remind",
    "form_staff_button_csv": "CSV",
    "form_staff_button_close": "Close",
    "form_staff_button_send_ok": "Yes, send",
    "form_staff_button_remind_ok": "Yes, remind",
    "form_staff_button_close_ok": "Yes, close",
    "form_staff_button_keep": "Cancel",
    "form_staff_send_confirm": "Send <b>{title}</b> to {audience}? It reaches {count} {count|person|people}.",
    "form_staff_sent": "Sent: <b>{title}</b> goes out to {count} {count|person|people}.",
    "form_staff_remind_confirm": (
        "Remind the {count} who were sent <b>{title}</b> and have not answered yet?"
    ),
    "form_staff_reminded": "The reminder of <b>{title}</b> goes out to {count} {count|person|people}.",
    "form_staff_close_confirm": "Close <b>{title}</b>? Nobody can answer it after that.",
    "form_staff_closed": "<b>{title}</b> is closed.",
    "form_staff_kept": "Fine, nothing changed.",
    "form_closed_notice": (
        "📋 Form #{form_id} <b>{title}</b> has closed. Answers: {answered} of {total}. "
        "/formadmin shows the progress and the export."
    ),
    "form_staff_progress": (
        "<b>{title}</b>\nReached: {total}\nAnswered: {answered}\nStarted: {in_progress}\n"
        "Not started: {not_started}"
    ),
    "form_staff_progress_org": (
        "<b>{title}</b>\nOrganisations: {total}\nAnswered: {answered}\n"
        "Started: {in_progress}\nMissing: {missing}, of which {without_contact} without an "
        "approved contact"
    ),
    "form_staff_waiting": "Not answered yet: {names}",
    "form_staff_waiting_more": "… and {count} more.",
}
