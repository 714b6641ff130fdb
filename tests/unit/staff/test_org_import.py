"""Importing the register of signatories from CSV: validation and all-or-nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Organisation, SubRegion
from bot.services import organisations
from bot.services.org_import import ImportReport, OrgImportError, import_csv, luhn_valid

# Excel in Sweden: UTF-8 with a byte-order mark, ";" between the columns, CRLF line ends.
EXCEL = (
    "\ufeffNamn;Organisationsnummer;Delregion;Paraplyorganisation;Undertecknad\r\n"
    "Röda Korset Göteborg;802002-8711;goteborgsregionen;nej;2021-05-04\r\n"
    "Viskadalens folkhögskola;8024623459;SJUHÄRAD;ja;\r\n"
    '"Studieförbundet Vuxenskolan; Västra Götaland";;Skaraborg;x;2019-12-31\r\n'
    ";;;;\r\n"
    "Attention Fyrbodal;;Fyrbodal;;\r\n"
)


async def by_name(session: AsyncSession) -> dict[str, Organisation]:
    return {org.name: org for org in await organisations.list_all(session)}


async def import_errors(session: AsyncSession, text: str) -> list[str]:
    with pytest.raises(OrgImportError) as failure:
        await import_csv(session, text)
    return failure.value.errors


async def test_imports_an_excel_file(session: AsyncSession) -> None:
    report = await import_csv(session, EXCEL)

    assert report == ImportReport(created=4, updated=0)
    orgs = await by_name(session)
    red_cross = orgs["Röda Korset Göteborg"]
    assert red_cross.org_number == "802002-8711"
    assert red_cross.subregion == SubRegion.GOTEBORGSREGIONEN
    assert red_cross.umbrella is False
    assert red_cross.signed_on == date(2021, 5, 4)
    viskadalen = orgs["Viskadalens folkhögskola"]
    assert (viskadalen.org_number, viskadalen.subregion) == ("802462-3459", SubRegion.SJUHARAD)
    assert viskadalen.umbrella is True
    assert viskadalen.signed_on is None
    vuxenskolan = orgs["Studieförbundet Vuxenskolan; Västra Götaland"]
    assert (vuxenskolan.org_number, vuxenskolan.umbrella) == (None, True)


async def test_imports_a_comma_separated_file_in_english(session: AsyncSession) -> None:
    text = "name,org_number,umbrella,signed_on\nRFSU Göteborg,802004-4676,yes,2020-01-31\n"
    assert await import_csv(session, text) == ImportReport(created=1, updated=0)
    assert (await by_name(session))["RFSU Göteborg"].org_number == "802004-4676"


async def test_a_name_column_alone_is_enough(session: AsyncSession) -> None:
    assert await import_csv(session, "namn\nFöreningen A\nFöreningen B\n") == ImportReport(2, 0)


async def test_reimport_updates_by_org_number_and_by_name(session: AsyncSession) -> None:
    await import_csv(session, EXCEL)
    renamed = (
        "namn;orgnr;delregion\n"
        "Svenska Röda Korset Göteborg;802002-8711;Göteborgsregionen\n"  # renamed
        "Viskadalens folkhögskola;802462-3459;Sjuhärad\n"  # unchanged
        "Attention Fyrbodal;556036-0793;Fyrbodal\n"  # number added, matched by name
        "Ny förening;;Skaraborg\n"
    )
    report = await import_csv(session, renamed)

    assert report == ImportReport(created=1, updated=2, unchanged=1)
    orgs = await by_name(session)
    assert "Röda Korset Göteborg" not in orgs
    assert orgs["Svenska Röda Korset Göteborg"].signed_on == date(2021, 5, 4)  # column absent
    assert orgs["Attention Fyrbodal"].org_number == "556036-0793"
    assert len(orgs) == 5


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (";802002-8711;;;", "row 3, column 'Namn': the name is missing"),
        (
            "A;802002-8712;;;",
            "row 3, column 'Organisationsnummer': '802002-8712' has a wrong check",
        ),
        ("A;80200-28711;;;", "row 3, column 'Organisationsnummer': '80200-28711' is not an org"),
        ("A;12345;;;", "row 3, column 'Organisationsnummer': '12345' is not an organisation"),
        ("A;;Halland;;", "row 3, column 'Delregion': 'Halland' is not a sub-region"),
        ("A;;;kanske;", "row 3, column 'Paraplyorganisation': 'kanske' is not yes or no"),
        ("A;;;;2019", "row 3, column 'Undertecknad': '2019' is only a year"),
        ("A;;;;4/5/2021", "row 3, column 'Undertecknad': '4/5/2021' is not a date"),
        ("A;;;;2021-02-30", "row 3, column 'Undertecknad': '2021-02-30' is not a valid date"),
        ("A;B;;;;x", "row 3: 6 values but the header has 5 columns"),
        ("A" * 201 + ";;;;", "row 3, column 'Namn': the name is longer than 200 characters"),
        ('"A;;;;', 'row 3: a value opens a quote (") that is never closed on its line'),
        ('A;"802002-8711;;;', 'row 3: a value opens a quote (") that is never closed'),
    ],
)
async def test_a_bad_row_is_reported_with_row_and_column(
    session: AsyncSession, row: str, error: str
) -> None:
    text = "Namn;Organisationsnummer;Delregion;Paraplyorganisation;Undertecknad\n"
    text += "Föreningen Först;;Fyrbodal;nej;2020-01-01\n" + row + "\n"

    errors = await import_errors(session, text)

    assert len(errors) == 1
    assert errors[0].startswith(error)
    assert await organisations.list_all(session) == []


async def test_every_bad_row_is_reported_and_nothing_is_imported(session: AsyncSession) -> None:
    text = "namn;orgnr;datum\nGod förening;;\nA;123;\nB;;2019\n\nC;;1 maj\n"

    errors = await import_errors(session, text)

    assert [error.split(":")[0] for error in errors] == [
        "row 3, column 'orgnr'",
        "row 4, column 'datum'",
        "row 6, column 'datum'",
    ]
    assert await organisations.list_all(session) == []


async def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(session: AsyncSession) -> None:
    # csv reads an open quote to the end of the file: the rows after it became part of one name.
    text = 'namn;orgnr\nFörst;\n"Öppen förening;\nEfter;123\nSist;\n'

    errors = await import_errors(session, text)

    assert [error.split(":")[0] for error in errors] == ["row 3", "row 4, column 'orgnr'"]
    assert await organisations.list_all(session) == []
    report = await import_csv(session, 'namn;orgnr\nFörst;\n"Stängd; förening";\nSist\x00;\n')
    assert report == ImportReport(created=3, updated=0)
    assert set(await by_name(session)) == {"Först", "Stängd; förening", "Sist"}


async def test_a_failed_reimport_changes_nothing(session: AsyncSession) -> None:
    await import_csv(session, EXCEL)
    before = {name: org.org_number for name, org in (await by_name(session)).items()}

    await import_errors(session, "namn;orgnr\nNytt namn;802002-8711\nTrasig;1\n")

    assert {name: org.org_number for name, org in (await by_name(session)).items()} == before


async def test_duplicates_within_the_file_are_errors(session: AsyncSession) -> None:
    text = "namn;orgnr\nFörening A;802002-8711\nförening  a;\nFörening B;8020028711\n"
    assert await import_errors(session, text) == [
        "row 3, column 'namn': 'förening a' is also on row 2",
        "row 4, column 'orgnr': '802002-8711' is also on row 2",
    ]


async def test_a_row_may_not_take_the_name_of_another_organisation(session: AsyncSession) -> None:
    await import_csv(session, "namn;orgnr\nFörening A;802002-8711\nFörening B;\n")

    errors = await import_errors(session, "namn;orgnr\nFörening B;802002-8711\n")

    assert errors[0].startswith("row 2: org number 802002-8711 belongs to 'Förening A'")


async def test_two_rows_may_not_update_the_same_organisation(session: AsyncSession) -> None:
    await import_csv(session, "namn;orgnr\nFörening A;802002-8711\n")

    errors = await import_errors(session, "namn;orgnr\nNytt namn;802002-8711\nFörening A;\n")

    assert errors == ["row 3: 'Förening A' is already updated by row 2"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "the file is empty"),
        ("\ufeff\n\n", "the file is empty"),
        ("namn;orgnr\n", "the file has a header but no organisations"),
        ("orgnr;delregion\n802002-8711;Fyrbodal\n", "row 1: the header has no name column"),
        ("namn;kontakt\nA;b\n", "row 1: unknown column 'kontakt'"),
        ("namn;name\nA;B\n", "row 1: column 'name' repeats the name column"),
    ],
)
async def test_bad_files_are_rejected(session: AsyncSession, text: str, error: str) -> None:
    errors = await import_errors(session, text)
    assert errors[0].startswith(error)


@pytest.mark.parametrize(
    ("number", "valid"),
    [("8020028711", True), ("5560360793", True), ("2120000142", True), ("8020028712", False)],
)
def test_luhn_check_digit(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid
