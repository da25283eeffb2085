// tests/web/browser.js BASE_URL OUT_DIR -- the web view in Debian's
// headless Chromium, driven over the DevTools protocol (puppeteer-core,
// pinned in web/package-lock.json).  Checks what a person would look at:
// the timeline's bars and Goldstein points against the API's periods, the
// alert list, an event's evidence sentence with its words highlighted,
// the map's outline and markers, the URL carrying the state, and no
// script error or Content-Security-Policy violation.  Writes screenshots
// to OUT_DIR and ends with "N passed, N failed".
"use strict";
const path = require("path");
const { createRequire } = require("module");
const root = path.resolve(__dirname, "..", "..");
const puppeteer = createRequire(path.join(root, "web", "package.json"))("puppeteer-core");

const base = process.argv[2];
const out = process.argv[3] || path.join(root, "build", "web-test");
let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else { failed++; console.log("FAIL " + name + (detail !== undefined ? ": " + detail : "")); }
}

async function api(p) {
  const r = await fetch(base + p);
  return r.json();
}

async function ready(page, previous) {
  await page.waitForFunction((prev) => {
    const r = document.body.getAttribute("data-ready");
    return r !== null && r !== prev;
  }, { timeout: 15000 }, previous);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));

    const q = "source=RUS&target=UKR&both=1&period=month";
    await page.goto(base + "/#" + q, { waitUntil: "load" });
    await ready(page, null);

    // timeline: one group of bars per period, one Goldstein point per scored period
    const trend = await api("/api/trend?" + q);
    const groups = await page.$$eval("#timeline g.period", (g) => g.map((x) => x.getAttribute("data-period")));
    check("timeline has a group per API period", groups.length === trend.periods.length && trend.periods.length > 1,
      groups.length + " vs " + trend.periods.length);
    check("timeline periods in the API's order", JSON.stringify(groups) === JSON.stringify(trend.periods.map((p) => p.period)));
    const bars = await page.$$eval("#timeline rect.bar", (r) => r.length);
    const nonzero = trend.periods.reduce((a, p) => a + p.quads.filter((n) => n > 0).length, 0);
    check("stacked bars: one per nonzero quad count", bars === nonzero, bars + " vs " + nonzero);
    const points = await page.$$eval("#timeline circle.gpoint", (c) => c.length);
    const scored = trend.periods.filter((p) => p.goldstein_mean !== null).length;
    check("Goldstein line: one point per scored period", points === scored, points + " vs " + scored);
    check("Goldstein line drawn", (await page.$$("#timeline path.gline")).length === 1);

    // alerts: the list renders what the API says
    const alerts = await api("/api/alerts?source=RUS&target=UKR&limit=20");
    const items = await page.$$eval("#alerts li", (l) => l.map((x) => x.textContent));
    const alertItems = await page.$$eval("#alerts li.alert", (l) => l.length);
    check("alert list renders", items.length >= 1);
    check("alert list has the API's alerts", alertItems === alerts.alerts.length, alertItems + " vs " + alerts.alerts.length);
    if (!alerts.alerts.length)
      check("no alerts says so", items.length === 1 && /^No escalation/.test(items[0]), items[0]);
    check("no 'not available' text", !items.some((t) => /not available/.test(t)), items.join(" | "));
    const alertMarks = await page.$$eval("#timeline g.alert", (g) => g.length);
    check("a timeline mark per alert in the timeline's months", alertMarks === alerts.alerts.filter((a) =>
      trend.periods.some((p) => p.period === a.alarm.slice(0, 7))).length, alertMarks);

    // events table and map
    const evs = await api("/api/events?source=RUS&target=UKR&both=1&limit=100");
    const rows = await page.$$eval("#events tbody tr.event", (r) => r.length);
    check("event table has the API's page", rows === evs.events.length && rows > 0, rows + " vs " + evs.events.length);
    const land = await page.$$eval("#map path.land", (p) => p.length);
    check("map draws the world outline", land > 100, land);
    const places = new Set(evs.events.filter((e) => e.place).map((e) => e.place.lat.toFixed(2) + "," + e.place.lon.toFixed(2)));
    const markers = await page.$$eval("#map circle.marker", (c) => c.length);
    check("map has a marker per place", markers === places.size && markers > 0, markers + " vs " + places.size);
    const pairs = await page.$$eval("#pairs-volume li", (l) => l.length);
    check("most active pairs listed", pairs > 0);
    await page.screenshot({ path: path.join(out, "view.png"), fullPage: true });

    // click an event with its text: the evidence sentence, words highlighted
    const ev = evs.events.find((e) => e.offsets && e.offsets.verb && e.place) || evs.events.find((e) => e.offsets && e.offsets.verb);
    const doc = await api("/api/documents/" + encodeURIComponent(ev.doc));
    const de = doc.events.find((e) => e.id === ev.id);
    await page.click(`#events tr[data-id="${ev.id}"]`);
    await page.waitForFunction((id) => document.body.getAttribute("data-evidence") === id, { timeout: 10000 }, ev.id);
    const marks = await page.$$eval("#evidence mark", (m) => m.map((x) => [x.className, x.textContent]));
    const verb = marks.find((m) => m[0] === "verb");
    const bytes = Buffer.from(doc.text, "utf8");
    const want = bytes.subarray(de.offsets.verb[0], de.offsets.verb[1]).toString("utf8");
    check("evidence highlights the verb's words", verb && verb[1] === want, JSON.stringify(marks));
    const sentence = await page.$eval("#evidence .sentence", (p) => p.textContent);
    const wantSentence = bytes.subarray(de.sentence_offsets[0], de.sentence_offsets[1]).toString("utf8");
    check("evidence is the event's sentence", sentence === wantSentence, sentence + " | " + wantSentence);
    check("the clicked row is marked", (await page.$$("#events tr.selected")).length === 1);
    check("the URL carries the event", (await page.evaluate(() => location.hash)).includes("event=" + ev.id));
    await page.screenshot({ path: path.join(out, "evidence.png"), fullPage: true });

    // a shared URL opens the same view, evidence included
    const shared = await page.evaluate(() => location.href);
    const page2 = await browser.newPage();
    await page2.setViewport({ width: 1400, height: 1000 });
    page2.on("pageerror", (e) => errors.push(String(e)));
    await page2.goto(shared, { waitUntil: "load" });
    await ready(page2, null);
    const marks2 = await page2.$$eval("#evidence mark.verb", (m) => m.map((x) => x.textContent));
    check("a shared URL restores the view", marks2.length === 1 && marks2[0] === want, JSON.stringify(marks2));
    const inputs = await page2.evaluate(() => [document.getElementById("source").value, document.getElementById("target").value]);
    check("a shared URL restores the dyad", inputs[0] === "RUS" && inputs[1] === "UKR", inputs.join(","));

    // choosing a pair from the list changes the dyad
    await page2.evaluate(() => document.body.removeAttribute("data-ready"));
    await page2.click("#pairs-volume li:nth-child(3) a");
    await ready(page2, null);
    const h = await page2.evaluate(() => location.hash);
    check("a pair link sets the dyad in the URL", /source=/.test(h) && !/source=RUS&target=UKR/.test(h), h);

    // a year view has fewer bars and still matches the API
    const qy = "source=USA&target=RUS&both=1&period=year";
    await page2.evaluate(() => document.body.removeAttribute("data-ready"));
    await page2.goto(base + "/#" + qy, { waitUntil: "load" });
    await ready(page2, null);
    const ty = await api("/api/trend?" + qy);
    const gy = await page2.$$eval("#timeline g.period", (g) => g.length);
    check("year timeline matches the API", gy === ty.periods.length, gy + " vs " + ty.periods.length);

    // the dyad picker's search suggests codes with their names
    await page2.$eval("#source", (i) => { i.value = ""; });
    await page2.type("#source", "Rus");
    await page2.waitForFunction(() => document.querySelectorAll("#actor-list option").length > 0, { timeout: 5000 })
      .catch(() => {});
    const opts = await page2.$$eval("#actor-list option", (o) => o.map((x) => x.value + " " + x.textContent));
    check("actor search suggests RUS with its name", opts.some((o) => /^RUS Russia/.test(o)), JSON.stringify(opts));

    check("no script errors or CSP violations", errors.length === 0, errors.join(" | "));
  } catch (e) {
    failed++;
    console.log("FAIL browser run: " + (e && e.stack ? e.stack : e));
  } finally {
    await browser.close();
  }
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed ? 1 : 0);
})();
