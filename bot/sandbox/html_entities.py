"""Telegram-HTML to (text, entities), following tdlib's ``parse_html`` and its error messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Entity = dict[str, Any]
UserResolver = Callable[[int], dict[str, Any] | None]

# tdlib's is_space(); NUL doubles as the end-of-input marker, as in the C string tdlib scans.
_SPACES = " \t\r\n\0\v"
_END = "\0"
_TRIMMED = " \t\r\n"
_SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_TAGS = frozenset([*_SIMPLE_TYPES, "a", "tg-emoji", "pre", "code", "blockquote"])
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_USER_LINK = re.compile(r"tg://user\?id=(\d+)$", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]\S*)?$")
_SCHEME_URL = re.compile(r"^(https?|tg|ton)://\S+$", re.IGNORECASE)


class EntityParseError(ValueError):
    """Raised for markup Telegram refuses; the message is tdlib's, without the API prefix."""


@dataclass(frozen=True)
class FormattedText:
    """Plain text plus Bot API MessageEntity dicts (offsets in UTF-16 code units)."""

    text: str
    entities: list[Entity] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units, Telegram's offset unit."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def parse_html(source: str, *, resolve_user: UserResolver | None = None) -> FormattedText:
    """Parse Telegram-HTML into text and entities, raising EntityParseError like Telegram."""
    return _HtmlParser(source, resolve_user).run()


def trim(formatted: FormattedText) -> FormattedText:
    """Strip leading/trailing whitespace as Telegram does, clipping entities to what is left."""
    text = formatted.text
    stripped = text.strip(_TRIMMED)
    start = utf16_len(text[: len(text) - len(text.lstrip(_TRIMMED))])
    end = start + utf16_len(stripped)
    entities = []
    for entity in formatted.entities:
        begin = max(entity["offset"], start)
        finish = min(entity["offset"] + entity["length"], end)
        if finish > begin:
            entities.append({**entity, "offset": begin - start, "length": finish - begin})
    return FormattedText(stripped, entities)


def decode_entity(source: str, pos: int) -> tuple[str | None, int]:
    """Decode the character reference at ``source[pos]`` (tdlib rules: ``;`` optional)."""
    end = pos + 1
    if source[end : end + 1] == "#":
        end += 1
        hexadecimal = source[end : end + 1] == "x"
        end += hexadecimal
        digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        code = 0
        while end < len(source) and source[end] in digits:
            code = code * (16 if hexadecimal else 10) + int(source[end], 16)
            end += 1
            if code >= 0x10FFFF:
                return None, pos
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            return None, pos
        char = chr(code)
    else:
        while end < len(source) and source[end].isascii() and source[end].isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(source[pos + 1 : end])
        if named is None:
            return None, pos
        char = named
    return char, end + 1 if source[end : end + 1] == ";" else end


def normalize_url(url: str) -> str | None:
    """Return the URL as Telegram stores it in a text_link, or None if Telegram drops it."""
    url = url.strip()
    if not _SCHEME_URL.match(url):
        if not _DOMAIN.match(url):
            return None
        url = "http://" + url
    scheme, _, rest = url.partition("://")
    if scheme.lower() in ("http", "https") and not re.search(r"[/?#]", rest):
        url += "/"  # tdlib's check_link normalises a bare host to "host/"
    return url


@dataclass
class _OpenTag:
    tag: str
    argument: str
    offset: int  # UTF-16 offset in the output text
    text_index: int  # index into the output character list, for <a> without href


class _HtmlParser:
    def __init__(self, source: str, resolve_user: UserResolver | None) -> None:
        self.src = source
        self.resolve_user = resolve_user
        self.out: list[str] = []
        self.offset = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[Entity] = []

    def run(self) -> FormattedText:
        i = 0
        while i < len(self.src):
            char = self.src[i]
            if char == "&":
                decoded, end = decode_entity(self.src, i)
                if decoded is not None:
                    self._emit(decoded)
                    i = end
                    continue
            if char != "<":
                self._emit(char)
                i += 1
            elif self._ch(i + 1) == "/":
                i = self._end_tag(i)
            else:
                i = self._start_tag(i)
        if self.stack:
            raise EntityParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )
        # Outer entities first when two cover the same span (they were closed later).
        order = sorted(
            enumerate(self.entities),
            key=lambda pair: (pair[1]["offset"], -pair[1]["length"], -pair[0]),
        )
        entities = [_without_code_language(entity) for _, entity in order]
        return FormattedText("".join(self.out), entities)

    def _ch(self, i: int) -> str:
        return self.src[i] if i < len(self.src) else _END

    def _skip_spaces(self, i: int) -> int:
        while i < len(self.src) and self.src[i] in _SPACES:
            i += 1
        return i

    def _emit(self, char: str) -> None:
        self.out.append(char)
        self.offset += 2 if ord(char) > 0xFFFF else 1

    def _error(self, message: str, pos: int) -> EntityParseError:
        byte_offset = len(self.src[:pos].encode())
        return EntityParseError(message.replace("{pos}", str(byte_offset)))

    def _start_tag(self, begin: int) -> int:
        i = begin + 1
        while self._ch(i) not in _SPACES and self._ch(i) != ">":
            i += 1
        if i >= len(self.src):
            raise self._error("Unclosed start tag at byte offset {pos}", begin)
        tag = self.src[begin + 1 : i].lower()
        if tag not in _TAGS:
            raise self._error(f'Unsupported start tag "{tag}" at byte offset {{pos}}', begin)
        argument = ""
        while self._ch(i) != ">":
            i = self._skip_spaces(i)
            if self._ch(i) == ">":
                break
            name_begin = i
            while self._ch(i) not in _SPACES and self._ch(i) not in "=>":
                i += 1
            name = self.src[name_begin:i]
            if i >= len(self.src):
                raise self._error("Unclosed start tag at byte offset {pos}", begin)
            if not name:
                raise self._error(
                    f'Empty attribute name in the tag "{tag}" at byte offset {{pos}}', begin
                )
            i = self._skip_spaces(i)
            if self._ch(i) != "=":
                if tag == "blockquote" and name == "expandable":
                    argument = "expandable"
                    continue
                raise self._error(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag}" at byte offset {{pos}}',
                    begin,
                )
            value, i = self._attribute_value(tag, begin, self._skip_spaces(i + 1))
            argument = _tag_argument(tag, name, value, argument)
        if tag == "span" and argument != "spoiler":
            raise self._error('Tag "span" must have class "tg-spoiler" at byte offset {pos}', begin)
        self.stack.append(_OpenTag(tag, argument, self.offset, len(self.out)))
        return i + 1

    def _attribute_value(self, tag: str, begin: int, i: int) -> tuple[str, int]:
        if i >= len(self.src):
            raise self._error(f'Unclosed start tag "{tag}" at byte offset {{pos}}', begin)
        quote = self.src[i]
        if quote not in "'\"":
            # An unquoted name token: letters, digits, periods or hyphens, case-insensitive.
            token_begin = i
            while self._ch(i).isascii() and (self._ch(i).isalnum() or self._ch(i) in ".-"):
                i += 1
            if self._ch(i) not in _SPACES and self._ch(i) != ">":
                raise self._error("Unexpected end of name token at byte offset {pos}", token_begin)
            return self.src[token_begin:i].lower(), i
        value: list[str] = []
        i += 1
        while i < len(self.src) and self.src[i] != quote:
            if self.src[i] == "&":
                decoded, end = decode_entity(self.src, i)
                if decoded is not None:
                    value.append(decoded)
                    i = end
                    continue
            value.append(self.src[i])
            i += 1
        if i >= len(self.src):
            raise self._error("Unclosed start tag at byte offset {pos}", begin)
        return "".join(value), i + 1

    def _end_tag(self, begin: int) -> int:
        if not self.stack:
            raise self._error("Unexpected end tag at byte offset {pos}", begin)
        i = begin + 2
        while self._ch(i) not in _SPACES and self._ch(i) != ">":
            i += 1
        name = self.src[begin + 2 : i]
        i = self._skip_spaces(i)
        if self._ch(i) != ">":
            raise self._error("Unclosed end tag at byte offset {pos}", begin)
        opened = self.stack.pop()
        if name and name != opened.tag:
            raise self._error(
                f'Unmatched end tag at byte offset {{pos}}, expected "</{opened.tag}>", '
                f'found "</{name}>"',
                begin,
            )
        if self.offset > opened.offset:
            self._close(opened)
        return i + 1

    def _close(self, opened: _OpenTag) -> None:
        span: Entity = {"offset": opened.offset, "length": self.offset - opened.offset}
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last["offset"], last["length"]) == (
            span["offset"],
            span["length"],
        )
        if opened.tag in _SIMPLE_TYPES:
            self.entities.append({"type": _SIMPLE_TYPES[opened.tag], **span})
        elif opened.tag == "a":
            self._close_link(opened, span)
        elif opened.tag == "pre" and last is not None and same_span and last["type"] == "code":
            # <pre><code class="language-x">…</code></pre> is one pre entity with a language.
            self.entities[-1] = {"type": "pre", **span}
            if last.get("language"):
                self.entities[-1]["language"] = last["language"]
        elif opened.tag == "code" and last is not None and same_span and last["type"] == "pre":
            if opened.argument:
                last["language"] = opened.argument
        elif opened.tag in ("pre", "code"):
            entity = {"type": opened.tag, **span}
            if opened.tag == "code" and opened.argument:
                entity["language"] = opened.argument  # dropped again unless inside <pre>
            self.entities.append(entity)
        elif opened.tag == "blockquote":
            kind = "expandable_blockquote" if opened.argument else "blockquote"
            self.entities.append({"type": kind, **span})
        elif opened.tag == "tg-emoji" and opened.argument.isdigit():
            self.entities.append(
                {"type": "custom_emoji", **span, "custom_emoji_id": opened.argument}
            )

    def _close_link(self, opened: _OpenTag, span: Entity) -> None:
        url = opened.argument or "".join(self.out[opened.text_index :])
        user_link = _USER_LINK.match(url)
        user = (
            self.resolve_user(int(user_link.group(1))) if user_link and self.resolve_user else None
        )
        if user is not None:
            self.entities.append({"type": "text_mention", **span, "user": user})
            return
        normalized = normalize_url(url)
        if normalized is not None:  # Telegram silently drops links it cannot parse
            self.entities.append({"type": "text_link", **span, "url": normalized})


def _without_code_language(entity: Entity) -> Entity:
    # A language only survives on pre; a lone <code class="language-x"> is plain code.
    if entity["type"] != "code":
        return entity
    return {key: value for key, value in entity.items() if key != "language"}


def _tag_argument(tag: str, name: str, value: str, current: str) -> str:
    if tag == "a" and name == "href":
        return value
    if tag == "code" and name == "class" and value.startswith("language-"):
        return value.removeprefix("language-")
    if tag == "span" and name == "class" and value.startswith("tg-"):
        return value.removeprefix("tg-")
    if tag == "tg-emoji" and name == "emoji-id":
        return value
    return current
