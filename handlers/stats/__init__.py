"""/stats (staff): the follow-up figures and their exports."""
