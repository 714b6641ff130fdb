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
  replyKeyboard: null,
};

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

function renderText(text, entities) {
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  function build(start, end, list) {
    const fragment = document.createDocumentFragment();
    let pos = start;
    let i = 0;
    while (i < list.length) {
      const entity = list[i++];
      const from = Math.max(entity.offset, pos);
      const to = Math.min(entity.offset + entity.length, end);
      const children = [];
      while (i < list.length && list[i].offset < to) children.push(list[i++]);
      if (to <= from) continue;
      if (from > pos) fragment.append(text.slice(pos, from));
      const node = entityNode(entity, text.slice(from, to));
      node.append(build(from, to, children));
      fragment.append(node);
      pos = to;
    }
    if (pos < end) fragment.append(text.slice(pos, end));
    return fragment;
  }
  return build(0, text.length, sorted);
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
        return el("button", { type: "button", onclick: () => press(message, button) }, button.text);
      }
      return el("button", { type: "button", disabled: "", title: Object.keys(button).join(", ") },
        button.text);
    }))));
}

function attachments(message) {
  const parts = [];
  if (message.photo) {
    const largest = message.photo[message.photo.length - 1];
    parts.push(el("img", { src: `${API}/files/${encodeURIComponent(largest.file_id)}`, alt: "foto / photo" }));
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
        .catch((error) => toast(error.message)),
    }, el("span", {}, option.text), el("span", { class: "muted" }, String(option.voter_count)))));
}

function messageNode(message) {
  const classes = ["message", message.from_bot ? "bot" : "user"];
  if (message.deleted) classes.push("deleted");
  const node = el("li", { class: classes.join(" "), "data-id": String(message.message_id) });
  const quoted = state.messages.get(message.reply_to_message_id);
  if (quoted) node.append(el("div", { class: "quote" }, (quoted.text || "").slice(0, 80)));
  node.append(...attachments(message));
  if (message.text) node.append(el("div", { class: "body" }, renderText(message.text, message.entities)));
  node.append(inlineKeyboard(message) || "");
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const flags = [message.edited ? "redigerad / edited" : "", message.deleted ? "raderad / deleted" : ""];
  node.append(el("div", { class: "meta" }, [...flags.filter(Boolean), time].join(" · ")));
  return node;
}

function renderTranscript() {
  const list = $("transcript");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const sorted = [...state.messages.values()].sort((a, b) => a.message_id - b.message_id);
  list.replaceChildren(...sorted.map(messageNode));
  updateReplyKeyboard(sorted);
  if (nearBottom) list.scrollTop = list.scrollHeight;
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

async function press(message, button) {
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
    toast(error.message);
  }
}

async function sendText(text) {
  if (!state.user || !text.trim()) return;
  try {
    await api("POST", "/messages", { user_id: state.user.id, text });
  } catch (error) {
    toast(error.message);
  }
}

async function follow(user) {
  if (state.poll) state.poll.abort();
  const controller = new AbortController();
  state.poll = controller;
  state.messages = new Map();
  state.cursor = 0;
  renderTranscript();
  while (!controller.signal.aborted) {
    try {
      const url = `${API}/chats/${user.id}/messages?after=${state.cursor}&wait=25`;
      const response = await fetch(url, { signal: controller.signal });
      const data = await response.json();
      if (controller.signal.aborted) return;
      if (state.epoch !== null && data.epoch !== state.epoch) {
        state.messages = new Map(); // the sandbox was reset: start over
        renderTranscript();
      }
      state.epoch = data.epoch;
      for (const message of data.messages) state.messages.set(message.message_id, message);
      state.cursor = data.cursor;
      if (data.messages.length) renderTranscript();
    } catch (error) {
      if (controller.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 2000)); // sandbox restarting?
    }
  }
}

async function selectPersona(user) {
  state.user = user;
  localStorage.setItem("signbot-sandbox-user", String(user.id));
  $("chat-title").textContent = `${user.first_name} · id ${user.id} · ${user.language_code || "–"}`;
  $("message-input").disabled = false;
  $("send").disabled = false;
  $("personas").classList.remove("open");
  $("commands").hidden = true;
  await loadPersonas();
  follow(user);
}

async function loadPersonas() {
  const users = await api("GET", "/users");
  $("persona-list").replaceChildren(...users.map((user) => el("li", {}, el("button", {
    type: "button",
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

function setup() {
  $("persona-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { first_name: form.get("first_name"), language_code: form.get("language_code") };
    if (form.get("id")) body.id = Number(form.get("id"));
    try {
      const user = await api("POST", "/users", body);
      event.target.reset();
      await selectPersona(user);
    } catch (error) {
      toast(error.message);
    }
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("message-input");
    sendText(input.value);
    input.value = "";
  });
  $("message-input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("toggle-personas").addEventListener("click", () => $("personas").classList.toggle("open"));
  $("show-commands").addEventListener("click", () => toggleCommands().catch((error) => toast(error.message)));
  $("reset").addEventListener("click", async () => {
    if (!confirm("Nollställ sandlådan? / Reset the sandbox?")) return;
    await api("POST", "/reset");
    if (state.poll) state.poll.abort();
    state.user = null;
    state.messages = new Map();
    renderTranscript();
    $("chat-title").textContent = "Välj en person / Choose a persona";
    $("message-input").disabled = true;
    $("send").disabled = true;
    await loadPersonas();
  });
  loadPersonas().then((users) => {
    const saved = Number(localStorage.getItem("signbot-sandbox-user"));
    const user = users.find((candidate) => candidate.id === saved);
    if (user) selectPersona(user);
    else if (!users.length || window.innerWidth <= 720) $("personas").classList.add("open");
  }).catch((error) => toast(error.message));
}

setup();
