"""The delivery engine's Telegram side: the sender and the personaliser."""
