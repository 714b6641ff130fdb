"""Texts: /start, language, and linking to an organisation (approvals, invitations)."""

SV: dict[str, str] = {
    "welcome": (
        "Hej {name}! 👋\n\n"
        "Jag är en bot för er som har skrivit under <b>överenskommelsen</b> mellan "
        "Västra Götalandsregionen och det civila samhällets organisationer.\n\n"
        "Du kan fråga mig om överenskommelsen, handlingsplanen, dialogmöten, IOP, "
        "reserverad upphandling, budgeten och vem du kan kontakta. Jag svarar med källa, "
        "och kan jag inte svara skickar jag frågan vidare till en handläggare.\n\n"
        "{privacy}\n\n"
        "Välj språk / Choose a language:"
    ),
    "language_set": "Nu pratar vi svenska. 🇸🇪",
    "onboarding_language_chosen": "<i>Språk: svenska</i>",
    "language_chosen_toast": "Språk: svenska",
    "onboarding_language_reminder": "Välj gärna språk också / Choose a language too:",
    "ask_organisation": (
        "Vilken organisation företräder du? Skriv en del av namnet, så letar jag i "
        "registret över underskrivare.\n\n"
        "Du kan hoppa över det här och ställa en fråga direkt."
    ),
    "organisation_matches": "Är det någon av de här? Välj din organisation, eller skriv igen.",
    "organisation_reminder": (
        "Vi var mitt i att koppla dig till din organisation: skriv en del av namnet, "
        "eller tryck Hoppa över."
    ),
    "organisation_no_match": (
        "Jag hittade ingen underskrivare som heter så. Prova en annan del av namnet, "
        "eller hoppa över."
    ),
    "button_skip": "Hoppa över",
    "onboarding_organisation_chosen": "<i>Organisation: {org}</i>",
    "onboarding_organisation_skipped": "<i>Organisation: hoppade över</i>",
    "onboarding_organisation_kept": "<i>Organisation: oförändrad</i>",
    "organisation_kept": "Okej! Din organisation är oförändrad: {org}.",
    "organisation_skipped": (
        "Okej! Du kan koppla dig till din organisation senare under /settings. "
        "Ställ gärna en fråga om överenskommelsen."
    ),
    "link_requested": (
        "Tack! Du har bett om att kopplas till <b>{org}</b>. En handläggare bekräftar det "
        "snart, och då hör jag av mig.\n\nUnder tiden kan du ställa frågor som vanligt."
    ),
    "link_already": "Du är redan kopplad till den organisationen.",
    "link_approved_user": "✅ Klart! Du är nu kopplad till <b>{org}</b>.",
    "link_denied_user": (
        "Din begäran att kopplas till <b>{org}</b> godkändes inte. Hör av dig till "
        "processledaren om du tror att det är fel, eller välj en annan organisation under "
        "/settings."
    ),
    "invite_linked": "✅ Välkommen! Du är kopplad till <b>{org}</b> via inbjudan.",
    "invite_invalid": "Den inbjudningslänken känner jag inte igen. Be om en ny länk.",
    "invite_revoked": "Den inbjudningslänken har dragits tillbaka. Be om en ny länk.",
    "invite_expired": "Den inbjudningslänken har gått ut. Be om en ny länk.",
    "invite_not_found": "Det finns ingen sådan inbjudan.",
    "invite_days_invalid": "En inbjudan kan gälla 1–{max} dagar, inte {days}.",
    "org_not_found": "Den organisationen finns inte i registret.",
    "staff_link_request": (
        "🔗 <b>Begäran om koppling</b>\n{name}{username} vill kopplas till <b>{org}</b>."
    ),
    "button_approve": "✅ Godkänn",
    "button_deny": "❌ Neka",
    "link_request_summary": "🔗 Begäran om koppling till {org}",
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
}

EN: dict[str, str] = {
    "welcome": (
        "Hi {name}! 👋\n\n"
        "I am a bot for the signatories of the <b>agreement</b> (Överenskommelsen) between "
        "Region Västra Götaland and the civil-society organisations of the region.\n\n"
        "Ask me about the agreement, the action plan, dialogue meetings, IOP, reserved "
        "procurement, the budget and whom to contact. I answer with the source, and if I "
        "cannot answer I pass the question on to a member of staff.\n\n"
        "{privacy}\n\n"
        "Välj språk / Choose a language:"
    ),
    "language_set": (
        "Now we speak English. 🇬🇧 Answers from the knowledge base come in English; "
        "a few imported documents exist only in Swedish, and answers from them say so."
    ),
    "onboarding_language_chosen": "<i>Language: English</i>",
    "language_chosen_toast": "Language: English",
    "onboarding_language_reminder": "Välj gärna språk också / Choose a language too:",
    "ask_organisation": (
        "Which organisation do you represent? Type part of its name and I will look it up "
        "in the register of signatories.\n\nYou can skip this and ask a question right away."
    ),
    "organisation_matches": "Is it one of these? Choose your organisation, or type again.",
    "organisation_reminder": (
        "We were linking you to your organisation: type part of its name, or press Skip."
    ),
    "organisation_no_match": (
        "I found no signatory with that name. Try another part of the name, or skip."
    ),
    "button_skip": "Skip",
    "onboarding_organisation_chosen": "<i>Organisation: {org}</i>",
    "onboarding_organisation_skipped": "<i>Organisation: skipped</i>",
    "onboarding_organisation_kept": "<i>Organisation: unchanged</i>",
    "organisation_kept": "Okay! Your organisation is unchanged: {org}.",
    "organisation_skipped": (
        "Okay! You can link to your organisation later in /settings. "
        "Feel free to ask a question about the agreement."
    ),
    "link_requested": (
        "Thank you! You asked to be linked to <b>{org}</b>. A member of staff will confirm "
        "it soon and I will let you know.\n\nMeanwhile you can ask questions as usual."
    ),
    "link_already": "You are already linked to that organisation.",
    "link_approved_user": "✅ Done! You are now linked to <b>{org}</b>.",
    "link_denied_user": (
        "Your request to be linked to <b>{org}</b> was not approved. Contact the process "
        "leader if you think this is wrong, or choose another organisation in /settings."
    ),
    "invite_linked": "✅ Welcome! You are linked to <b>{org}</b> through the invitation.",
    "invite_invalid": "I do not recognise that invitation link. Please ask for a new one.",
    "invite_revoked": "That invitation link has been withdrawn. Please ask for a new one.",
    "invite_expired": "That invitation link has expired. Please ask for a new one.",
    "invite_not_found": "There is no such invitation.",
    "invite_days_invalid": "An invitation can be valid for 1–{max} days, not {days}.",
    "org_not_found": "That organisation is not in the register.",
    "staff_link_request": (
        "🔗 <b>Link request</b>\n{name}{username} asks to be linked to <b>{org}</b>."
    ),
    "button_approve": "✅ Approve",
    "button_deny": "❌ Deny",
    "link_request_summary": "🔗 Link request to {org}",
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
}
