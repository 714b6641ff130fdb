"""The shipped knowledge base, imported and indexed for a test's knowledge service."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.knowledge import KnowledgeService


async def load_shipped(service: KnowledgeService, session: AsyncSession) -> None:
    """Import the shipped documents, commit, and build the service's index over them."""
    await service.import_builtin(session)
    await session.commit()
    await service.rebuild()
