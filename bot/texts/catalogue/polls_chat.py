"""Texts: feedback polls in the chat (cards, /newpoll, /results, /export)."""

SV: dict[str, str] = {
    # The card
    "poll_card_question": "📊 <b>{question}</b>",
    "poll_card_single": "Välj ett svar.",
    "poll_card_multiple": "Flera val – välj alla som passar.",
    "poll_card_anonymous": "🔒 Anonym – ingen kan se vad just du svarar.",
    "poll_card_closes": "⏰ Svara senast {time}.",
    "poll_card_answered": "Tack för ditt svar! Du kan ändra det tills enkäten stänger.",
    "poll_card_comment": "💬 Din kommentar: {comment}",
    "poll_card_closed": "Enkäten stängdes {time}.",
    "poll_card_your_answer": "Ditt svar: {answer}",
    "poll_card_no_answer": "Du svarade inte.",
    "poll_button_chosen": "✅ {option}",
    "poll_button_comment": "💬 Kommentera",
    # Answering
    "poll_toast_saved": "Tack! Ditt svar är sparat.",
    "poll_toast_removed": "Borttaget ur ditt svar.",
    "poll_comment_ask": "Skriv din kommentar i ett meddelande. (/cancel avbryter)",
    "poll_comment_saved": "Tack för din kommentar!",
    "poll_comment_button_answer": "Skriv din kommentar i chatten.",
    # /newpoll
    "poll_new_ask_question": "Vad vill du fråga? Skriv frågan i ett meddelande. (/cancel avbryter)",
    "poll_new_ask_option": "Skriv svarsalternativ {number}, ett per meddelande.",
    "poll_new_option_added": (
        "Alternativ {number}: {option}\n"
        "Skriv nästa alternativ, eller tryck <b>Klar</b> när alla är med (högst {limit})."
    ),
    "poll_new_options_full": "Nu finns {limit} alternativ, och det är max.",
    "poll_button_done": "Klar",
    "poll_new_ask_multiple": "Får man välja ett eller flera svar?",
    "poll_button_single": "Ett svar",
    "poll_button_multiple": "Flera svar",
    "poll_new_ask_comment": "Får man skriva en kommentar till sitt svar?",
    "poll_new_ask_anonymous": "Ska svaren vara anonyma? Då sparas inte vem som svarade vad.",
    "poll_button_yes": "Ja",
    "poll_button_no": "Nej",
    "poll_new_ask_closes": (
        "När stänger enkäten? Skriv datum och tid (till exempel <i>{ex_dm} 12:00</i>), "
        "eller tryck på knappen."
    ),
    "poll_button_in_days": "Om {days} {days|dag|dagar}",
    "poll_new_ask_audience": "Vilka ska få enkäten?",
    "poll_button_audience_meeting": "Deltagarna på ett möte",
    "poll_new_choose_meeting": "Vilket möte? Deltagarna som anmält sig får enkäten.",
    "poll_new_no_meetings": "Det finns inga möten att välja. Välj en annan mottagargrupp.",
    "poll_new_org_prompt": "Skriv namnet på organisationen.",
    "poll_new_org_none": "Jag hittade ingen organisation som heter ”{text}”. Försök igen.",
    "poll_new_org_matches": "Vilken organisation menar du?",
    "poll_audience_meeting": "deltagarna på ”{title}”",
    "poll_new_preview_header": "Så här ser enkäten ut:",
    "poll_new_preview": (
        "Den går till {audience} – just nu {count} {count|person|personer} som tar emot enkäter. Skicka?"
    ),
    "poll_button_send": "Skicka",
    "poll_button_drop": "Avbryt",
    "poll_new_sent": (
        "Enkät #{poll_id} skickas nu. Du får resultatet när den stänger, "
        "eller se det när du vill med /results {poll_id}."
    ),
    "poll_new_dropped": "Okej, enkäten skickas inte.",
    "poll_stale": "Den knappen hör till en äldre enkät. Börja om med /newpoll.",
    # /results and /export
    "poll_results_none": "Det finns inga enkäter ännu. Skapa en med /newpoll.",
    "poll_results_pick": "Vilken enkät vill du se resultatet för?",
    "poll_results_item": "#{poll_id} {question}",
    "poll_results_header": "📊 <b>Resultat för enkät #{poll_id}</b>\n{question}",
    "poll_results_line": "• {option}: {count} ({percent} %)",
    "poll_results_rate": "Svar: {voters} av {recipients} ({rate} %).",
    "poll_results_open": "Enkäten är öppen till {time}.",
    "poll_results_closed": "Enkäten är stängd.",
    "poll_results_comments": "💬 Kommentarer: {count} – hämta dem med /export {poll_id}.",
    "poll_results_final": "Enkät #{poll_id} har stängt. Här är resultatet.",
    "poll_chart_title": "{question}",
    "poll_results_usage": "Skriv /results eller /results och enkätens nummer, till exempel /results 3.",
    "poll_export_usage": "Skriv /export och enkätens nummer, till exempel /export 3.",
    "poll_export_caption": "Svaren på enkät #{poll_id}: {question}",
}

EN: dict[str, str] = {
    "poll_card_question": "📊 <b>{question}</b>",
    "poll_card_single": "Choose one answer.",
    "poll_card_multiple": "Several choices – pick all that apply.",
    "poll_card_anonymous": "🔒 Anonymous – nobody can see what you answer.",
    "poll_card_closes": "⏰ Answer by {time}.",
    "poll_card_answered": "Thank you for answering! You can change it until the poll closes.",
    "poll_card_comment": "💬 Your comment: {comment}",
    "poll_card_closed": "The poll closed on {time}.",
    "poll_card_your_answer": "Your answer: {answer}",
    "poll_card_no_answer": "You did not answer.",
    "poll_button_chosen": "✅ {option}",
    "poll_button_comment": "💬 Comment",
    "poll_toast_saved": "Thank you! Your answer is saved.",
    "poll_toast_removed": "Removed from your answer.",
    "poll_comment_ask": "Write your comment in one message. (/cancel stops)",
    "poll_comment_saved": "Thank you for your comment!",
    "poll_comment_button_answer": "Write your comment in the chat.",
    "poll_new_ask_question": "What do you want to ask? Write the question in one message. "
    "(/cancel stops)",
    "poll_new_ask_option": "Write answer option {number}, one per message.",
    "poll_new_option_added": (
        "Option {number}: {option}\n"
        "Write the next option, or press <b>Done</b> when all are in (at most {limit})."
    ),
    "poll_new_options_full": "There are {limit} options now, the maximum.",
    "poll_button_done": "Done",
    "poll_new_ask_multiple": "May people choose one answer or several?",
    "poll_button_single": "One answer",
    "poll_button_multiple": "Several answers",
    "poll_new_ask_comment": "May people add a comment to their answer?",
    "poll_new_ask_anonymous": "Should the answers be anonymous? Then nobody's answer is kept "
    "with their name.",
    "poll_button_yes": "Yes",
    "poll_button_no": "No",
    "poll_new_ask_closes": (
        "When does the poll close? Write a date and time (for example <i>{ex_dm} 12:00</i>), "
        "or press the button."
    ),
    "poll_button_in_days": "In {days} {days|day|days}",
    "poll_new_ask_audience": "Who should get the question?",
    "poll_button_audience_meeting": "The attendees of a meeting",
    "poll_new_choose_meeting": "Which meeting? Those signed up get the question.",
    "poll_new_no_meetings": "There are no meetings to choose. Choose another audience.",
    "poll_new_org_prompt": "Write the organisation's name.",
    "poll_new_org_none": "I found no organisation called “{text}”. Please try again.",
    "poll_new_org_matches": "Which organisation do you mean?",
    "poll_audience_meeting": "the attendees of “{title}”",
    "poll_new_preview_header": "This is how the question looks:",
    "poll_new_preview": (
        "It goes to {audience} – right now {count} {count|person|people} who take polls. Send it?"
    ),
    "poll_button_send": "Send",
    "poll_button_drop": "Cancel",
    "poll_new_sent": (
        "Poll #{poll_id} is being sent. You get the result when it closes, "
        "or see it any time with /results {poll_id}."
    ),
    "poll_new_dropped": "Okay, the poll is not sent.",
    "poll_stale": "That button belongs to an older poll. Start again with /newpoll.",
    "poll_results_none": "There are no polls yet. Create one with /newpoll.",
    "poll_results_pick": "Which poll's result do you want to see?",
    "poll_results_item": "#{poll_id} {question}",
    "poll_results_header": "📊 <b>Result of poll #{poll_id}</b>\n{question}",
    "poll_results_line": "• {option}: {count} ({percent} %)",
    "poll_results_rate": "Answers: {voters} of {recipients} ({rate} %).",
    "poll_results_open": "The poll is open until {time}.",
    "poll_results_closed": "The poll is closed.",
    "poll_results_comments": "💬 Comments: {count} – get them with /export {poll_id}.",
    "poll_results_final": "Poll #{poll_id} has closed. Here is the result.",
    "poll_chart_title": "{question}",
    "poll_results_usage": "Write /results, or /results and the poll's number, e.g. /results 3.",
    "poll_export_usage": "Write /export and the poll's number, e.g. /export 3.",
    "poll_export_caption": "The answers to poll #{poll_id}: {question}",
}
