"""Texts: filling in forms in the chat (/forms), and the organisation profile (/profile)."""

SV: dict[str, str] = {
    "command_forms": "Formulär att fylla i",
    "command_profile": "Organisationens profil",
    "forms_heading": "<b>{title}</b>",
    "forms_progress": "<i>Fråga {number} av {total}</i>",
    "forms_optional": "<i>(frivillig)</i>",
    "forms_hint_choice": "Välj ett svar.",
    "forms_hint_choices": "Välj ett eller flera och tryck sedan på Klar.",
    "forms_hint_number": "Skriv ett tal.",
    "forms_hint_text": "Skriv ditt svar.",
    "forms_hint_municipality": "Välj delregion och sedan kommun – eller skriv kommunens namn.",
    "forms_hint_municipalities": (
        "Välj delregion och sedan kommuner, eller skriv namnen skilda med komma. "
        "Tryck på Klar när du är klar."
    ),
    "forms_ticked": "Valt hittills: {names}",
    "forms_current": "Ditt svar nu: {answer}",
    "forms_pick_region": "Välj delregion:",
    "forms_pick_municipality": "{region} – välj kommun:",
    "forms_button_skip": "Hoppa över",
    "forms_button_pause": "⏸ Pausa",
    "forms_button_prev": "◀ Föregående",
    "forms_button_done": "Klar",
    "forms_button_back": "Tillbaka",
    "forms_button_send": "Skicka",
    "forms_button_edit": "Ändra ett svar",
    "forms_button_discard": "Kasta utkastet",
    "forms_button_discard_yes": "Ja, kasta",
    "forms_button_discard_no": "Nej, behåll",
    "forms_button_fill": "Fyll i",
    "forms_button_continue": "Fortsätt",
    "forms_button_change": "Ändra svar",
    "forms_button_update": "Uppdatera",
    "forms_button_to_review": "Tillbaka till sammanfattningen",
    "forms_paused": (
        "Sparat – fortsätt när du vill. Dina svar finns kvar, och /forms visar alla "
        "formulär du kan fylla i."
    ),
    "forms_review": "<b>{title}</b>\nSå här blev dina svar. Stämmer allt?",
    "forms_answer_line": "{number}. {question}\n→ <b>{answer}</b>",
    "forms_edit_choose": "Vilket svar vill du ändra?",
    "forms_discard_ask": "Kasta utkastet? Det du har svarat nu försvinner.",
    "forms_discard_ask_sent": (
        "Kasta utkastet? Ändringarna försvinner; svaren du skickade tidigare gäller fortfarande."
    ),
    "forms_discarded": "Utkastet är kastat. /forms visar dina formulär.",
    "forms_kept": "Utkastet finns kvar.",
    "forms_sent": "Tack! Dina svar är skickade.",
    "forms_sent_org": "Tack! Dina svar är skickade och gäller för {organisation} från {date}.",
    "forms_stale": "Det här gäller inte längre. Öppna formuläret igen via /forms.",
    "forms_none": "Just nu finns inga öppna formulär för dig. Jag hör av mig när det kommer något.",
    "forms_list": "<b>Formulär att fylla i</b>",
    "forms_list_item": "{number}. {title} – {state}",
    "forms_list_button": "{action}: {title}",
    "forms_state_new": "inte påbörjad",
    "forms_state_paused": "pausad vid fråga {number}",
    "forms_state_paused_review": "pausad, redo att skickas",
    "forms_state_sent": "skickad {date}",
    "forms_months": "jan,feb,mars,apr,maj,juni,juli,aug,sep,okt,nov,dec",
    "forms_date": "{day} {month}",
    "forms_date_year": "{day} {month} {year}",
    "profile_heading": "<b>Organisationsprofil – {organisation}</b>",
    "profile_missing": (
        "Ni har inte fyllt i profilen ännu. Fem korta frågor om hur många ni är, "
        "vad ni gör och var – det tar ett par minuter."
    ),
    "profile_sent": "Senast uppdaterad {date}.",
}

EN: dict[str, str] = {
    "command_forms": "Forms to fill in",
    "command_profile": "Your organisation's profile",
    "forms_heading": "<b>{title}</b>",
    "forms_progress": "<i>Question {number} of {total}</i>",
    "forms_optional": "<i>(optional)</i>",
    "forms_hint_choice": "Choose one answer.",
    "forms_hint_choices": "Choose one or more, then press Done.",
    "forms_hint_number": "Type a number.",
    "forms_hint_text": "Type your answer.",
    "forms_hint_municipality": "Choose a sub-region, then the municipality – or type its name.",
    "forms_hint_municipalities": (
        "Choose a sub-region, then municipalities, or type the names separated by commas. "
        "Press Done when you are finished."
    ),
    "forms_ticked": "Chosen so far: {names}",
    "forms_current": "Your answer now: {answer}",
    "forms_pick_region": "Choose a sub-region:",
    "forms_pick_municipality": "{region} – choose a municipality:",
    "forms_button_skip": "Skip",
    "forms_button_pause": "⏸ Pause",
    "forms_button_prev": "◀ Previous",
    "forms_button_done": "Done",
    "forms_button_back": "Back",
    "forms_button_send": "Send",
    "forms_button_edit": "Change an answer",
    "forms_button_discard": "Discard the draft",
    "forms_button_discard_yes": "Yes, discard",
    "forms_button_discard_no": "No, keep it",
    "forms_button_fill": "Fill in",
    "forms_button_continue": "Continue",
    "forms_button_change": "Change answers",
    "forms_button_update": "Update",
    "forms_button_to_review": "Back to the summary",
    "forms_paused": (
        "Saved – carry on whenever you like. Your answers are kept, and /forms lists "
        "every form you can fill in."
    ),
    "forms_review": "<b>{title}</b>\nHere are your answers. Is everything right?",
    "forms_answer_line": "{number}. {question}\n→ <b>{answer}</b>",
    "forms_edit_choose": "Which answer do you want to change?",
    "forms_discard_ask": "Discard the draft? What you have answered now will be lost.",
    "forms_discard_ask_sent": (
        "Discard the draft? The changes are lost; the answers you sent before still apply."
    ),
    "forms_discarded": "The draft is discarded. /forms lists your forms.",
    "forms_kept": "The draft is kept.",
    "forms_sent": "Thank you! Your answers have been sent.",
    "forms_sent_org": "Thank you! Your answers have been sent and apply to {organisation} from {date}.",
    "forms_stale": "This no longer applies. Open the form again from /forms.",
    "forms_none": "There are no open forms for you right now. I will let you know when there is one.",
    "forms_list": "<b>Forms to fill in</b>",
    "forms_list_item": "{number}. {title} – {state}",
    "forms_list_button": "{action}: {title}",
    "forms_state_new": "not started",
    "forms_state_paused": "paused at question {number}",
    "forms_state_paused_review": "paused, ready to send",
    "forms_state_sent": "sent {date}",
    "forms_months": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "forms_date": "{day} {month}",
    "forms_date_year": "{day} {month} {year}",
    "profile_heading": "<b>Organisation profile – {organisation}</b>",
    "profile_missing": (
        "You have not filled in the profile yet. Five short questions about how many you are, "
        "what you do and where – it takes a couple of minutes."
    ),
    "profile_sent": "Last updated {date}.",
}
