"""Texts: the /settings menu (language, organisation, unlinking)."""

SV: dict[str, str] = {
    "settings_menu": (
        "<b>Inställningar</b>\nSpråk: {language}\nOrganisation: {organisation}\n\nVad vill du ändra?"
    ),
    "settings_no_org": "ingen vald",
    "settings_pending": "{org} (väntar på bekräftelse)",
    "button_language": "🌐 Språk / Language",
    "button_organisation": "🏢 Organisation",
    "button_unlink": "Ta bort kopplingen",
    "unlink_confirm": (
        "Vill du ta bort kopplingen till <b>{org}</b>? För att kopplas igen behöver en "
        "handläggare godkänna det på nytt."
    ),
    "button_unlink_confirm": "Ja, ta bort kopplingen",
    "button_settings_back": "◀ Tillbaka",
    "choose_language": "Välj språk / Choose a language:",
    "unlinked": "Kopplingen till organisationen är borttagen.",
    "language_name": "svenska",
}

EN: dict[str, str] = {
    "settings_menu": (
        "<b>Settings</b>\nLanguage: {language}\nOrganisation: {organisation}\n\n"
        "What would you like to change?"
    ),
    "settings_no_org": "none chosen",
    "settings_pending": "{org} (awaiting confirmation)",
    "button_language": "🌐 Språk / Language",
    "button_organisation": "🏢 Organisation",
    "button_unlink": "Remove the link",
    "unlink_confirm": (
        "Do you want to remove the link to <b>{org}</b>? To be linked again, a member of "
        "staff has to approve it anew."
    ),
    "button_unlink_confirm": "Yes, remove the link",
    "button_settings_back": "◀ Back",
    "choose_language": "Välj språk / Choose a language:",
    "unlinked": "The link to the organisation has been removed.",
    "language_name": "English",
}
