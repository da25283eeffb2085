// tests/web/alerts.js BASE_URL OUT_DIR [SCREENSHOT] -- the alerts in the
// web view, over a store of the demo corpus (examples/demo/
// dispatches.jsonl): the RUS-UKR escalation of 2022-02-24 is listed, the
// timeline marks it at its start and alarm, and clicking it (in the list
// or on the timeline) shows its evidence sentences with their words
// highlighted, as /api/documents gives them.  Writes alerts.png and
// alert-evidence.png to OUT_DIR, and the view of the alert to SCREENSHOT
// when given (the README's docs/img/web-view.png).  Ends with
// "N passed, N failed".
"use strict";
const path = require("path");
const { createRequire } = require("module");
const root = path.resolve(__dirname, "..", "..");
const puppeteer = createRequire(path.join(root, "web", "package.json"))("puppeteer-core");

const base = process.argv[2];
const out = process.argv[3] || path.join(root, "build", "web-test");
const shot = process.argv[4] || "";
let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else { failed++; console.log("FAIL " + name + (detail !== undefined ? ": " + detail : "")); }
}

async function api(p) {
  const r = await fetch(base + p);
  return r.json();
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

    const q = "source=RUS&target=UKR&both=1&period=day&from=2022-01-15&to=2022-03-10";
    await page.goto(base + "/#" + q, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.getAttribute("data-ready") !== null, { timeout: 15000 });

    // by day, the rise in conflict share compares months, not two days
    const riseTitle = await page.$eval("#pairs-change-title", (e) => e.textContent);
    check("by day, the rising conflict share compares months", /\d{4}-\d{2} \u2192 \d{4}-\d{2}$/.test(riseTitle), riseTitle);

    // the list: the API's alerts of the dyad, the escalation of 2022-02-24 among them
    const d = await api("/api/alerts?source=RUS&target=UKR&from=2022-01-15&to=2022-03-10");
    const listed = await page.$$eval("#alerts li.alert", (l) => l.map((x) => [x.dataset.alert, x.textContent]));
    check("alert list has the API's alerts", listed.length === d.alerts.length && listed.length > 0,
      listed.length + " vs " + d.alerts.length);
    const esc = d.alerts.find((a) => a.a === "RUS" && a.b === "UKR" && a.direction === "escalation" &&
      a.alarm >= "2022-02-22" && a.alarm <= "2022-02-26");
    check("the API has the RUS-UKR escalation around 2022-02-24", !!esc, JSON.stringify(d.alerts.map((a) => a.alarm)));
    const row = esc && listed.find((l) => l[1].includes(esc.alarm) && /RUS.UKR/.test(l[1]) && /escalation/.test(l[1]));
    check("the list shows the RUS-UKR escalation", !!row, JSON.stringify(listed.map((l) => l[1])));
    const dates = listed.map((l) => l[1].slice(0, 10));
    check("alerts newest first", JSON.stringify(dates) === JSON.stringify([...dates].sort().reverse()), dates.join(","));

    // the timeline: a mark per alert, at its alarm day, its span from its start
    const marks = await page.$$eval("#timeline g.alert", (g) => g.map((x) => ({
      key: x.dataset.alert, start: x.dataset.start, alarm: x.dataset.alarm,
      tri: x.querySelectorAll("path.alert-mark").length, tick: x.querySelectorAll("line.alert-start").length,
    })));
    check("timeline: one alert mark per alert", marks.length === d.alerts.length && marks.every((m) => m.tri === 1 && m.tick === 1),
      JSON.stringify(marks));
    if (row) {
      const geo = await page.$eval(`#timeline g.alert[data-alert="${row[0]}"]`, (g) => {
        const day = (p) => document.querySelector(`#timeline g.period[data-period="${p}"] rect:last-child`);
        const tri = g.querySelector("path.alert-mark").getBBox(), span = g.querySelector("rect.alert-span").getBBox();
        const a = day(g.dataset.alarm).getBBox(), s = day(g.dataset.start).getBBox();
        return { triMid: tri.x + tri.width / 2, alarmMid: a.x + a.width / 2, spanX: span.x, startX: s.x };
      });
      check("the mark's triangle is over the alarm day", Math.abs(geo.triMid - geo.alarmMid) < 1, JSON.stringify(geo));
      check("the mark's span begins at the start day", Math.abs(geo.spanX - geo.startX) < 1, JSON.stringify(geo));
    }
    await page.screenshot({ path: path.join(out, "alerts.png"), fullPage: true });

    // without dates the server gives the last 90 days of data: the list says so
    const page2 = await browser.newPage();
    await page2.setViewport({ width: 1400, height: 1000 });
    await page2.goto(base + "/#source=RUS&target=UKR&both=1", { waitUntil: "load" });
    await page2.waitForFunction(() => document.body.getAttribute("data-ready") !== null, { timeout: 15000 });
    const dd = await api("/api/alerts?source=RUS&target=UKR");
    const notes = await page2.$$eval("#alerts li.empty", (l) => l.map((x) => x.textContent));
    check("undated view: the list says its alerts are since the default from", dd.from_default === true &&
      notes.some((t) => t.includes("since " + dd.from) && t.includes("last 90 days")), JSON.stringify(notes));
    const n2 = await page2.$$eval("#alerts li.alert", (l) => l.length);
    check("undated view: the API's alerts listed", n2 === dd.alerts.length && n2 > 0, n2 + " vs " + dd.alerts.length);
    await page2.screenshot({ path: path.join(out, "alerts-default-range.png"), clip: { x: 0, y: 0, width: 1400, height: 700 } });
    await page2.close();

    // clicking the alert: its evidence sentences, words highlighted from the documents' offsets
    if (row) {
      await page.click(`#alerts li[data-alert="${row[0]}"]`);
      await page.waitForFunction((k) => document.body.getAttribute("data-evidence") === k, { timeout: 10000 }, row[0]);
      const quotes = await page.$$eval("#evidence .quote", (qs) => qs.map((x) => ({
        id: x.dataset.id, sentence: (x.querySelector(".sentence") || {}).textContent,
        marks: [...x.querySelectorAll("mark")].map((m) => [m.className, m.textContent]),
      })));
      check("evidence: one quote per evidence event", quotes.length === esc.evidence.length && quotes.length > 0,
        quotes.length + " vs " + esc.evidence.length);
      let sentencesOk = true, marksOk = true, detail = "";
      for (const e of esc.evidence) {
        const qd = quotes.find((x) => x.id === e.id);
        const doc = await api("/api/documents/" + encodeURIComponent(e.doc));
        const de = doc.events.find((x) => x.id === e.id);
        const bytes = Buffer.from(doc.text, "utf8");
        // words across sentences have no sentence offsets: the quoted sentence is the one shown
        const want = de.sentence_offsets ? bytes.subarray(de.sentence_offsets[0], de.sentence_offsets[1]).toString("utf8") : e.sentence;
        const verb = bytes.subarray(de.offsets.verb[0], de.offsets.verb[1]).toString("utf8");
        if (!qd || qd.sentence !== want) { sentencesOk = false; detail += " sentence " + e.id + ": " + (qd && qd.sentence); }
        if (!qd || !qd.marks.some((m) => m[0] === (want.includes(verb) ? "verb" : m[0]) && want.includes(m[1]))) { marksOk = false; detail += " verb " + e.id + ": " + JSON.stringify(qd && qd.marks); }
      }
      check("evidence: each quote is its event's sentence", sentencesOk, detail);
      check("evidence: each quote highlights its verb", marksOk, detail);
      check("the clicked alert is marked", (await page.$$("#alerts li.alert.selected")).length === 1 &&
        (await page.$$("#timeline g.alert.selected")).length === 1);
      check("the URL carries the alert", (await page.evaluate(() => location.hash)).includes("alert=" + encodeURIComponent(row[0])));
      await page.screenshot({ path: path.join(out, "alert-evidence.png"), fullPage: true });

      // a shared URL opens the alert's evidence
      const shared = await page.evaluate(() => location.href);
      const page2 = await browser.newPage();
      await page2.setViewport({ width: 1400, height: 1000 });
      page2.on("pageerror", (e) => errors.push(String(e)));
      await page2.goto(shared, { waitUntil: "load" });
      await page2.waitForFunction(() => document.querySelectorAll("#evidence .quote").length > 0, { timeout: 15000 }).catch(() => {});
      check("a shared URL restores the alert's evidence", (await page2.$$("#evidence .quote")).length === esc.evidence.length);
      await page2.close();   // a tab in the background does not render, and clicks on it wait
      await page.bringToFront();

      // the timeline's mark leads to the same evidence
      await page.click("#events tbody tr.event");
      await page.waitForFunction(() => document.querySelectorAll("#evidence .quote").length === 0, { timeout: 10000 });
      await page.click(`#timeline g.alert[data-alert="${row[0]}"] path.alert-mark`);
      await page.waitForFunction(() => document.querySelectorAll("#evidence .quote").length > 0, { timeout: 10000 }).catch(() => {});
      check("clicking the timeline's mark shows the evidence", (await page.$$("#evidence .quote")).length === esc.evidence.length);
    }

    // the README's picture: the dyad by week over the run-up and the war's first weeks, the alert open
    if (shot && row) {
      const q2 = "source=RUS&target=UKR&both=1&period=day&from=2022-01-01&to=2022-03-31&alert=" + encodeURIComponent(row[0]);
      await page.goto(base + "/#" + q2, { waitUntil: "load" });
      await page.waitForFunction(() => document.querySelectorAll("#evidence .quote").length > 0, { timeout: 15000 });
      await page.setViewport({ width: 1400, height: 900 });
      await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1400, height: 900 } });
    }
    // alerts past the server's time limit: the rest of the view is still drawn
    const page3 = await browser.newPage();
    await page3.setViewport({ width: 1400, height: 1000 });
    await page3.setRequestInterception(true);
    page3.on("request", (r) => {
      if (r.url().includes("/api/alerts"))
        r.respond({ status: 503, contentType: "application/json",
          body: JSON.stringify({ error: { status: 503, message: "alerts: the answer took longer than 2000 ms" } }) });
      else r.continue();
    });
    await page3.goto(base + "/#" + q, { waitUntil: "load" });
    await page3.waitForFunction(() => document.body.getAttribute("data-ready") !== null, { timeout: 15000 });
    const failedList = await page3.$$eval("#alerts li", (l) => l.map((x) => x.textContent));
    check("a failed alerts answer is said in the list", failedList.length === 1 && /could not be computed.*longer than/.test(failedList[0]),
      JSON.stringify(failedList));
    check("a failed alerts answer leaves the timeline drawn", (await page3.$$("#timeline rect.bar")).length > 0 &&
      (await page3.$$("#timeline g.alert")).length === 0);
    check("a failed alerts answer leaves the events listed", (await page3.$$("#events tbody tr.event")).length > 0);
    await page3.close();

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
