// Signbot sandbox web chat: formatting what a persona writes. Telegram's apps turn the same
// Markdown-ish markers into message entities (offsets in UTF-16 units, as JS strings count),
// so the bot receives what a real client would send: plain text plus entities.
"use strict";

// Longest markers first, so "```" is not read as "`" and "**" before any one-character mark.
const FORMAT_MARKS = [
  ["**", "bold"],
  ["__", "italic"],
  ["++", "underline"],
  ["~~", "strikethrough"],
  ["||", "spoiler"],
];
const FORMAT_ESCAPABLE = "\\*_+~|`[]()";

// "**fet** __kursiv__ [länk](https://…)" -> { text: "fet kursiv länk", entities: [...] }.
// An unmatched marker stays as it is; "\*" writes a literal "*".
function parseFormatting(source) {
  let out = "";
  let entities = [];
  // An entity is listed when it opens, so an outer one comes before those inside it.
  function open(type, extra = {}) {
    const entity = { type, offset: out.length, length: 0, ...extra };
    entities.push(entity);
    return entity;
  }
  function close(entity) {
    entity.length = out.length - entity.offset;
  }
  function parse(src) {
    let i = 0;
    while (i < src.length) {
      if (src[i] === "\\" && i + 1 < src.length && FORMAT_ESCAPABLE.includes(src[i + 1])) {
        out += src[i + 1];
        i += 2;
        continue;
      }
      if (src.startsWith("```", i)) {
        const end = src.indexOf("```", i + 3);
        if (end > i + 3) {
          let body = src.slice(i + 3, end);
          const firstLine = body.indexOf("\n");
          let language = "";
          if (firstLine > 0 && /^[\w#+-]+$/.test(body.slice(0, firstLine))) {
            language = body.slice(0, firstLine);
          }
          if (firstLine >= 0 && (language || firstLine === 0)) body = body.slice(firstLine + 1);
          if (body.endsWith("\n")) body = body.slice(0, -1); // the closing fence's own line
          const entity = open("pre", language ? { language } : {});
          out += body;
          close(entity);
          i = end + 3;
          continue;
        }
      }
      if (src[i] === "`") {
        const end = src.indexOf("`", i + 1);
        if (end > i + 1) {
          const entity = open("code");
          out += src.slice(i + 1, end); // code is literal: no formatting inside
          close(entity);
          i = end + 1;
          continue;
        }
      }
      if (src[i] === "[") {
        const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(src.slice(i));
        if (link) {
          const entity = open("text_link", { url: link[2] });
          parse(link[1]);
          close(entity);
          i += link[0].length;
          continue;
        }
      }
      const mark = FORMAT_MARKS.find(([marker]) => src.startsWith(marker, i));
      if (mark) {
        const end = src.indexOf(mark[0], i + mark[0].length);
        if (end > i + mark[0].length) {
          const entity = open(mark[1]);
          parse(src.slice(i + mark[0].length, end));
          close(entity);
          i = end + mark[0].length;
          continue;
        }
      }
      out += src[i];
      i += 1;
    }
  }
  parse(source);
  entities = entities.filter((entity) => entity.length > 0);
  // Telegram lists entities by offset, an enclosing one before those inside it.
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

// Wrap the textarea's selection in a marker (or put the caret between two markers).
function wrapSelection(textarea, before, after = before) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const selected = value.slice(start, end);
  textarea.setRangeText(before + selected + after, start, end, "end");
  if (!selected) textarea.setSelectionRange(start + before.length, start + before.length);
  else textarea.setSelectionRange(start + before.length, start + before.length + selected.length);
  textarea.focus();
  textarea.dispatchEvent(new Event("input"));
}

// The toolbar's actions and their shortcuts (Ctrl/Cmd + key, as in Telegram Desktop).
const FORMAT_ACTIONS = {
  bold: { marker: "**", key: "b" },
  italic: { marker: "__", key: "i" },
  underline: { marker: "++", key: "u" },
  strikethrough: { marker: "~~", key: "x", shift: true },
  code: { marker: "`", key: "m", shift: true },
  spoiler: { marker: "||", key: "p", shift: true },
  link: { key: "k" },
};

function applyFormat(textarea, action) {
  if (action === "link") {
    const url = window.prompt("Länkadress / Link address", "https://");
    if (!url) return;
    wrapSelection(textarea, "[", `](${url.trim()})`);
    return;
  }
  wrapSelection(textarea, FORMAT_ACTIONS[action].marker);
}

function formatShortcut(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  const found = Object.entries(FORMAT_ACTIONS).find(
    ([, action]) => action.key === key && Boolean(action.shift) === event.shiftKey);
  return found ? found[0] : null;
}
