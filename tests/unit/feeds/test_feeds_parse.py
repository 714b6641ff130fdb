"""Parsing feed bytes: RSS, Atom, malformed documents, sanitising, filters, dedup keys."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.feeds.parse import (
    FeedParseError,
    ParsedItem,
    dedup_key,
    parse_feed,
    sanitise,
    split_words,
)
from tests.unit.feed_server import rss

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Nyheter</title><id>urn:feed</id><updated>2025-03-09T10:00:00Z</updated>
  <entry>
    <id>urn:entry:1</id><title>Dialogm\xc3\xb6te i Bor\xc3\xa5s</title>
    <link href="https://example.org/news/1"/>
    <updated>2025-03-09T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;V\xc3\xa4lkommen &lt;b&gt;alla&lt;/b&gt;&lt;/p&gt;</summary>
  </entry>
</feed>"""


def test_rss_items_are_read_with_keys_dates_and_html() -> None:
    body = rss(("g1", "Stöd  till  föreningar", "https://example.org/1", "<p>Sök <b>nu</b></p>"))

    parsed = parse_feed(body)

    assert parsed.warning is None
    assert parsed.items == [
        ParsedItem(
            dedup_key="g1",
            title="Stöd till föreningar",
            link="https://example.org/1",
            summary_html="Sök <b>nu</b>",
            published_at=datetime(2025, 3, 10, 8, 0, tzinfo=UTC),
        )
    ]


def test_atom_entries_are_read() -> None:
    (item,) = parse_feed(ATOM).items

    assert item.dedup_key == "urn:entry:1"
    assert item.title == "Dialogmöte i Borås"
    assert item.link == "https://example.org/news/1"
    assert item.summary_html == "Välkommen <b>alla</b>"
    assert item.published_at == datetime(2025, 3, 9, 10, 0, tzinfo=UTC)


def test_a_malformed_feed_keeps_what_parsed_and_warns() -> None:
    body = rss(("g1", "Ett", "https://example.org/1", "x"), ("g2", "Två", "https://e/2", "y"))
    broken = body.replace(b"</channel></rss>", b"<item><title>Tre & </channel>")

    parsed = parse_feed(broken)

    assert [item.dedup_key for item in parsed.items][:2] == ["g1", "g2"]
    assert parsed.warning is not None
    assert parsed.warning.startswith("malformed feed")


def test_a_document_that_is_no_feed_is_an_error() -> None:
    with pytest.raises(FeedParseError):
        parse_feed(b"\x00\x01 not xml <<<")


@pytest.mark.parametrize("reference", ["&#xD800;", "&#xdfff;", "&#0;", "&#1114112;", "&#x110000;"])
def test_a_reference_to_a_code_point_no_text_holds_is_replaced_not_raised(reference: str) -> None:
    body = rss(("g1", f"Ett {reference} två", "https://example.org/1", f"x{reference}"))

    parsed = parse_feed(body)

    assert [item.title for item in parsed.items] == ["Ett \ufffd två"]
    assert parsed.items[0].summary_html == "x\ufffd"


def test_sanitising_keeps_telegram_tags_and_drops_the_rest() -> None:
    html = (
        '<div onclick="evil()"><script>alert(1)</script><b>fet</b> <i>kursiv</i> '
        '<a href="https://example.org" onclick="x()" target="_blank">länk</a> '
        '<a href="javascript:alert(1)">js</a><img src="x.png" onerror="y()">'
        "<code>c</code><pre>p</pre><blockquote>q</blockquote><u>u</u><s>s</s>"
        "<em>e</em><strong>st</strong><span style='color:red'>a&nbsp;b</span></div>"
    )

    clean = sanitise(html)

    assert clean == (
        '<b>fet</b> <i>kursiv</i> <a href="https://example.org">länk</a> <a>js</a>'
        "<code>c</code><pre>p</pre><blockquote>q</blockquote><u>u</u><s>s</s>"
        "<em>e</em><strong>st</strong>a\u00a0b"
    )


def test_paragraphs_and_breaks_become_newlines() -> None:
    assert sanitise("<p>Ett</p><p>Två<br>Tre</p>") == "Ett\nTvå\nTre"


def test_filters_are_case_insensitive_over_title_and_summary() -> None:
    item = ParsedItem("k", "Bidrag till KULTUR", None, "för <b>unga</b>", None)

    assert item.matches(["kultur"], [])
    assert item.matches(["UNGA", "idrott"], [])
    assert not item.matches(["idrott"], [])
    assert not item.matches([], ["Unga"])
    assert item.matches([], [])
    assert split_words(" kultur, ,Unga ") == ["kultur", "Unga"]


def test_dedup_key_prefers_id_then_link_then_a_content_hash() -> None:
    assert dedup_key(" id-1 \n", "https://l", "t", "s") == "id-1"
    assert dedup_key("", " https://l ", "t", "s") == "https://l"
    hashed = dedup_key("", "", "t", "s")
    assert hashed.startswith("sha256:")
    assert hashed == dedup_key("", "", " t ", "s\n")
    assert hashed != dedup_key("", "", "t", "other")
    assert dedup_key("x" * 600, "", "", "").startswith("sha256:")
