"""/broadcast and /campaigns: staff compose a message, choose the audience, follow the send."""
