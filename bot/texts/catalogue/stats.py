"""Texts: /stats — the follow-up figures from the organisation profiles, the chart and the CSVs."""

SV: dict[str, str] = {
    "stats_title": "<b>Uppföljning: organisationsprofiler</b>",
    "stats_overview": (
        "Underskrivare: {organisations}\n"
        "Har fyllt i profilen: {profiles} ({share} %)\n"
        "Saknar profil: {missing}"
    ),
    "stats_dates": "Profilerna är skickade mellan {oldest} och {newest}.",
    "stats_dates_one_day": "Profilerna är skickade {day}.",
    "stats_none": (
        "Ingen organisation har fyllt i sin profil ännu, så det finns inga siffror att visa "
        "(underskrivare: {organisations}).\n\nSkicka profilformuläret till kontaktpersonerna: "
        "/formadmin → Organisationsprofil → Skicka."
    ),
    "stats_line": "{label}: {count}",
    "stats_subregions_header": "<b>Organisationer per delregion</b>",
    "stats_areas_header": "<b>Verksamhetsområden</b> (antal organisationer)",
    "stats_members": "<b>Medlemmar</b>: {total} sammanlagt",
    "stats_members_note": (
        "Per område. En organisation räknas med alla sina medlemmar i varje område den anger, "
        "så områdena blir tillsammans fler än totalen:"
    ),
    "stats_umbrella": "<b>Paraplyorganisationer</b>: {count} av {profiles} {profiles|profil|profiler} ({share} %)",
    "stats_municipalities_header": "<b>Kommuner</b> (organisationer verksamma där, flest först)",
    "stats_municipalities_none": "Ingen profil nämner en enskild kommun.",
    "stats_more": "… och {count} till",
    "stats_whole_region": "Verksamma i hela Västra Götaland: {count}",
    "stats_missing_header": "<b>Saknar profil</b> ({count})",
    "stats_chart_caption": "Diagrammet visar profilerna. Hämta siffrorna som CSV-filer här:",
    "stats_button_organisations": "CSV per organisation",
    "stats_button_figures": "CSV siffror",
    "stats_csv_organisations_caption": "Organisationsprofilerna, en rad per organisation.",
    "stats_csv_figures_caption": "Uppföljningens siffror som tabell.",
    "stats_chart_title": "Underskrivarnas organisationsprofiler",
    "stats_chart_footer": (
        "{profiles} av {organisations} {organisations|organisation|organisationer} har fyllt i profilen. "
        "Medlemmar räknas i varje område organisationen anger."
    ),
    "stats_chart_subregions": "Organisationer per delregion",
    "stats_chart_areas": "Organisationer per område",
    "stats_chart_members": "Medlemmar per område",
    "stats_chart_umbrella": "Paraply och profiler",
    "stats_chart_umbrella_yes": "Paraplyorganisation",
    "stats_chart_umbrella_no": "Inte paraply",
    "stats_chart_missing": "Profil saknas",
    "stats_csv_organisation": "organisation",
    "stats_csv_subregion": "delregion",
    "stats_csv_umbrella": "paraply",
    "stats_csv_members": "medlemmar",
    "stats_csv_areas": "områden",
    "stats_csv_municipalities": "kommuner",
    "stats_csv_profile_date": "profil skickad",
    "stats_csv_missing": "saknas",
    "stats_csv_figure": "siffra",
    "stats_csv_group": "grupp",
    "stats_csv_value": "värde",
    "stats_csv_total": "totalt",
    "stats_figure_organisations": "underskrivare",
    "stats_figure_profiles": "med profil",
    "stats_figure_missing": "utan profil",
    "stats_figure_oldest": "äldsta profil",
    "stats_figure_newest": "nyaste profil",
    "stats_figure_subregion": "organisationer per delregion",
    "stats_figure_area": "organisationer per område",
    "stats_figure_members": "medlemmar",
    "stats_figure_members_area": "medlemmar per område (räknas i varje område som anges)",
    "stats_figure_umbrella": "paraplyorganisationer",
    "stats_figure_umbrella_share": "andel paraply av profilerna (%)",
    "stats_figure_municipality": "organisationer per kommun",
}

EN: dict[str, str] = {
    "stats_title": "<b>Follow-up: organisation profiles</b>",
    "stats_overview": (
        "Signatories: {organisations}\n"
        "Profile filled in: {profiles} ({share} %)\n"
        "No profile yet: {missing}"
    ),
    "stats_dates": "The profiles were sent between {oldest} and {newest}.",
    "stats_dates_one_day": "The profiles were sent on {day}.",
    "stats_none": (
        "No organisation has filled in its profile yet, so there are no figures to show "
        "(signatories: {organisations}).\n\nSend the profile form to the contacts: open /formadmin, "
        "choose the organisation profile and send it."
    ),
    "stats_line": "{label}: {count}",
    "stats_subregions_header": "<b>Organisations per sub-region</b>",
    "stats_areas_header": "<b>Areas of work</b> (number of organisations)",
    "stats_members": "<b>Members</b>: {total} in all",
    "stats_members_note": (
        "By area. An organisation counts all its members in every area it names, "
        "so the areas add up to more than the total:"
    ),
    "stats_umbrella": "<b>Umbrella bodies</b>: {count} of {profiles} {profiles|profile|profiles} ({share} %)",
    "stats_municipalities_header": (
        "<b>Municipalities</b> (organisations active there, most first)"
    ),
    "stats_municipalities_none": "No profile names a single municipality.",
    "stats_more": "… and {count} more",
    "stats_whole_region": "Active in all of Västra Götaland: {count}",
    "stats_missing_header": "<b>No profile yet</b> ({count})",
    "stats_chart_caption": "The chart shows the profiles. Get the figures as CSV files here:",
    "stats_button_organisations": "CSV per organisation",
    "stats_button_figures": "CSV figures",
    "stats_csv_organisations_caption": "The organisation profiles, one row per organisation.",
    "stats_csv_figures_caption": "The follow-up figures as a table.",
    "stats_chart_title": "The signatories' organisation profiles",
    "stats_chart_footer": (
        "{profiles} of {organisations} {organisations|organisation|organisations} have filled in the profile. "
        "Members count in every area an organisation names."
    ),
    "stats_chart_subregions": "Organisations per sub-region",
    "stats_chart_areas": "Organisations per area",
    "stats_chart_members": "Members per area",
    "stats_chart_umbrella": "Umbrella bodies and profiles",
    "stats_chart_umbrella_yes": "Umbrella body",
    "stats_chart_umbrella_no": "Not an umbrella",
    "stats_chart_missing": "No profile",
    "stats_csv_organisation": "organisation",
    "stats_csv_subregion": "sub-region",
    "stats_csv_umbrella": "umbrella",
    "stats_csv_members": "members",
    "stats_csv_areas": "areas",
    "stats_csv_municipalities": "municipalities",
    "stats_csv_profile_date": "profile sent",
    "stats_csv_missing": "missing",
    "stats_csv_figure": "figure",
    "stats_csv_group": "group",
    "stats_csv_value": "value",
    "stats_csv_total": "total",
    "stats_figure_organisations": "signatories",
    "stats_figure_profiles": "with a profile",
    "stats_figure_missing": "without a profile",
    "stats_figure_oldest": "oldest profile",
    "stats_figure_newest": "newest profile",
    "stats_figure_subregion": "organisations per sub-region",
    "stats_figure_area": "organisations per area",
    "stats_figure_members": "members",
    "stats_figure_members_area": "members per area (counted in every area named)",
    "stats_figure_umbrella": "umbrella bodies",
    "stats_figure_umbrella_share": "umbrella share of the profiles (%)",
    "stats_figure_municipality": "organisations per municipality",
}
