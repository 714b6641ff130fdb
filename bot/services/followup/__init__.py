"""Follow-up of the signatories: figures, a chart and CSVs from their organisation profiles."""

from bot.services.followup.charts import ChartLabels, chart_labels, chart_png
from bot.services.followup.export import figures_csv, organisations_csv
from bot.services.followup.figures import FollowUp, figures, follow_up
from bot.services.followup.labels import area_label, subregion_label, umbrella_label
from bot.services.followup.profiles import OrganisationRow, Profile, organisation_rows

__all__ = [
    "ChartLabels",
    "FollowUp",
    "OrganisationRow",
    "Profile",
    "area_label",
    "chart_labels",
    "chart_png",
    "figures",
    "figures_csv",
    "follow_up",
    "organisation_rows",
    "organisations_csv",
    "subregion_label",
    "umbrella_label",
]
