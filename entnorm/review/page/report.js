// entnorm report: draws the views from the JSON data block; only what is on screen is ever built.
"use strict";

const DATA = JSON.parse(document.getElementById("data").textContent);
const PAGE = 50; // list rows per page
const SHOWN_CONTEXTS = 30; // contexts shown per spelling before "show all"
const CONTEXT = 70; // characters of text each side of a mention

const byId = new Map(DATA.entities.map((e, i) => [e.id, i]));
const byCanonical = new Map(DATA.entities.map((e, i) => [e.canonical, i]));
const state = { list: "entities", page: 0, query: "", label: "", docQuery: "" };
let mentionsOf = null; // entity index -> [[document, start, end], ...], built on first use

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function squash(text) {
  return text.replace(/\s+/g, " ");
}

function badge(label) {
  // a space before it, so that the name and the label read as two words, also to a screen reader
  const fragment = document.createDocumentFragment();
  fragment.append(" ", el("span", { class: "badge " + label, text: label }));
  return fragment;
}

function entityLink(index) {
  return "#entity/" + encodeURIComponent(DATA.entities[index].id);
}

function buildMentionIndex() {
  mentionsOf = DATA.entities.map(() => []);
  DATA.mentions.forEach((list, doc) => {
    for (const [start, end, entity] of list) mentionsOf[entity].push([doc, start, end]);
  });
}

// ---- the list pane -------------------------------------------------------------------------------------

const searchable = DATA.entities.map((e) => fold([e.canonical, ...e.aliases.map((a) => a[0])].join("\n")));

function entityRows() {
  const query = fold(state.query.trim());
  const rows = [];
  DATA.entities.forEach((e, i) => {
    if (state.label && e.label !== state.label) return;
    if (query && !searchable[i].includes(query)) return;
    rows.push(i);
  });
  return rows;
}

function documentRows() {
  const query = fold(state.docQuery.trim());
  const rows = [];
  DATA.documents.forEach((d, i) => {
    if (!query || fold(d[0]).includes(query)) rows.push(i);
  });
  return rows;
}

function drawList(current) {
  const rows = state.list === "documents" ? documentRows() : entityRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  state.page = Math.min(state.page, pages - 1);
  const list = document.getElementById("list");
  list.replaceChildren();
  for (const i of rows.slice(state.page * PAGE, (state.page + 1) * PAGE)) {
    if (state.list === "documents") {
      const [name] = DATA.documents[i];
      const link = el("a", { href: "#doc/" + i, "aria-current": current === i ? "true" : null },
        el("span", { text: name }), el("span", { class: "count", text: DATA.mentions[i].length + " mentions" }));
      list.append(el("li", {}, link));
    } else {
      const e = DATA.entities[i];
      const link = el("a", { href: entityLink(i), "aria-current": current === i ? "true" : null },
        el("span", {}, e.canonical, badge(e.label)), el("span", { class: "count", text: String(e.mentions) }));
      list.append(el("li", {}, link));
    }
  }
  if (!rows.length) list.append(el("li", { class: "empty", text: "Nothing matches." }));
  document.getElementById("page").textContent =
    `${rows.length} ${state.list === "documents" ? "documents" : "entities"} · page ${state.page + 1} of ${pages}`;
  document.getElementById("previous").disabled = state.page === 0;
  document.getElementById("next").disabled = state.page >= pages - 1;
  document.getElementById("entity-tools").hidden = state.list === "documents";
  document.getElementById("document-tools").hidden = state.list !== "documents";
}

// ---- the detail pane -----------------------------------------------------------------------------------

function contextOf(text, start, end) {
  let left = text.slice(Math.max(0, start - CONTEXT), start);
  let right = text.slice(end, end + CONTEXT);
  if (start - CONTEXT > 0 && /\s/.test(left)) left = left.slice(left.search(/\s/) + 1);
  if (end + CONTEXT < text.length && /\s/.test(right)) right = right.slice(0, right.search(/\s\S*$/));
  return [squash(left), squash(text.slice(start, end)), squash(right)];
}

function drawEntity(index) {
  if (mentionsOf === null) buildMentionIndex();
  const e = DATA.entities[index];
  const detail = document.getElementById("detail");
  const attributes = Object.entries(e.attributes).map(([k, v]) => `${k}: ${v}`).join(" · ");
  detail.replaceChildren(
    el("h2", { id: "entity-name" }, e.canonical, badge(e.label)),
    el("p", { class: "meta", text: `${e.mentions} mentions in ${e.documents} documents · id ${e.id}` +
      (attributes ? " · " + attributes : "") }),
  );
  const spellings = el("table", { class: "spellings" },
    el("thead", {}, el("tr", {}, el("th", { text: "spelling" }), el("th", { text: "count" }))));
  const body = el("tbody");
  for (const [text, count] of e.aliases) body.append(el("tr", {}, el("td", { text }), el("td", { text: String(count) })));
  spellings.append(body);
  detail.append(el("h3", { text: "Spellings" }), spellings);

  const groups = new Map();
  for (const [doc, start, end] of mentionsOf[index]) {
    const spelling = squash(DATA.documents[doc][1].slice(start, end));
    if (!groups.has(spelling)) groups.set(spelling, []);
    groups.get(spelling).push([doc, start, end]);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [spelling, found] of ordered) {
    detail.append(el("h3", { text: `“${spelling}” · ${found.length}` }));
    const table = el("table", { class: "kwic" });
    const drawRows = (limit) => {
      table.replaceChildren();
      for (const [doc, start, end] of found.slice(0, limit)) {
        const [left, hit, right] = contextOf(DATA.documents[doc][1], start, end);
        table.append(el("tr", {},
          el("td", { class: "left" }, el("span", { text: left })),
          el("td", { class: "hit", text: hit }),
          el("td", { class: "right", text: right }),
          el("td", { class: "where" }, el("a", { href: `#doc/${doc}/${start}`, title: DATA.documents[doc][0],
            text: DATA.documents[doc][0].split("/").pop() }))));
      }
    };
    drawRows(SHOWN_CONTEXTS);
    detail.append(table);
    if (found.length > SHOWN_CONTEXTS) {
      const more = el("button", { type: "button", text: `show all ${found.length}` });
      more.addEventListener("click", () => { drawRows(found.length); more.remove(); });
      detail.append(more);
    }
  }
}

function drawDocument(index, target) {
  const [name, text] = DATA.documents[index];
  const detail = document.getElementById("detail");
  const mentions = [...DATA.mentions[index]].sort((a, b) => a[0] - b[0]);
  detail.replaceChildren(
    el("h2", { id: "document-name", text: name }),
    el("p", { class: "meta", text: `${mentions.length} mentions · ${text.length.toLocaleString("en")} characters` }),
  );
  const body = el("div", { class: "text", id: "document-text" });
  let cursor = 0;
  let targetMark = null;
  for (const [start, end, entity] of mentions) {
    if (start < cursor) continue; // overlapping spans cannot both be drawn
    body.append(text.slice(cursor, start));
    const e = DATA.entities[entity];
    const mark = el("mark", { class: e.label + (start === target ? " target" : ""), id: `m${start}` },
      el("a", { href: entityLink(entity), title: `${e.canonical} (${e.label})`, text: text.slice(start, end) }));
    if (start === target) targetMark = mark;
    body.append(mark);
    cursor = end;
  }
  body.append(text.slice(cursor));
  detail.append(body);
  if (targetMark) {
    targetMark.scrollIntoView({ block: "center" });
    targetMark.querySelector("a").focus({ preventScroll: true });
  }
}

function drawSuggestions() {
  const detail = document.getElementById("detail");
  detail.replaceChildren(el("h2", { text: `Suggestions for the alias file · ${DATA.suggestions.length}` }),
    el("p", { class: "meta", text: "Merges pin what inference grouped; near misses are pairs it kept apart. " +
      "Paste the YAML into aliases.yaml, or run the command to file it." }));
  if (!DATA.suggestions.length) detail.append(el("p", { class: "empty", text: "No suggestions." }));
  const list = el("div", { id: "suggestion-list" });
  detail.append(list);
  let shown = 0;
  const more = el("button", { type: "button", id: "more-suggestions" });
  const showMore = () => {
    for (const s of DATA.suggestions.slice(shown, shown + PAGE)) list.append(suggestionView(s));
    shown = Math.min(shown + PAGE, DATA.suggestions.length);
    more.textContent = `show ${Math.min(PAGE, DATA.suggestions.length - shown)} more of ${DATA.suggestions.length - shown}`;
    more.hidden = shown >= DATA.suggestions.length;
  };
  more.addEventListener("click", showMore);
  detail.append(more);
  showMore();
}

function suggestionView(s) {
  const entity = byCanonical.get(s.canonical);
  const link = entity === undefined ? null : el("a", { href: entityLink(entity), text: " the entity →" });
  return el("div", { class: "suggestion", id: "suggestion-" + s.id },
    el("h3", {}, `${s.id} · ${s.kind} · ${s.canonical}`, badge(s.label), link),
    el("p", { class: "meta", text: `add ${s.add.join(", ")} · score ${s.score} · ${s.reason}` }),
    el("pre", { text: s.yaml }),
    el("code", { text: s.command }));
}

// ---- routing -------------------------------------------------------------------------------------------

function route() {
  const [view, arg, extra] = location.hash.replace(/^#/, "").split("/");
  const main = document.querySelector("main");
  main.classList.toggle("wide", view === "suggestions");
  let current = null;
  if (view === "documents" || view === "doc") {
    state.list = "documents";
    if (view === "doc" && DATA.documents[Number(arg)]) {
      current = Number(arg);
      drawDocument(current, extra === undefined ? null : Number(extra));
    } else {
      hint("Choose a document to read it with its mentions highlighted.");
    }
  } else if (view === "suggestions") {
    drawSuggestions();
  } else {
    state.list = "entities";
    const index = view === "entity" ? byId.get(decodeURIComponent(arg || "")) : undefined;
    if (index !== undefined) {
      current = index;
      drawEntity(index);
    } else {
      hint("Choose an entity to see its spellings and every mention in context.");
    }
  }
  for (const tab of ["entities", "documents", "suggestions"]) {
    const active = view === "suggestions" ? tab === "suggestions" : tab === state.list;
    document.getElementById("tab-" + tab).setAttribute("aria-current", active ? "page" : "false");
  }
  if (view !== "suggestions") drawList(current);
}

function hint(text) {
  document.getElementById("detail").replaceChildren(el("p", { class: "empty", text }));
}

function start() {
  document.getElementById("title").textContent = DATA.title;
  const n = DATA.mentions.reduce((sum, list) => sum + list.length, 0);
  document.getElementById("summary").textContent =
    `${DATA.entities.length} entities · ${n} mentions · ${DATA.documents.length} documents · ` +
    `${DATA.suggestions.length} suggestions`;
  const select = document.getElementById("label-filter");
  for (const label of [...new Set(DATA.entities.map((e) => e.label))].sort()) {
    select.append(el("option", { value: label, text: label }));
  }
  const redraw = () => { state.page = 0; route(); };
  document.getElementById("search").addEventListener("input", (event) => { state.query = event.target.value; redraw(); });
  document.getElementById("document-search").addEventListener("input", (event) => {
    state.docQuery = event.target.value; redraw();
  });
  select.addEventListener("change", (event) => { state.label = event.target.value; redraw(); });
  document.getElementById("previous").addEventListener("click", () => { state.page -= 1; route(); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; route(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) {
      event.preventDefault();
      document.getElementById(state.list === "documents" ? "document-search" : "search").focus();
    }
  });
  window.addEventListener("hashchange", route);
  route();
}

start();
