// Signbot sandbox web chat. Plain JS, no build step. Everything the bot sends is rendered by
// building DOM nodes from text + entities (never innerHTML), so only Telegram's subset shows.
"use strict";

const API = "/sandbox/api";
const $ = (id) => document.getElementById(id);
const state = {
  user: null,          // the active persona (Bot API User object)
  messages: new Map(), // message_id -> transcript entry
  cursor: 0,
  epoch: null,
  poll: null,          // AbortController of the running long poll
  loaded: false,       // whether the first answer for the active persona has arrived
  online: true,        // whether the last long poll reached the sandbox
  reported: new Set(), // "message_id:revision" of render failures already shown
  pollError: null,     // the last long-poll error, so a repeating one is shown once
  replyTo: null,       // message_id the composed message replies to
  attachment: null,    // the image File the composed message carries
  drafts: new Map(),   // user id -> unsent text, kept per chat as Telegram does
  stick: true,         // whether the transcript follows the newest message
  autoTop: 0,          // where scrollToEnd() last put the transcript
};

// Times as Telegram shows them to a Swedish user: 24-hour, Stockholm time, whatever the
// browser's own locale and time zone.
const ZONE = "Europe/Stockholm";
const TIME = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, day: "numeric", month: "long", year: "numeric" });
const FULL = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, dateStyle: "long", timeStyle: "medium" });

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(API + path, options);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function toast(text, alert = false) {
  const box = $("toast");
  box.textContent = text;
  box.classList.toggle("alert", alert);
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, alert ? 6000 : 2500);
}

// A page bug must never look like an empty chat: log it and show it.
function reportError(context, error) {
  console.error(`[signbot sandbox] ${context}:`, error);
  toast(`${context}: ${(error && error.message) || error}`, true);
}

window.addEventListener("error", (event) => reportError("Fel i sidan / Page error", event.error || event.message));
window.addEventListener("unhandledrejection", (event) => reportError("Fel i sidan / Page error", event.reason));

function setOnline(online) {
  if (state.online === online) return;
  state.online = online;
  $("status").hidden = online;
}

// ---- Telegram text + entities -> DOM (offsets are UTF-16 units, as JS strings) ----

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function entityNode(entity, text) {
  switch (entity.type) {
    case "bold": return el("b");
    case "italic": return el("i");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "code": return el("code");
    case "pre": return el("pre", entity.language ? { "data-language": entity.language } : {});
    case "blockquote": return el("blockquote");
    case "expandable_blockquote": {
      const quote = el("blockquote", { class: "expandable", title: "Visa mer / Show more" });
      quote.addEventListener("click", () => quote.classList.toggle("open"));
      return quote;
    }
    case "spoiler": {
      const spoiler = el("span", { class: "spoiler" });
      spoiler.addEventListener("click", () => spoiler.classList.add("revealed"));
      return spoiler;
    }
    case "text_link":
    case "url": {
      const href = safeUrl(entity.type === "url" ? text : entity.url);
      return href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }) : el("span");
    }
    case "bot_command": {
      const command = el("span", { class: "command" });
      command.addEventListener("click", () => sendText(text.split("@")[0]));
      return command;
    }
    default: return el("span", { "data-entity": entity.type });
  }
}

// Entities may cross (Telegram merges touching entities of one type, e.g. bold 0–10 and
// italic 8–14); a crossing entity is split at its parent's end and continues after it.
function renderText(text, entities) {
  const byStart = (a, b) => a.offset - b.offset || b.length - a.length;
  const valid = (entities || []).filter((entity) => entity && entity.length > 0);
  function build(start, end, pending) {
    const fragment = document.createDocumentFragment();
    let list = [...pending];
    let pos = start;
    while (list.length) {
      const entity = list.shift();
      const from = Math.max(entity.offset, pos);
      const to = Math.min(entity.offset + entity.length, end);
      if (to <= from) continue;
      const children = [];
      const rests = [];
      while (list.length && list[0].offset < to) {
        const child = list.shift();
        children.push(child);
        const childEnd = child.offset + child.length;
        // A piece keeps its whole range: a url or command acts on all of its text.
        const whole = child.whole || [child.offset, childEnd];
        if (childEnd > to) rests.push({ ...child, offset: to, length: childEnd - to, whole });
      }
      if (rests.length) list = [...rests, ...list].sort(byStart);
      if (from > pos) fragment.append(text.slice(pos, from));
      const node = entityNode(entity, text.slice(...(entity.whole || [entity.offset, entity.offset + entity.length])));
      node.append(build(from, to, children));
      fragment.append(node);
      pos = to;
    }
    if (pos < end) fragment.append(text.slice(pos, end));
    return fragment;
  }
  return build(0, text.length, valid.sort(byStart));
}

// ---- messages ----

function inlineKeyboard(message) {
  const rows = (message.reply_markup && message.reply_markup.inline_keyboard) || [];
  if (!rows.length || message.deleted) return null;
  return el("div", { class: "keyboard" }, ...rows.map((row) => el("div", { class: "row" },
    ...row.map((button) => {
      if (button.url) {
        const href = safeUrl(button.url);
        return href
          ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, `${button.text} ↗`)
          : el("button", { disabled: "" }, button.text);
      }
      if (button.callback_data !== undefined) {
        return el("button", { type: "button", onclick: (event) => press(message, button, event.currentTarget) },
          button.text);
      }
      return el("button", { type: "button", disabled: "", title: Object.keys(button).join(", ") },
        button.text);
    }))));
}

function attachments(message) {
  const parts = [];
  if (message.photo && message.photo.length) {
    const largest = message.photo[message.photo.length - 1];
    parts.push(el("img", { src: `${API}/files/${encodeURIComponent(largest.file_id)}`, alt: "foto / photo", onload: followEnd }));
  }
  if (message.document) {
    const doc = message.document;
    const size = doc.file_size ? ` (${Math.ceil(doc.file_size / 1024)} kB)` : "";
    parts.push(el("a", { class: "file", href: `${API}/files/${encodeURIComponent(doc.file_id)}`,
      download: doc.file_name || "file" }, `📄 ${doc.file_name || "fil / file"}${size}`));
  }
  if (message.poll) parts.push(pollNode(message.poll));
  return parts;
}

function pollNode(poll) {
  const closed = poll.is_closed ? " – stängd / closed" : "";
  return el("div", { class: "poll" }, el("strong", {}, poll.question + closed),
    ...poll.options.map((option, index) => el("button", {
      type: "button",
      onclick: () => api("POST", "/poll_answers", { user_id: state.user.id, poll_id: poll.id, option_ids: [index] })
        .catch((error) => reportError("Röst / Vote", error)),
    }, el("span", {}, option.text), el("span", { class: "muted" }, String(option.voter_count)))));
}

function senderName(message) {
  if (message.from_bot) return (message.from && message.from.first_name) || "Signbot";
  return (message.from && message.from.first_name) || "?";
}

// One line saying what a message is, as Telegram shows it in a quote or the reply bar.
function snippet(message) {
  if (message.deleted) return "Raderat meddelande / Deleted message";
  const kind = message.photo ? "📷 Foto / Photo" : message.document ? `📄 ${message.document.file_name || "fil / file"}`
    : message.poll ? `📊 ${message.poll.question}` : "";
  const text = (message.text || "").replace(/\s+/g, " ").trim();
  return [kind, text].filter(Boolean).join(kind && text ? " · " : "") || "…";
}

// The replied-to message above a reply; a click shows the original.
function quoteNode(message) {
  if (message.reply_to_message_id === undefined || message.reply_to_message_id === null) return null;
  const quoted = state.messages.get(message.reply_to_message_id);
  const quote = el("div", { class: "quote", "data-reply-to": String(message.reply_to_message_id), title: "Visa / Show" },
    el("strong", { class: "quote-sender" }, quoted ? senderName(quoted) : "…"),
    el("span", { class: "quote-text" }, quoted ? snippet(quoted) : "Meddelandet finns inte / The message is gone"));
  quote.addEventListener("click", () => showMessage(message.reply_to_message_id));
  return quote;
}

function showMessage(messageId) {
  const target = $("transcript").querySelector(`li[data-id="${messageId}"]`);
  if (!target) return;
  target.scrollIntoView({ block: "center", behavior: "smooth" });
  target.classList.add("flash");
  setTimeout(() => target.classList.remove("flash"), 1200);
}

function timeNode(message) {
  const date = new Date(message.date * 1000);
  return el("time", { datetime: date.toISOString(), title: FULL.format(date) }, TIME.format(date));
}

function messageNode(message) {
  const classes = ["message", message.from_bot ? "bot" : "user"];
  if (message.deleted) classes.push("deleted");
  const node = el("li", { class: classes.join(" "), "data-id": String(message.message_id) });
  node.append(quoteNode(message) || "");
  node.append(...attachments(message));
  if (message.text) node.append(el("div", { class: "body" }, renderText(message.text, message.entities)));
  node.append(inlineKeyboard(message) || "");
  const flags = [message.edited ? "redigerad / edited" : "", message.deleted ? "raderad / deleted" : ""];
  const meta = el("div", { class: "meta" }, flags.filter(Boolean).map((flag) => `${flag} · `).join(""), timeNode(message));
  if (!message.deleted) {
    // Telegram replies by swipe or double click; the button is the visible way.
    meta.prepend(el("button", {
      type: "button", class: "reply-action", title: "Svara / Reply", "aria-label": "Svara / Reply",
      onclick: () => setReply(message.message_id),
    }, "↩ Svara"));
    node.addEventListener("dblclick", (event) => {
      if (!event.target.closest("button, a, input")) setReply(message.message_id);
    });
  }
  node.append(meta);
  return node;
}

function dayNode(date) {
  return el("li", { class: "day" }, el("span", {}, DAY.format(date)));
}

// One message that cannot be rendered shows as an error bubble; the rest of the chat stays.
function safeMessageNode(message, failures) {
  try {
    return messageNode(message);
  } catch (error) {
    const key = `${message.message_id}:${message.revision}`;
    if (!state.reported.has(key)) { // report each broken message once, not on every render
      state.reported.add(key);
      console.error("[signbot sandbox] could not render message", message, error);
      failures.push(error);
    }
    return el("li", { class: "message render-error", "data-id": String(message.message_id) },
      `⚠ Meddelande ${message.message_id} kunde inte visas / could not be rendered: ${error.message}`,
      el("pre", {}, message.text || ""));
  }
}

function placeholder() {
  if (!state.user) return el("li", { class: "placeholder" }, "Välj en person / Choose a persona");
  if (!state.loaded) return el("li", { class: "placeholder" }, "Laddar… / Loading…");
  return el("li", { class: "placeholder" }, "Inga meddelanden än – skriv något eller /start. ",
    el("br"), "No messages yet – write something or /start.");
}

// The transcript follows new messages unless the reader scrolled up, as in Telegram. Images
// that load later and bars that open above the composer change the height after a render.
function scrollToEnd() {
  const list = $("transcript");
  list.scrollTop = list.scrollHeight;
  state.autoTop = list.scrollTop;
}

function followEnd() {
  if (state.stick) scrollToEnd();
}

function renderTranscript() {
  const list = $("transcript");
  const sorted = [...state.messages.values()].sort((a, b) => a.message_id - b.message_id);
  const failures = [];
  const nodes = [];
  let day = null;
  for (const message of sorted) {
    const date = new Date(message.date * 1000);
    if (DAY.format(date) !== day) { // a new Stockholm day, as Telegram marks it
      day = DAY.format(date);
      nodes.push(dayNode(date));
    }
    nodes.push(safeMessageNode(message, failures));
  }
  list.replaceChildren(...(nodes.length ? nodes : [placeholder()]));
  try {
    updateReplyKeyboard(sorted);
  } catch (error) {
    failures.push(error);
    console.error("[signbot sandbox] could not render the reply keyboard", error);
  }
  if (state.stick) scrollToEnd();
  if (failures.length) {
    toast(`${failures.length} meddelande(n) kunde inte visas / message(s) could not be rendered: `
      + failures[0].message, true);
  }
}

function updateReplyKeyboard(sorted) {
  const last = [...sorted].reverse().find((m) => m.from_bot && m.reply_markup && !m.reply_markup.inline_keyboard);
  const markup = last ? last.reply_markup : null;
  const box = $("reply-keyboard");
  if (!markup || !markup.keyboard) { box.hidden = true; return; }
  box.replaceChildren(...markup.keyboard.map((row) => el("div", { class: "row" },
    ...row.map((button) => {
      const text = typeof button === "string" ? button : button.text;
      return el("button", { type: "button", onclick: () => sendText(text) }, text);
    }))));
  box.hidden = false;
}

// ---- actions ----

async function press(message, button, node) {
  if (node) node.classList.add("pending");
  try {
    const pressed = await api("POST", "/callbacks", {
      user_id: state.user.id, chat_id: message.chat_id, message_id: message.message_id, data: button.callback_data,
    });
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const answer = await api("GET", `/callback_answers/${pressed.callback_query_id}`);
      if (answer.answered) {
        if (answer.text) toast(answer.text, answer.show_alert);
        if (answer.url && safeUrl(answer.url)) window.open(answer.url, "_blank", "noopener");
        return;
      }
    }
    toast("Boten svarade inte på knapptrycket / The bot did not answer the button press");
  } catch (error) {
    reportError("Knapptryck / Button press", error);
  } finally {
    if (node) node.classList.remove("pending");
  }
}

async function sendText(text) {
  if (!state.user || !text.trim()) return false;
  try {
    await api("POST", "/messages", { user_id: state.user.id, text });
    return true;
  } catch (error) {
    reportError("Kunde inte skicka / Could not send", error);
    return false;
  }
}

// What the composer holds: formatted text, or a photo with a formatted caption, maybe a reply.
async function sendComposed(source) {
  if (!state.user) return false;
  const { text, entities } = parseFormatting(source);
  const body = { user_id: state.user.id };
  if (state.replyTo !== null) body.reply_to_message_id = state.replyTo;
  try {
    if (state.attachment) {
      const file = state.attachment;
      const query = new URLSearchParams({ kind: "photos", file_name: file.name || "foto", mime_type: file.type || "image/png" });
      const response = await fetch(`${API}/files?${query}`, { method: "POST", body: file });
      const stored = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(stored.error || `${response.status} ${response.statusText}`);
      Object.assign(body, { photo: stored.file_id });
      if (text.trim()) Object.assign(body, { caption: text, caption_entities: entities });
    } else {
      if (!text.trim()) return false;
      Object.assign(body, { text, entities });
    }
    await api("POST", "/messages", body);
  } catch (error) {
    reportError("Kunde inte skicka / Could not send", error);
    return false;
  }
  setReply(null);
  setAttachment(null);
  return true;
}

function setReply(messageId) {
  const message = messageId === null ? null : state.messages.get(messageId);
  state.replyTo = message ? messageId : null;
  $("reply-bar").hidden = !message;
  if (!message) return;
  $("reply-sender").textContent = senderName(message);
  $("reply-snippet").textContent = snippet(message);
  $("message-input").focus();
}

function setAttachment(file) {
  const preview = $("attachment-preview");
  if (preview.src) URL.revokeObjectURL(preview.src);
  state.attachment = file;
  $("attachment-bar").hidden = !file;
  $("photo-input").value = "";
  $("message-input").placeholder = file ? "Bildtext… / Caption…" : "Meddelande… / Message…";
  if (!file) { preview.removeAttribute("src"); return; }
  preview.src = URL.createObjectURL(file);
  $("attachment-name").textContent = `${file.name || "bild"} (${Math.ceil(file.size / 1024)} kB)`;
  $("message-input").focus();
}

// One long poll: the chat's messages changed after a cursor (wait 0 answers at once).
async function fetchChanges(chatId, after, wait, signal) {
  const url = `${API}/chats/${chatId}/messages?after=${after}&wait=${wait}`;
  const response = await fetch(url, { signal, cache: "no-store" });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
  if (!Array.isArray(data.messages) || typeof data.cursor !== "number") {
    throw new Error(`unexpected answer from ${url}`);
  }
  return data;
}

// Long-polls the persona's chat. Network trouble is retried (and shown as "offline");
// anything else is a bug in this page and is reported, never swallowed. ``first`` is an
// already started fetchChanges(user.id, 0, 0) (the page starts it while loading).
async function follow(user, first = null) {
  if (state.poll) state.poll.abort();
  const controller = new AbortController();
  state.poll = controller;
  state.messages = new Map();
  state.cursor = 0;
  state.loaded = false;
  state.stick = true;
  renderTranscript();
  while (!controller.signal.aborted) {
    let data;
    try {
      if (first) {
        const started = first;
        first = null;
        data = await started;
      } else {
        // The first request returns at once; later ones wait for something new.
        data = await fetchChanges(user.id, state.cursor, state.loaded ? 25 : 0, controller.signal);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof TypeError) { // fetch() could not connect: the sandbox is restarting?
        if (state.online) console.warn("[signbot sandbox] long poll failed, retrying:", error);
        setOnline(false);
      } else if (error.message !== state.pollError) { // the sandbox answered with an error
        reportError("Kunde inte läsa chatten / Could not read the chat", error);
      }
      state.pollError = error.message;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      continue;
    }
    if (controller.signal.aborted) return;
    setOnline(true);
    state.pollError = null;
    // The epoch names the sandbox process and its resets: a change means start over.
    const reset = state.epoch !== null && data.epoch !== state.epoch;
    state.epoch = data.epoch;
    if (reset) {
      // Start over: everything we show may be gone or renumbered.
      state.messages = new Map();
      state.cursor = 0;
      state.loaded = false;
      renderTranscript();
      continue;
    }
    for (const message of data.messages) state.messages.set(message.message_id, message);
    state.cursor = data.cursor;
    if (data.messages.length || !state.loaded) {
      state.loaded = true;
      renderTranscript(); // reports its own errors; a bad message never blanks the chat
    }
  }
}

function selectPersona(user, first = null) {
  const input = $("message-input");
  if (state.user) state.drafts.set(state.user.id, input.value);
  input.value = state.drafts.get(user.id) || "";
  autosize(input);
  state.user = user;
  localStorage.setItem("signbot-sandbox-user", String(user.id));
  $("chat-title").textContent = `${user.first_name} · id ${user.id} · ${user.language_code || "–"}`;
  $("message-input").disabled = false;
  $("send").disabled = false;
  $("photo-input").disabled = false;
  setReply(null); // a reply and a photo belong to the chat they were started in
  setAttachment(null);
  $("personas").classList.remove("open");
  $("commands").hidden = true;
  $("toast").hidden = true;
  for (const button of $("persona-list").querySelectorAll("button[data-user-id]")) {
    button.classList.toggle("active", button.dataset.userId === String(user.id));
  }
  follow(user, first).catch((error) => reportError("Chatten / The chat", error));
}

async function loadPersonas() {
  const users = await api("GET", "/users");
  $("persona-list").replaceChildren(...users.map((user) => el("li", {}, el("button", {
    type: "button",
    "data-user-id": String(user.id),
    class: state.user && state.user.id === user.id ? "active" : "",
    onclick: () => selectPersona(user),
  }, el("span", {}, user.first_name), el("span", { class: "muted" }, `${user.id} · ${user.language_code || "–"}`)))));
  return users;
}

async function toggleCommands() {
  const box = $("commands");
  if (!box.hidden || !state.user) { box.hidden = true; return; }
  const menu = await api("GET", `/commands?language_code=${encodeURIComponent(state.user.language_code || "")}`);
  box.replaceChildren(...(menu.effective.length ? menu.effective.map((command) => el("button", {
    type: "button", onclick: () => { box.hidden = true; sendText(`/${command.command}`); },
  }, `/${command.command} `, el("span", { class: "muted" }, command.description)))
    : [el("span", { class: "muted" }, "Ingen kommandomeny / No command menu")]));
  box.hidden = false;
}

function autosize(textarea) {
  textarea.style.height = "auto";
  if (textarea.value) textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

function setup() {
  $("persona-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { first_name: form.get("first_name"), language_code: form.get("language_code") };
    if (form.get("id")) body.id = Number(form.get("id"));
    try {
      const user = await api("POST", "/users", body);
      event.target.reset();
      await loadPersonas();
      selectPersona(user);
    } catch (error) {
      reportError("Kunde inte skapa personen / Could not create the persona", error);
    }
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("message-input");
    const text = input.value;
    if (!text.trim() && !state.attachment) return;
    input.value = "";
    autosize(input);
    if (!(await sendComposed(text)) && !input.value) {
      input.value = text; // keep it to retry
      autosize(input);
    }
  });
  $("message-input").addEventListener("input", (event) => autosize(event.target));
  $("message-input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    } else if (event.key === "Escape" && state.replyTo !== null) {
      setReply(null);
    } else if (formatShortcut(event)) {
      event.preventDefault();
      applyFormat(event.target, formatShortcut(event));
    }
  });
  // Telegram takes a pasted image as a photo to send.
  $("message-input").addEventListener("paste", (event) => {
    const image = [...(event.clipboardData ? event.clipboardData.files : [])].find((file) => file.type.startsWith("image/"));
    if (image && state.user) { event.preventDefault(); setAttachment(image); }
  });
  for (const button of $("format-bar").querySelectorAll("button[data-format]")) {
    // mousedown would move the focus (and the selection) out of the textarea first
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      if (!$("message-input").disabled) applyFormat($("message-input"), button.dataset.format);
    });
  }
  $("photo-input").addEventListener("change", (event) => setAttachment(event.target.files[0] || null));
  $("attachment-remove").addEventListener("click", () => setAttachment(null));
  $("reply-cancel").addEventListener("click", () => setReply(null));
  // A scroll event arrives a frame late, when a loading image may have grown the list: only a
  // move above where scrollToEnd() left it is the reader scrolling up.
  $("transcript").addEventListener("scroll", (event) => {
    const list = event.target;
    if (list.scrollHeight - list.scrollTop - list.clientHeight < 40) state.stick = true;
    else if (list.scrollTop < state.autoTop - 1) state.stick = false;
  });
  new ResizeObserver(followEnd).observe($("transcript"));
  $("toggle-personas").addEventListener("click", () => $("personas").classList.toggle("open"));
  $("show-commands").addEventListener("click", () => toggleCommands().catch((error) => reportError("Kommandon / Commands", error)));
  $("reset").addEventListener("click", async () => {
    if (!confirm("Nollställ sandlådan? / Reset the sandbox?")) return;
    try {
      await api("POST", "/reset");
      if (state.poll) state.poll.abort();
      state.user = null;
      state.messages = new Map();
      renderTranscript();
      $("chat-title").textContent = "Välj en person / Choose a persona";
      $("message-input").disabled = true;
      $("send").disabled = true;
      $("photo-input").disabled = true;
      setReply(null);
      setAttachment(null);
      await loadPersonas();
    } catch (error) {
      reportError("Kunde inte nollställa / Could not reset", error);
    }
  });
  // ?user=ID opens that persona directly (a link straight into a staff or member chat).
  // Its transcript is requested together with the persona list, not after it.
  const requested = new URLSearchParams(window.location.search).get("user");
  const saved = Number(requested || localStorage.getItem("signbot-sandbox-user"));
  const first = Number.isSafeInteger(saved) && saved !== 0 ? fetchChanges(saved, 0, 0) : null;
  if (first) first.catch(() => {}); // follow() reports it if the persona exists
  loadPersonas().then((users) => {
    const user = users.find((candidate) => candidate.id === saved);
    if (user) selectPersona(user, first);
    else if (!users.length || window.innerWidth <= 720) $("personas").classList.add("open");
    if (requested && !user) toast(`Ingen person med id ${requested} / No persona with id ${requested}`, true);
  }).catch((error) => reportError("Kunde inte läsa personerna / Could not load the personas", error));
  renderTranscript();
}

setup();
