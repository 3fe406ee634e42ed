// newstrace page: built only on the REST API (/api/...). Article data is untrusted: it is only ever put
// into the page with textContent / createTextNode / setAttribute of plain data attributes, never as HTML.
// newstrace/1 offsets count Unicode code points; JavaScript strings count UTF-16 units: unitIndex() maps them.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PALETTE_SIZE = 8; // .spk-0 … .spk-7 and .voice-0 … .voice-7 in style.css
const state = { offset: 0, limit: 20, search: {}, lastDoc: null };

// ---- small helpers ---------------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) add(node, child);
  return node;
}

function add(parent, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => add(parent, c));
  else if (child instanceof Node) parent.appendChild(child);
  else parent.appendChild(document.createTextNode(String(child)));
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  for (const child of children) {
    if (child instanceof Node) node.appendChild(child);
    else if (child !== null && child !== undefined) node.appendChild(document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function $(sel) {
  return document.querySelector(sel);
}

function status(message, isError) {
  const node = $("#status");
  node.textContent = message || "";
  node.classList.toggle("error", !!isError);
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    const err = new Error(message);
    err.status = response.status;
    throw err;
  }
  return { body, headers: response.headers };
}

function qs(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") search.set(k, v);
  const text = search.toString();
  return text ? "?" + text : "";
}

function nice(technique) {
  return String(technique || "").replace(/_/g, " ").replace(/,/g, ", ");
}

// code point index -> UTF-16 index, for every code point boundary of text (length: code points + 1)
function unitIndex(text) {
  const map = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    map.push(units);
  }
  return map;
}

// ---- routing ---------------------------------------------------------------------------------------
function show(view) {
  $("#article-view").hidden = view !== "article";
  $("#corpus-view").hidden = view !== "corpus";
  $("#nav-corpus").classList.toggle("current", view === "corpus");
}

async function route() {
  const hash = location.hash || "#/corpus";
  hideTip();
  if (hash.startsWith("#/article/")) {
    const id = decodeURIComponent(hash.slice("#/article/".length));
    if (state.lastDoc && state.lastDoc.article.id === id) {
      renderArticle(state.lastDoc);
      return;
    }
    try {
      status("Loading the article…");
      const { body } = await api("/api/articles/" + encodeURIComponent(id));
      renderArticle(body);
      status("");
    } catch (e) {
      status(e.message, true);
    }
  } else if (hash === "#/result" && state.lastDoc) {
    renderArticle(state.lastDoc);
  } else if (hash === "#/analyse") {
    show("corpus");
    $("#an-url").focus();
  } else {
    show("corpus");
    loadCorpus();
  }
}

// ---- article view ----------------------------------------------------------------------------------
function renderArticle(doc) {
  state.lastDoc = doc;
  show("article");
  const art = doc.article;
  $("#art-title").textContent = art.title || "(untitled)";
  const meta = [art.outlet, art.published, art.url || art.source].filter(Boolean).join(" · ");
  $("#art-meta").textContent = meta;

  const speakerColour = new Map();
  const colourOf = (name) => {
    const key = name || "(unknown)";
    if (!speakerColour.has(key)) speakerColour.set(key, speakerColour.size % PALETTE_SIZE);
    return speakerColour.get(key);
  };
  const quotes = doc.quotes.filter((q) => (q.field || "text") === "text");
  quotes.forEach((q) => colourOf(q.speaker && q.speaker.name));
  const voices = new Map(doc.voices.map((v) => [v.id, v]));
  const relays = doc.voices.filter((v) => v.kind === "relay" && v.start !== null && v.start !== undefined);

  renderText(doc, art.text, relays, quotes, voices, colourOf);
  renderLegend(relays, speakerColour);
  renderChecks(doc.checks || []);
  renderSpeakers(doc, colourOf);
  renderEvents($("#p-events .body"), doc.events || [], false);
  renderClaims(doc.claims || []);
  renderNames(doc, voices);
}

function voiceName(voices, id) {
  const voice = voices.get(id);
  return voice && voice.kind === "relay" ? voice.outlet || id : "the article";
}

function renderText(doc, text, relays, quotes, voices, colourOf) {
  const map = unitIndex(text);
  const at = (cp) => map[Math.max(0, Math.min(cp, map.length - 1))];
  const anns = [];
  relays.forEach((v, i) => anns.push({ kind: "voice", prio: 0, s: at(v.start), e: at(v.end), data: v, n: i }));
  quotes.forEach((q) => anns.push({ kind: "quote", prio: 1, s: at(q.start), e: at(q.end), data: q }));
  (doc.framing.spans || [])
    .filter((f) => (f.field || "text") === "text")
    .forEach((f) => anns.push({ kind: "frame", prio: 2, s: at(f.start), e: at(f.end), data: f }));
  const good = anns.filter((a) => a.e > a.s);
  // check flags: after the wording the check points at (its offsets; in analyses without them, the first
  // place the wording occurs); a headline's check is listed in the panel only
  const flags = [];
  (doc.checks || []).forEach((c, i) => {
    if (c.field === "title") return;
    if (c.end != null) return flags.push({ pos: at(c.end), data: c, n: i });
    const found = c.text ? text.indexOf(c.text) : -1;
    flags.push({ pos: found >= 0 ? found + c.text.length : text.length, data: c, n: i });
  });
  const bounds = new Set([0, text.length]);
  good.forEach((a) => {
    bounds.add(a.s);
    bounds.add(a.e);
  });
  flags.forEach((f) => bounds.add(f.pos));
  const points = [...bounds].sort((a, b) => a - b);
  const order = (a, b) => a.prio - b.prio || b.e - b.s - (a.e - a.s) || a.s - b.s;

  const root = clear($("#art-text"));
  const stack = [];
  const placeFlags = (pos, parent) => {
    flags.filter((f) => f.pos === pos).forEach((f) => parent.appendChild(makeFlag(f)));
  };
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    const covering = good.filter((a) => a.s <= s && a.e >= e).sort(order);
    let k = 0;
    while (k < stack.length && k < covering.length && stack[k].ann === covering[k]) k++;
    stack.length = k;
    placeFlags(s, k ? stack[k - 1].node : root);
    for (let j = k; j < covering.length; j++) {
      const ann = covering[j];
      const node = makePiece(ann, !ann.opened, voices, colourOf);
      ann.opened = true;
      (j ? stack[j - 1].node : root).appendChild(node);
      stack.push({ ann, node });
    }
    const top = stack.length ? stack[stack.length - 1].node : root;
    top.appendChild(document.createTextNode(text.slice(s, e)));
    for (const { ann, node } of stack) {
      if (ann.kind === "frame" && ann.e === e) node.appendChild(el("span", { class: "tech", text: nice(ann.data.technique) }));
    }
  }
  placeFlags(text.length, root);
}

function makePiece(ann, first, voices, colourOf) {
  if (ann.kind === "voice") {
    const v = ann.data;
    const node = el("span", { class: `voice voice-${ann.n % PALETTE_SIZE}`, "data-voice": v.id, "data-outlet": v.outlet || "" });
    if (first) node.appendChild(el("span", { class: "voice-label", text: v.outlet || v.id, title: v.intro || "" }));
    return node;
  }
  if (ann.kind === "quote") {
    const q = ann.data;
    const speaker = q.speaker ? q.speaker.name : "unknown speaker";
    const node = el("span", {
      class: `quote kind-${q.kind} spk-${colourOf(q.speaker && q.speaker.name)}`,
      "data-quote": q.id,
      "data-speaker": speaker,
    });
    if (first) {
      node.tabIndex = 0;
      node.classList.add("first");
      node.setAttribute("aria-label", quoteInfo(q, voices).join("; "));
    }
    node.addEventListener("mouseenter", () => showTip(node, quoteInfo(q, voices)));
    node.addEventListener("mouseleave", hideTip);
    node.addEventListener("focus", () => showTip(node, quoteInfo(q, voices)));
    node.addEventListener("blur", hideTip);
    return node;
  }
  const f = ann.data;
  return el("span", { class: "frame", "data-technique": f.technique, title: nice(f.technique) });
}

function quoteInfo(q, voices) {
  const lines = [`${q.kind} quote`, `Speaker: ${q.speaker ? q.speaker.name : "unknown"}`];
  if (q.speaker_mention && (!q.speaker || q.speaker_mention !== q.speaker.name)) lines.push(`Named as: ${q.speaker_mention}`);
  if (q.cue) lines.push(`Cue: ${q.cue}`);
  if (q.addressee) lines.push(`To: ${q.addressee.name}`);
  if (q.medium) lines.push(`Medium: ${q.medium}`);
  if (q.via) lines.push(`Via: ${q.via}`);
  else if (q.voice && q.voice !== "v0") lines.push(`Voice: ${voiceName(voices, q.voice)}`);
  return lines;
}

function makeFlag(f) {
  const c = f.data;
  const node = el("button", { type: "button", class: `flag flag-${c.kind}`, "data-kind": c.kind, "data-check": String(f.n) }, "⚑ " + nice(c.kind));
  const info = [nice(c.kind), c.detail];
  node.setAttribute("aria-label", info.join(": "));
  node.addEventListener("mouseenter", () => showTip(node, info));
  node.addEventListener("mouseleave", hideTip);
  node.addEventListener("focus", () => showTip(node, info));
  node.addEventListener("blur", hideTip);
  return node;
}

function showTip(anchor, lines) {
  const tip = $("#tip");
  clear(tip);
  lines.forEach((line, i) => tip.appendChild(el("div", { class: i ? "" : "tip-head", text: line })));
  tip.hidden = false;
  const r = anchor.getBoundingClientRect();
  const width = Math.min(340, window.innerWidth - 16);
  tip.style.maxWidth = width + "px";
  const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
  tip.style.left = left + "px";
  tip.style.top = r.bottom + window.scrollY + 6 + "px";
}

function hideTip() {
  const tip = $("#tip");
  if (tip) tip.hidden = true;
}

function renderLegend(relays, speakerColour) {
  const legend = clear($("#legend"));
  if (relays.length) {
    legend.appendChild(el("span", { class: "legend-head", text: "Relayed voices:" }));
    relays.forEach((v, i) => legend.appendChild(el("span", { class: `chip voice-${i % PALETTE_SIZE}`, text: v.outlet || v.id })));
  }
  legend.appendChild(el("span", { class: "legend-head", text: "Speakers:" }));
  for (const [name, n] of speakerColour) legend.appendChild(el("span", { class: `chip quote spk-${n}`, text: name }));
  legend.appendChild(el("span", { class: "chip frame-sample", text: "framing" }));
}

function renderChecks(checks) {
  const body = clear($("#p-checks .body"));
  if (!checks.length) return body.appendChild(el("p", { class: "empty", text: "Nothing to check." }));
  const list = el("ul", { class: "checks" });
  checks.forEach((c) =>
    list.appendChild(
      el("li", { class: `check flag-${c.kind}`, "data-kind": c.kind }, el("strong", { text: "⚑ " + nice(c.kind) }), " ", el("q", { text: c.text }), el("div", { class: "detail", text: c.detail }))
    )
  );
  body.appendChild(list);
}

function renderSpeakers(doc, colourOf) {
  const body = clear($("#p-speakers .body"));
  const bySpeaker = new Map();
  (doc.statements || []).forEach((s) => {
    const name = s.speaker ? s.speaker.name : "(unknown)";
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(s);
  });
  if (!bySpeaker.size) return body.appendChild(el("p", { class: "empty", text: "No quotes." }));
  const sorted = [...bySpeaker].sort((a, b) => b[1].length - a[1].length);
  for (const [name, statements] of sorted) {
    const group = el("div", { class: "speaker" }, el("h4", {}, el("span", { class: `swatch quote spk-${colourOf(name === "(unknown)" ? null : name)}` }), name));
    const list = el("ul", {});
    statements.forEach((s) => {
      const jump = el("button", { type: "button", class: "link", text: s.text });
      jump.addEventListener("click", () => focusQuote(s.quotes[0]));
      list.appendChild(el("li", {}, jump, el("span", { class: "count", text: s.quotes.length > 1 ? ` ×${s.quotes.length}` : "" })));
    });
    group.appendChild(list);
    body.appendChild(group);
  }
}

function focusQuote(id) {
  const node = document.querySelector(`#art-text .quote.first[data-quote="${CSS.escape(id)}"]`);
  if (node) {
    node.scrollIntoView({ block: "center" });
    node.focus();
  }
}

function actor(a) {
  return a ? a.name || a : "—";
}

function renderEvents(body, events, corpus) {
  clear(body);
  if (!events.length) return body.appendChild(el("p", { class: "empty", text: "No events." }));
  const table = el("table", { class: "events" }, el("thead", {}, el("tr", {}, ["Date", "Who", "Did what", "To whom", corpus ? "Outlet" : "Via"].map((h) => el("th", { scope: "col", text: h })))));
  const tbody = el("tbody");
  events.forEach((e) => {
    const what = `${e.type}${e.negated ? " (not)" : ""} · ${e.trigger}`;
    tbody.appendChild(
      el("tr", { title: e.evidence || "" }, el("td", { text: e.date || "" }), el("td", { text: actor(e.source) }), el("td", {}, el("span", { class: `etype t-${String(e.type).toLowerCase()}`, text: what })), el("td", { text: actor(e.target) }), el("td", { text: (corpus ? e.outlet : e.via) || "" }))
    );
  });
  table.appendChild(tbody);
  body.appendChild(el("div", { class: "scroll" }, table));
}

function renderClaims(claims) {
  const body = clear($("#p-claims .body"));
  if (!claims.length) return body.appendChild(el("p", { class: "empty", text: "No numeric claims." }));
  const tbody = el("tbody");
  claims.forEach((c) =>
    tbody.appendChild(el("tr", {}, el("td", { text: c.text }), el("td", { text: [c.approx, c.value, c.unit].filter((x) => x !== null && x !== undefined).join(" ") }), el("td", { text: c.attributed_to ? c.attributed_to.name : "" }), el("td", { text: c.via || "" })))
  );
  body.appendChild(el("div", { class: "scroll" }, el("table", { class: "claims" }, el("thead", {}, el("tr", {}, ["Claim", "Value", "Claimed by", "Via"].map((h) => el("th", { scope: "col", text: h })))), tbody)));
}

function renderNames(doc, voices) {
  const body = clear($("#p-names .body"));
  const byEntity = new Map();
  (doc.framing.descriptors || []).forEach((d) => {
    const name = d.entity.name;
    if (!byEntity.has(name)) byEntity.set(name, []);
    byEntity.get(name).push(d);
  });
  if (!byEntity.size) return body.appendChild(el("p", { class: "empty", text: "No descriptions." }));
  for (const [name, rows] of byEntity) {
    const tbody = el("tbody");
    rows.forEach((d) => tbody.appendChild(el("tr", {}, el("th", { scope: "row", text: d.via || voiceName(voices, d.voice) }), el("td", { text: d.phrases.join(" · ") }))));
    body.appendChild(el("table", { class: "descriptors", "data-entity": name }, el("caption", { text: name }), tbody));
  }
}

// ---- corpus view -----------------------------------------------------------------------------------
async function loadCorpus() {
  try {
    const { body } = await api("/api/status");
    status(body.store ? `${body.counts.articles} articles in ${body.store}` : "No store open: analyses are not kept (start with --db FILE).");
    if (!body.store) return;
  } catch (e) {
    return status(e.message, true);
  }
  searchArticles();
  loadQuotes();
  loadStatements();
  loadEvents();
  loadStories();
  loadCopies();
  loadWidelyReported();
}

async function searchArticles() {
  const body = clear($("#search-results"));
  try {
    const { body: page } = await api("/api/articles" + qs({ ...state.search, limit: state.limit, offset: state.offset }));
    if (!page.items.length) body.appendChild(el("p", { class: "empty", text: "No articles." }));
    const list = el("ul", { class: "results" });
    page.items.forEach((a) =>
      list.appendChild(el("li", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id), text: a.title || "(untitled)" }), el("div", { class: "meta", text: [a.published, a.outlet, `${a.quotes} quotes`, `${a.events} events`].filter(Boolean).join(" · ") })))
    );
    body.appendChild(list);
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = page.next_offset === null;
  } catch (e) {
    body.appendChild(el("p", { class: "error", text: e.message }));
  }
}

async function loadQuotes() {
  const body = clear($("#c-quotes .body"));
  try {
    const { body: page } = await api("/api/quotes" + qs({ speaker: $("#q-speaker").value, limit: 30 }));
    if (!page.items.length) body.appendChild(el("p", { class: "empty", text: "No quotes." }));
    const list = el("ul", { class: "results" });
    page.items.forEach((q) =>
      list.appendChild(el("li", {}, el("strong", { text: q.speaker || "unknown" }), ": ", el("q", { text: q.quote }), el("div", { class: "meta" }, [q.published, q.outlet, q.via ? "via " + q.via : null].filter(Boolean).join(" · ") + " · ", el("a", { href: "#/article/" + encodeURIComponent(q.article_id), text: "article" }))))
    );
    body.appendChild(list);
  } catch (e) {
    body.appendChild(el("p", { class: "error", text: e.message }));
  }
}

function articleLink(id, title) {
  return el("a", { href: "#/article/" + encodeURIComponent(id), text: title || "(untitled)" });
}

function badge(text, kind, title) {
  return el("span", { class: `badge badge-${kind}`, text, title: title || null });
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// a message of a panel: the store may not be linked yet (503 from the link routes)
function panelError(body, e) {
  body.appendChild(el("p", { class: e.status === 503 ? "note" : "error", text: e.message }));
}

async function loadStatements() {
  const body = clear($("#c-statements .body"));
  clear($("#c-statements .appearances"));
  const minArticles = Math.max(1, parseInt($("#st-min").value, 10) || 1);
  try {
    const { body: page } = await api("/api/statements" + qs({ speaker: $("#st-speaker").value, min_articles: minArticles, limit: 30 }));
    if (!page.items.length) body.appendChild(el("p", { class: "empty", text: minArticles > 1 ? `No statement is quoted by ${minArticles} or more articles.` : "No statements." }));
    const list = el("ul", { class: "results statements" });
    page.items.forEach((s) => {
      const open = el("button", { type: "button", class: "link", "data-statement": s.id }, el("strong", { text: s.speaker || "unknown" }), ": ", s.text);
      open.addEventListener("click", () => {
        list.querySelectorAll("li.selected").forEach((li) => li.classList.remove("selected"));
        open.parentNode.classList.add("selected");
        showAppearances(s.id);
      });
      const f = s.first_appearance || {};
      const counts = el("span", { class: "counts", text: `${plural(s.n_articles, "article")} · ${plural(s.n_outlets, "outlet")}` });
      const meta = el("div", { class: "meta" }, counts, s.reworded ? [" ", badge("reworded", "reworded", "Quoted with different words in different outlets")] : null, " · first: " + [f.published, f.outlet].filter(Boolean).join(", "));
      list.appendChild(el("li", { "data-articles": String(s.n_articles), class: s.reworded ? "reworded" : null }, open, meta));
    });
    body.appendChild(list);
  } catch (e) {
    panelError(body, e);
  }
}

async function showAppearances(id) {
  const box = clear($("#c-statements .appearances"));
  try {
    const { body: s } = await api("/api/statements/" + encodeURIComponent(id));
    box.appendChild(el("h4", { text: `Where ${s.speaker || "an unknown speaker"}'s statement appeared, in time order` }));
    box.appendChild(el("p", { class: "meta", text: [plural(s.appearances.length, "quote"), plural(s.n_articles || 1, "article"), plural(s.n_outlets || 1, "outlet"), s.reworded ? "reworded between outlets" : null].filter(Boolean).join(" · ") }));
    const list = el("ol", { class: "appearance-list" });
    s.appearances.forEach((a, i) => {
      const head = el("div", { class: "meta" }, i === 0 ? [badge("First appearance", "first"), " "] : null, [a.published || "undated", a.outlet || "unknown outlet"].join(" · ") + " · ", articleLink(a.article_id, a.title), ` · ${a.kind}` + (a.via ? ` · via ${a.via}` : ""));
      list.appendChild(el("li", { class: i === 0 ? "appearance first-appearance" : "appearance" }, head, el("q", { class: "wording", text: a.text })));
    });
    box.appendChild(list);
    box.focus();
  } catch (e) {
    panelError(box, e);
  }
}

async function traceWording() {
  const body = clear($("#c-first .body"));
  const words = $("#fw-q").value.trim();
  if (!words) return body.appendChild(el("p", { class: "error", text: "Give some words of the wording." }));
  try {
    const { body: page } = await api("/api/first" + qs({ q: words, limit: 50 }));
    if (!page.items.length) return body.appendChild(el("p", { class: "empty", text: "No quote holds all these words." }));
    const list = el("ol", { class: "appearance-list" });
    page.items.forEach((q, i) => {
      const marks = [];
      if (i === 0) marks.push(badge("First appearance", "first"), " ");
      if (q.copy_of) marks.push(badge("wire copy", "copy", "This article is largely a copy of an earlier one"), " ");
      const head = el("div", { class: "meta" }, marks, [q.published || "undated", q.outlet || "unknown outlet"].join(" · ") + " · ", articleLink(q.article_id, q.title), ` · ${q.kind}`);
      const said = el("div", {}, el("strong", { text: q.speaker || "unknown" }), ": ", el("q", { class: "wording", text: q.text }));
      const li = el("li", { class: i === 0 ? "appearance first-appearance" : "appearance" }, head, said);
      if (q.statement_id) {
        const open = el("button", { type: "button", class: "link small", text: "all appearances of this statement" });
        open.addEventListener("click", () => {
          showAppearances(q.statement_id);
          $("#c-statements").scrollIntoView({ block: "start" });
        });
        li.appendChild(open);
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  } catch (e) {
    panelError(body, e);
  }
}

async function loadCopies() {
  const body = clear($("#c-copies .body"));
  try {
    const { body: page } = await api("/api/copies" + qs({ limit: 100 }));
    if (!page.items.length) return body.appendChild(el("p", { class: "empty", text: "No wire copies: no article is largely made of an earlier one's text." }));
    const list = el("ul", { class: "results copies" });
    page.items.forEach((c) => {
      const share = `${Math.round(c.share * 100)}%`;
      list.appendChild(
        el(
          "li",
          { class: "copy", "data-article": c.article_id },
          el("div", {}, el("span", { class: "share", text: share, title: "Share of this article's text found in the original" }), " copied · ", el("span", { class: "meta-inline", text: [c.published, c.outlet].filter(Boolean).join(" · ") + " · " }), articleLink(c.article_id, c.title)),
          el("div", { class: "meta" }, "original: " + [c.original_published, c.original_outlet].filter(Boolean).join(" · ") + " · ", articleLink(c.original_id, c.original_title))
        )
      );
    });
    body.appendChild(list);
  } catch (e) {
    panelError(body, e);
  }
}

async function loadStories() {
  const body = clear($("#c-stories .body"));
  try {
    const { body: page } = await api("/api/stories" + qs({ limit: 500 }));
    if (!page.items.length) {
      body.appendChild(el("p", { class: "empty", text: "No stories yet: a story is two or more articles about the same happening." }));
      return;
    }
    const groups = new Map(); // in the API's order: largest story first
    page.items.forEach((row) => {
      if (!groups.has(row.story_id)) groups.set(row.story_id, []);
      groups.get(row.story_id).push(row);
    });
    const titles = new Map(page.items.map((r) => [r.article_id, r.title]));
    for (const [id, rows] of groups) {
      const dates = rows.map((r) => r.published).filter(Boolean).sort();
      const span = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`) : "undated";
      const outlets = new Set(rows.map((r) => r.outlet).filter(Boolean));
      const list = el("ol", { class: "story-articles" });
      rows.forEach((r) => {
        const copy = r.copy_of ? badge("wire copy", "copy", "A copy of " + (titles.get(r.copy_of) || "an earlier article")) : null;
        list.appendChild(el("li", { class: r.copy_of ? "copy" : null, "data-article": r.article_id }, el("span", { class: "meta-inline", text: [r.published || "undated", r.outlet || "unknown outlet"].join(" · ") + " · " }), articleLink(r.article_id, r.title), copy ? [" ", copy] : null));
      });
      body.appendChild(el("div", { class: "story", "data-story": id }, el("h4", { text: `${plural(rows[0].size, "article")} · ${plural(outlets.size, "outlet")} · ${span}` }), list));
    }
    if (page.next_offset !== null) body.appendChild(el("p", { class: "note", text: "More stories than shown here." }));
  } catch (e) {
    panelError(body, e);
  }
}

async function loadWidelyReported() {
  const body = clear($("#c-widely .body"));
  try {
    const { body: page } = await api("/api/corpus-events" + qs({ min_sources: 2, limit: 50 }));
    if (!page.items.length) return body.appendChild(el("p", { class: "empty", text: "No event is reported by two or more outlets." }));
    const tbody = el("tbody");
    page.items.forEach((e) =>
      tbody.appendChild(el("tr", {}, el("td", { text: e.date || "" }), el("td", { text: e.source || "—" }), el("td", {}, el("span", { class: `etype t-${String(e.type).toLowerCase()}`, text: e.type })), el("td", { text: e.target || "—" }), el("td", { text: String(e.num_sources) }), el("td", { text: String(e.num_articles) })))
    );
    const head = el("thead", {}, el("tr", {}, ["Date", "Who", "Did what", "To whom", "Outlets", "Articles"].map((h) => el("th", { scope: "col", text: h }))));
    body.appendChild(el("div", { class: "scroll" }, el("table", { class: "events" }, head, tbody)));
  } catch (e) {
    panelError(body, e);
  }
}

async function loadEvents() {
  const body = $("#c-timeline .body");
  const params = { source: $("#ev-source").value, target: $("#ev-target").value, type: $("#ev-type").value, limit: 200 };
  try {
    const { body: page } = await api("/api/events" + qs(params));
    renderTimeline(body, page.items);
    renderGraph($("#c-graph .body"), page.items);
  } catch (e) {
    clear(body).appendChild(el("p", { class: "error", text: e.message }));
  }
}

function renderTimeline(body, events) {
  clear(body);
  const dated = events.filter((e) => e.date);
  if (dated.length) {
    const times = dated.map((e) => Date.parse(e.date));
    const lo = Math.min(...times);
    const hi = Math.max(...times);
    const W = 1200;
    const pic = svg("svg", { viewBox: `0 0 ${W} 60`, class: "timeline", role: "img", "aria-label": `${dated.length} dated events from ${dated[0].date} to ${dated[dated.length - 1].date}` });
    pic.appendChild(svg("line", { x1: 10, y1: 30, x2: W - 10, y2: 30, stroke: "#888" }));
    const perDay = new Map();
    dated.forEach((e) => {
      const x = hi === lo ? W / 2 : 10 + ((Date.parse(e.date) - lo) / (hi - lo)) * (W - 20);
      const n = perDay.get(e.date) || 0;
      perDay.set(e.date, n + 1);
      pic.appendChild(svg("circle", { cx: x.toFixed(1), cy: 30 - Math.min(n, 6) * 4, r: 3.5, class: `dot t-${String(e.type).toLowerCase()}` }, svg("title", {}, `${e.date}: ${e.source || "?"} ${e.type} ${e.target || "?"}`)));
    });
    pic.appendChild(svg("text", { x: 10, y: 52, class: "axis" }, dated[0].date));
    pic.appendChild(svg("text", { x: W - 10, y: 52, class: "axis", "text-anchor": "end" }, dated[dated.length - 1].date));
    body.appendChild(pic);
  }
  renderEvents(body.appendChild(el("div")), events, true);
}

function renderGraph(body, events) {
  clear(body);
  const edges = new Map();
  const weight = new Map();
  events.forEach((e) => {
    if (!e.source || !e.target || e.source === e.target) return;
    const key = `${e.source}\u0000${e.target}\u0000${e.type}`;
    edges.set(key, (edges.get(key) || 0) + 1);
    weight.set(e.source, (weight.get(e.source) || 0) + 1);
    weight.set(e.target, (weight.get(e.target) || 0) + 1);
  });
  if (!edges.size) return body.appendChild(el("p", { class: "empty", text: "No events with both a source and a target." }));
  const actors = [...weight].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([name]) => name);
  const W = 900;
  const H = 520;
  const R = 200;
  const pos = new Map(actors.map((name, i) => [name, { x: W / 2 + R * Math.cos((2 * Math.PI * i) / actors.length - Math.PI / 2), y: H / 2 + R * Math.sin((2 * Math.PI * i) / actors.length - Math.PI / 2) }]));
  const pic = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "graph-svg", role: "img", "aria-label": `Actor graph: ${actors.length} actors` });
  const defs = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow" })));
  pic.appendChild(defs);
  const pairs = new Map();
  for (const [key, count] of edges) {
    const [s, t, type] = key.split("\u0000");
    if (!pos.has(s) || !pos.has(t)) continue;
    const pair = `${s}\u0000${t}`;
    const n = pairs.get(pair) || 0;
    pairs.set(pair, n + 1);
    const a = pos.get(s);
    const b = pos.get(t);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const off = 6 + n * 10; // parallel edges and the two directions stay apart
    const x1 = a.x + ux * 18 - uy * off;
    const y1 = a.y + uy * 18 + ux * off;
    const x2 = b.x - ux * 18 - uy * off;
    const y2 = b.y - uy * 18 + ux * off;
    const g = svg("g", { class: `edge t-${type.toLowerCase()}` }, svg("title", {}, `${s} ${type} ${t} (${count})`));
    g.appendChild(svg("line", { x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1), "stroke-width": Math.min(1 + count, 5), "marker-end": "url(#arrow)" }));
    g.appendChild(svg("text", { x: ((x1 + x2) / 2).toFixed(1), y: ((y1 + y2) / 2 - 2).toFixed(1), class: "edge-label", "text-anchor": "middle" }, type + (count > 1 ? ` ×${count}` : "")));
    pic.appendChild(g);
  }
  actors.forEach((name) => {
    const p = pos.get(name);
    pic.appendChild(svg("g", { class: "node", tabindex: 0, "aria-label": `${name}: ${weight.get(name)} events` }, svg("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 8 + Math.min(weight.get(name), 10) }), svg("text", { x: p.x.toFixed(1), y: (p.y + (p.y > H / 2 ? 32 : -22)).toFixed(1), "text-anchor": "middle" }, name)));
  });
  body.appendChild(pic);
}

// ---- analyse box -----------------------------------------------------------------------------------
async function analyse(event) {
  event.preventDefault();
  const url = $("#an-url").value.trim();
  const text = $("#an-text").value;
  const published = $("#an-date").value;
  const key = $("#an-key").value;
  const error = $("#an-error");
  error.textContent = "";
  if (!url && !text.trim()) {
    error.textContent = "Give a URL or paste the article's text.";
    return;
  }
  const payload = url ? { url } : { text };
  if (published) payload.published = published;
  const headers = { "Content-Type": "application/json" };
  if (key) {
    headers["X-API-Key"] = key;
    sessionStorage.setItem("newstrace-key", key);
  }
  const button = $("#an-go");
  button.disabled = true;
  status("Analysing… (the first analysis loads the language model)");
  try {
    const { body, headers: h } = await api("/api/analyze", { method: "POST", headers, body: JSON.stringify(payload) });
    state.lastDoc = body;
    status(h.get("X-Newstrace-Stored") === "true" ? "Analysed and stored." : "Analysed.");
    const target = "#/article/" + encodeURIComponent(body.article.id); // shown from memory when not stored
    if (location.hash === target) renderArticle(body);
    else location.hash = target;
    $("#article").focus();
  } catch (e) {
    error.textContent = e.message;
    status("");
  } finally {
    button.disabled = false;
  }
}

function init() {
  $("#analyse-form").addEventListener("submit", analyse);
  const saved = sessionStorage.getItem("newstrace-key");
  if (saved) $("#an-key").value = saved;
  $("#search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.offset = 0;
    state.search = { q: $("#s-q").value, outlet: $("#s-outlet").value, from: $("#s-from").value, to: $("#s-to").value };
    searchArticles();
  });
  $("#prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - state.limit);
    searchArticles();
  });
  $("#next").addEventListener("click", () => {
    state.offset += state.limit;
    searchArticles();
  });
  $("#quotes-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadQuotes();
  });
  $("#statements-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadStatements();
  });
  $("#first-form").addEventListener("submit", (e) => {
    e.preventDefault();
    traceWording();
  });
  $("#events-form").addEventListener("submit", (e) => {
    e.preventDefault();
    loadEvents();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTip();
  });
  window.addEventListener("hashchange", route);
  route();
}

document.addEventListener("DOMContentLoaded", init);
