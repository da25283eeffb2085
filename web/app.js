// app.js -- dyad's web view.  Plain JavaScript, no build step: the
// state lives in the URL's #fragment (source, target, both, period, from,
// to, event or alert), so a view can be shared by copying the address.  Every text
// from the store is put into the page with textContent, never as HTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const QUAD_NAMES = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

  // ---- state in the URL ----
  function readState() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    return {
      source: (p.get("source") || "").toUpperCase(),
      target: (p.get("target") || "").toUpperCase(),
      both: p.get("both") !== "0",
      period: ["day", "month", "year"].includes(p.get("period")) ? p.get("period") : "month",
      from: p.get("from") || "",
      to: p.get("to") || "",
      event: p.get("event") || "",
      alert: p.get("alert") || "",
    };
  }

  function writeState(st) {
    const p = new URLSearchParams();
    for (const k of ["source", "target", "period", "from", "to", "event", "alert"]) if (st[k]) p.set(k, st[k]);
    p.set("both", st.both ? "1" : "0");
    const h = "#" + p.toString();
    if (location.hash !== h) location.hash = h;   // hashchange renders
    else render(st);
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function status(msg, isError) {
    $("status").textContent = msg;
    $("status").className = isError ? "error" : "";
  }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const k in params || {}) if (params[k] !== "" && params[k] !== undefined) q.set(k, params[k]);
    const url = path + (q.toString() ? "?" + q.toString() : "");
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok) throw new Error((body.error && body.error.message) || ("HTTP " + r.status));
    return body;
  }

  function filters(st) {
    const f = { period: st.period, from: st.from, to: st.to };
    if (st.source) f.source = st.source;
    if (st.target) f.target = st.target;
    if (st.both && st.source && st.target) f.both = "1";
    return f;
  }

  // ---- most active pairs ----
  function pairLink(s, t, label) {
    const a = el("a", { href: "#source=" + encodeURIComponent(s || "") + "&target=" + encodeURIComponent(t || "") + "&both=1" },
      (s || "-") + " \u2192 " + (t || "-"));
    const li = el("li");
    li.appendChild(a);
    li.appendChild(el("span", { class: "n" }, " " + label));
    return li;
  }

  async function loadPairs(st) {
    // a day against the day before says little (a dyad rarely has three
    // events on both): by day, the rise is month on month
    const d = await api("/api/dyads", { period: st.period === "day" ? "month" : st.period, top: 10, min_events: 3 });
    const vol = $("pairs-volume");
    vol.replaceChildren(...d.by_volume.map((p) => pairLink(p.source, p.target, p.events + " events")));
    const ch = d.by_conflict_change;
    $("pairs-change-title").textContent = ch.period
      ? "Rising conflict share, " + ch.previous + " \u2192 " + ch.period : "Rising conflict share";
    const rows = ch.dyads.filter((p) => p.change > 0);
    if (!rows.length) $("pairs-change").replaceChildren(el("li", { class: "empty" }, "no dyad with a rise"));
    else $("pairs-change").replaceChildren(...rows.map((p) => pairLink(p.source, p.target,
      "+" + Math.round(p.change * 100) + " pts (" + p.events + " events)")));
    if (!st.source && !st.target && d.by_volume.length) {
      // an empty view opens on the most active pair
      const top = d.by_volume[0];
      writeState(Object.assign(st, { source: top.source || "", target: top.target || "" }));
      return false;
    }
    return true;
  }

  // ---- timeline ----
  function drawTimeline(trend, alerts) {
    const box = $("timeline");
    box.replaceChildren();
    const W = 900, H = 260, L = 40, R = 40, T = 12, B = 26;
    const ps = trend.periods;
    if (!ps.length) {
      const t = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" });
      t.textContent = "no dated events for this dyad";
      box.appendChild(t);
      return;
    }
    const max = Math.max(1, ...ps.map((p) => p.events));
    const bw = (W - L - R) / ps.length;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const gy = (g) => T + (H - T - B) * (1 - (g + 10) / 20);
    box.appendChild(svg("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
    box.appendChild(svg("line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }));
    const lab = (x, yy, s, anchor) => {
      const t = svg("text", { x, y: yy, "text-anchor": anchor || "middle" });
      t.textContent = s;
      box.appendChild(t);
    };
    lab(L - 4, T + 8, String(max), "end");
    lab(L - 4, H - B, "0", "end");
    lab(W - R + 4, gy(10) + 8, "+10", "start");
    lab(W - R + 4, gy(-10), "\u221210", "start");
    const every = Math.max(1, Math.ceil(ps.length / 12));
    // an alert's days as the timeline's periods (day, month or year)
    const periodOf = (d) => trend.period === "year" ? d.slice(0, 4) : trend.period === "month" ? d.slice(0, 7) : d;
    const index = new Map(ps.map((p, i) => [p.period, i]));
    const pts = [];
    ps.forEach((p, i) => {
      const g = svg("g", { class: "period", "data-period": p.period });
      const x = L + i * bw;
      let acc = 0;
      for (let q = 1; q <= 4; q++) {
        const n = p.quads[q - 1];
        if (!n) continue;
        const r = svg("rect", { class: "bar q" + q, x: x + bw * 0.1, width: Math.max(1, bw * 0.8),
          y: y(acc + n), height: Math.max(0.5, y(acc) - y(acc + n)) });
        const tt = svg("title");
        tt.textContent = p.period + ": " + n + " " + QUAD_NAMES[q];
        r.appendChild(tt);
        g.appendChild(r);
        acc += n;
      }
      const hit = svg("rect", { x, width: bw, y: T, height: H - T - B, fill: "transparent" });
      const ht = svg("title");
      ht.textContent = p.period + ": " + p.events + " events" +
        (p.goldstein_mean !== null ? ", Goldstein mean " + p.goldstein_mean.toFixed(2) : "") +
        (p.conflict_share !== null ? ", conflict " + Math.round(p.conflict_share * 100) + "%" : "");
      hit.appendChild(ht);
      g.appendChild(hit);
      box.appendChild(g);
      if (i % every === 0) lab(x + bw / 2, H - 8, p.period);
      if (p.goldstein_mean !== null) pts.push([x + bw / 2, gy(p.goldstein_mean), p]);
    });
    if (pts.length > 1)
      box.appendChild(svg("path", { class: "gline", d: "M" + pts.map((q) => q[0].toFixed(1) + " " + q[1].toFixed(1)).join(" L") }));
    for (const [px, py, p] of pts) {
      const c = svg("circle", { class: "gpoint", cx: px, cy: py, r: 2.5, "data-period": p.period });
      box.appendChild(c);
    }
    // alerts on top: a band from the change's start to its alarm, a tick
    // at the start and a triangle at the alarm, each a way to the evidence
    alerts.forEach((a) => {
      const i0 = index.get(periodOf(a.start)), i1 = index.get(periodOf(a.alarm));
      if (i1 === undefined) return;
      const x0 = L + (i0 === undefined ? i1 : i0) * bw, x1 = L + (i1 + 1) * bw;
      const g = svg("g", { class: "alert" + (a.key === selectedAlert ? " selected" : ""), "data-alert": a.key,
        "data-start": a.start, "data-alarm": a.alarm });
      const tt = svg("title");
      tt.textContent = alertTitle(a) + " — click for the evidence";
      g.appendChild(tt);
      g.appendChild(svg("rect", { class: "alert-span", x: x0, width: Math.max(2, x1 - x0), y: T, height: H - T - B }));
      g.appendChild(svg("line", { class: "alert-start", x1: x0 + 1, x2: x0 + 1, y1: T, y2: H - B }));
      const ax = L + (i1 + 0.5) * bw;
      g.appendChild(svg("path", { class: "alert-mark", d: `M${ax} ${T + 10} l-6 -10 h12 z` }));
      g.addEventListener("click", () => pickAlert(a.key));
      box.appendChild(g);
    });
  }

  // ---- alerts ----
  let alertList = [];
  let selectedAlert = "";
  const pct = (v) => Math.round(v * 100) + "%";
  const kindName = (a) => (a.kind === "material" ? "material conflict" : "conflict");

  function alertTitle(a) {
    return a.a + "\u2013" + a.b + ": " + a.direction + " of " + kindName(a) + ", " + a.start +
      (a.start !== a.alarm ? " to " + a.alarm : "") + ", share " + pct(a.baseline_share) + " \u2192 " + pct(a.share);
  }

  function pickAlert(k) {
    writeState(Object.assign(readState(), { alert: k, event: "" }));
  }

  function drawAlerts(d, st) {
    const ul = $("alerts");
    alertList = d.alerts.map((a) => Object.assign(a, { key: [a.a, a.b, a.kind, a.direction, a.alarm].join("-") }));
    if (d.error) {
      ul.replaceChildren(el("li", { class: "empty error" }, "Alerts could not be computed: " + d.error));
      return;
    }
    // without a From date the server looks at the last 90 days of data
    // only (docs/api.md): say so, or an older alert seems not to exist
    const since = d.from_default ? " since " + d.from + " (the last 90 days of data; set From for earlier ones)" : "";
    if (!alertList.length) {
      const where = st.source && st.target ? "this dyad" : st.source ? st.source : "any dyad";
      ul.replaceChildren(el("li", { class: "empty" }, "No escalation or de-escalation alerts for " + where +
        (since || (st.from || st.to ? " in these dates" : "")) + "."));
      return;
    }
    ul.replaceChildren(...alertList.map((a) => {
      const li = el("li", { class: "alert " + a.direction + (a.key === st.alert ? " selected" : ""), "data-alert": a.key, tabindex: "0" });
      li.appendChild(el("span", { class: "when" }, a.alarm));
      li.appendChild(el("span", { class: "pair" }, a.a + "\u2013" + a.b));
      li.appendChild(el("span", { class: "what " + a.direction }, a.direction + " (" + kindName(a) + ")"));
      li.appendChild(el("span", { class: "how" }, "from " + a.start + ": " + pct(a.baseline_share) + " \u2192 " +
        pct(a.share) + " of " + a.events + " events, " + a.conflict + " against " + a.expected.toFixed(1) +
        " expected; confidence " + a.confidence.toFixed(2)));
      li.addEventListener("click", () => pickAlert(a.key));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") pickAlert(a.key); });
      return li;
    }));
    if (d.total > alertList.length)
      ul.appendChild(el("li", { class: "empty" }, (d.total - alertList.length) + " older alerts not shown: narrow the dates."));
    if (since) ul.appendChild(el("li", { class: "empty" }, "Alerts" + since + "."));
  }

  function alertParams(st) {
    const f = { from: st.from, to: st.to, limit: 20 };
    if (st.source && st.target) { f.source = st.source; f.target = st.target; }
    else if (st.source || st.target) f.actor = st.source || st.target;
    return f;
  }

  // ---- map ----
  let world = null;
  async function loadWorld() {
    if (world) return world;
    const topo = await (await fetch("/vendor/countries-110m.json")).json();
    world = topojson.feature(topo, topo.objects.countries).features;
    return world;
  }

  const px = (lon) => (lon + 180) * 2;
  const py = (lat) => (90 - lat) * 2;

  function ringPath(ring) {
    let d = "", prev = null;
    for (const [lon, lat] of ring) {
      // a jump across the antimeridian starts a new piece of the outline
      d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + px(lon).toFixed(1) + " " + py(lat).toFixed(1);
      prev = lon;
    }
    return d;
  }

  async function drawMap(events, selected) {
    const box = $("map");
    box.replaceChildren();
    try {
      const feats = await loadWorld();
      const land = svg("g");
      for (const f of feats) {
        const g = f.geometry;
        if (!g) continue;
        const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
        let d = "";
        for (const poly of polys) for (const ring of poly) d += ringPath(ring);
        const p = svg("path", { class: "land", d });
        const t = svg("title");
        t.textContent = (f.properties && f.properties.name) || "";
        p.appendChild(t);
        land.appendChild(p);
      }
      box.appendChild(land);
    } catch (e) {
      status("map outline: " + e.message, true);
    }
    const seen = new Map();
    for (const ev of events) {
      if (!ev.place || typeof ev.place.lat !== "number") continue;
      const key = ev.place.lat.toFixed(2) + "," + ev.place.lon.toFixed(2);
      const m = seen.get(key) || { place: ev.place, n: 0, conflict: 0, ids: [] };
      m.n++;
      if (ev.quad >= 3) m.conflict++;
      m.ids.push(ev.id);
      seen.set(key, m);
    }
    // the view closes in on the places, keeping the map's 2:1 shape and
    // at least a 60-degree span so that a single place has its context
    const ms = [...seen.values()];
    let vb = [0, 0, 720, 360];
    if (ms.length) {
      const xs = ms.map((m) => px(m.place.lon)), ys = ms.map((m) => py(m.place.lat));
      let w = Math.max(120, (Math.max(...xs) - Math.min(...xs)) * 1.3), h = Math.max(60, (Math.max(...ys) - Math.min(...ys)) * 1.3);
      if (w < 2 * h) w = 2 * h; else h = w / 2;
      w = Math.min(w, 720); h = Math.min(h, 360);
      const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
      vb = [Math.min(Math.max(cx - w / 2, 0), 720 - w), Math.min(Math.max(cy - h / 2, 0), 360 - h), w, h];
    }
    box.setAttribute("viewBox", vb.map((v) => v.toFixed(1)).join(" "));
    const k = vb[2] / 720;
    for (const m of ms) {
      const c = svg("circle", { class: "marker" + (m.conflict * 2 < m.n ? " coop" : "") + (m.ids.includes(selected) ? " selected" : ""),
        cx: px(m.place.lon), cy: py(m.place.lat), r: (Math.min(16, 5 + Math.sqrt(m.n) * 2) * k).toFixed(2) });
      const t = svg("title");
      t.textContent = m.place.name + " (" + (m.place.country || "") + "): " + m.n + " events";
      c.appendChild(t);
      box.appendChild(c);
    }
  }

  // ---- events and evidence ----
  let shown = [];
  let nextCursor = null;

  function eventRow(ev, st) {
    const tr = el("tr", { class: "event", "data-id": ev.id, tabindex: "0" });
    if (ev.id === st.event) tr.classList.add("selected");
    tr.appendChild(el("td", {}, ev.date || ""));
    tr.appendChild(el("td", {}, ev.source || ""));
    const code = el("td", { class: "code" });
    code.appendChild(el("span", { class: "q" + (ev.quad || 0), title: QUAD_NAMES[ev.quad || 0] || "" }, ev.code || ""));
    tr.appendChild(code);
    tr.appendChild(el("td", {}, ev.target || ""));
    tr.appendChild(el("td", {}, [ev.source_text, ev.verb_text, ev.target_text].filter(Boolean).join(" \u2026 ")));
    tr.appendChild(el("td", {}, ev.place ? ev.place.name : ""));
    const pick = () => writeState(Object.assign(readState(), { event: ev.id, alert: "" }));
    tr.addEventListener("click", pick);
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(); });
    return tr;
  }

  async function loadEvents(st, more) {
    const params = Object.assign(filters(st), { limit: 100 });
    delete params.period;
    if (more && nextCursor) params.cursor = nextCursor;
    const d = await api("/api/events", params);
    shown = more ? shown.concat(d.events) : d.events;
    nextCursor = d.next;
    $("events").tBodies[0].replaceChildren(...shown.map((ev) => eventRow(ev, st)));
    $("more").hidden = !nextCursor;
    await drawMap(shown, st.event);
  }

  // byte offsets of the store into a JavaScript string: through UTF-8
  function sliceBytes(bytes, s, e) {
    return new TextDecoder().decode(bytes.subarray(s, e));
  }

  // the event's sentence in its document with its words marked, or null
  // when the event was imported without its text.  An event whose words
  // span sentences (a target named in the one before) has no sentence
  // offsets; the sentence the store quoted for it (text) is then found in
  // the document, and the words inside it are marked.
  function sentenceNode(doc, de, text) {
    const bytes = new TextEncoder().encode(doc.text || "");
    let so = de.sentence_offsets;
    if (!so && text && doc.text) {
      const at = doc.text.indexOf(text);
      if (at >= 0) {
        const s0 = new TextEncoder().encode(doc.text.slice(0, at)).length;
        so = [s0, s0 + new TextEncoder().encode(text).length];
      }
    }
    if (!so) return null;
    const spans = [];
    for (const role of ["source", "target", "verb"]) {
      const o = de.offsets && de.offsets[role];
      if (o && o[0] >= so[0] && o[1] <= so[1]) spans.push([o[0], o[1], role]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const p = el("p", { class: "sentence" });
    let at = so[0];
    for (const [s, e, role] of spans) {
      if (s < at) continue;   // overlapping words: the first role keeps them
      p.appendChild(document.createTextNode(sliceBytes(bytes, at, s)));
      p.appendChild(el("mark", { class: role, title: role }, sliceBytes(bytes, s, e)));
      at = e;
    }
    p.appendChild(document.createTextNode(sliceBytes(bytes, at, so[1])));
    return p;
  }

  // one fetch per document, however many of its events are quoted
  async function documents(ids) {
    const docs = new Map();
    await Promise.all([...new Set(ids)].map(async (id) =>
      docs.set(id, await api("/api/documents/" + encodeURIComponent(id), { max_events: 2000 }))));
    return docs;
  }

  async function showAlertEvidence(st, box) {
    const a = alertList.find((x) => x.key === st.alert);
    if (!a) {
      box.replaceChildren(el("p", { class: "empty" }, "This alert is not among those listed (another dyad or dates)."));
      return;
    }
    const out = [el("p", { class: "alert-head " + a.direction }, alertTitle(a)),
      el("p", { class: "meta" }, a.evidence.length + " events that drove it (" +
        (a.direction === "escalation" ? "most hostile" : "most cooperative") + " first), " + a.start + " to " + a.alarm)];
    const docs = await documents(a.evidence.map((e) => e.doc));
    for (const e of a.evidence) {
      const doc = docs.get(e.doc);
      const de = doc.events.find((x) => x.id === e.id);
      const item = el("div", { class: "quote", "data-id": e.id });
      item.appendChild(el("p", { class: "meta" }, [e.date, e.source + " " + e.code + " " + e.target,
        "Goldstein " + e.goldstein, doc.title || doc.id, doc.outlet].filter(Boolean).join(" \u00b7 ")));
      const p = de ? sentenceNode(doc, de, e.sentence) : null;
      item.appendChild(p || el("p", { class: "sentence" }, e.sentence || "(no sentence kept)"));
      out.push(item);
    }
    if (!a.evidence.length) out.push(el("p", { class: "empty" }, "No evidence events were quoted."));
    out.push(el("p", { class: "keys" }, "highlighted: source, verb, target"));
    box.replaceChildren(...out);
  }

  async function showEvidence(st) {
    const box = $("evidence");
    if (st.alert) return showAlertEvidence(st, box);
    const ev = shown.find((x) => x.id === st.event);
    if (!ev) {
      box.replaceChildren(el("p", { class: "empty" }, "Click an event or an alert to see the sentences it was coded from."));
      return;
    }
    const doc = await api("/api/documents/" + encodeURIComponent(ev.doc), { max_events: 2000 });
    const de = doc.events.find((x) => x.id === ev.id) || ev;
    const meta = el("p", { class: "meta" }, [doc.title || doc.id, doc.date, doc.outlet].filter(Boolean).join(" \u00b7 "));
    const out = [meta];
    const p = sentenceNode(doc, de);
    if (!p) {
      out.push(el("p", { class: "empty" }, "This event was imported without its text."));
      box.replaceChildren(...out);
      return;
    }
    out.push(p);
    out.push(el("p", { class: "keys" }, (de.source || "-") + " " + (de.code || "") + " " + (de.target || "-") +
      (de.goldstein !== null && de.goldstein !== undefined ? "  \u00b7  Goldstein " + de.goldstein : "") +
      "  \u00b7  highlighted: source, verb, target"));
    box.replaceChildren(...out);
  }

  // ---- the whole view ----
  let generation = 0;
  async function render(st) {
    const gen = ++generation;
    $("source").value = st.source;
    $("target").value = st.target;
    $("both").checked = st.both;
    $("period").value = st.period;
    $("from").value = st.from;
    $("to").value = st.to;
    status("loading\u2026");
    try {
      if (!(await loadPairs(st)) || gen !== generation) return;
      $("timeline-title").textContent = "Timeline: " + (st.source || "any") + (st.both ? " \u2194 " : " \u2192 ") + (st.target || "any");
      // alerts scan the whole store: past the server's time limit they
      // fail alone, and the rest of the view is still drawn
      const [trend, alerts] = await Promise.all([api("/api/trend", filters(st)),
        api("/api/alerts", alertParams(st)).catch((e) => ({ error: e.message, alerts: [], total: 0 }))]);
      if (gen !== generation) return;
      selectedAlert = st.alert;
      drawAlerts(alerts, st);
      drawTimeline(trend, alertList);
      await loadEvents(st, false);
      if (gen !== generation) return;
      await showEvidence(st);
      const total = trend.periods.reduce((a, p) => a + p.events, 0);
      status(total + " events in " + trend.periods.length + " " + trend.period + (trend.periods.length === 1 ? "" : "s"));
      document.body.setAttribute("data-ready", String(gen));
    } catch (e) {
      status(e.message, true);
      document.body.setAttribute("data-ready", String(gen));
    }
  }

  // actor search: codes and names from /api/actors
  let searchTimer = 0;
  function suggest(input) {
    clearTimeout(searchTimer);
    const v = input.value.trim();
    if (!v) return;
    searchTimer = setTimeout(async () => {
      try {
        const d = await api("/api/actors", { q: v, limit: 15 });
        $("actor-list").replaceChildren(...d.actors.map((a) => el("option", { value: a.code }, (a.name || "") + " (" + a.events + ")")));
      } catch (e) { /* a failed suggestion is no error of the view */ }
    }, 200);
  }

  function init() {
    $("picker").addEventListener("submit", (e) => {
      e.preventDefault();
      writeState({ source: $("source").value.trim().toUpperCase(), target: $("target").value.trim().toUpperCase(),
        both: $("both").checked, period: $("period").value, from: $("from").value, to: $("to").value, event: "", alert: "" });
    });
    for (const id of ["source", "target"]) $(id).addEventListener("input", () => suggest($(id)));
    $("more").addEventListener("click", async () => {
      try { await loadEvents(readState(), true); } catch (e) { status(e.message, true); }
    });
    window.addEventListener("hashchange", () => {
      const st = readState();
      // choosing an event changes only the evidence and the map's marks
      if (shown.length && lastKey === key(st)) {
        for (const tr of $("events").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.id === st.event);
        for (const li of $("alerts").children) li.classList.toggle("selected", !!st.alert && li.dataset.alert === st.alert);
        for (const g of $("timeline").querySelectorAll("g.alert")) g.classList.toggle("selected", !!st.alert && g.dataset.alert === st.alert);
        selectedAlert = st.alert;
        Promise.all([showEvidence(st), drawMap(shown, st.event)])
          .then(() => document.body.setAttribute("data-evidence", st.alert || st.event))
          .catch((e) => status(e.message, true));
        return;
      }
      lastKey = key(st);
      render(st);
    });
    const st = readState();
    lastKey = key(st);
    render(st);
  }
  let lastKey = "";
  const key = (st) => [st.source, st.target, st.both, st.period, st.from, st.to].join("|");

  document.addEventListener("DOMContentLoaded", init);
})();
