"""signbot: the Telegram bot for the signatories of Överenskommelsen (VGR and civil society)."""
