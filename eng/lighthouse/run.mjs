// Runs Google Lighthouse (its default config: the mobile preset, simulated throttling) on pages of a running
// Inventory, signed in with a session cookie, and prints one JSON line per page:
//
//   node run.mjs <base-url> <cookie-header> <path>...
//   {"path":"/dashboard","finalUrl":"…","performance":97,"accessibility":100,"bestPractices":100,
//    "failingBestPractices":[],"findings":{},"performanceAdvice":["unused-css-rules"]}
//
// Scores are 0–100. failingBestPractices are the ids of the scored best-practice audits that did not pass, findings
// the first elements, URLs or messages each found; performanceAdvice the performance audits below 0.9, where a low
// performance score has its causes.
// finalUrl shows where the page ended up: a /login there means the cookie did not sign in.
// Chromium is the machine's (/usr/bin/chromium), kept off the network: only the base URL is visited.
// With LIGHTHOUSE_REPORTS=<folder> each page's whole report is saved there too (<n>.json, in the order of the paths),
// to read what the scores came from (e.g. in Lighthouse's viewer).
//
// The cookies go into the browser's own cookie jar, as a signed-in browser holds them, not into an extra request
// header: Chromium prefers a jar cookie of the same name to the header, so once a response had set one (the
// antiforgery cookie, a renewed session) the header would no longer be what the pages got.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import puppeteer from "puppeteer-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [baseUrl, cookie, ...paths] = process.argv.slice(2);
if (!baseUrl || cookie === undefined || paths.length === 0) {
  console.error("usage: node run.mjs <base-url> <cookie-header> <path>...");
  process.exit(2);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
});

const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
const origin = new URL(baseUrl);
const cookies = cookie.split(";").map(pair => pair.trim()).filter(Boolean).map(pair => {
  const [name, ...value] = pair.split("=");
  // Secure, as the app sets its cookies; Chromium keeps Secure cookies on plain-HTTP loopback too.
  return { name, value: value.join("="), domain: origin.hostname, path: "/", secure: true, httpOnly: true };
});
if (cookies.length > 0) await browser.setCookie(...cookies);

const score = category => (category?.score == null ? null : Math.round(category.score * 100));
// Audits that count towards a category and did not pass (informative and not-applicable ones have no score).
const failing = (lhr, categoryId, below) =>
  lhr.categories[categoryId].auditRefs
    .map(ref => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < below)
    .filter(({ ref, audit }) => ref.weight > 0 || audit.details?.type === "opportunity")
    .map(({ ref }) => ref.id);

// What a failing audit found, shortly: the element, the URL or the message of its first few items.
const findings = audit => (audit.details?.items ?? []).slice(0, 3)
  .map(item => item.node?.snippet ?? item.source?.url ?? item.url ?? item.description ?? JSON.stringify(item).slice(0, 200));

// Lighthouse asks to run it again when the trace of a page load came out incomplete (NO_NAVSTART happens now and
// then on a loaded machine); a page that still fails after that is reported as failed.
const ATTEMPTS = 3;
async function measure(url) {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    try {
      const { lhr } = await lighthouse(url, {
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        // The full-page screenshot only feeds the HTML report; leaving it out saves time on a slow machine.
        disableFullPageScreenshot: true,
      }, undefined, page);
      if (!lhr.runtimeError || attempt === ATTEMPTS) return lhr;
      console.error(`${url}: ${lhr.runtimeError.code}, running it again`);
    } finally {
      await page.close();
    }
  }
}

const reports = process.env.LIGHTHOUSE_REPORTS;
if (reports) mkdirSync(reports, { recursive: true });

let exitCode = 0;
try {
  for (const [index, path] of paths.entries()) {
    const lhr = await measure(new URL(path, baseUrl).href);
    if (reports) writeFileSync(join(reports, `${index + 1}.json`), JSON.stringify(lhr));
    if (lhr.runtimeError) {
      console.error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      exitCode = 1;
    }
    const failingBestPractices = failing(lhr, "best-practices", 1);
    console.log(JSON.stringify({
      path,
      finalUrl: lhr.finalDisplayedUrl,
      performance: score(lhr.categories.performance),
      accessibility: score(lhr.categories.accessibility),
      bestPractices: score(lhr.categories["best-practices"]),
      failingBestPractices,
      findings: Object.fromEntries(failingBestPractices.map(id => [id, findings(lhr.audits[id])])),
      performanceAdvice: failing(lhr, "performance", 0.9),
    }));
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}
process.exit(exitCode);
