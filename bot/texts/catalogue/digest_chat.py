"""Texts: newsletter digests in the chat (/digest, digest settings)."""

SV: dict[str, str] = {
    # Readers: /settings → 📰 Nyhetsbrev, and the ⚙️ button under a digest
    "dchat_button_settings": "📰 Nyhetsbrev",
    "dchat_menu": (
        "<b>📰 Nyhetsbrev</b>\n"
        "Ett kort nyhetsbrev med det som är nytt: dialogmöten, utlysningar, "
        "meddelanden från regionen och nyheter.\n\n"
        "Just nu: <b>{choice}</b>"
    ),
    "dchat_choice_default": "{frequency} (standardinställningen)",
    "dchat_frequency_weekly": "Varje vecka ({weekday} kl. {time})",
    "dchat_frequency_monthly": "Varje månad (första vardagen kl. {time})",
    "dchat_frequency_off": "Av",
    "dchat_weekday_mon": "måndagar",
    "dchat_weekday_tue": "tisdagar",
    "dchat_weekday_wed": "onsdagar",
    "dchat_weekday_thu": "torsdagar",
    "dchat_weekday_fri": "fredagar",
    "dchat_weekday_sat": "lördagar",
    "dchat_weekday_sun": "söndagar",
    "dchat_chosen_weekly": "Du får nyhetsbrevet varje vecka.",
    "dchat_chosen_monthly": "Du får nyhetsbrevet en gång i månaden.",
    "dchat_chosen_off": "Nyhetsbrevet är avstängt.",
    # Staff: /digest
    "dchat_staff_menu": (
        "<b>📰 Nyhetsbrev</b>\n"
        "Standard för den som inte valt själv: <b>{default}</b>\n\n"
        "<b>Nästa utgåvor</b>\n{editions}"
    ),
    "dchat_edition_line": "• {kind}: {when} – {readers} läsare",
    "dchat_special_line": "• {kind}: {when}",
    "dchat_kind_weekly": "Veckobrev",
    "dchat_kind_monthly": "Månadsbrev",
    "dchat_kind_special": "Specialutgåva",
    "dchat_button_preview": "👁 Förhandsgranska",
    "dchat_button_now": "📨 Skicka en utgåva nu",
    "dchat_button_special": "🗓 Schemalägg specialutgåva",
    "dchat_button_default": "Standard: {frequency}",
    "dchat_short_weekly": "Varje vecka",
    "dchat_short_monthly": "Varje månad",
    "dchat_short_off": "Av",
    "dchat_default_set": "Standard är nu: {frequency}.",
    "dchat_preview_header": "👁 Så här ser nästa nyhetsbrev till {name} ut ({frequency}):",
    "dchat_preview_off": (
        "{name} har stängt av nyhetsbrevet och får inga utgåvor. Så här skulle ett veckobrev se ut:"
    ),
    "dchat_preview_empty": "Nästa nyhetsbrev till {name} skulle vara tomt och skickas inte.",
    "dchat_ask_note": (
        "Vill du ha en hälsning högst upp i nyhetsbrevet? Skriv den nu, "
        "eller tryck på <b>Ingen hälsning</b>. /cancel avbryter."
    ),
    "dchat_button_no_note": "Ingen hälsning",
    "dchat_ask_when": (
        "När ska specialutgåvan skickas? Skriv datum och tid i svensk tid, "
        "till exempel <code>{ex_dm} 09:00</code> eller <code>{ex_iso} 09:00</code>. /cancel avbryter."
    ),
    "dchat_draft_preview": "👁 Så här får du utgåvan:",
    "dchat_draft_empty": (
        "Du själv skulle inte få något i den här utgåvan (inget nytt för dig och ingen hälsning). "
        "Andra läsare kan ändå få den."
    ),
    "dchat_confirm_now": (
        "Skicka utgåvan nu till alla som får nyhetsbrevet ({count} läsare)? "
        "Var och en får det som är nytt för just dem; tomma nyhetsbrev skickas inte."
    ),
    "dchat_confirm_special": (
        "Schemalägga en specialutgåva {when} till alla som får nyhetsbrevet (nu {count} läsare)?"
    ),
    "dchat_button_send": "Skicka",
    "dchat_button_schedule": "Schemalägg",
    "dchat_button_cancel": "Avbryt",
    "dchat_sent_now": "📨 Utgåva #{edition_id} skickas nu. Följ utskicket i /campaigns.",
    "dchat_scheduled": (
        "🗓 Specialutgåva #{edition_id} skickas {when}. Du kan avbryta den i /campaigns."
    ),
    "dchat_dropped": "Okej, ingen utgåva skickas.",
    "dchat_use_buttons": "Tryck på en av knapparna ovan, eller skriv /cancel.",
    "dchat_draft_stale": "Det här utkastet gäller inte längre. Börja om med /digest.",
    "dchat_reader_invalid": (
        "Skriv ett Telegram-id (siffror) eller ett @användarnamn, "
        "till exempel <code>/digest preview @anna</code>."
    ),
    "dchat_reader_unknown": "Jag hittar ingen användare {reference}.",
}

EN: dict[str, str] = {
    "dchat_button_settings": "📰 Newsletter",
    "dchat_menu": (
        "<b>📰 Newsletter</b>\n"
        "A short newsletter with what is new: dialogue meetings, funding calls, "
        "messages from the region and news.\n\n"
        "Right now: <b>{choice}</b>"
    ),
    "dchat_choice_default": "{frequency} (the default)",
    "dchat_frequency_weekly": "Every week ({weekday} at {time})",
    "dchat_frequency_monthly": "Every month (first weekday at {time})",
    "dchat_frequency_off": "Off",
    "dchat_weekday_mon": "Mondays",
    "dchat_weekday_tue": "Tuesdays",
    "dchat_weekday_wed": "Wednesdays",
    "dchat_weekday_thu": "Thursdays",
    "dchat_weekday_fri": "Fridays",
    "dchat_weekday_sat": "Saturdays",
    "dchat_weekday_sun": "Sundays",
    "dchat_chosen_weekly": "You get the newsletter every week.",
    "dchat_chosen_monthly": "You get the newsletter once a month.",
    "dchat_chosen_off": "The newsletter is off.",
    "dchat_staff_menu": (
        "<b>📰 Newsletter</b>\n"
        "Default for readers who have not chosen: <b>{default}</b>\n\n"
        "<b>Next editions</b>\n{editions}"
    ),
    "dchat_edition_line": "• {kind}: {when} – {readers} {readers|reader|readers}",
    "dchat_special_line": "• {kind}: {when}",
    "dchat_kind_weekly": "Weekly",
    "dchat_kind_monthly": "Monthly",
    "dchat_kind_special": "Special edition",
    "dchat_button_preview": "👁 Preview",
    "dchat_button_now": "📨 Send an edition now",
    "dchat_button_special": "🗓 Schedule a special edition",
    "dchat_button_default": "Default: {frequency}",
    "dchat_short_weekly": "Every week",
    "dchat_short_monthly": "Every month",
    "dchat_short_off": "Off",
    "dchat_default_set": "The default is now: {frequency}.",
    "dchat_preview_header": "👁 This is the next newsletter for {name} ({frequency}):",
    "dchat_preview_off": (
        "{name} has turned the newsletter off and gets no editions. "
        "A weekly edition would look like this:"
    ),
    "dchat_preview_empty": "The next newsletter for {name} would be empty and is not sent.",
    "dchat_ask_note": (
        "Would you like a greeting at the top of the newsletter? Write it now, "
        "or press <b>No greeting</b>. /cancel stops."
    ),
    "dchat_button_no_note": "No greeting",
    "dchat_ask_when": (
        "When should the special edition go out? Write a date and time in Swedish time, "
        "e.g. <code>{ex_dm} 09:00</code> or <code>{ex_iso} 09:00</code>. /cancel stops."
    ),
    "dchat_draft_preview": "👁 This is how you get the edition:",
    "dchat_draft_empty": (
        "You yourself would get nothing in this edition (nothing new for you and no greeting). "
        "Other readers may still get it."
    ),
    "dchat_confirm_now": (
        "Send the edition now to everyone who gets the newsletter ({count} {count|reader|readers})? "
        "Each gets what is new for them; empty newsletters are not sent."
    ),
    "dchat_confirm_special": (
        "Schedule a special edition for {when} to everyone who gets the newsletter "
        "(now {count} {count|reader|readers})?"
    ),
    "dchat_button_send": "Send",
    "dchat_button_schedule": "Schedule",
    "dchat_button_cancel": "Cancel",
    "dchat_sent_now": "📨 Edition #{edition_id} is being sent. Follow it in /campaigns.",
    "dchat_scheduled": (
        "🗓 Special edition #{edition_id} goes out on {when}. You can cancel it in /campaigns."
    ),
    "dchat_dropped": "Okay, no edition is sent.",
    "dchat_use_buttons": "Press one of the buttons above, or write /cancel.",
    "dchat_draft_stale": "This draft is no longer valid. Start again with /digest.",
    "dchat_reader_invalid": (
        "Write a Telegram id (digits) or an @username, e.g. <code>/digest preview @anna</code>."
    ),
    "dchat_reader_unknown": "I cannot find a user {reference}.",
}
