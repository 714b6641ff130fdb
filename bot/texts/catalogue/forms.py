"""Texts: forms — /forms, the organisation profile (/profile) and the staff side."""

SV: dict[str, str] = {
    "form_not_found": "Jag hittar inget formulär #{form_id}.",
    "form_closed": "Formuläret är stängt och tar inte emot fler svar.",
    "form_needs_organisation": (
        "Det här formuläret besvaras av organisationernas kontaktpersoner. Koppla dig till din "
        "organisation under /settings → Organisation; när en handläggare har godkänt "
        "kopplingen kan du svara."
    ),
    "form_not_for_you": "Det här formuläret är inte skickat till dig, så du kan inte svara på det.",
    "form_already_sent": "De här svaren är redan skickade.",
    "form_answer_required": "Den här frågan behöver ett svar.",
    "form_incomplete": "Fråga {number} saknar svar. Svara på den först.",
    "form_question_not_found": "Frågan finns inte längre i formuläret.",
    "form_number_invalid": "Skriv ett heltal med siffror, till exempel 250.",
    "form_number_range": "Skriv ett tal från {low} till {high}.",
    "form_text_empty": "Det verkar tomt. Skriv något, tack.",
    "form_text_too_long": "Det blev för långt: högst {limit} tecken.",
    "form_municipality_unknown": (
        "Jag hittar ingen kommun i Västra Götaland som heter ”{name}”. "
        "Kontrollera stavningen eller välj med knapparna."
    ),
    "form_municipality_ambiguous": "”{name}” kan vara flera kommuner: {names}. Skriv hela namnet.",
    "form_choice_invalid": "Det alternativet finns inte. Välj med knapparna.",
    "form_use_buttons": "Svara med knapparna under frågan.",
    "form_whole_region": "Hela Västra Götaland",
    "form_answer_none": "–",
    "form_title_missing": "Formuläret behöver en rubrik.",
    "form_title_too_long": "Rubriken blev för lång: högst {limit} tecken.",
    "form_no_questions": "Formuläret behöver minst en fråga.",
    "form_too_many_questions": "Högst {limit} frågor i ett formulär.",
    "form_question_key_twice": "Fråga {number}: namnet ”{name}” används redan av en annan fråga.",
    "form_question_key_invalid": (
        "Fråga {number}: namnet ”{name}” går inte. Använd små bokstäver a–z, siffror och _."
    ),
    "form_question_prompt_missing": "Fråga {number} saknar frågetext.",
    "form_question_prompt_too_long": "Fråga {number}: frågetexten får vara högst {limit} tecken.",
    "form_question_options_count": "Fråga {number}: ange mellan 2 och {limit} alternativ.",
    "form_question_options_unexpected": "Fråga {number}: bara valfrågor har alternativ.",
    "form_question_options_twice": "Fråga {number}: samma alternativ står två gånger.",
    "form_question_option_length": "Fråga {number}: ett alternativ får vara 1–{limit} tecken.",
    "form_question_range": "Fråga {number}: det minsta talet är större än det största.",
    "form_org_profile_title": "Organisationsprofil",
    "form_org_profile_intro": (
        "Regionen och RÖS-gruppen följer varje år upp vilka som har skrivit under "
        "överenskommelsen: hur många ni är, vad ni arbetar med och var. Fem korta frågor; "
        "svaren gäller hela organisationen och ni kan ändra dem när som helst."
    ),
    "form_org_profile_members": "Ungefär hur många medlemmar har organisationen?",
    "form_org_profile_areas": "Inom vilka områden arbetar ni? Välj alla som passar.",
    "form_org_profile_areas_social_welfare": "Social välfärd",
    "form_org_profile_areas_health": "Hälsa",
    "form_org_profile_areas_culture": "Kultur",
    "form_org_profile_areas_sport": "Idrott",
    "form_org_profile_areas_environment": "Miljö",
    "form_org_profile_areas_education": "Utbildning och folkbildning",
    "form_org_profile_areas_human_rights": "Mänskliga rättigheter",
    "form_org_profile_areas_other": "Annat",
    "form_org_profile_municipalities": (
        "I vilka kommuner är ni verksamma? Välj med knapparna eller skriv namnen, skilda med komma."
    ),
    "form_org_profile_subregion": "Vilken delregion hör ni främst till?",
    "form_org_profile_subregion_fyrbodal": "Fyrbodal",
    "form_org_profile_subregion_goteborgsregionen": "Göteborgsregionen",
    "form_org_profile_subregion_sjuharad": "Sjuhärad",
    "form_org_profile_subregion_skaraborg": "Skaraborg",
    "form_org_profile_subregion_whole": "Hela Västra Götaland",
    "form_org_profile_umbrella": "Är ni en paraplyorganisation med medlemsorganisationer?",
    "form_org_profile_umbrella_yes": "Ja",
    "form_org_profile_umbrella_no": "Nej",
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
    "form_not_found": "I cannot find form #{form_id}.",
    "form_closed": "The form is closed and takes no more answers.",
    "form_needs_organisation": (
        "This form is answered by the organisations' contacts. Link yourself to your "
        "organisation under /settings → Organisation; once staff have approved the link, "
        "you can answer."
    ),
    "form_not_for_you": "This form was not sent to you, so you cannot answer it.",
    "form_already_sent": "These answers have already been sent.",
    "form_answer_required": "This question needs an answer.",
    "form_incomplete": "Question {number} has no answer yet. Please answer it first.",
    "form_question_not_found": "That question is no longer in the form.",
    "form_number_invalid": "Please type a whole number in digits, for example 250.",
    "form_number_range": "Please type a number from {low} to {high}.",
    "form_text_empty": "That looks empty. Please type something.",
    "form_text_too_long": "That is too long: at most {limit} characters.",
    "form_municipality_unknown": (
        "I cannot find a municipality in Västra Götaland called “{name}”. "
        "Check the spelling or choose with the buttons."
    ),
    "form_municipality_ambiguous": (
        "“{name}” could be several municipalities: {names}. Please type the whole name."
    ),
    "form_choice_invalid": "That option does not exist. Please choose with the buttons.",
    "form_use_buttons": "Please answer with the buttons below the question.",
    "form_whole_region": "All of Västra Götaland",
    "form_answer_none": "–",
    "form_title_missing": "The form needs a title.",
    "form_title_too_long": "The title is too long: at most {limit} characters.",
    "form_no_questions": "The form needs at least one question.",
    "form_too_many_questions": "At most {limit} questions in a form.",
    "form_question_key_twice": "Question {number}: the name “{name}” is used by another question.",
    "form_question_key_invalid": (
        "Question {number}: the name “{name}” will not do. Use lower-case a–z, digits and _."
    ),
    "form_question_prompt_missing": "Question {number} has no text.",
    "form_question_prompt_too_long": "Question {number}: the text may be at most {limit} characters.",
    "form_question_options_count": "Question {number}: give between 2 and {limit} options.",
    "form_question_options_unexpected": "Question {number}: only choice questions have options.",
    "form_question_options_twice": "Question {number}: the same option is listed twice.",
    "form_question_option_length": "Question {number}: an option may be 1–{limit} characters.",
    "form_question_range": "Question {number}: the smallest number is larger than the largest.",
    "form_org_profile_title": "Organisation profile",
    "form_org_profile_intro": (
        "Each year the region and the steering group follow up who has signed the agreement: "
        "how many you are, what you work on and where. Five short questions; the answers "
        "stand for the whole organisation and you can change them at any time."
    ),
    "form_org_profile_members": "Roughly how many members does the organisation have?",
    "form_org_profile_areas": "What areas do you work in? Choose all that apply.",
    "form_org_profile_areas_social_welfare": "Social welfare",
    "form_org_profile_areas_health": "Health",
    "form_org_profile_areas_culture": "Culture",
    "form_org_profile_areas_sport": "Sport",
    "form_org_profile_areas_environment": "Environment",
    "form_org_profile_areas_education": "Education and adult learning",
    "form_org_profile_areas_human_rights": "Human rights",
    "form_org_profile_areas_other": "Other",
    "form_org_profile_municipalities": (
        "In which municipalities are you active? Choose with the buttons or type the names, "
        "separated by commas."
    ),
    "form_org_profile_subregion": "Which sub-region do you mainly belong to?",
    "form_org_profile_subregion_fyrbodal": "Fyrbodal",
    "form_org_profile_subregion_goteborgsregionen": "Göteborgsregionen",
    "form_org_profile_subregion_sjuharad": "Sjuhärad",
    "form_org_profile_subregion_skaraborg": "Skaraborg",
    "form_org_profile_subregion_whole": "All of Västra Götaland",
    "form_org_profile_umbrella": "Are you an umbrella body with member organisations?",
    "form_org_profile_umbrella_yes": "Yes",
    "form_org_profile_umbrella_no": "No",
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
