"""The sandbox's Telegram-HTML parser: text, entities in UTF-16 units, and Telegram's errors."""

from __future__ import annotations

import pytest

from bot.sandbox.html_entities import (
    EntityParseError,
    FormattedText,
    normalize_url,
    parse_html,
    trim,
    utf16_len,
)


def spans(source: str) -> list[tuple[str, int, int]]:
    return [(e["type"], e["offset"], e["length"]) for e in parse_html(source).entities]


def test_plain_text_has_no_entities() -> None:
    assert parse_html("Hej världen") == FormattedText("Hej världen", [])


def test_all_simple_tags_and_their_aliases() -> None:
    source = (
        "<b>b</b><strong>b</strong><i>i</i><em>i</em><u>u</u><ins>u</ins><s>s</s>"
        '<strike>s</strike><del>s</del><tg-spoiler>p</tg-spoiler><span class="tg-spoiler">p</span>'
        "<code>c</code><pre>p</pre><blockquote>q</blockquote>"
    )

    parsed = parse_html(source)

    assert parsed.text == "bbiiuusssppcpq"
    assert [e["type"] for e in parsed.entities] == [
        *["bold"] * 2,
        *["italic"] * 2,
        *["underline"] * 2,
        *["strikethrough"] * 3,
        *["spoiler"] * 2,
        "code",
        "pre",
        "blockquote",
    ]


def test_offsets_count_utf16_code_units() -> None:
    # 😀 is outside the BMP: two UTF-16 units; å is one.
    assert spans("😀 <b>å😀x</b> <i>y</i>") == [("bold", 3, 4), ("italic", 8, 1)]
    assert utf16_len("😀å") == 3


def test_nesting_lists_outer_entity_first() -> None:
    assert spans("<b>a <i>b</i></b>") == [("bold", 0, 3), ("italic", 2, 1)]
    assert spans("<b><i>same</i></b>") == [("bold", 0, 4), ("italic", 0, 4)]


def test_character_references() -> None:
    parsed = parse_html("&lt;b&gt; &amp; &quot;x&quot; &#65;&#x42; &#x1F600; &lt &nbsp; a & b")

    # Unknown entities and bare ampersands stay literal; the semicolon is optional.
    assert parsed.text == '<b> & "x" AB 😀 < &nbsp; a & b'


def test_links_are_normalised_and_invalid_ones_dropped() -> None:
    parsed = parse_html(
        '<a href="https://example.org">a</a> <a href="example.org/x">b</a> '
        '<a href="tg://user?id=5">c</a> <a href="not a url">d</a> <a>https://vgr.se</a>'
    )

    assert [(e["type"], e.get("url")) for e in parsed.entities] == [
        ("text_link", "https://example.org/"),
        ("text_link", "http://example.org/x"),
        ("text_link", "tg://user?id=5"),
        ("text_link", "https://vgr.se/"),
    ]
    assert normalize_url("javascript:alert(1)") is None


def test_user_links_become_text_mentions_when_the_user_is_known() -> None:
    alice = {"id": 5, "is_bot": False, "first_name": "Alice"}

    parsed = parse_html(
        '<a href="tg://user?id=5">Alice</a>', resolve_user=lambda uid: alice if uid == 5 else None
    )

    assert parsed.entities == [{"type": "text_mention", "offset": 0, "length": 5, "user": alice}]


def test_pre_with_language_and_quotes() -> None:
    parsed = parse_html(
        '<pre><code class="language-python">x = 1</code></pre>'
        '<code class="language-py">y</code><blockquote expandable>z</blockquote>'
    )

    assert parsed.entities == [
        {"type": "pre", "offset": 0, "length": 5, "language": "python"},
        {"type": "code", "offset": 5, "length": 1},
        {"type": "expandable_blockquote", "offset": 6, "length": 1},
    ]


def test_custom_emoji_and_attribute_quoting() -> None:
    parsed = parse_html("<tg-emoji emoji-id='5368324170671202286'>👍</tg-emoji>")

    assert parsed.entities == [
        {"type": "custom_emoji", "offset": 0, "length": 2, "custom_emoji_id": "5368324170671202286"}
    ]


def test_empty_tags_make_no_entity_and_tag_names_ignore_case() -> None:
    assert parse_html("<b></b>x<B>y</b>") == FormattedText(
        "xy", [{"type": "bold", "offset": 1, "length": 1}]
    )


def test_trim_strips_whitespace_and_clips_entities() -> None:
    trimmed = trim(parse_html("\n  <b> 😀 hej </b>\n"))

    assert trimmed == FormattedText("😀 hej", [{"type": "bold", "offset": 0, "length": 6}])
    assert trim(parse_html("<b>  </b>")) == FormattedText("", [])


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("å <div>x</div>", 'Unsupported start tag "div" at byte offset 3'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<br/>", 'Unsupported start tag "br/" at byte offset 0'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<a href="x>y</a>', "Unclosed start tag at byte offset 0"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href>x</a>", 'Expected equal sign in declaration of an attribute of the tag "a" at'),
        ("<a href=x!>x</a>", "Unexpected end of name token at byte offset 8"),
    ],
)
def test_errors_match_telegram(source: str, message: str) -> None:
    with pytest.raises(EntityParseError) as raised:
        parse_html(source)

    assert str(raised.value).startswith(message)
