"""Texts: nominations to the steering group."""

SV: dict[str, str] = {
    "nomination_announcement": (
        "<b>{title}</b>\n\n"
        "Nu kan underskrivande organisationer nominera kandidater till styrgruppen för "
        "överenskommelsen. Nomineringen är öppen från {opens} till {closes}.\n\n"
        "Är du kontaktperson för en organisation? Skriv /nominate så guidar jag dig."
    ),
    "nomination_title_missing": "Omgången behöver en rubrik.",
    "nomination_title_too_long": "Rubriken blev för lång: högst {limit} tecken.",
    "nomination_period_order": "Slutet måste komma efter starten.",
    "nomination_closes_past": "{time} har redan varit. Välj ett slut framåt i tiden.",
    "nomination_round_exists": (
        "Omgång #{round_id} ”{title}” är redan öppen. Stäng den först med /nominations."
    ),
    "nomination_round_not_found": "Jag hittar ingen nomineringsomgång #{round_id}.",
    "nomination_empty": "Det verkar tomt. Skriv något, tack.",
    "nomination_too_long": "Det blev för långt: högst {limit} tecken.",
    "nomination_contact_invalid": (
        "Det ser inte ut som en e-postadress eller ett telefonnummer. "
        "Skriv till exempel anna@forening.se eller 070-123 45 67."
    ),
    "nomination_not_linked": (
        "Bara kontaktpersoner för underskrivande organisationer kan nominera. "
        "Koppla dig till din organisation under /settings → Organisation. "
        "När en handläggare har godkänt kopplingen kan du nominera."
    ),
    "nomination_round_closed": "Nomineringen till ”{title}” är stängd.",
    "nomination_not_open_yet": "Nomineringen öppnar {opens}.",
    "nomination_duplicate": "Er organisation har redan nominerat {name} i den här omgången.",
    "nomination_csv_submitted": "Inskickad",
    "nomination_csv_organisation": "Nominerande organisation",
    "nomination_csv_nominated_by": "Inskickad av",
    "nomination_csv_candidate_name": "Kandidat",
    "nomination_csv_candidate_organisation": "Kandidatens organisation",
    "nomination_csv_candidate_contact": "Kontakt",
    "nomination_csv_motivation": "Motivering",
    "nomination_none": "Det pågår ingen nominering just nu. Jag meddelar när nästa öppnar.",
    "nomination_closed_since": (
        "Det pågår ingen nominering just nu. Senaste omgången, ”{title}”, stängde {when}."
    ),
    "nomination_opens_later": "Nomineringen ”{title}” öppnar {when}. Välkommen tillbaka då!",
    "nomination_intro": (
        "<b>{title}</b>\nNominera en kandidat till styrgruppen. Jag frågar om fyra saker, "
        "sedan får du se allt innan du skickar. Sista dag: {closes}.\n"
        "Skriv /cancel om du vill avbryta."
    ),
    "nomination_intro_mine": "Du har redan skickat {count} {count|nominering|nomineringar} i den här omgången.",
    "nomination_ask_name": "Vad heter kandidaten?",
    "nomination_ask_organisation": "Vilken organisation kommer kandidaten från?",
    "nomination_ask_contact": "Hur når vi kandidaten? Skriv en e-postadress eller ett telefonnummer.",
    "nomination_ask_motivation": "Varför föreslår ni just den här personen? Skriv en kort motivering.",
    "nomination_review": (
        "<b>Stämmer det här?</b>\n\n"
        "<b>Kandidat:</b> {name}\n"
        "<b>Organisation:</b> {organisation}\n"
        "<b>Kontakt:</b> {contact}\n"
        "<b>Motivering:</b>\n{motivation}"
    ),
    "nomination_use_buttons": "Använd knapparna under sammanfattningen: Skicka, Ändra eller Avbryt.",
    "nomination_button_send": "Skicka",
    "nomination_button_edit": "Ändra",
    "nomination_button_cancel": "Avbryt",
    "nomination_button_name": "Namn",
    "nomination_button_organisation": "Organisation",
    "nomination_button_contact": "Kontakt",
    "nomination_button_motivation": "Motivering",
    "nomination_edit_choose": "Vad vill du ändra?",
    "nomination_form_stale": "Den nomineringen är redan skickad eller avbruten. Skriv /nominate.",
    "nomination_dropped": "Okej, nomineringen är avbruten. Inget har skickats.",
    "nomination_sent": (
        "Tack! Nomineringen av {name} till ”{title}” är mottagen. "
        "Vill du nominera fler? Skriv /nominate igen."
    ),
    "nomination_staff_open": (
        "<b>Nominering #{round_id}: {title}</b>\n"
        "Öppen {opens} – {closes}\n"
        "Nomineringar hittills: {count}"
    ),
    "nomination_staff_closed": (
        "<b>Nominering #{round_id}: {title}</b>\n"
        "Stängd {closes} (öppnade {opens})\n"
        "Nomineringar: {count}"
    ),
    "nomination_staff_none": (
        "Ingen nomineringsomgång ännu.\n\n"
        "Öppna en så här:\n"
        "<code>/nominations open Styrgruppen 2027–2030; nu; {ex_iso_later}</code>"
    ),
    "nomination_staff_how_to_open": (
        "Öppna en ny omgång så här:\n"
        "<code>/nominations open Styrgruppen 2027–2030; nu; {ex_iso_later}</code>"
    ),
    "nomination_staff_open_usage": (
        "Skriv <code>/nominations open rubrik; från; till</code>, till exempel\n"
        "<code>/nominations open Styrgruppen 2027–2030; {ex_iso}; {ex_iso_later} 17:00</code>\n"
        "”Från” kan vara ”nu”. Ett datum utan tid räknas från dagens början och till dagens slut."
    ),
    "nomination_staff_opened": (
        "Nominering #{round_id} ”{title}” är öppen {opens} – {closes}. "
        "Ett utskick om den går till {count} {count|person|personer} när den öppnar. "
        "Den stänger av sig själv; /nominations visar läget."
    ),
    "nomination_button_csv": "Exportera (CSV)",
    "nomination_button_close": "Stäng nu",
    "nomination_button_confirm": "Ja, stäng",
    "nomination_button_keep": "Nej, låt den vara öppen",
    "nomination_csv_caption": "Nomineringar: {title}",
    "nomination_close_confirm": "Stänga ”{title}” nu? Sedan går det inte att nominera fler.",
    "nomination_closed_now": "”{title}” är stängd. Nomineringar: {count}.",
    "nomination_close_kept": "Okej, omgången är fortfarande öppen.",
    "nomination_closed_summary": "Nomineringen har stängt: {title}",
    "nomination_closed_notice": (
        "Nominering #{round_id} ”{title}” har stängt. Nomineringar: {count}. "
        "Exportera dem med /nominations."
    ),
}

EN: dict[str, str] = {
    "nomination_announcement": (
        "<b>{title}</b>\n\n"
        "Signatory organisations can now nominate candidates to the steering group of the "
        "agreement. Nominations are open from {opens} to {closes}.\n\n"
        "Are you the contact of an organisation? Type /nominate and I will guide you."
    ),
    "nomination_title_missing": "The round needs a title.",
    "nomination_title_too_long": "The title is too long: at most {limit} characters.",
    "nomination_period_order": "The end must come after the start.",
    "nomination_closes_past": "{time} has already passed. Choose an end ahead.",
    "nomination_round_exists": (
        "Round #{round_id} “{title}” is already open. Close it first with /nominations."
    ),
    "nomination_round_not_found": "I cannot find nomination round #{round_id}.",
    "nomination_empty": "That looks empty. Please type something.",
    "nomination_too_long": "That is too long: at most {limit} characters.",
    "nomination_contact_invalid": (
        "That does not look like an e-mail address or a phone number. "
        "Type e.g. anna@association.se or 070-123 45 67."
    ),
    "nomination_not_linked": (
        "Only contacts of signatory organisations can nominate. Link yourself to your "
        "organisation under /settings → Organisation. Once staff have approved the link, "
        "you can nominate."
    ),
    "nomination_round_closed": "Nominations for “{title}” are closed.",
    "nomination_not_open_yet": "Nominations open on {opens}.",
    "nomination_duplicate": "Your organisation has already nominated {name} in this round.",
    "nomination_csv_submitted": "Submitted",
    "nomination_csv_organisation": "Nominating organisation",
    "nomination_csv_nominated_by": "Submitted by",
    "nomination_csv_candidate_name": "Candidate",
    "nomination_csv_candidate_organisation": "Candidate's organisation",
    "nomination_csv_candidate_contact": "Contact",
    "nomination_csv_motivation": "Motivation",
    "nomination_none": "No nominations are open right now. I will let you know when the next opens.",
    "nomination_closed_since": (
        "No nominations are open right now. The last round, “{title}”, closed on {when}."
    ),
    "nomination_opens_later": "Nominations for “{title}” open on {when}. Welcome back then!",
    "nomination_intro": (
        "<b>{title}</b>\nNominate a candidate to the steering group. I ask four things, then "
        "you see everything before sending. Last day: {closes}.\nType /cancel to stop."
    ),
    "nomination_intro_mine": "You have already sent {count} {count|nomination|nominations} in this round.",
    "nomination_ask_name": "What is the candidate's name?",
    "nomination_ask_organisation": "Which organisation is the candidate from?",
    "nomination_ask_contact": "How do we reach the candidate? Type an e-mail address or a phone number.",
    "nomination_ask_motivation": "Why do you propose this person? Write a short motivation.",
    "nomination_review": (
        "<b>Is this right?</b>\n\n"
        "<b>Candidate:</b> {name}\n"
        "<b>Organisation:</b> {organisation}\n"
        "<b>Contact:</b> {contact}\n"
        "<b>Motivation:</b>\n{motivation}"
    ),
    "nomination_use_buttons": "Use the buttons under the summary: Send, Change or Cancel.",
    "nomination_button_send": "Send",
    "nomination_button_edit": "Change",
    "nomination_button_cancel": "Cancel",
    "nomination_button_name": "Name",
    "nomination_button_organisation": "Organisation",
    "nomination_button_contact": "Contact",
    "nomination_button_motivation": "Motivation",
    "nomination_edit_choose": "What do you want to change?",
    "nomination_form_stale": "That nomination was already sent or cancelled. Type /nominate.",
    "nomination_dropped": "Okay, the nomination is cancelled. Nothing was sent.",
    "nomination_sent": (
        "Thank you! The nomination of {name} for “{title}” is received. "
        "To nominate more, type /nominate again."
    ),
    "nomination_staff_open": (
        "<b>Nomination #{round_id}: {title}</b>\n"
        "Open {opens} – {closes}\n"
        "Nominations so far: {count}"
    ),
    "nomination_staff_closed": (
        "<b>Nomination #{round_id}: {title}</b>\n"
        "Closed {closes} (opened {opens})\n"
        "Nominations: {count}"
    ),
    "nomination_staff_none": (
        "No nomination round yet.\n\n"
        "Open one like this:\n"
        "<code>/nominations open Steering group 2027–2030; now; {ex_iso_later}</code>"
    ),
    "nomination_staff_how_to_open": (
        "Open a new round like this:\n"
        "<code>/nominations open Steering group 2027–2030; now; {ex_iso_later}</code>"
    ),
    "nomination_staff_open_usage": (
        "Type <code>/nominations open title; from; to</code>, for example\n"
        "<code>/nominations open Steering group 2027–2030; {ex_iso}; {ex_iso_later} 17:00</code>\n"
        "“From” can be “now”. A date without a time counts from the start to the end of that day."
    ),
    "nomination_staff_opened": (
        "Nomination #{round_id} “{title}” is open {opens} – {closes}. "
        "An announcement goes to {count} {count|person|people} when it opens. "
        "It closes by itself; /nominations shows where it stands."
    ),
    "nomination_button_csv": "Export (CSV)",
    "nomination_button_close": "Close now",
    "nomination_button_confirm": "Yes, close",
    "nomination_button_keep": "No, keep it open",
    "nomination_csv_caption": "Nominations: {title}",
    "nomination_close_confirm": "Close “{title}” now? No more nominations can be sent after that.",
    "nomination_closed_now": "“{title}” is closed. Nominations: {count}.",
    "nomination_close_kept": "Okay, the round is still open.",
    "nomination_closed_summary": "The nomination has closed: {title}",
    "nomination_closed_notice": (
        "Nomination #{round_id} “{title}” has closed. Nominations: {count}. "
        "Export them with /nominations."
    ),
}
