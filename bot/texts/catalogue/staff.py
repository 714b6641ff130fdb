"""Texts shown to staff: link approvals, forwarded questions, FAQ editing, unanswered list."""

SV: dict[str, str] = {
    "staff_link_request": (
        "🔗 <b>Begäran om koppling</b>\n{name}{username} vill kopplas till <b>{org}</b>."
    ),
    "button_approve": "✅ Godkänn",
    "button_deny": "❌ Neka",
    "staff_link_approved": "✅ {name} kopplades till {org} (godkänt av {staff}).",
    "staff_link_denied": "❌ {name} kopplades inte till {org} (nekat av {staff}).",
    "link_request_stale": "Den begäran är redan hanterad eller ändrad.",
    "staff_question": (
        "❓ <b>Fråga från {name}</b>{username}{org}\n\n{question}\n\n"
        "<i>Svara på det här meddelandet så skickar jag svaret till frågeställaren.</i>"
    ),
    "staff_question_org": " ({org})",
    "staff_reply_sent": "✅ Svaret är skickat till {name}.",
    "staff_reply_failed": "Svaret kunde inte levereras: användaren har blockerat boten.",
    "unanswered_header": "<b>Obesvarade frågor</b> (senaste först)",
    "unanswered_item": "• {when} – {name}: «{question}»{status}",
    "unanswered_handed": " – skickad till handläggare",
    "unanswered_replied": " – besvarad",
    "unanswered_none": "Inga obesvarade frågor. 🎉",
    "unanswered_hint": "Gör gärna om vanliga frågor till färdiga svar med /faq.",
    "faq_ask_phrasings": (
        "Ny vanlig fråga. Skicka de sätt frågan brukar ställas på, <b>en formulering per rad</b>."
    ),
    "faq_ask_answer": "Bra. Skicka nu svaret, precis som det ska visas.",
    "faq_preview": "<b>Förhandsvisning</b>\n\nFrågor:\n{phrasings}\n\nSvar:\n{answer}",
    "button_save": "💾 Spara",
    "button_cancel": "Avbryt",
    "faq_saved": "✅ Sparat. Jag svarar med det här från och med nu.",
    "faq_cancelled": "Den vanliga frågan sparades inte.",
    "faq_empty": "Skicka minst en formulering (text).",
}

EN: dict[str, str] = {
    "staff_link_request": (
        "🔗 <b>Link request</b>\n{name}{username} asks to be linked to <b>{org}</b>."
    ),
    "button_approve": "✅ Approve",
    "button_deny": "❌ Deny",
    "staff_link_approved": "✅ {name} was linked to {org} (approved by {staff}).",
    "staff_link_denied": "❌ {name} was not linked to {org} (denied by {staff}).",
    "link_request_stale": "That request has already been handled or changed.",
    "staff_question": (
        "❓ <b>Question from {name}</b>{username}{org}\n\n{question}\n\n"
        "<i>Reply to this message and I will send your answer to the person who asked.</i>"
    ),
    "staff_question_org": " ({org})",
    "staff_reply_sent": "✅ The answer was sent to {name}.",
    "staff_reply_failed": "The answer could not be delivered: the user has blocked the bot.",
    "unanswered_header": "<b>Unanswered questions</b> (newest first)",
    "unanswered_item": "• {when} – {name}: «{question}»{status}",
    "unanswered_handed": " – sent to staff",
    "unanswered_replied": " – answered",
    "unanswered_none": "No unanswered questions. 🎉",
    "unanswered_hint": "Turn common questions into ready answers with /faq.",
    "faq_ask_phrasings": (
        "New common question. Send the ways it is usually asked, <b>one phrasing per line</b>."
    ),
    "faq_ask_answer": "Good. Now send the answer exactly as it should be shown.",
    "faq_preview": "<b>Preview</b>\n\nQuestions:\n{phrasings}\n\nAnswer:\n{answer}",
    "button_save": "💾 Save",
    "button_cancel": "Cancel",
    "faq_saved": "✅ Saved. I will answer with this from now on.",
    "faq_cancelled": "The common question was not saved.",
    "faq_empty": "Send at least one phrasing (text).",
}
