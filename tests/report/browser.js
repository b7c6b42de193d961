// tests/report/browser.js REPORT.html SCREENSHOT.png [EVENTS]: the report
// as a person sees it.  Opens the page in Debian's headless chromium
// through playwright-core and checks that it renders: the event rows
// (EVENTS of them when given) and both SVG charts are there with a
// nonzero size, the bars and figure panels are drawn, nothing overflows
// the page's width, the console stays quiet and nothing but the file
// itself is fetched.  Saves a full-page screenshot.  Prints "ok NAME" or
// "FAIL NAME: why" per check, or one "skip: ..." line when node's
// playwright-core (make browser-deps) or chromium is missing.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const [report, shot, wantEvents] = process.argv.slice(2);
const CHROMIUM = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
const nodeDir = path.resolve(process.env.DYAD_NODE_DIR || 'build/node');

let chromium;
try {
  ({ chromium } = require(path.join(nodeDir, 'node_modules', 'playwright-core')));
} catch (e) {
  console.log(`skip: browser: playwright-core is not in ${nodeDir} (make browser-deps)`);
  process.exit(0);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`skip: browser: no chromium at ${CHROMIUM} (make deps)`);
  process.exit(0);
}

let failed = 0;
function check(name, ok, why) {
  if (ok) console.log(`ok ${name}`);
  else {
    failed++;
    console.log(`FAIL ${name}: ${why}`);
  }
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [], fetched = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = 'file://' + path.resolve(report);
    page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) fetched.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });

    const rows = page.locator('li.event');
    const n = await rows.count();
    check('browser event rows', n > 0 && (!wantEvents || n === Number(wantEvents)),
      `${n} li.event rows, expected ${wantEvents || 'some'}`);
    let flat = 0;
    for (let i = 0; i < n; i++) {
      const b = await rows.nth(i).boundingBox();
      if (!b || b.width <= 0 || b.height <= 0) flat++;
    }
    check('browser event rows visible', n > 0 && flat === 0, `${flat} of ${n} rows have no size`);
    const quoted = await page.locator('li.event blockquote.source').count();
    check('browser sources quoted', quoted >= n, `${quoted} quoted sources for ${n} events`);

    for (const id of ['chart-events', 'chart-figures']) {
      const b = await page.locator(`svg#${id}`).boundingBox();
      check(`browser ${id} size`, b && b.width > 100 && b.height > 50,
        b ? `${b.width}x${b.height}` : 'missing');
    }
    const bars = page.locator('#chart-events rect.bar');
    const nb = await bars.count();
    const bb = nb ? await bars.first().boundingBox() : null;
    check('browser bars drawn', nb > 0 && bb && bb.width > 0 && bb.height > 0, `${nb} bars`);
    const quads = await page.$$eval('#chart-events rect.bar', (rs) =>
      [...new Set(rs.map((r) => r.getAttribute('class')))].sort().join(' '));
    check('browser four quad classes', quads === 'bar q1 bar q2 bar q3 bar q4', quads);
    const gs = await page.locator('#chart-events circle.gs-point').count();
    check('browser Goldstein points', gs > 0, `${gs} points`);
    const panels = await page.locator('#chart-figures g.series').count();
    const pts = await page.locator('#chart-figures circle.point').count();
    check('browser figure panels', panels > 0 && pts > 0, `${panels} panels, ${pts} points`);
    const agreements = await page.locator('#agreements-table tbody tr').count();
    check('browser agreements table', agreements > 0, `${agreements} rows`);

    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check('browser no horizontal overflow', over <= 0, `page is ${over}px wider than the window`);
    // the two charts' labels must not run out of their boxes
    const clipped = await page.evaluate(() => {
      const out = [];
      for (const svg of document.querySelectorAll('svg.chart')) {
        const box = svg.getBoundingClientRect();
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
            out.push(`${svg.id}: "${t.textContent}"`);
        }
      }
      return out;
    });
    check('browser chart labels inside', clipped.length === 0, clipped.slice(0, 5).join(', '));
    check('browser console quiet', errors.length === 0, errors.slice(0, 3).join(' | '));
    check('browser self-contained', fetched.length === 0, `fetched ${fetched.slice(0, 3).join(', ')}`);

    fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    check('browser screenshot', fs.statSync(shot).size > 10000, `${shot} is too small`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log(`FAIL browser: ${e && e.message ? e.message.split('\n')[0] : e}`);
  process.exit(1);
});
