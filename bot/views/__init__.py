"""Cards, summaries and digests rendered from service results: text (and neutral buttons).

One module per feature; nothing here imports Telegram, the handlers or the scheduler.
"""
