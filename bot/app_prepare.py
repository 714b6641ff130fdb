"""Getting the knowledge ready before answering: shipped documents imported, index built."""

from __future__ import annotations

from bot.services.container import Services


async def prepare_knowledge(services: Services) -> None:
    """Bring the shipped knowledge up to date and build the search index."""
    if services.settings.builtin_knowledge:
        async with services.db.session() as session:
            await services.knowledge.import_builtin(session)
            await session.commit()
    await services.knowledge.rebuild()
