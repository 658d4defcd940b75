// marsad dashboard: map, timeline, filters, events table and event page.
// Everything comes from the same origin (/api/*, /basemap/*); nothing is fetched from elsewhere.
// Scraped text is never parsed as HTML: every piece of data becomes a text node
// (textContent / createTextNode), and links are made only from http(s) URLs.
"use strict";

(function () {
  const PAGE_SIZE = 50;
  const MAP_LIMIT = 1000;
  const MAP_FIELDS = ["event_date", "event_type", "location", "admin1", "country", "latitude", "longitude",
    "n_sources", "status"];
  const STATUSES = ["reported", "claimed", "disputed", "denied"];
  const TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const OTHER_COLOR = "#34495e";
  const FILTER_NAMES = ["date_from", "date_to", "event_type", "sub_event_type", "country", "admin1",
    "actor", "status", "min_sources", "q"];

  // ---- DOM helpers (text only) ---------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return append(node, children);
  }

  function safeUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(url, text) {
    const href = safeUrl(url);
    return href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, text) : el("span", {}, text);
  }

  function statusBadge(status) {
    const known = STATUSES.includes(status) ? status : "unknown";
    return el("span", { class: `badge status-${known}`, title: "status" }, status || "unknown");
  }

  function typeColor(type) {
    return TYPE_COLORS[type] || OTHER_COLOR;
  }

  // ---- API ----------------------------------------------------------------------------

  async function api(path, params) {
    const query = params ? `?${params.toString()}` : "";
    const response = await fetch(`${path}${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const detail = body && body.detail;
      const message = Array.isArray(detail) ? detail.map((d) => d.msg).join("; ") : detail || response.statusText;
      throw new Error(String(message));
    }
    return body;
  }

  // ---- state ----------------------------------------------------------------------------

  function createState() {
    return { sort: "-event_date", offset: 0, facets: null, byDay: [], fitted: false, requestId: 0 };
  }

  function filterParams(form) {
    const params = new URLSearchParams();
    const data = new FormData(form);
    for (const name of FILTER_NAMES) {
      const value = (data.get(name) || "").toString().trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  // ---- facets (filter options) ----------------------------------------------------------

  function fillSelect(select, values, allLabel) {
    const current = select.value;
    clear(select);
    select.appendChild(el("option", { value: "" }, allLabel));
    for (const { value, label } of values) select.appendChild(el("option", { value }, label));
    select.value = values.some((v) => v.value === current) ? current : "";
  }

  function updateDependentSelects(form, facets) {
    const type = form.elements.event_type.value;
    const country = form.elements.country.value;
    const subs = facets.by_sub_event_type.filter((r) => !type || r.event_type === type);
    fillSelect(form.elements.sub_event_type,
      uniqueSorted(subs.map((r) => r.sub_event_type)).map((v) => ({ value: v, label: v })), "All sub-types");
    const admins = facets.by_admin1.filter((r) => r.admin1 && (!country || r.country === country));
    fillSelect(form.elements.admin1,
      uniqueSorted(admins.map((r) => r.admin1)).map((v) => ({ value: v, label: v })), "All admin-1");
  }

  function uniqueSorted(values) {
    return [...new Set(values.filter((v) => v !== null && v !== undefined && v !== ""))].sort();
  }

  async function loadFacets(form, state) {
    const [stats, actors] = await Promise.all([api("/api/stats"), api("/api/actors", new URLSearchParams({ limit: "1000" }))]);
    state.facets = stats;
    fillSelect(form.elements.event_type,
      uniqueSorted(stats.by_event_type.map((r) => r.event_type)).map((v) => ({ value: v, label: v })), "All types");
    fillSelect(form.elements.country,
      uniqueSorted(stats.by_country.map((r) => r.country)).map((v) => ({ value: v, label: v })), "All countries");
    updateDependentSelects(form, stats);
    const list = clear(document.getElementById("actor-list"));
    for (const actor of actors.actors) list.appendChild(el("option", { value: actor.actor }));
  }

  // ---- map ------------------------------------------------------------------------------

  function createMap() {
    const map = L.map("map", { zoomControl: true, attributionControl: false, minZoom: 2, maxZoom: 12 })
      .setView([34.5, 41.5], 5);
    L.control.attribution({ prefix: "Leaflet" }).addAttribution("Boundaries: Natural Earth").addTo(map);
    map.createPane("basemap").style.zIndex = 250;
    map.createPane("admin1").style.zIndex = 260;
    const markers = L.layerGroup().addTo(map);
    return { map, markers };
  }

  async function loadBasemap(view) {
    const [countries, admin1] = await Promise.all([
      fetch("basemap/countries.geojson").then((r) => r.json()),
      fetch("basemap/admin1.geojson").then((r) => r.json()),
    ]);
    L.geoJSON(countries, {
      pane: "basemap", interactive: false,
      style: { color: "#8c8c8c", weight: 0.8, fillColor: "#f3f0e8", fillOpacity: 1 },
    }).addTo(view.map);
    L.geoJSON(admin1, {
      pane: "admin1", interactive: false,
      style: { color: "#a9a29a", weight: 0.6, dashArray: "3 3", fill: false },
    }).addTo(view.map);
  }

  function markerTooltip(event) {
    return el("div", { class: "tip" },
      el("strong", {}, event.event_type), el("br"),
      `${event.event_date} · ${event.location || event.admin1 || event.country || "unknown place"}`, el("br"),
      `${event.n_sources} source${event.n_sources === 1 ? "" : "s"} · `, event.status);
  }

  function renderMap(view, state, page, openEvent) {
    view.markers.clearLayers();
    const points = [];
    for (const event of page.events) {
      if (event.latitude === null || event.longitude === null) continue;
      const color = typeColor(event.event_type);
      const marker = L.circleMarker([event.latitude, event.longitude], {
        radius: Math.min(4 + 2.5 * Math.sqrt(Math.max(event.n_sources, 1)), 14),
        color: "#222", weight: 0.8, fillColor: color, fillOpacity: 0.8, className: "event-marker",
      });
      marker.bindTooltip(markerTooltip(event), { direction: "top" });
      marker.on("click", () => openEvent(event.event_id));
      marker.addTo(view.markers);
      const path = marker.getElement && marker.getElement();
      if (path) path.setAttribute("data-event-id", event.event_id);
      points.push([event.latitude, event.longitude]);
    }
    if (!state.fitted && points.length) {
      // The first fit is not the user's move: no animation, so the markers are where they stay
      // by the time the page says it is ready.
      view.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 7, animate: false });
      state.fitted = true;
    }
    const note = document.getElementById("map-note");
    note.textContent = page.total > page.events.length
      ? `The map shows the ${page.events.length.toLocaleString()} best-sourced of ${page.total.toLocaleString()} matching events.`
      : `${points.length.toLocaleString()} events on the map.`;
  }

  function renderLegend() {
    const legend = clear(document.getElementById("legend"));
    for (const [type, color] of Object.entries(TYPE_COLORS)) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = color;
      legend.appendChild(el("span", { class: "legend-item" }, swatch, type));
    }
    legend.appendChild(el("span", { class: "legend-item legend-size" }, "dot size: number of sources"));
  }

  // ---- timeline -------------------------------------------------------------------------

  function daysBetween(first, last) {
    const days = [];
    const day = new Date(`${first}T00:00:00Z`);
    const end = new Date(`${last}T00:00:00Z`);
    if (isNaN(day) || isNaN(end)) return days;
    while (day <= end && days.length < 20000) {
      days.push(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    return days;
  }

  function renderTimeline(byDay, onPick) {
    const chart = document.getElementById("timeline");
    clear(chart);
    const width = Math.max(chart.clientWidth || 600, 200);
    const height = 150;
    const margin = { top: 10, right: 10, bottom: 24, left: 36 };
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const counts = new Map(byDay.filter((r) => r.event_date).map((r) => [r.event_date, r.n]));
    if (!counts.size) {
      chart.appendChild(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No events"));
      return;
    }
    const dates = [...counts.keys()].sort();
    const days = daysBetween(dates[0], dates[dates.length - 1]);
    const max = Math.max(...counts.values());
    const innerW = width - margin.left - margin.right;
    const innerH = height - margin.top - margin.bottom;
    const step = innerW / days.length;
    const barW = Math.max(step - 1, 1);
    const axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom }));
    axis.appendChild(svg("text", { x: margin.left - 4, y: margin.top + 8, "text-anchor": "end" }, String(max)));
    axis.appendChild(svg("text", { x: margin.left - 4, y: height - margin.bottom, "text-anchor": "end" }, "0"));
    const labelEvery = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor(innerW / 80))));
    days.forEach((day, i) => {
      if (i % labelEvery === 0 || i === days.length - 1) {
        axis.appendChild(svg("text", { x: margin.left + i * step + step / 2, y: height - 6, "text-anchor": "middle" }, day));
      }
    });
    chart.appendChild(axis);
    const bars = svg("g", { class: "bars" });
    days.forEach((day, i) => {
      const n = counts.get(day) || 0;
      if (!n) return;
      const h = Math.max((n / max) * innerH, 1);
      const bar = svg("rect", {
        class: "bar", x: margin.left + i * step + (step - barW) / 2, y: margin.top + innerH - h,
        width: barW, height: h, "data-date": day, "data-count": n, tabindex: 0, role: "button",
      }, svg("title", {}, `${day}: ${n} event${n === 1 ? "" : "s"}`));
      bar.addEventListener("click", () => onPick(day));
      bar.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(day); });
      bars.appendChild(bar);
    });
    chart.appendChild(bars);
  }

  // ---- table ------------------------------------------------------------------------------

  function actorsText(event) {
    return [event.actor1, event.actor2].filter(Boolean).join(" vs ");
  }

  function placeText(event) {
    return [event.location, event.admin1, event.country].filter(Boolean).join(", ");
  }

  function renderTable(state, page, openEvent) {
    const body = clear(document.querySelector("#events-table tbody"));
    for (const event of page.events) {
      const swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = typeColor(event.event_type);
      const row = el("tr", { tabindex: 0, dataset: { eventId: event.event_id } },
        el("td", { class: "date" }, event.event_date),
        el("td", {}, swatch, event.event_type),
        el("td", {}, event.sub_event_type),
        el("td", { dir: "auto" }, actorsText(event)),
        el("td", { dir: "auto" }, placeText(event)),
        el("td", { class: "num" }, event.fatalities === null ? "" : event.fatalities),
        el("td", { class: "num" }, event.n_sources),
        el("td", {}, statusBadge(event.status)));
      row.addEventListener("click", () => openEvent(event.event_id));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(event.event_id); });
      body.appendChild(row);
    }
    if (!page.events.length) body.appendChild(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No events match the filters.")));
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.events.length;
    document.getElementById("page-info").textContent =
      `${first.toLocaleString()}–${last.toLocaleString()} of ${page.total.toLocaleString()}`;
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      const key = th.dataset.sort;
      th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none");
    }
  }

  function renderTotals(stats) {
    const t = stats.totals;
    const span = t.first_date ? ` · ${t.first_date} – ${t.last_date}` : "";
    document.getElementById("totals").textContent = `${t.events.toLocaleString()} events${span}`;
  }

  // ---- event page ---------------------------------------------------------------------------

  // Offsets from the API count Unicode code points; JavaScript strings count UTF-16 units.
  function codePoints(text) {
    return Array.from(text || "");
  }

  function paragraphRanges(chars) {
    const ranges = [];
    let start = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i === chars.length || chars[i] === "\n") {
        if (chars.slice(start, i).join("").trim()) ranges.push([start, i]);
        start = i + 1;
      }
    }
    return ranges;
  }

  function highlighted(chars, start, end, spans) {
    const cuts = new Set([start, end]);
    for (const s of spans) {
      if (s.end > start && s.start < end) {
        cuts.add(Math.max(s.start, start));
        cuts.add(Math.min(s.end, end));
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i], points[i + 1]];
      if (a === b) continue;
      const text = chars.slice(a, b).join("");
      const active = spans.filter((s) => s.start < b && s.end > a);
      if (!active.length) {
        nodes.push(document.createTextNode(text));
        continue;
      }
      const classes = [...new Set(active.map((s) => `hl-${s.kind}`))].join(" ");
      const title = active.map((s) => s.label).filter(Boolean).join(" · ");
      nodes.push(el("mark", { class: classes, title }, text));
    }
    return nodes;
  }

  function articleSpans(detail, eventId) {
    const spans = [];
    const add = (list, kind, label) => {
      for (const s of list || []) if (s && s.end > s.start) spans.push({ start: s.start, end: s.end, kind, label: label(s) });
    };
    if (detail.spans.title) add([detail.spans.title], "title", () => "title");
    add(detail.spans.boilerplate, "boilerplate", () => "boilerplate");
    add(detail.spans.toponyms, "toponym", (s) => `place: ${s.name || s.text}`);
    add(detail.spans.actors, "actor", (s) => `actor: ${s.actor || s.text}`);
    add(detail.spans.claims.filter((c) => !eventId || c.event_id === eventId), "claim",
      (s) => `claim (${s.status}): ${s.claimant || "?"} ${s.verb}`);
    add(detail.spans.mentions.filter((m) => m.event_id === eventId), "evidence",
      (s) => `evidence (${s.status}): ${s.sub_event_type}`);
    add(detail.spans.mentions.filter((m) => m.event_id !== eventId), "mention",
      (s) => `other event: ${s.sub_event_type}`);
    return spans;
  }

  function renderArticleText(detail, eventId) {
    const chars = codePoints(detail.article.text);
    const spans = articleSpans(detail, eventId);
    const box = el("div", { class: "article-text", lang: detail.article.lang || "" });
    for (const [start, end] of paragraphRanges(chars)) {
      box.appendChild(el("p", { dir: "auto" }, highlighted(chars, start, end, spans)));
    }
    return box;
  }

  function definitionList(pairs) {
    const dl = el("dl", { class: "facts" });
    for (const [term, value] of pairs) {
      if (value === null || value === undefined || value === "") continue;
      dl.appendChild(el("dt", {}, term));
      dl.appendChild(el("dd", { dir: "auto" }, value));
    }
    return dl;
  }

  function renderEvent(detail, loadArticle) {
    const e = detail.event;
    const content = clear(document.getElementById("event-content"));
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = typeColor(e.event_type);
    content.appendChild(el("h2", { dir: "auto" }, swatch, `${e.sub_event_type}`, " ", statusBadge(e.status)));
    content.appendChild(el("p", { class: "subhead", dir: "auto" }, `${e.event_type} · ${e.event_date} · ${placeText(e)}`));
    content.appendChild(definitionList([
      ["Actor 1", e.actor1], ["Associated", e.assoc_actor_1], ["Actor 2", e.actor2], ["Associated", e.assoc_actor_2],
      ["Fatalities", e.fatalities === null ? null
        : (e.fatalities_min !== null && e.fatalities_max !== null && e.fatalities_min !== e.fatalities_max
          ? `${e.fatalities} (${e.fatalities_min}–${e.fatalities_max})` : String(e.fatalities))],
      ["Sources", String(e.n_sources)], ["Mentions", String(e.n_mentions)],
      ["Coordinates", e.latitude === null ? null : `${e.latitude}, ${e.longitude} (precision ${e.geo_precision})`],
      ["Notes", e.notes], ["Event id", e.event_id],
    ]));

    content.appendChild(el("h3", {}, `Sources (${detail.sources.length})`));
    const sources = el("ul", { class: "sources" });
    for (const source of detail.sources) {
      const articles = source.articles.map((a) => el("li", {},
        el("bdi", {}, link(a.url, a.title || a.url || a.article_id)), a.published ? ` · ${a.published}` : ""));
      sources.appendChild(el("li", { class: "source" },
        el("strong", { dir: "auto" }, source.outlet), ` — ${source.n_mentions} mention${source.n_mentions === 1 ? "" : "s"}`,
        el("ul", {}, articles)));
    }
    content.appendChild(sources);

    content.appendChild(el("h3", {}, `Claims (${detail.claims.length})`));
    const claims = el("ul", { class: "claims" });
    for (const c of detail.claims) {
      claims.appendChild(el("li", { dir: "auto" }, statusBadge(c.status), " ",
        el("strong", {}, c.claimant || "unattributed"), ` ${c.verb} `, el("q", {}, c.content),
        c.outlet ? ` (${c.outlet})` : ""));
    }
    if (!detail.claims.length) claims.appendChild(el("li", { class: "empty" }, "No claims recorded for this event."));
    content.appendChild(claims);

    content.appendChild(el("h3", {}, `Mentions and evidence (${detail.mentions.length})`));
    const legend = el("p", { class: "hl-legend" },
      el("mark", { class: "hl-evidence" }, "evidence"), " ", el("mark", { class: "hl-claim" }, "claim"), " ",
      el("mark", { class: "hl-toponym" }, "place"), " ", el("mark", { class: "hl-actor" }, "actor"), " ",
      el("mark", { class: "hl-mention" }, "other event"));
    content.appendChild(legend);
    const seen = new Set();
    for (const m of detail.mentions) {
      const block = el("article", { class: "mention", dataset: { articleId: m.article_id } },
        el("header", {},
          statusBadge(m.status), " ", el("bdi", {}, el("strong", {}, m.article_title || m.doc_id)),
          el("span", { class: "meta" }, " · ", el("bdi", {}, m.outlet || "unknown outlet"), m.published ? ` · ${m.published}` : ""),
          m.lead ? el("span", { class: "badge lead" }, "lead") : null),
        el("blockquote", { class: "evidence-quote", dir: "auto" }, m.evidence || ""));
      const body = el("div", { class: "article-slot" }, el("p", { class: "loading" }, "Loading the article…"));
      block.appendChild(body);
      content.appendChild(block);
      if (!seen.has(m.article_id) && m.article_id) {
        seen.add(m.article_id);
        loadArticle(m.article_id, body);
      } else {
        clear(body);
      }
    }
  }

  // ---- wiring --------------------------------------------------------------------------------

  async function main() {
    const form = document.getElementById("filters");
    const state = createState();
    const view = createMap();
    const errorBox = document.getElementById("filter-error");
    renderLegend();

    const showError = (error) => {
      errorBox.hidden = !error;
      errorBox.textContent = error ? String(error.message || error) : "";
    };

    const openEvent = (eventId) => { location.hash = `#event/${encodeURIComponent(eventId)}`; };

    async function refresh() {
      const requestId = ++state.requestId;
      const filters = filterParams(form);
      const pageParams = new URLSearchParams(filters);
      pageParams.set("limit", String(PAGE_SIZE));
      pageParams.set("offset", String(state.offset));
      pageParams.set("sort", state.sort);
      const mapParams = new URLSearchParams(filters);
      mapParams.set("limit", String(MAP_LIMIT));
      mapParams.set("sort", "-n_sources");
      for (const field of MAP_FIELDS) mapParams.append("fields", field);
      const statsParams = new URLSearchParams(filters);
      statsParams.set("include", "by_day");
      try {
        const [page, mapPage, stats] = await Promise.all([
          api("/api/events", pageParams), api("/api/events", mapParams), api("/api/stats", statsParams)]);
        if (requestId !== state.requestId) return;
        showError(null);
        state.byDay = stats.by_day;
        renderTable(state, page, openEvent);
        renderMap(view, state, mapPage, openEvent);
        renderTimeline(state.byDay, pickDay);
        renderTotals(stats);
        document.body.dataset.ready = "true";
      } catch (error) {
        if (requestId === state.requestId) showError(error);
      }
    }

    function pickDay(day) {
      form.elements.date_from.value = day;
      form.elements.date_to.value = day;
      state.offset = 0;
      refresh();
    }

    async function loadArticle(articleId, slot) {
      try {
        const detail = await api(`/api/articles/${encodeURIComponent(articleId)}`);
        const eventId = decodeURIComponent(location.hash.replace(/^#event\//, ""));
        clear(slot).appendChild(renderArticleText(detail, eventId));
        const first = slot.querySelector("mark.hl-evidence");
        if (first && slot.closest("article") === document.querySelector("#event-content article.mention")) {
          first.scrollIntoView({ block: "nearest" });
        }
      } catch (error) {
        clear(slot).appendChild(el("p", { class: "error" }, `Could not load the article: ${error.message}`));
      }
    }

    async function showEventFromHash() {
      const panel = document.getElementById("event-panel");
      const match = location.hash.match(/^#event\/(.+)$/);
      if (!match) {
        panel.hidden = true;
        document.body.classList.remove("panel-open");
        return;
      }
      panel.hidden = false;
      document.body.classList.add("panel-open");
      const content = clear(document.getElementById("event-content"));
      content.appendChild(el("p", { class: "loading" }, "Loading…"));
      try {
        renderEvent(await api(`/api/events/${encodeURIComponent(decodeURIComponent(match[1]))}`), loadArticle);
      } catch (error) {
        clear(content).appendChild(el("p", { class: "error" }, String(error.message)));
      }
    }

    form.addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(); });
    form.addEventListener("reset", () => setTimeout(() => {
      state.offset = 0;
      if (state.facets) updateDependentSelects(form, state.facets);
      refresh();
    }, 0));
    for (const name of ["event_type", "country"]) {
      form.elements[name].addEventListener("change", () => {
        if (state.facets) updateDependentSelects(form, state.facets);
      });
    }
    for (const name of ["event_type", "sub_event_type", "country", "admin1", "status", "date_from", "date_to"]) {
      form.elements[name].addEventListener("change", () => { state.offset = 0; refresh(); });
    }
    for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => {
        const key = th.dataset.sort;
        state.sort = state.sort === `-${key}` ? key : `-${key}`;
        state.offset = 0;
        refresh();
      });
    }
    document.getElementById("prev").addEventListener("click", () => {
      state.offset = Math.max(0, state.offset - PAGE_SIZE);
      refresh();
    });
    document.getElementById("next").addEventListener("click", () => {
      state.offset += PAGE_SIZE;
      refresh();
    });
    document.getElementById("close-panel").addEventListener("click", () => {
      history.pushState("", document.title, location.pathname + location.search);
      showEventFromHash();
    });
    window.addEventListener("hashchange", showEventFromHash);
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => renderTimeline(state.byDay, pickDay), 150);
    });

    loadBasemap(view).catch((error) => showError(`basemap: ${error.message}`));
    try {
      await loadFacets(form, state);
    } catch (error) {
      showError(error);
    }
    await refresh();
    showEventFromHash();
  }

  document.addEventListener("DOMContentLoaded", main);
})();
