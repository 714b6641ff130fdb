"""Texts: forms — checking answers, and the built-in organisation profile's questions."""

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
}
