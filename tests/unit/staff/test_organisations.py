"""Organisation lookup and the forgiving name search."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.models import Organisation
from bot.services import organisations

NAMES = [
    "Röda Korset Göteborg",
    "Rädda Barnen Västra Götaland",
    "Viskadalens folkhögskola",
    "Folkhögskolan i Angered",
    "Studieförbundet Vuxenskolan Västra Götaland",
    "Göteborgs Räddningsmission",
    "Café Blomman",
    "Korskyrkan Borås",
    "Örebromissionen",
    "Attention Skaraborg",
]


@pytest.fixture
async def registered(session: AsyncSession) -> None:
    session.add_all(Organisation(name=name) for name in NAMES)
    await session.flush()


async def names(session: AsyncSession, query: str, *, limit: int = 8) -> list[str]:
    return [org.name for org in await organisations.search(session, query, limit=limit)]


@pytest.mark.usefixtures("registered")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("röda korset", "Röda Korset Göteborg"),
        ("Roda kors", "Röda Korset Göteborg"),
        ("korset röda", "Röda Korset Göteborg"),
        ("RÖDA KORSET GÖTEBORG", "Röda Korset Göteborg"),
        ("rodakorset", "Röda Korset Göteborg"),
        ("folkhögskola viskadalen", "Viskadalens folkhögskola"),
        ("viskadal", "Viskadalens folkhögskola"),
        ("cafe blomman", "Café Blomman"),
        ("vuxenskolen", "Studieförbundet Vuxenskolan Västra Götaland"),
        ("orebro", "Örebromissionen"),
        ("radda barnen", "Rädda Barnen Västra Götaland"),
        ("angered folkhogskolan", "Folkhögskolan i Angered"),
    ],
)
async def test_search_finds_the_organisation_first(
    session: AsyncSession, query: str, expected: str
) -> None:
    found = await names(session, query)
    assert found[:1] == [expected]


@pytest.mark.usefixtures("registered")
async def test_search_ranks_exact_words_above_partial_ones(session: AsyncSession) -> None:
    found = await names(session, "göteborg")
    assert found[:2] == ["Röda Korset Göteborg", "Göteborgs Räddningsmission"]


@pytest.mark.usefixtures("registered")
async def test_search_leaves_out_names_that_match_only_one_word_of_several(
    session: AsyncSession,
) -> None:
    assert "Korskyrkan Borås" not in await names(session, "röda kors")
    assert "Folkhögskolan i Angered" not in await names(session, "folkhögskola viskadalen")


@pytest.mark.usefixtures("registered")
@pytest.mark.parametrize("query", ["", "   ", "xyzzy", "?!"])
async def test_search_without_a_match_is_empty(session: AsyncSession, query: str) -> None:
    assert await names(session, query) == []


@pytest.mark.usefixtures("registered")
async def test_search_respects_the_limit(session: AsyncSession) -> None:
    assert len(await names(session, "västra götaland", limit=1)) == 1
    assert len(await names(session, "västra götaland")) == 2


@pytest.mark.usefixtures("registered")
async def test_get_and_find_by_name(session: AsyncSession) -> None:
    found = await organisations.find_by_name(session, "  röda  korset GÖTEBORG ")
    assert found.name == "Röda Korset Göteborg"
    assert (await organisations.get(session, found.id)).name == found.name


@pytest.mark.usefixtures("registered")
async def test_missing_organisations_raise_org_not_found(session: AsyncSession) -> None:
    with pytest.raises(DomainError) as missing_id:
        await organisations.get(session, 10_000)
    assert missing_id.value.key == "org_not_found"
    with pytest.raises(DomainError) as missing_name:
        await organisations.find_by_name(session, "Röda Korset")
    assert (missing_name.value.key, missing_name.value.params) == (
        "org_not_found",
        {"name": "Röda Korset"},
    )


@pytest.mark.usefixtures("registered")
async def test_list_all_is_in_swedish_alphabetical_order(session: AsyncSession) -> None:
    listed = [org.name for org in await organisations.list_all(session)]
    assert listed[0] == "Attention Skaraborg"
    assert listed[-1] == "Örebromissionen"
    assert listed.index("Viskadalens folkhögskola") < listed.index("Örebromissionen")
    assert len(listed) == len(NAMES)


def test_fold_removes_case_and_diacritics() -> None:
    assert organisations.fold("Sjuhärad Göteborg Café Åmål") == "sjuharad goteborg cafe amal"
