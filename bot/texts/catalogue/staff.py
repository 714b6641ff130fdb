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
    "invite_ask_org": (
        "Vilken organisation vill du bjuda in? Skriv en del av namnet, så visar jag träffarna."
    ),
    "invite_choose_org": "Välj organisation:",
    "invite_no_match": (
        "Jag hittar ingen organisation i registret som liknar ”{text}”. Försök med en annan del "
        "av namnet, eller skriv /cancel."
    ),
    "invite_created": (
        "✅ Inbjudan till <b>{org}</b> gäller till och med {until}.\n\n{link}\n\n"
        "Kopiera länken, eller vidarebefordra meddelandet nedan. Den som öppnar länken kopplas "
        "till organisationen direkt."
    ),
    "invite_forward": (
        "Hej! Här är din inbjudan till överenskommelsens chattbot för <b>{org}</b>:\n{link}\n\n"
        "Öppna länken i Telegram, så kopplas du direkt till organisationen. "
        "Länken gäller till och med {until}."
    ),
    "staff_question": (
        "❓ <b>Fråga från {name}</b>{username}{org}\n\n{question}\n\n"
        "<i>Svara på det här meddelandet så skickar jag svaret till frågeställaren.</i>"
    ),
    "staff_question_org": " ({org})",
    "staff_reply_sent": "✅ Svaret är skickat till {name}.",
    "staff_reply_failed": "Svaret gick inte fram: personen har blockerat boten.",
    "unanswered_header": (
        "<b>Att granska</b> (senaste först): frågor jag inte kunde svara på och svar som fick 👎"
    ),
    "unanswered_item": "<b>{number}.</b> ❓ {when} – {name}: ”{question}”{status}",
    "review_item_disliked": (
        "<b>{number}.</b> 👎 {when} – {name}: ”{question}”{status}\n<i>Mitt svar kom från: {source}</i>"
    ),
    "review_source_gone": "(källan finns inte längre)",
    "unanswered_gone": "(raderad användare)",
    "unanswered_handed": " – skickad till handläggare",
    "unanswered_none": "Inget att granska just nu. 🎉",
    "review_page": "Visar {first}–{last} av {total}.",
    "unanswered_hint": (
        "<b>Svara</b> skickar ditt svar till den som frågade. <b>Gör till FAQ</b> gör frågan "
        "till ett färdigt svar som jag använder från och med nu. <b>Klar</b> tar bort frågan "
        "ur listan."
    ),
    "button_unanswered_reply": "💬 Svara {number}",
    "button_unanswered_faq": "📚 Gör till FAQ {number}",
    "button_review_done": "✅ Klar {number}",
    "button_review_more": "Visa fler",
    "review_done": "Klar: frågan är borttagen ur listan.",
    "review_already_done": "Den frågan var redan klar.",
    "unanswered_reply_ask": (
        "Skriv ditt svar till {name} på frågan ”{question}”. Jag skickar det genom boten, "
        "precis som du skriver det. /cancel avbryter."
    ),
    "question_gone": "Den frågan finns inte längre: den som frågade har raderat sina uppgifter.",
    "faq_ask_phrasings": (
        "Ny vanlig fråga. Skicka de sätt frågan brukar ställas på, <b>en formulering per rad</b>."
    ),
    "faq_ask_more_phrasings": (
        "Ny vanlig fråga med den här formuleringen:\n{phrasings}\n\n"
        "Skicka fler sätt att ställa samma fråga, <b>en per rad</b>, eller tryck på knappen för "
        "att gå vidare till svaret."
    ),
    "button_faq_no_more": "Inga fler – skriv svaret",
    "faq_ask_answer": "Bra. Skicka nu svaret, precis som det ska visas.",
    "faq_preview": "<b>Förhandsvisning</b>\n\nFrågor:\n{phrasings}\n\nSvar:\n{answer}",
    "button_save": "💾 Spara",
    "button_cancel": "Avbryt",
    "faq_saved": "✅ Sparat. Jag svarar med det här från och med nu.",
    "faq_cancelled": "Den vanliga frågan sparades inte.",
    "faq_empty": "Skicka minst en formulering som text.",
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
    "invite_ask_org": (
        "Which organisation do you want to invite? Type part of its name and I will show matches."
    ),
    "invite_choose_org": "Choose the organisation:",
    "invite_no_match": (
        "I can't find an organisation in the register that matches “{text}”. Try another part of the name, "
        "or type /cancel."
    ),
    "invite_created": (
        "✅ The invitation to <b>{org}</b> is valid up to and including {until}.\n\n{link}\n\n"
        "Copy the link, or forward the message below. Whoever opens the link is linked to the "
        "organisation at once."
    ),
    "invite_forward": (
        "Hello! Here is your invitation to the agreement's chat bot for <b>{org}</b>:\n{link}\n\n"
        "Open the link in Telegram and you are linked to the organisation at once. "
        "The link is valid up to and including {until}."
    ),
    "staff_question": (
        "❓ <b>Question from {name}</b>{username}{org}\n\n{question}\n\n"
        "<i>Reply to this message and I will send your answer to the person who asked.</i>"
    ),
    "staff_question_org": " ({org})",
    "staff_reply_sent": "✅ The answer was sent to {name}.",
    "staff_reply_failed": "The answer could not be delivered: the person has blocked the bot.",
    "unanswered_header": (
        "<b>To review</b> (newest first): questions I could not answer and answers that got 👎"
    ),
    "unanswered_item": "<b>{number}.</b> ❓ {when} – {name}: “{question}”{status}",
    "review_item_disliked": (
        "<b>{number}.</b> 👎 {when} – {name}: “{question}”{status}\n<i>My answer came from: {source}</i>"
    ),
    "review_source_gone": "(the source no longer exists)",
    "unanswered_gone": "(deleted user)",
    "unanswered_handed": " – sent to staff",
    "unanswered_none": "Nothing to review right now. 🎉",
    "review_page": "Showing {first}–{last} of {total}.",
    "unanswered_hint": (
        "<b>Reply</b> sends your answer to the person who asked. <b>Make FAQ</b> turns the "
        "question into a ready answer that I use from now on. <b>Done</b> takes the question "
        "off the list."
    ),
    "button_unanswered_reply": "💬 Reply {number}",
    "button_unanswered_faq": "📚 Make FAQ {number}",
    "button_review_done": "✅ Done {number}",
    "button_review_more": "Show more",
    "review_done": "Done: the question is off the list.",
    "review_already_done": "That question was already done.",
    "unanswered_reply_ask": (
        "Write your answer to {name}'s question “{question}”. I send it through the bot, "
        "exactly as you write it. /cancel stops."
    ),
    "question_gone": "That question is gone: the person who asked has deleted their data.",
    "faq_ask_phrasings": (
        "New common question. Send the ways it is usually asked, <b>one phrasing per line</b>."
    ),
    "faq_ask_more_phrasings": (
        "A new common question with this phrasing:\n{phrasings}\n\n"
        "Send more ways of asking the same question, <b>one per line</b>, or press the button "
        "to go on to the answer."
    ),
    "button_faq_no_more": "No more – write the answer",
    "faq_ask_answer": "Good. Now send the answer exactly as it should be shown.",
    "faq_preview": "<b>Preview</b>\n\nQuestions:\n{phrasings}\n\nAnswer:\n{answer}",
    "button_save": "💾 Save",
    "button_cancel": "Cancel",
    "faq_saved": "✅ Saved. I will answer with this from now on.",
    "faq_cancelled": "The common question was not saved.",
    "faq_empty": "Send at least one phrasing as text.",
}
