"""Texts: staff broadcasts (/broadcast), audiences, /campaigns and reports to authors."""

SV: dict[str, str] = {
    "broadcast_compose": (
        "📣 Skriv meddelandet som ska skickas ut — fetstil, kursiv och länkar följer med — "
        "eller skicka en bild eller fil med bildtext. /cancel avbryter."
    ),
    "broadcast_choose_audience": "Vem ska få utskicket?",
    "broadcast_choose_subregion": "Vilken delregion?",
    "broadcast_choose_topic": "Prenumeranter på vilket ämne?",
    "broadcast_org_prompt": "Skriv en del av organisationens namn.",
    "broadcast_org_matches": "Välj organisation:",
    "broadcast_org_none": "Ingen organisation i registret matchar ”{text}”. Försök med en annan del av namnet.",
    "broadcast_summary": (
        "☝️ Så här ser utskicket ut för mottagarna.\n\n<b>Till:</b> {audience}\n"
        "<b>Mottagare just nu:</b> {count}"
    ),
    "broadcast_preview_failed": "Förhandsvisningen gick inte att skicka ({reason}). Börja om med /broadcast.",
    "broadcast_ask_time": (
        "När ska det skickas? Skriv datum och tid i svensk tid, till exempel "
        "{ex_iso} 09:30, {ex_dm} 9:30 eller i morgon 09:00."
    ),
    "broadcast_confirm_time": "Skicka <b>{time}</b> (svensk tid) till {audience}?",
    "broadcast_queued": "✅ Utskicket till {count} mottagare skickas nu. Följ det med /campaigns.",
    "broadcast_scheduled": (
        "🗓 Utskicket skickas {time} (svensk tid) till dem som då hör till "
        "mottagarna (just nu {count}). /campaigns visar det."
    ),
    "broadcast_dropped": "Okej, utskicket är avbrutet. Inget skickades.",
    "broadcast_stale": "Det utkastet gäller inte längre. Börja om med /broadcast.",
    "broadcast_time_replaced": "Den tiden har ersatts av en nyare – bekräfta den senaste.",
    "broadcast_need_message": "Skicka texten, en bild eller en fil — eller /cancel.",
    "schedule_invalid": "Jag förstår inte tiden ”{text}”. Skriv till exempel {ex_iso} 09:30 eller {ex_dm} 9:30.",
    "schedule_past": "{time} har redan varit. Välj en tid framåt.",
    "schedule_time_skipped": "{time} finns inte: klockan ställs fram en timme den natten. Välj en annan tid.",
    "button_audience_all": "Alla",
    "button_audience_subregion": "Organisationer i en delregion",
    "button_audience_umbrella": "Paraplyorganisationer",
    "button_audience_topic": "Prenumeranter på ett ämne",
    "button_audience_org": "En organisation",
    "button_send_now": "Skicka nu",
    "button_schedule": "Schemalägg",
    "button_confirm_time": "Ja, schemalägg",
    "audience_label_all": "alla",
    "audience_label_contacts": "organisationernas kontaktpersoner",
    "audience_label_subregion": "organisationer i {value}",
    "audience_label_umbrella": "paraplyorganisationer",
    "audience_label_topic": "prenumeranter på {value}",
    "audience_label_org": "{value}",
    "audience_label_form": "dem som fått formuläret ”{value}” men inte svarat än",
    "audience_label_meeting": "dem som anmält sig till {value}",
    "audience_label_attendees": "dem som har plats på {value}",
    "audience_label_user": "{value}",
    "audience_label_staff": "personalen (personalchatten, annars administratörerna)",
    "audience_label_digest_weekly": "veckobrevets läsare",
    "audience_label_digest_monthly": "månadsbrevets läsare",
    "audience_label_digest_any": "nyhetsbrevets läsare",
    "campaigns_header": "<b>Senaste utskick</b>",
    "campaigns_none": "Inga utskick än. Skapa ett med /broadcast.",
    "campaigns_item": (
        "<b>{number}.</b> {title}\n"
        "{status} · {when} · till {audience}\n"
        "{sent} skickade · {pending} väntar · {failed} misslyckade · {skipped} överhoppade"
    ),
    "campaign_title_broadcast": "📣 ”{excerpt}”",
    "campaign_title_media": "📣 Bild eller fil utan text",
    "campaign_title_other": "⚙️ {excerpt}",
    "campaigns_people": "{n} {n|person|personer}, var och en för sig",
    "campaign_status_scheduled": "🗓 schemalagt",
    "campaign_status_running": "▶️ pågår",
    "campaign_status_paused": "⏸ pausat",
    "campaign_status_cancelled": "✖️ avbrutet",
    "campaign_status_done": "✅ klart",
    "button_campaign_pause": "⏸ Pausa {number}",
    "button_campaign_resume": "▶️ Återuppta {number}",
    "button_campaign_cancel": "✖️ Avbryt {number}",
    "button_campaign_confirm_cancel": "Ja, avbryt {number}",
    "button_campaign_keep": "Nej, behåll",
    "button_refresh": "🔄 Uppdatera",
    "campaign_done_paused": "Pausat: {title}",
    "campaign_done_resumed": "Fortsätter: {title}",
    "campaign_done_cancelled": "Avbrutet: {title}",
    "campaign_confirm_cancel": "Tryck på ”Ja, avbryt” för att bekräfta.",
    "audience_unknown": (
        "Okänd mottagargrupp: {spec}. Använd all, contacts, subregion:NAMN, umbrella, topic:ÄMNE eller org:ID."
    ),
    "audience_subregion_unknown": (
        "Okänd delregion: {subregion}. Välj Fyrbodal, Skaraborg, Sjuhärad eller Göteborgsregionen."
    ),
    "audience_topic_unknown": "Okänt ämne för utskick: {topic}.",
    "audience_org_invalid": "Ogiltig organisation: {org}. Ange organisationens nummer.",
    "audience_id_invalid": "Ogiltig mottagargrupp: {spec}. Efter kolonet ska ett nummer stå.",
    "campaign_empty": "Utskicket är tomt: skriv en text eller bifoga en bild eller fil.",
    "campaign_too_long": "Texten är för lång för ett utskick (högst {limit} tecken).",
    "campaign_media_invalid": "Bilagan kan inte skickas: välj en bild eller ett dokument.",
    "campaign_buttons_invalid": "Knapparna är felaktiga: varje knapp behöver en text och en https-länk.",
    "campaign_not_found": "Det utskicket finns inte.",
    "campaign_not_running": "Utskicket pågår inte, så det går inte att pausa.",
    "campaign_not_paused": "Utskicket är inte pausat.",
    "campaign_finished": "Utskicket är redan avslutat.",
    "campaign_report": (
        "📬 Klart: {title}\n{sent} skickade, {failed} misslyckade, "
        "{skipped} hoppades över (av {total})."
    ),
    "campaign_paused_errors": (
        "⏸ Pausade sig självt: {title}\n{failures} av de senaste {window} "
        "meddelandena misslyckades. {sent} skickade, "
        "{failed} misslyckade, {pending} väntar. Kontrollera och återuppta det när felet är åtgärdat."
    ),
}

EN: dict[str, str] = {
    "broadcast_compose": (
        "📣 Write the message to send — bold, italics and links are kept — "
        "or send a photo or file with a caption. /cancel stops."
    ),
    "broadcast_choose_audience": "Who should get it?",
    "broadcast_choose_subregion": "Which sub-region?",
    "broadcast_choose_topic": "Subscribers of which topic?",
    "broadcast_org_prompt": "Type part of the organisation's name.",
    "broadcast_org_matches": "Choose the organisation:",
    "broadcast_org_none": "No organisation in the register matches “{text}”. Try another part of the name.",
    "broadcast_summary": (
        "☝️ This is how recipients will see it.\n\n<b>To:</b> {audience}\n"
        "<b>Recipients right now:</b> {count}"
    ),
    "broadcast_preview_failed": "The preview could not be sent ({reason}). Start again with /broadcast.",
    "broadcast_ask_time": (
        "When should it go out? Type a date and time in Swedish time, for example "
        "{ex_iso} 09:30, {ex_dm} 9:30 or tomorrow 09:00."
    ),
    "broadcast_confirm_time": "Send on <b>{time}</b> (Swedish time) to {audience}?",
    "broadcast_queued": "✅ The broadcast to {count} {count|recipient|recipients} goes out now. Follow it with /campaigns.",
    "broadcast_scheduled": (
        "🗓 The broadcast goes out {time} (Swedish time) to whoever is then in the "
        "audience (now {count}). /campaigns shows it."
    ),
    "broadcast_dropped": "Okay, the broadcast is cancelled. Nothing was sent.",
    "broadcast_stale": "That draft is no longer current. Start again with /broadcast.",
    "broadcast_time_replaced": "That time has been replaced by a newer one – confirm the latest.",
    "broadcast_need_message": "Send the text, a photo or a file — or /cancel.",
    "schedule_invalid": "I do not understand the time “{text}”. Type e.g. {ex_iso} 09:30 or {ex_dm} 9:30.",
    "schedule_past": "{time} has already passed. Choose a time ahead.",
    "schedule_time_skipped": "{time} does not exist: the clocks go forward an hour that night. Choose another time.",
    "button_audience_all": "Everyone",
    "button_audience_subregion": "Organisations in a sub-region",
    "button_audience_umbrella": "Umbrella bodies",
    "button_audience_topic": "Subscribers of a topic",
    "button_audience_org": "One organisation",
    "button_send_now": "Send now",
    "button_schedule": "Schedule",
    "button_confirm_time": "Yes, schedule",
    "audience_label_all": "everyone",
    "audience_label_contacts": "the organisations' contacts",
    "audience_label_subregion": "organisations in {value}",
    "audience_label_umbrella": "umbrella bodies",
    "audience_label_topic": "subscribers of {value}",
    "audience_label_org": "{value}",
    "audience_label_form": "those sent the form “{value}” who have not answered yet",
    "audience_label_meeting": "those signed up for {value}",
    "audience_label_attendees": "those with a seat at {value}",
    "audience_label_user": "{value}",
    "audience_label_staff": "staff (the staff chat, else the admins)",
    "audience_label_digest_weekly": "readers of the weekly newsletter",
    "audience_label_digest_monthly": "readers of the monthly newsletter",
    "audience_label_digest_any": "the newsletter's readers",
    "campaigns_header": "<b>Recent campaigns</b>",
    "campaigns_none": "No campaigns yet. Create one with /broadcast.",
    "campaigns_item": (
        "<b>{number}.</b> {title}\n"
        "{status} · {when} · to {audience}\n"
        "{sent} sent · {pending} pending · {failed} failed · {skipped} skipped"
    ),
    "campaign_title_broadcast": "📣 “{excerpt}”",
    "campaign_title_media": "📣 A photo or file without text",
    "campaign_title_other": "⚙️ {excerpt}",
    "campaigns_people": "{n} {n|person|people}, one message each",
    "campaign_status_scheduled": "🗓 scheduled",
    "campaign_status_running": "▶️ running",
    "campaign_status_paused": "⏸ paused",
    "campaign_status_cancelled": "✖️ cancelled",
    "campaign_status_done": "✅ done",
    "button_campaign_pause": "⏸ Pause {number}",
    "button_campaign_resume": "▶️ Resume {number}",
    "button_campaign_cancel": "✖️ Cancel {number}",
    "button_campaign_confirm_cancel": "Yes, cancel {number}",
    "button_campaign_keep": "No, keep it",
    "button_refresh": "🔄 Refresh",
    "campaign_done_paused": "Paused: {title}",
    "campaign_done_resumed": "Continues: {title}",
    "campaign_done_cancelled": "Cancelled: {title}",
    "campaign_confirm_cancel": "Press “Yes, cancel” to confirm.",
    "audience_unknown": (
        "Unknown audience: {spec}. Use all, contacts, subregion:NAME, umbrella, topic:TOPIC or org:ID."
    ),
    "audience_subregion_unknown": (
        "Unknown sub-region: {subregion}. Choose Fyrbodal, Skaraborg, Sjuhärad or Göteborgsregionen."
    ),
    "audience_topic_unknown": "Unknown push topic: {topic}.",
    "audience_org_invalid": "Invalid organisation: {org}. Give the organisation's number.",
    "audience_id_invalid": "Invalid audience: {spec}. A number should follow the colon.",
    "campaign_empty": "The message is empty: write a text or attach a photo or file.",
    "campaign_too_long": "The text is too long for a broadcast (at most {limit} characters).",
    "campaign_media_invalid": "The attachment cannot be sent: choose a photo or a document.",
    "campaign_buttons_invalid": "The buttons are invalid: each needs a text and an https link.",
    "campaign_not_found": "That campaign does not exist.",
    "campaign_not_running": "The campaign is not running, so it cannot be paused.",
    "campaign_not_paused": "The campaign is not paused.",
    "campaign_finished": "The campaign has already finished.",
    "campaign_report": (
        "📬 Done: {title}\n{sent} sent, {failed} failed, {skipped} skipped (of {total})."
    ),
    "campaign_paused_errors": (
        "⏸ Paused itself: {title}\n{failures} of the last {window} messages "
        "failed. {sent} sent, {failed} failed, "
        "{pending} pending. Check and resume it once the problem is fixed."
    ),
}
