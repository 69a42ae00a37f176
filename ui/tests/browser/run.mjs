// Chromium test of the built UI (ui/dist) with the Tauri IPC replaced by an
// in-memory fake backend (fake-backend.js). Builds nothing: run `npm run build` first.
// Prints "N passed, M failed" last and exits non-zero on any failure.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { axeViolations, describe } from './axe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const uiRoot = resolve(here, '../..');
const dist = join(uiRoot, 'dist');
const results = join(uiRoot, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(join(dist, 'index.html'))) {
  console.error('ui/dist/index.html is missing: run `npm run build` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// Stricter than the desktop shell's CSP (no inline styles at all); a violation fails the run.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'";
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon' };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/' || path === '') path = '/index.html';
  const file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const profile = mkdtempSync(join(tmpdir(), 'meridian-chromium-'));
// A fresh profile dir per run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 820 },
  colorScheme: 'light',
  timezoneId: 'Europe/Berlin',
  // The assertions read dates and times as an en-GB computer writes them
  // (`Tue 1 Dec`, `15:00`); German is chosen in Settings by its own test.
  locale: 'en-GB',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
let failed = 0;
const pageErrors = [];
const offsite = [];

const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(5000);
page.on('console', (m) => {
  if (m.type() === 'error') pageErrors.push(m.text());
});
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('request', (r) => {
  if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) offsite.push(r.url());
});
await page.addInitScript({ path: join(here, 'fake-backend.js') });
// As the desktop shell does (tauri.conf.json: app.security.freezePrototype).
await page.addInitScript(() => Object.freeze(Object.prototype));

/** A screenshot of the whole scrolled content (the main pane scrolls, not the page). */
async function tallShot(name) {
  const height = await page.evaluate(() => Math.max(820, document.querySelector('.main')?.scrollHeight ?? 0));
  await page.setViewportSize({ width: 1280, height: Math.min(height, 2400) });
  await page.screenshot({ path: join(results, name) });
  await page.setViewportSize({ width: 1280, height: 820 });
}

async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    const lines = String(e?.message ?? e).split('\n');
    console.log(`FAIL - ${name}\n  ${(e instanceof Listing ? lines : lines.slice(0, 6)).join('\n  ')}`);
    await page.screenshot({ path: join(results, `failure-${passed + failed}.png`) }).catch(() => {});
  }
}

/** A failure whose every line is worth reading (the accessibility findings). */
class Listing extends Error {}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const dialog = () => page.getByRole('dialog');

// Accessibility (issue 17): axe-core on every screen and on the dialogs and
// panels a lead opens, in the light and the dark colour scheme; a serious or
// critical violation fails the screen's test with every finding listed.

/** Runs axe on the page as it is now, once per colour scheme; returns the findings as lines. */
async function axeBothSchemes(where, within) {
  const lines = [];
  try {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      lines.push(...describe(`${where} (${scheme})`, await axeViolations(page, within)));
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return lines;
}

/** One screen's accessibility test: `visit(check)` opens each state and calls `check(where)` in it. */
async function a11yTest(name, visit) {
  await test(`accessibility: ${name} has no serious or critical axe violations, light and dark`, async () => {
    const findings = [];
    let checked = 0;
    await visit(async (where, within) => {
      findings.push(...(await axeBothSchemes(where, within)));
      checked++;
    });
    expect(checked > 0, 'nothing was checked');
    if (findings.length > 0) throw new Listing(`serious or critical violations:\n${findings.join('\n')}`);
  });
}

await page.goto(origin + '/');

await test('first start with an empty database shows the empty state with Load sample team', async () => {
  expect((await page.title()) === 'Meridian', `title is "${await page.title()}"`);
  await page.getByRole('heading', { name: 'Plan your hybrid sales team' }).waitFor();
  await page.getByRole('button', { name: 'Load sample team' }).waitFor();
});

await a11yTest('the welcome screen', async (check) => {
  await check('Welcome');
});

await test('loading the sample team lists its reps with their local time and office', async () => {
  await page.getByRole('button', { name: 'Load sample team' }).click();
  const table = page.getByRole('table', { name: 'People' });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  expect((await rows.count()) === 4, `expected 4 rows, got ${await rows.count()}`);
  const ada = rows.filter({ hasText: 'Fake Ada' });
  const text = await ada.innerText();
  expect(/Test London/.test(text), `office missing in "${text}"`);
  expect(/UTC[+-]\d\d:\d\d/.test(text), `no UTC offset label in "${text}"`);
  expect(/\b\d\d:\d\d\b/.test(text), `no local time in "${text}"`);
  const bo = await rows.filter({ hasText: 'Fake Bo' }).innerText();
  expect(/Remote/.test(bo) && /UTC\+05:30/.test(bo), `Bo should be Remote at UTC+05:30: "${bo}"`);
  await page.screenshot({ path: join(results, 'people-light.png') });
});

await test('searching and filtering by team narrows the list', async () => {
  await page.getByRole('searchbox', { name: 'Search people' }).fill('sydney');
  let rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
  expect((await rows.count()) === 1 && /Fake Di/.test(await rows.first().innerText()), 'search for sydney should find only Di');
  await page.getByRole('searchbox', { name: 'Search people' }).fill('');
  await page.getByLabel('Filter by team').selectOption({ label: 'Test East' });
  rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
  expect((await rows.count()) === 2, `team filter should leave 2, got ${await rows.count()}`);
  await page.getByLabel('Filter by team').selectOption({ label: 'All teams' });
});

await test('an unknown time zone is reported next to the zone field and the input is kept', async () => {
  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog().waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Eve Example');
  expect((await page.getByLabel('Id', { exact: true }).inputValue()) === 'eve-example', 'id is suggested from the name');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Mars/Olympus_Mons');
  await zone.press('Escape');
  await page.getByRole('button', { name: 'Add person' }).last().click();
  const err = page.locator('#rep-zone-error');
  await err.waitFor();
  expect(/Mars\/Olympus_Mons/.test(await err.innerText()), `zone error text: ${await err.innerText()}`);
  expect((await zone.getAttribute('aria-invalid')) === 'true', 'zone input is marked invalid');
  expect((await page.getByLabel('Name', { exact: true }).inputValue()) === 'Eve Example', 'name kept');
  expect(await dialog().isVisible(), 'dialog stays open');
});

await test('the zone picker filters as you type and picks with the keyboard', async () => {
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('');
  await zone.pressSequentially('kolk');
  const options = page.getByRole('listbox', { name: 'Time zones' }).getByRole('option');
  await options.first().waitFor();
  expect((await options.first().innerText()).trim() === 'Asia/Kolkata', `first option ${await options.first().innerText()}`);
  await zone.press('ArrowDown');
  await zone.press('ArrowUp');
  await zone.press('Enter');
  expect((await zone.inputValue()) === 'Asia/Kolkata', `picked ${await zone.inputValue()}`);
  expect(await dialog().isVisible(), 'Enter in the picker does not submit the form');
});

await test('a stretch interval that Rust rejects is shown next to that interval', async () => {
  await page.getByRole('button', { name: 'Add stretch hours interval on Monday' }).click();
  await page.getByLabel('Stretch hours Monday interval 1 start').fill('16:00');
  await page.getByLabel('Stretch hours Monday interval 1 end').fill('18:00');
  await page.screenshot({ path: join(results, 'rep-form-light.png') });
  await page.getByRole('button', { name: 'Add person' }).last().click();
  const start = page.getByLabel('Stretch hours Monday interval 1 start');
  await page.waitForFunction(() => document.querySelector('[aria-label="Stretch hours Monday interval 1 start"]')?.getAttribute('aria-invalid') === 'true');
  const describedby = await start.getAttribute('aria-describedby');
  const msg = await page.locator(`#${describedby}`).innerText();
  expect(/overlaps working hours/.test(msg), `message: ${msg}`);
  await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
  await page.screenshot({ path: join(results, 'rep-form-rust-error.png') });
  expect((await page.getByLabel('Name', { exact: true }).inputValue()) === 'Eve Example', 'name kept after a Rust error');
});

await test('adding a rep through the form shows them in the list', async () => {
  await page.getByRole('button', { name: 'Remove stretch hours Monday interval 1' }).click();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Test West' });
  await page.getByLabel('Home office', { exact: true }).selectOption({ label: 'Test New York' });
  await page.getByLabel('Skills', { exact: true }).fill('renewals');
  await page.getByLabel('Skills', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Add person' }).last().click();
  await dialog().waitFor({ state: 'detached' });
  const row = page.getByRole('table', { name: 'People' }).locator('tbody tr').filter({ hasText: 'Eve Example' });
  const text = await row.innerText();
  expect(/Asia\/Kolkata/.test(text) && /Test West/.test(text) && /Test New York/.test(text), `row: ${text}`);
  const saved = await page.evaluate(() => window.__FAKE_BACKEND__.db.reps.find((r) => r.id === 'eve-example'));
  expect(saved && saved.skills[0] === 'renewals' && saved.working_hours.mon[0][0] === '09:00', `saved: ${JSON.stringify(saved)}`);
});

await test('deleting a rep asks for confirmation and Escape cancels', async () => {
  await page.getByRole('button', { name: 'Delete Fake Di' }).click();
  await page.getByRole('dialog', { name: 'Delete Fake Di?' }).waitFor();
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  expect((await page.getByRole('table', { name: 'People' }).locator('tbody tr').filter({ hasText: 'Fake Di' }).count()) === 1, 'still there after cancel');
  await page.getByRole('button', { name: 'Delete Fake Di' }).click();
  await page.getByRole('dialog', { name: 'Delete Fake Di?' }).getByRole('button', { name: 'Delete' }).click();
  await dialog().waitFor({ state: 'detached' });
  expect((await page.getByRole('table', { name: 'People' }).locator('tbody tr').filter({ hasText: 'Fake Di' }).count()) === 0, 'gone after confirm');
});

await test('a 10,000-character name is cut to the rules\' limit and ellipsised, whole on hover, without pushing the page sideways', async () => {
  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog().waitFor();
  const long = 'Wolfeschlegelsteinhausenbergerdorff '.repeat(280).slice(0, 10_000);
  await page.getByLabel('Name', { exact: true }).fill(long);
  const typed = await page.getByLabel('Name', { exact: true }).inputValue();
  expect(typed.length === 200, `the name field should stop at 200 characters, has ${typed.length}`);
  await page.getByRole('button', { name: 'Add person' }).last().click();
  await dialog().waitFor({ state: 'detached' });
  const saved = typed.trim();
  const cell = page.getByRole('table', { name: 'People' }).locator(`tbody tr .cell-main[title="${saved}"]`);
  await cell.waitFor();
  const m = await cell.evaluate((el) => ({ clipped: el.scrollWidth > el.clientWidth, text: el.textContent }));
  expect(m.clipped && m.text === saved, `the name should be ellipsised in its cell: ${JSON.stringify(m).slice(0, 200)}`);
  const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(wide.page <= wide.view, `the page scrolls sideways: ${JSON.stringify(wide)}`);
  const toast = await page.locator('.toast').evaluate((el) => el.getBoundingClientRect().width).catch(() => 0);
  expect(toast <= 640, `the toast should stay narrow, is ${toast}px`);
  await page.screenshot({ path: join(results, 'people-long-name.png') });
  await page.getByRole('button', { name: `Delete ${saved}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await dialog().waitFor({ state: 'detached' });
});

await test('5,000 people: only the rows in view are in the page, and scrolling to the end shows the last one', async () => {
  await page.evaluate(() => {
    const db = window.__FAKE_BACKEND__.db;
    const base = db.reps[0];
    for (let i = 0; i < 5000; i++) {
      db.reps.push({ ...structuredClone(base), id: `bulk-${String(i).padStart(4, '0')}`, name: `Zed Bulk ${String(i).padStart(4, '0')}` });
    }
  });
  // Visiting another screen and coming back reads the list again.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Teams/ }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /People/ }).click();
  const table = page.getByRole('table', { name: 'People' });
  await table.locator('tbody tr[aria-rowindex]').first().waitFor();
  const drawn = await table.locator('tbody tr[aria-rowindex]').count();
  expect(drawn > 5 && drawn < 120, `rows in the DOM: ${drawn}`);
  await page.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await table.locator('tbody tr').filter({ hasText: 'Zed Bulk 4999' }).waitFor();
  const after = await table.locator('tbody tr[aria-rowindex]').count();
  expect(after < 120, `rows in the DOM after scrolling: ${after}`);
  await page.evaluate(() => {
    const db = window.__FAKE_BACKEND__.db;
    db.reps.splice(0, db.reps.length, ...db.reps.filter((r) => !r.id.startsWith('bulk-')));
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Teams/ }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /People/ }).click();
});

await test('offices and teams are listed and the policy can be saved', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Offices/ }).click();
  await page.getByRole('table', { name: 'Offices' }).getByText('Test New York').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Teams/ }).click();
  await page.getByRole('table', { name: 'Teams' }).getByText('Test East').waitFor();
  await page.getByLabel('Maximum', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await page.waitForFunction(() => window.__FAKE_BACKEND__.db.policy.office_days_per_week.max === 4);
  await page.screenshot({ path: join(results, 'teams-light.png') });
});


const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

await test('find a time asks for a required person first, then ranks slots with one ribbon per attendee', async () => {
  await nav(/Find a time/).click();
  await page.getByRole('form', { name: 'Find a time' }).waitFor();
  await page.getByRole('button', { name: 'Find times' }).click();
  const err = page.locator('#ft-people-error');
  await err.waitFor();
  expect(/at least one required/.test(await err.innerText()), `people error: ${await err.innerText()}`);
  const search = page.locator('#ft-people');
  await search.fill('ada');
  await page.getByRole('button', { name: 'Add Fake Ada as required' }).click();
  await search.fill('new_york');
  await page.getByRole('button', { name: 'Add Fake Cy as required' }).click();
  await search.fill('');
  await page.getByRole('button', { name: 'Add team Test East as optional' }).click();
  const optional = await page.getByRole('group', { name: 'Optional attendees' }).innerText();
  const required = await page.getByRole('group', { name: 'Required attendees' }).innerText();
  expect(/Fake Bo/.test(optional) && !/Fake Ada/.test(optional), `adding a team keeps Ada required: ${optional}`);
  expect(/Fake Ada/.test(required) && /Fake Cy/.test(required), `required: ${required}`);
  await page.getByLabel('Duration (minutes)').fill('45');
  await page.getByLabel('From', { exact: true }).fill('2026-11-30');
  await page.getByLabel('To', { exact: true }).fill('2026-12-04');
  const zone = page.getByRole('combobox', { name: "Organiser's time zone" });
  await zone.fill('Europe/London');
  await zone.press('Escape');
  await page.getByRole('button', { name: 'Find times' }).click();
  const cards = page.getByRole('article');
  await cards.first().waitFor();
  expect((await cards.count()) >= 2, `expected several suggestions, got ${await cards.count()}`);
  const ribbons = cards.first().getByRole('img');
  expect((await ribbons.count()) === 3, `one ribbon per attendee, got ${await ribbons.count()}`);
  const label = await ribbons.first().getAttribute('aria-label');
  expect(/local day 2026-1\d-\d\d: meeting \w{3} \d\d:\d\d–\d\d:\d\d local \(working hours\); \d+ h working/.test(label), `ribbon label: ${label}`);
  const head = await cards.first().locator('header').innerText();
  expect(/UTC/.test(head) && /Europe\/London/.test(head), `card head shows UTC and organiser time: ${head}`);
  expect((await cards.first().locator('rect[data-slot]').count()) === 3, 'each ribbon marks the slot');
  await tallShot('find-time-light.png');
});

await test('find a time fits 1,024–1,280 px wide: no field cut off, no sideways scroll, no page scroll past the results', async () => {
  for (const width of [1024, 1152, 1280]) {
    await page.setViewportSize({ width, height: 820 });
    const fit = await page.evaluate(() => {
      const main = document.querySelector('.main');
      const form = document.querySelector('form[aria-label="Find a time"]').getBoundingClientRect();
      const max = document.getElementById('ft-max').getBoundingClientRect();
      return { sideways: main.scrollWidth - main.clientWidth, formRight: form.right, maxRight: max.right, maxWidth: max.width };
    });
    expect(fit.sideways <= 1, `${width} px: the screen scrolls sideways by ${fit.sideways} px`);
    expect(fit.maxRight <= fit.formRight && fit.maxWidth >= 60, `${width} px: the Suggestions field is cut (${JSON.stringify(fit)})`);
  }
  await page.setViewportSize({ width: 1280, height: 820 });
  // Scrolling the results to their end moves the results, never the page (sidebar and all).
  await page.locator('.main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.mouse.move(700, 500);
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(100);
  const band = await page.evaluate(() => ({
    page: document.scrollingElement.scrollTop,
    tall: document.documentElement.scrollHeight - window.innerHeight,
    sidebar: document.querySelector('.sidebar').getBoundingClientRect().top,
  }));
  expect(band.page === 0 && band.tall <= 0 && band.sidebar === 0, `the page itself scrolled: ${JSON.stringify(band)}`);
  await page.locator('.main').evaluate((el) => el.scrollTo(0, 0));
});

await test('asking for more suggestions than fit says why fewer came back', async () => {
  await page.getByLabel('Suggestions').fill('12');
  await page.getByRole('button', { name: 'Find times' }).click();
  const note = page.getByRole('note', { name: 'Fewer than asked' });
  await note.waitFor();
  const text = await note.innerText();
  const shown = await page.getByRole('article').count();
  expect(new RegExp(`Only ${shown} of the 12 asked for`).test(text), `explanation: ${text} (cards: ${shown})`);
  await page.getByLabel('Suggestions').fill('5');
  await page.getByRole('button', { name: 'Find times' }).click();
  await note.waitFor({ state: 'detached' });
});

await test('a quorum Rust refuses is shown at its field; the varied list offers the exact one and back', async () => {
  const quorum = page.getByLabel('At least (optional)');
  await quorum.fill('9');
  await page.getByRole('button', { name: 'Find times' }).click();
  const err = page.locator('#ft-quorum-error');
  await err.waitFor();
  expect(/asks for 9 optional attendees/.test(await err.innerText()), `quorum error: ${await err.innerText()}`);
  await quorum.fill('');
  await page.getByRole('button', { name: 'Find times' }).click();
  const note = page.getByRole('note', { name: 'How this list was chosen' });
  await note.waitFor();
  expect(/Varied list/.test(await note.innerText()), `note: ${await note.innerText()}`);
  await note.getByRole('button', { name: /Show the exact top/ }).click();
  await page.getByRole('button', { name: 'Vary the times of day' }).waitFor();
  const asked = await page.evaluate(() => window.__FAKE_BACKEND__.suggestOrders);
  expect(asked.slice(-2).join() === 'varied,exact', `orders asked: ${asked}`);
  await page.getByRole('button', { name: 'Vary the times of day' }).click();
  await page.getByRole('button', { name: /Show the exact top/ }).waitFor();
});

await test('booking the first suggestion asks only for a title, then the old suggestions cannot be booked', async () => {
  await page.getByRole('button', { name: 'Book suggestion 1' }).click();
  await page.getByRole('dialog', { name: 'Book this time' }).waitFor();
  expect((await dialog().getByLabel(/Meeting id/).count()) === 0, 'no id field');
  expect((await page.getByLabel('Title').getAttribute('maxlength')) === '500', 'title capped at the Rust limit');
  await page.getByLabel('Title').fill('Deal review');
  expect((await page.getByLabel('Weekly for (weeks)').inputValue()) === '1', 'weeks prefilled from the request');
  await page.getByLabel('Weekly for (weeks)').fill('6');
  await page.screenshot({ path: join(results, 'book-dialog-light.png') });
  await dialog().getByRole('button', { name: 'Book', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });
  const booked = await page.evaluate(() => window.__FAKE_BACKEND__.db.meetings.find((m) => m.id === 'deal-review'));
  expect(booked && booked.time_zone === 'Europe/London' && booked.attendees.length === 3 && booked.rrule === 'FREQ=WEEKLY;COUNT=6', `booked: ${JSON.stringify(booked)}`);
  // The answer predates the booking: every Book button is off until the times are found again.
  await page.getByRole('status', { name: 'Stale results' }).waitFor();
  const books = page.getByRole('button', { name: /^Book suggestion/ });
  for (let i = 0; i < (await books.count()); i++) expect(await books.nth(i).isDisabled(), `Book suggestion ${i + 1} still enabled after booking`);
  await tallShot('find-time-stale-light.png');
  await page.getByRole('button', { name: 'Search again' }).click();
  await page.getByRole('status', { name: 'Stale results' }).waitFor({ state: 'detached' });
  expect(await page.getByRole('button', { name: 'Book suggestion 1' }).isEnabled(), 'a fresh answer can be booked');
  await nav(/Meetings/).click();
  const row = page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('listitem').filter({ hasText: 'Deal review' });
  const text = await row.innerText();
  expect(/Europe\/London/.test(text) && /COUNT=6/.test(text) && /Fake Ada/.test(text), `meeting row: ${text}`);
});

await test('a fair weekly rotation shows the burden ledger and books one meeting per week', async () => {
  await nav(/Find a time/).click();
  // The screen loads on first visit; the kept results come with it.
  await page.getByRole('article').first().waitFor();
  expect((await page.getByRole('article').count()) >= 2, 'results kept after visiting another screen');
  await page.getByLabel('Repeat weekly').check();
  await page.getByLabel('Number of weeks').fill('3');
  await page.getByLabel('Share early and late calls fairly').check();
  await page.getByRole('button', { name: 'Find times' }).click();
  const ledger = page.getByRole('table', { name: 'Burden ledger' });
  await ledger.waitFor();
  expect((await ledger.locator('tbody tr').count()) === 3, 'one row per week');
  const foot = await ledger.locator('tfoot').innerText();
  expect(/Stretch total/.test(foot), `totals row: ${foot}`);
  await tallShot('find-time-fair-light.png');
  await page.getByRole('button', { name: 'Book series…' }).click();
  await page.getByLabel('Title').fill('Rotating sync');
  await dialog().getByRole('button', { name: 'Book series' }).click();
  await dialog().waitFor({ state: 'detached' });
  const ids = await page.evaluate(() => window.__FAKE_BACKEND__.db.meetings.map((m) => m.id));
  expect(['rotating-sync', 'rotating-sync-w2', 'rotating-sync-w3'].every((id) => ids.includes(id)), `ids: ${ids}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallShot('find-time-fair-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
});

await test('when nothing fits, the reason and the ways out are shown', async () => {
  await page.getByLabel('Repeat weekly').uncheck();
  await page.getByRole('button', { name: 'Remove Fake Ada' }).click();
  await page.getByRole('button', { name: 'Make Fake Bo required' }).click();
  await page.getByLabel('Duration (minutes)').fill('120');
  await page.getByRole('button', { name: 'Find times' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'No time fits everyone' });
  await alert.waitFor();
  const text = await alert.innerText();
  expect(/Fake Bo/.test(text) && /Ways out/.test(text) && /is optional/.test(text), `infeasible: ${text}`);
  await tallShot('find-time-infeasible-light.png');
  await page.getByLabel('Duration (minutes)').fill('45');
  await page.getByRole('button', { name: 'Find times' }).click();
  await page.getByRole('article').first().waitFor();
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallShot('find-time-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
});

await test('meetings list: upcoming and past apart, edit with field errors from Rust, delete after confirmation', async () => {
  await nav(/Meetings/).click();
  const list = page.getByRole('list', { name: 'Upcoming meetings' });
  await list.getByRole('listitem').first().waitFor();
  expect((await list.getByRole('listitem').count()) === 4, `rows: ${await list.getByRole('listitem').count()}`);
  expect(/Past\s*0/.test(await page.getByRole('tab', { name: /Past/ }).innerText()), 'no past meetings yet');
  await page.screenshot({ path: join(results, 'meetings-light.png') });

  await page.getByRole('button', { name: 'Edit meeting Deal review' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit meeting' });
  await edit.getByLabel('Title').waitFor();
  await edit.getByLabel('Title').fill('Deal review (EMEA)');
  await edit.getByLabel('Repeats', { exact: true }).fill('COUNT=3');
  await edit.getByRole('button', { name: 'Save meeting' }).click();
  const ruleError = edit.locator('#mt-rrule-error');
  await ruleError.waitFor();
  expect(/FREQ is required/.test(await ruleError.innerText()), `rule error: ${await ruleError.innerText()}`);
  expect((await edit.getByLabel('Title').inputValue()) === 'Deal review (EMEA)', 'input kept');
  await edit.getByRole('button', { name: 'Every weekday' }).click();
  await edit.getByRole('searchbox').fill('eve example');
  await edit.getByRole('button', { name: 'Add Eve Example' }).click();
  await page.screenshot({ path: join(results, 'meeting-edit-light.png') });
  await edit.getByRole('button', { name: 'Save meeting' }).click();
  await dialog().waitFor({ state: 'detached' });
  const saved = await page.evaluate(() => window.__FAKE_BACKEND__.db.meetings.find((m) => m.id === 'deal-review'));
  expect(saved.title === 'Deal review (EMEA)' && saved.rrule === 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' && saved.attendees.includes('eve-example'), `saved: ${JSON.stringify(saved)}`);
  await list.getByRole('listitem').filter({ hasText: 'Deal review (EMEA)' }).waitFor();

  await page.getByRole('button', { name: 'Delete meeting Deal review (EMEA)' }).click();
  await page.getByRole('dialog', { name: 'Delete Deal review (EMEA)?' }).getByRole('button', { name: 'Delete meeting' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.waitForFunction(() => !document.querySelector('[aria-label="Upcoming meetings"]')?.textContent.includes('Deal review'));
  expect((await list.getByRole('listitem').count()) === 3, 'deleted');
});

await test('undo: Ctrl+Z brings the deleted meeting back (not while typing), the toast offers Redo', async () => {
  const list = page.locator('[aria-label="Upcoming meetings"]');
  const search = page.getByLabel('Search meetings');
  await search.focus();
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  expect(!(await list.textContent()).includes('Deal review'), 'Ctrl+Z in a text field is the field\'s own undo');
  await search.blur();
  await page.keyboard.press('Control+z');
  await list.getByRole('listitem').filter({ hasText: 'Deal review (EMEA)' }).waitFor();
  const toast = page.locator('.toast-region');
  await toast.getByText('Undone: delete meeting Deal review (EMEA)').waitFor();
  await toast.getByRole('button', { name: 'Redo' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Upcoming meetings"]')?.textContent.includes('Deal review'));
  const gone = await page.evaluate(() => !window.__FAKE_BACKEND__.db.meetings.some((m) => m.id === 'deal-review'));
  expect(gone, 'redo deleted it again');
});

/** A board cell by rep id and date. */
const cell = (rep, date) => page.locator(`[role="grid"][aria-label="Office days board"] button[data-rep="${rep}"][data-date="${date}"]`);
const attr = (loc, name) => loc.getAttribute(name);

await test('office days: a click selects, the lock control or L locks; past days are not planned; re-plan, accept', async () => {
  await nav(/Office days/).click();
  const form = page.getByRole('form', { name: 'Plan office days' });
  await form.waitFor();
  // With no stored weeks Rust's window starts on the Monday of today's week (the fake's today is Tue 1 Dec).
  const from = await page.getByLabel('Weeks from').inputValue();
  expect(from === '30/11/2026' && (await page.getByLabel('Weeks', { exact: true }).inputValue()) === '4', `default window ${from}`);
  await page.getByLabel('Weeks from').fill('2026-12-02');
  await page.getByLabel('Weeks', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('region', { name: 'Plan score' }).waitFor();
  const stored = await page.evaluate(() => window.__FAKE_BACKEND__.db.requests.rotation);
  expect(stored && stored.from === '2026-11-30' && stored.weeks === 4, `window stored snapped to Monday: ${JSON.stringify(stored)}`);
  await page.getByText('Plan, not saved').waitFor();
  // Past days are shown as past, never as planned.
  const mon = cell('fake-ada', '2026-11-30');
  await mon.waitFor();
  expect((await attr(mon, 'data-past')) === 'true' && /; past/.test(await attr(mon, 'aria-label')), `Monday: ${await attr(mon, 'aria-label')}`);
  expect(!/planned/.test(await attr(mon, 'aria-label')), 'a past day is not planned');
  // Desk bars per office and day, label and bar from one count; a closed date is greyed.
  const board = page.getByRole('grid', { name: 'Office days board' });
  await board.getByRole('img', { name: /Test London, Tue 1 Dec: 1 of 4 desks used/ }).waitFor();
  expect((await board.getByRole('img', { name: /Test London, Tue 1 Dec: 1 of 4 desks used/ }).innerText()).trim() === '1/4', 'label agrees with the bar');
  // Four weeks fit or scroll inside the board at 1,200 px: the last column is reachable inside the box.
  await page.setViewportSize({ width: 1200, height: 900 });
  const last = cell('fake-ada', '2026-12-25');
  await last.scrollIntoViewIfNeeded();
  const box = await board.boundingBox();
  const lastBox = await last.boundingBox();
  expect(box && lastBox && lastBox.x + lastBox.width <= box.x + box.width + 1 && box.x + box.width <= 1200, `last week inside the board: ${JSON.stringify({ box, lastBox })}`);
  await page.setViewportSize({ width: 1280, height: 820 });

  // Ada is remote on Wednesday in the plan: a click selects it and changes no lock.
  const wed = cell('fake-ada', '2026-12-02');
  expect((await attr(wed, 'data-state')) === 'remote', `Ada's Wednesday: ${await attr(wed, 'data-state')}`);
  const locksBefore = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'set_rotation_lock').length);
  await wed.click();
  const panel = page.getByRole('complementary', { name: 'Why these days' });
  expect(/Wed 2 Dec/.test(await panel.innerText()) && /Not locked/.test(await panel.innerText()), `panel follows the selection: ${await panel.innerText()}`);
  await wed.click();
  const locksAfter = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'set_rotation_lock').length);
  expect(locksAfter === locksBefore && (await attr(wed, 'data-lock')) === 'none', 'clicks never change the lock');
  // The lock control does.
  await panel.getByRole('button', { name: 'Lock in' }).click();
  await page.waitForFunction(() => document.querySelector('button[data-rep="fake-ada"][data-date="2026-12-02"]')?.dataset.lock === 'in');
  await page.getByText('Locks changed since this plan').waitFor();
  expect(/Locked in/.test(await panel.innerText()), 'side panel shows the lock');

  // A closed day says why once and offers no lock.
  await cell('fake-cy', '2026-12-25').click();
  const closedText = await panel.innerText();
  expect((closedText.match(/closed on 2026-12-25/g) ?? []).length === 1 && (await panel.getByRole('button', { name: 'Lock in' }).count()) === 0, `closed day: ${closedText}`);

  await page.getByRole('button', { name: 'Re-plan', exact: true }).click();
  await page.getByText('Locks changed since this plan').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('button[data-rep="fake-ada"][data-date="2026-12-02"]')?.dataset.state === 'in');
  expect((await attr(wed, 'data-lock')) === 'in', 'the lock is respected by the new plan');
  const planned = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'plan_rotation').length);
  expect(planned === 2, `planned twice, got ${planned}`);

  // The side panel explains the rep's week (asked of Rust when shown).
  await wed.focus();
  await panel.getByText(/Week 49/).waitFor();
  const why = await panel.innerText();
  expect(/Locked in/.test(why) && /Week 49/.test(why), `why panel: ${why}`);

  // Keyboard: arrows move the selection, L walks the lock in → out → none.
  await page.keyboard.press('ArrowRight');
  const thu = cell('fake-ada', '2026-12-03');
  expect(await thu.evaluate((el) => el === document.activeElement), 'ArrowRight moves to Thursday');
  expect((await attr(thu, 'aria-keyshortcuts')) === 'L', 'the lock key is announced');
  for (const expected of ['in', 'out', 'none']) {
    await page.keyboard.press('l');
    await page.waitForFunction((v) => document.querySelector('button[data-rep="fake-ada"][data-date="2026-12-03"]')?.dataset.lock === v, expected);
  }
  await tallShot('office-days-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallShot('office-days-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Re-plan', exact: true }).click();
  await page.getByRole('button', { name: 'Accept plan' }).click();
  await page.getByText('Accepted office days', { exact: true }).waitFor();
  const saved = await page.evaluate(() => window.__FAKE_BACKEND__.db.office_days);
  expect(saved.some((d) => d.rep === 'fake-ada' && d.date === '2026-12-02'), `accepted: ${JSON.stringify(saved.slice(0, 4))}`);
  expect(!saved.some((d) => d.date < '2026-12-01'), 'past days are not saved from the plan');
  expect((await attr(wed, 'data-state')) === 'in', 'the board shows the accepted day');
});

await test('office days: try a policy, see both plans side by side, a bad value at its row, adopt after a confirmation', async () => {
  await nav(/Office days/).click();
  await page.getByRole('button', { name: 'Try a policy' }).click();
  const panel = page.getByRole('region', { name: 'Try a policy' });
  await panel.waitFor();
  expect((await panel.getByLabel('Min days a week').inputValue()) === '2', 'the stored policy fills the form');
  // A bad value comes back from "Rust" at the row its path names.
  await panel.getByLabel('Min days a week').fill('4');
  await panel.getByLabel('Max days a week').fill('3');
  await panel.getByRole('button', { name: 'Try', exact: true }).click();
  await panel.getByText('min 4 > max 3').waitFor();
  await panel.getByLabel('Max days a week').fill('5');
  await panel.getByText('Offices (2)').click();
  await panel.getByLabel('Desks at Test London').fill('6');
  await panel.getByRole('button', { name: 'Try', exact: true }).click();
  const result = panel.getByRole('region', { name: 'What-if result' });
  await result.waitFor();
  const current = panel.getByRole('region', { name: 'Current plan' });
  const tried = panel.getByRole('region', { name: 'Tried plan' });
  expect(/Score/.test(await current.innerText()) && /Score/.test(await tried.innerText()), 'both plans side by side');
  const cb = await current.boundingBox();
  const tb = await tried.boundingBox();
  expect(cb && tb && tb.x > cb.x + cb.width - 1 && Math.abs(tb.y - cb.y) < 2, `side by side: ${JSON.stringify({ cb, tb })}`);
  const sent = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'what_if_policy').length);
  expect(sent === 2, `tried twice, got ${sent}`);
  await panel.getByRole('table', { name: 'Desk use, current and tried' }).waitFor();
  await panel.getByRole('button', { name: 'Adopt…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Adopt this policy?' });
  expect(/backup/.test(await confirm.innerText()), 'the confirmation says a backup is made');
  await confirm.getByRole('button', { name: 'Adopt' }).click();
  await panel.getByText('The policy was adopted').waitFor();
  const stored = await page.evaluate(() => window.__FAKE_BACKEND__.db);
  expect(stored.policy.office_days_per_week.min === 4 && stored.policy.office_days_per_week.max === 5, `policy: ${JSON.stringify(stored.policy)}`);
  expect(stored.offices.find((o) => o.id === 'test-lon').desks === 6, 'desks stored');
  await panel.getByRole('button', { name: 'Close' }).click();
});

await test('workload: balance a week, see load against capacity, accept and apply one move, add a task', async () => {
  await nav(/Workload/).click();
  await page.getByRole('form', { name: 'Balance workload' }).waitFor();
  // Planning shows a busy state with Cancel; a cancelled run is said so.
  await page.evaluate(() => (window.__FAKE_BACKEND__.slowPlans = true));
  await page.getByLabel('From', { exact: true }).fill('2026-11-30');
  await page.getByLabel('To', { exact: true }).fill('2026-12-04');
  await page.getByRole('button', { name: 'Balance', exact: true }).click();
  const busy = page.getByRole('status', { name: 'Planning' });
  await busy.waitFor();
  await busy.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Planning cancelled; the previous plan (if any) is kept.').waitFor();
  await busy.waitFor({ state: 'detached' });
  await page.evaluate(() => (window.__FAKE_BACKEND__.slowPlans = false));
  await page.getByRole('button', { name: 'Balance', exact: true }).click();
  const figures = page.getByRole('region', { name: 'Plan figures' });
  await figures.waitFor();
  expect(/Busiest rep\s*120% → 100%/.test(await figures.innerText()), `figures: ${await figures.innerText()}`);
  const stored = await page.evaluate(() => window.__FAKE_BACKEND__.db.requests.balance);
  expect(stored && stored.from === '2026-11-30' && stored.to === '2026-12-04', `window stored: ${JSON.stringify(stored)}`);
  const reps = page.getByRole('table', { name: 'Utilisation by rep' });
  const ada = reps.getByRole('row', { name: /Fake Ada/ });
  await page.waitForFunction(() => /20%/.test(document.querySelector('table[aria-label="Utilisation by rep"] tr[data-rep="fake-ada"]')?.textContent ?? ''));
  const adaText = await ada.innerText();
  expect(/120%/.test(adaText) && /20%/.test(adaText), `Ada's row: ${adaText}`);
  // Names as written, not in the header's capitals.
  const nameCell = ada.locator('th');
  expect((await nameCell.innerText()).trim() === 'Fake Ada', `name shown as: ${await nameCell.innerText()}`);
  expect((await nameCell.evaluate((el) => getComputedStyle(el).textTransform)) === 'none', 'the name cell is not upper-cased');
  // Chart.js drew the bars on the canvas (not only the table).
  const inked = await page.evaluate(() => {
    const c = document.querySelector('section[aria-labelledby="load-title"] canvas');
    if (!c || c.width === 0) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  expect(inked > 500, `chart canvas has ${inked} drawn pixels`);
  const unassignable = await page.getByRole('list', { name: 'Tasks nobody can take' }).innerText();
  expect(/German contract/.test(unassignable) && /no rep has skills: german/.test(unassignable), `unassignable: ${unassignable}`);
  const tasks = page.getByRole('table', { name: 'Tasks' });
  const risky = await tasks.getByRole('row', { name: /Renewal quotes/ }).innerText();
  expect(/at risk/.test(risky), `quotes row: ${risky}`);
  await tallShot('workload-light.png');

  const moves = page.getByRole('list', { name: 'Proposed changes' });
  const move = moves.locator('li[data-task="fake-quotes"]');
  expect((await move.getAttribute('data-rep')) === 'fake-bo', 'quotes go to Bo');
  // The reason is in names and states this change's own effect.
  const reason = await move.locator('.reason').innerText();
  expect(reason.startsWith('moves 40 h from Fake Ada (120% → 20%) to Fake Bo (0% → 100%)'), `reason: ${reason}`);
  await move.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Apply accepted (1)' }).click();
  await page.getByText('Moved 1 task').waitFor();
  const assignee = await page.evaluate(() => window.__FAKE_BACKEND__.db.tasks.find((t) => t.id === 'fake-quotes').assignee);
  expect(assignee === 'fake-bo', `stored assignee: ${assignee}`);
  await page.waitForFunction(() => document.querySelector('table[aria-label="Tasks"] tr[data-task="fake-quotes"]')?.dataset.assignee === 'fake-bo');
  // Re-planned after applying: nothing left to move.
  await page.getByText('none: keep things as they are').waitFor();

  // One rep's tasks on demand.
  await reps.getByRole('button', { name: 'Show the tasks of Fake Bo' }).click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('table[aria-label="Tasks"] tr[data-task]')];
    return rows.length === 1 && rows[0].dataset.task === 'fake-quotes';
  });
  await page.getByRole('combobox', { name: 'Whose tasks' }).selectOption('all');

  await page.getByRole('button', { name: 'Add task' }).click();
  await dialog().waitFor();
  await page.getByLabel('Title').fill('Pipeline clean-up');
  await page.getByLabel('Hours of work').fill('2.5');
  await page.getByLabel('Assignee').selectOption({ label: 'Fake Cy' });
  await dialog().getByRole('button', { name: 'Add task' }).click();
  await dialog().waitFor({ state: 'detached' });
  const added = await page.evaluate(() => window.__FAKE_BACKEND__.db.tasks.find((t) => t.id === 'pipeline-clean-up'));
  expect(added && added.hours === 2.5 && added.assignee === 'fake-cy', `added: ${JSON.stringify(added)}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallShot('workload-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
});

await test('fairness: a team\'s ledger sorted by Rust from the column header, with its chart', async () => {
  await page.evaluate(() => {
    window.__FAKE_BACKEND__.db.reps.find((r) => r.id === 'fake-ada').preferred_office_days = ['tue', 'wed'];
  });
  await nav(/Fairness/).click();
  const table = page.getByRole('table', { name: 'Fairness by rep' });
  await table.waitFor();
  await page.getByLabel('To', { exact: true }).fill('2026-12-11');
  const order = () => page.evaluate(() => [...document.querySelectorAll('table[aria-label="Fairness by rep"] tr[data-rep]')].map((r) => r.dataset.rep).join(','));
  await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Fairness by rep"] tr[data-rep]').length === 2);
  const ada = await table.locator('tr[data-rep="fake-ada"]').innerText();
  expect(/[1-9]\d* of \d+/.test(ada), `Ada's preferred days granted of asked: ${ada}`);
  // Rust sorts: by name A–Z, then Z–A on a second click.
  await table.getByRole('button', { name: 'Rep', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('table[aria-label="Fairness by rep"] th[aria-sort="ascending"]'));
  expect((await order()) === 'fake-ada,fake-bo', `A–Z: ${await order()}`);
  await table.getByRole('button', { name: 'Rep', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('table[aria-label="Fairness by rep"] tr[data-rep]')?.dataset.rep === 'fake-bo');
  // The preferred share: Ada's first smallest-first, Bo (asked none) last.
  await table.getByRole('button', { name: 'Preferred days' }).click();
  await page.waitForFunction(() => document.querySelector('table[aria-label="Fairness by rep"] tr[data-rep]')?.dataset.rep === 'fake-ada');
  const asked = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'fairness_page').length);
  expect(asked >= 4, `fairness_page asked ${asked} times`);
  // Chart.js drew Ada's bar for the sorted column.
  const inked = await page.evaluate(() => {
    const c = document.querySelector('section[aria-labelledby="fairness-title"] canvas');
    if (!c || c.width === 0) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  expect(inked > 200, `chart canvas has ${inked} drawn pixels`);
  await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Test West' });
  await page.waitForFunction(() => document.querySelector('table[aria-label="Fairness by rep"] tr[data-rep="fake-cy"]'));
  expect((await table.locator('tr[data-rep="fake-ada"]').count()) === 0, 'one team at a time');
  await tallShot('fairness-light.png');
});

await test('my week shows my office days and the teammates in with me', async () => {
  await nav(/My week/).click();
  // The picker searches Rust's people list; it never holds the whole team.
  await page.getByLabel('I am').fill('cy');
  await page.getByRole('button', { name: 'Choose Fake Cy' }).click();
  expect((await page.evaluate(() => localStorage.getItem('meridian.my-week.rep'))) === 'fake-cy', 'choice remembered');
  // Go to the week of 30 Nov 2026 from whatever week today is.
  const monday = (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  const now = new Date();
  const weeks = Math.round((Date.UTC(2026, 10, 30) - monday(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())))) / (7 * 86400000));
  for (let i = 0; i < Math.abs(weeks); i++) await page.getByRole('button', { name: weeks > 0 ? 'Next week' : 'Previous week' }).click();
  await page.getByRole('heading', { name: /30 Nov – 6 Dec 2026/ }).waitFor();
  const days = page.getByRole('list', { name: 'Days of the week' });
  const wed = await days.locator('li').filter({ hasText: 'Wednesday' }).innerText();
  expect(/In the office · Test New York/.test(wed) && /With Eve Example/.test(wed), `Wednesday: ${wed}`);
  // The week calendar: Rust's wall clocks drawn by @event-calendar; hovering a meeting lists every attendee's local time.
  const cal = page.getByRole('region', { name: 'Week calendar of Fake Cy' });
  await cal.waitFor();
  const office = cal.locator('.ec-event[data-kind="office_day"]');
  expect((await office.count()) >= 1, 'office days on the calendar');
  expect(/With Eve Example/.test((await office.first().getAttribute('aria-label')) ?? ''), 'office day names the teammates');
  const meeting = cal.locator('.ec-event[data-kind="meeting"]').first();
  await meeting.waitFor();
  await meeting.hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  const tipText = await tip.innerText();
  expect(/Fake Ada \(Europe\/London\): \w{3} \d\d:\d\d–\d\d:\d\d/.test(tipText) && /Fake Cy \(America\/New_York\)/.test(tipText), `attendee times: ${tipText}`);
  await tallShot('my-week-light.png');
});

/**
 * Every piece of text under `root` with its colour against the background it
 * is drawn on (semi-transparent fills composed over their ancestors), as WCAG
 * contrast ratios: the ones below 4.5:1 and how many were checked.
 */
async function lowContrast(root) {
  return page.evaluate((sel) => {
    const rgba = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const rootEl = document.querySelector(sel);
    if (!rootEl) return { checked: 0, low: [`no ${sel}`], dark: false };
    const low = [];
    let checked = 0;
    for (const el of rootEl.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const r = el.getBoundingClientRect();
      if (!own || r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const bg = background(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const c = ratio(fg, bg);
      checked++;
      if (c < 4.5) low.push(`${el.className || el.tagName} "${el.textContent.trim().slice(0, 30)}": ${c.toFixed(2)}`);
    }
    return { checked, low, dark: lum(background(rootEl)) < 0.1 };
  }, root);
}

await test('my week in dark mode: the calendar is dark and every label reads at 4.5:1 or more', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    const { checked, low, dark } = await lowContrast('[aria-label="Week calendar of Fake Cy"] .ec');
    expect(dark, 'the calendar background is dark');
    expect(checked > 20, `checked ${checked} texts`);
    expect(low.length === 0, `below 4.5:1:\n${low.slice(0, 8).join('\n')}`);
    await tallShot('my-week-dark.png');
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

await test('team week groups reps by team with counts, on the chosen clock, fetched from Rust', async () => {
  await nav(/Team week/).click();
  const zone = page.getByLabel('Times in');
  await zone.fill('Asia/Tokyo');
  await zone.press('Enter');
  // The week of 30 Nov 2026, where the booked series starts.
  const monday = (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  const now = new Date();
  const weeks = Math.round((Date.UTC(2026, 10, 30) - monday(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())))) / (7 * 86400000));
  for (let i = 0; i < Math.abs(weeks); i++) await page.getByRole('button', { name: weeks > 0 ? 'Next week' : 'Previous week' }).click();
  await page.getByRole('heading', { name: /30 Nov – 4 Dec 2026/ }).waitFor();
  const grid = page.getByRole('table', { name: 'Team week timeline' });
  await grid.getByRole('button', { name: /Test East\s*2 people/ }).waitFor();
  const ada = grid.getByRole('row').filter({ hasText: 'Fake Ada' });
  expect(/Europe\/London · \d\d:\d\d/.test(await ada.innerText()), `Ada's row shows her zone and time: ${await ada.innerText()}`);
  const query = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'team_week').length);
  expect(query >= 1, 'asked Rust for the lines');
  // Folding a group hides its reps.
  await grid.getByRole('button', { name: /Test East/ }).click();
  await page.waitForFunction(() => !document.querySelector('[data-key="rep:fake-ada"]'));
  await grid.getByRole('button', { name: /Test East/ }).click();
  await grid.locator('[data-key="rep:fake-ada"]').waitFor();
  await tallShot('team-week-light.png');
});

await test('a meeting block in the team week shows its whole title and time, also by the hour', async () => {
  const grid = page.getByRole('table', { name: 'Team week timeline' });
  const chip = grid.locator('[data-key="rep:fake-ada"] .tw-chip[data-meeting="rotating-sync"]').first();
  await chip.waitFor();
  const text = await chip.innerText();
  expect(/Rotating sync/.test(text) && /\d\d:\d\d–\d\d:\d\d/.test(text), `chip text: ${text}`);
  const cut = (el) => [...el.children].some((c) => c.scrollWidth > c.clientWidth || c.scrollHeight > c.clientHeight);
  const clipped = await chip.evaluate(cut);
  expect(!clipped, 'neither the title nor the time is cut');
  // Named by what it shows (label in name); the full words, both clocks, are its description.
  const label = (await chip.getAttribute('title')) ?? '';
  expect(/Asia\/Tokyo time; \d\d:\d\d–\d\d:\d\d Europe\/London time/.test(label), `description gives both clocks: ${label}`);
  await chip.click();
  await page.getByRole('button', { name: '‹ Whole week' }).waitFor();
  const block = grid.locator('[data-key="rep:fake-ada"] .tw-block[data-meeting="rotating-sync"]').first();
  const blockText = await block.innerText();
  expect(/Rotating sync/.test(blockText) && /\d\d:\d\d–\d\d:\d\d/.test(blockText), `block text: ${blockText}`);
  expect(!(await block.evaluate(cut)), 'the zoomed block is not cut either');
  expect((await grid.getByText('13:00', { exact: true }).count()) >= 1, 'hour labels in the zoomed day');
  await tallShot('team-week-day-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    const { checked, low, dark } = await lowContrast('[aria-label="Team week timeline"]');
    expect(dark, 'the zoomed day is dark');
    expect(checked > 10, `checked ${checked} texts`);
    expect(low.length === 0, `below 4.5:1 in the zoomed day:\n${low.slice(0, 8).join('\n')}`);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await page.getByRole('button', { name: '‹ Whole week' }).click();
});

await test('team week in dark mode: dark grid, and every label reads at 4.5:1 or more', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    const { checked, low, dark } = await lowContrast('[aria-label="Team week timeline"]');
    expect(dark, 'the grid background is dark');
    expect(checked > 20, `checked ${checked} texts`);
    expect(low.length === 0, `below 4.5:1:\n${low.slice(0, 8).join('\n')}`);
    await tallShot('team-week-dark.png');
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
});

await test('publishing: add a team’s calendar, see what waits, preview, publish with progress, then settle a conflict', async () => {
  await nav(/Publishing/).click();
  await page.getByText('No team is published yet').waitFor();
  await page.getByRole('button', { name: "Add a team's calendar…" }).click();
  const form = page.getByRole('form', { name: 'Team calendar' });
  await form.getByLabel('Team').selectOption({ label: 'Test East' });
  await form.getByLabel('Calendar address (server collection URL)').fill('https://dav.example.com/calendars/lead/test-east/');
  await form.getByLabel('User name').fill('lead');
  await form.getByLabel('Password or app password').fill('s3cret');
  expect(/No keyring on this computer/.test(await form.innerText()), 'the form says passwords last the session');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  const card = page.getByRole('list', { name: 'Team calendars' }).getByRole('listitem').filter({ hasText: 'Test East' });
  const status = card.getByRole('status', { name: 'Status of Test East' });
  await status.getByText('5 changes waiting to publish').waitFor();
  expect(/Never published/.test(await status.innerText()), `status: ${await status.innerText()}`);
  expect(/Password kept until Meridian closes/.test(await card.innerText()), 'where the password is');

  await card.getByRole('button', { name: 'Publish Test East…' }).click();
  const d = page.getByRole('dialog', { name: 'Publish Test East' });
  await d.getByText('5 to create · 0 to update · 0 to delete · 0 unchanged').waitFor();
  await d.getByRole('button', { name: 'Publish' }).click();
  const bar = d.getByRole('progressbar', { name: 'Publishing Test East' });
  await bar.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"][aria-label="Publishing Test East"]')?.getAttribute('aria-valuenow') ?? 0) > 0);
  await d.getByText('Published.').waitFor();
  const result = await d.innerText();
  expect(/Made the calendar · 5 created, 0 updated, 0 deleted, 0 unchanged/.test(result), `result: ${result}`);
  expect(/1 conflict waits for you/.test(result), `result: ${result}`);
  await d.getByRole('button', { name: 'Close' }).last().click();
  await d.waitFor({ state: 'detached' });

  await status.getByText('Up to date').waitFor();
  expect(/Last published 2026-12-05 10:00 UTC/.test(await status.innerText()), `status: ${await status.innerText()}`);
  const conflicts = card.getByRole('region', { name: 'Conflicts of Test East' });
  expect(/Fake weekly sync/.test(await conflicts.innerText()) && /Changed on the server/.test(await conflicts.innerText()), 'the conflict is listed');
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    const { checked, low, dark } = await lowContrast('[aria-label="Team calendars"]');
    expect(dark, 'the cards are dark');
    expect(checked > 10, `checked ${checked} texts`);
    expect(low.length === 0, `below 4.5:1:\n${low.slice(0, 8).join('\n')}`);
    await tallShot('publishing-dark.png');
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await conflicts.getByRole('button', { name: "Use Meridian's version of Fake weekly sync" }).click();
  await conflicts.waitFor({ state: 'detached' });
  await status.getByText('1 change waiting to publish').waitFor();
  await tallShot('publishing-light.png');
});

await test('reports: desk use as a heat-map by week, "Which team is yours?" before any person, export without names', async () => {
  await nav(/Reports/).click();
  const map = page.getByRole('table', { name: 'Desk use' });
  await map.getByRole('rowheader', { name: /Test London/ }).waitFor();
  const weekHeads = await map.getByRole('columnheader', { name: /^Week / }).count();
  expect(weekHeads >= 1, `week headers: ${weekHeads}`);
  const cell = map.locator('td.cell').first();
  const title = await cell.getAttribute('title');
  // The desks as stored now (the what-if test above may have adopted a change).
  const desks = await page.evaluate(() => window.__FAKE_BACKEND__.db.offices.find((o) => o.name === 'Test London').desks);
  expect(new RegExp(`^Test London, \\w{3} \\d+ \\w{3}: (\\d+ of ${desks} desks|closed)`).test(title ?? ''), `cell title: ${title} (desks ${desks})`);
  expect((await cell.locator('.sr-only').innerText()) === title, 'the cell says its figures to screen readers');
  await page.screenshot({ path: join(results, 'reports-desks.png') });

  await page.getByRole('tab', { name: 'My team' }).click();
  const ask = page.getByRole('form', { name: 'Your team' });
  await ask.getByRole('heading', { name: 'Which team is yours?' }).waitFor();
  expect((await page.getByRole('table', { name: 'My team' }).count()) === 0, 'no person before a team is chosen');
  await ask.getByLabel('Team').selectOption({ label: 'Test East' });
  await ask.getByRole('button', { name: 'This is my team' }).click();
  const mine = page.getByRole('table', { name: 'My team' });
  await mine.getByRole('rowheader', { name: 'Fake Ada' }).waitFor();
  expect((await mine.getByRole('rowheader', { name: 'Fake Cy' }).count()) === 0, 'another team\'s rep is not listed');
  await page.screenshot({ path: join(results, 'reports-my-team.png') });

  await page.getByRole('tab', { name: 'Teams' }).click();
  const teams = page.getByRole('table', { name: 'Teams' });
  await teams.getByRole('rowheader', { name: /Test West/ }).waitFor();
  await teams.getByText('Your team').waitFor();

  const form = page.getByRole('form', { name: 'Export a report' });
  await form.getByLabel('Report').selectOption('compliance');
  await form.getByLabel('Leave names out').check();
  await form.getByRole('button', { name: 'Export…' }).click();
  await page.getByText('Saved meridian-compliance-report.csv').waitFor();
  const sent = await page.evaluate(() => window.__FAKE_BACKEND__.lastReport);
  expect(sent.kind === 'compliance' && sent.anonymous === true && sent.format === 'csv', `export request: ${JSON.stringify(sent)}`);
});

await test('a team file with problems is shown with its JSON paths and cannot be imported', async () => {
  await page.getByRole('button', { name: 'Import team…' }).click();
  const d = page.getByRole('dialog', { name: /Import team from broken-team.json/ });
  await d.waitFor();
  const text = await d.innerText();
  expect(/reps\[2\]\.time_zone/.test(text) && /Mars\/Base/.test(text), `problems: ${text}`);
  expect((await d.getByRole('button', { name: 'Replace all data' }).count()) === 0, 'no import button for a broken file');
  await d.getByRole('button', { name: 'Cancel' }).click();
  await d.waitFor({ state: 'detached' });
  await nav(/People/).click();
  await page.getByRole('button', { name: 'CSV template…' }).click();
  await page.getByText('Saved meridian-people-template.csv').waitFor();
});

await test('loading the sample team over existing data asks before replacing it', async () => {
  await page.getByRole('button', { name: 'Load sample team…' }).click();
  await page.getByRole('dialog', { name: /Replace all data/ }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
});

await test('dark mode follows the OS colour scheme', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /People/ }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  expect(r + g + b < 150, `body background in dark mode is ${bg}`);
  await page.screenshot({ path: join(results, 'people-dark.png') });
  await page.getByRole('button', { name: 'Edit Fake Ada' }).click();
  await dialog().waitFor();
  await page.screenshot({ path: join(results, 'rep-form-dark.png') });
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
});

// Accessibility (issue 17): axe-core on every screen and on the dialogs and
// panels a lead opens, light and dark (helpers above).

/** Opens a screen from the main navigation and waits for its first content. */
async function openScreen(name, ready) {
  await nav(name).click();
  await page.locator('.content [role="status"]', { hasText: 'Loading' }).waitFor({ state: 'detached' });
  await ready.waitFor();
}

await a11yTest('People, the rep form, delete confirmation and the CSV import preview', async (check) => {
  await openScreen(/People/, page.getByRole('table', { name: 'People' }).locator('tbody tr').first());
  await check('People');
  await page.getByRole('button', { name: 'Edit Fake Ada' }).click();
  await dialog().waitFor();
  await check('Rep form (Fake Ada)');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Add person' }).click();
  await dialog().waitFor();
  await check('Rep form (new)');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Delete Fake Ada' }).click();
  await dialog().waitFor();
  await check('Delete confirmation');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
  // A reps CSV preview with a new person, a changed one and a problem at its cell.
  await page.evaluate(() => {
    const fake = window.__FAKE_BACKEND__;
    const ada = structuredClone(fake.db.reps.find((r) => r.id === 'fake-ada'));
    const zed = { ...structuredClone(ada), id: 'zed-new', name: 'Zed New' };
    fake.repsCsvPick = {
      file: 'people.csv',
      preview: {
        separator: ',', columns: ['id', 'name', 'time_zone'],
        rows: [
          { row: 2, line: 2, id: 'zed-new', action: 'add', rep: zed, changed: [] },
          { row: 3, line: 3, id: 'fake-ada', action: 'update', rep: { ...ada, time_zone: 'Europe/Paris' }, changed: ['time_zone'] },
        ],
        errors: [{ row: 4, line: 4, column: 'time_zone', message: 'unknown time zone "Mars/Base"' }],
        warnings: [{ row: null, line: null, column: 'shoe_size', message: 'column ignored' }],
        added: 1, updated: 1, unchanged: 0,
      },
    };
  });
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await dialog().waitFor();
  await check('Reps CSV import preview');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.evaluate(() => (window.__FAKE_BACKEND__.repsCsvPick = null));
});

await a11yTest('Offices and the office form', async (check) => {
  await openScreen(/Offices/, page.getByRole('table', { name: 'Offices' }).locator('tbody tr').first());
  await check('Offices');
  await page.getByRole('button', { name: 'Edit Test London' }).click();
  await dialog().waitFor();
  await check('Office form');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Teams, the policy and the team form', async (check) => {
  await openScreen(/Teams/, page.getByRole('table', { name: 'Teams' }).locator('tbody tr').first());
  await check('Teams');
  await page.getByRole('button', { name: 'Add team' }).click();
  await dialog().waitFor();
  await check('Team form');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Meetings and the meeting editor', async (check) => {
  await openScreen(/Meetings/, page.getByRole('list', { name: 'Upcoming meetings' }).getByRole('listitem').first());
  await check('Meetings');
  await page.getByRole('button', { name: /^Edit meeting / }).first().click();
  await dialog().waitFor();
  await check('Meeting editor');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Find a time, its results and the booking dialog', async (check) => {
  await openScreen(/Find a time/, page.getByRole('form', { name: 'Find a time' }));
  await page.getByRole('button', { name: 'Find times' }).click();
  await page.getByRole('article').first().waitFor();
  await check('Find a time with suggestions');
  await page.getByRole('button', { name: 'Book suggestion 1' }).click();
  await page.getByRole('dialog', { name: 'Book this time' }).waitFor();
  await check('Booking dialog');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Office days, the why panel and the what-if panel', async (check) => {
  await openScreen(/Office days/, page.getByRole('grid', { name: 'Office days board' }));
  await page.getByRole('button', { name: 'Re-plan', exact: true }).or(page.getByRole('button', { name: 'Plan', exact: true })).first().click();
  await page.getByRole('region', { name: 'Plan score' }).waitFor();
  await cell('fake-ada', '2026-12-03').click();
  await page.getByRole('complementary', { name: 'Why these days' }).getByText(/Week 49/).waitFor();
  await check('Office days with a plan and a selected day');
  await page.getByRole('button', { name: 'Try a policy' }).click();
  const panel = page.getByRole('region', { name: 'Try a policy' });
  await panel.getByRole('button', { name: 'Try', exact: true }).click();
  await panel.getByRole('region', { name: 'What-if result' }).waitFor();
  await check('What-if panel with both plans');
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Discard' }).click();
});

await a11yTest('Workload, its plan and the task form', async (check) => {
  await openScreen(/Workload/, page.getByRole('form', { name: 'Balance workload' }));
  await page.getByRole('form', { name: 'Balance workload' }).getByRole('button', { name: /^(Balance|Re-plan)$/ }).click();
  await page.getByRole('region', { name: 'Plan figures' }).waitFor();
  await page.getByRole('table', { name: 'Tasks' }).locator('tbody tr').first().waitFor();
  await check('Workload with a plan');
  await page.getByRole('button', { name: 'Add task' }).click();
  await dialog().waitFor();
  await check('Task form');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Team week', async (check) => {
  await openScreen(/Team week/, page.getByRole('table', { name: 'Team week timeline' }));
  await page.getByRole('table', { name: 'Team week timeline' }).locator('[data-key="rep:fake-ada"]').waitFor();
  await check('Team week');
});

await a11yTest('My week, following a calendar and importing busy times', async (check) => {
  await openScreen(/My week/, page.getByRole('region', { name: 'Week calendar of Fake Cy' }));
  await page.locator('.ec-event').first().waitFor();
  await check('My week');
  await page.getByRole('button', { name: 'Follow a team calendar…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).waitFor();
  await check('Follow a calendar form');
  await page.getByRole('button', { name: 'Cancel' }).click();
  // A busy-times preview: one event to store, one left out, one with a problem.
  await page.evaluate(() => {
    const meeting = { id: 'ics-dentist', title: 'Dentist', start: '2026-12-02T09:00', time_zone: 'America/New_York', duration_minutes: 60, rrule: null, attendees: ['fake-cy'], in_person_office: null };
    window.__FAKE_BACKEND__.icsPick = {
      file: 'calendar.ics', rep: 'fake-cy',
      preview: {
        events: [{ line: 12, uid: 'dentist@example.com', all_day: false, expanded: false, meeting }],
        problems: [{ line: 30, message: 'DTSTART has no date' }],
        skipped: [{ line: 20, summary: 'Free lunch', reason: 'marked free (TRANSP:TRANSPARENT)' }],
        cancelled_ids: [],
      },
    };
  });
  await page.getByRole('button', { name: 'Import busy times…' }).click();
  await dialog().waitFor();
  await check('Busy times import preview');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.evaluate(() => (window.__FAKE_BACKEND__.icsPick = null));
});

await a11yTest('Reports, each tab', async (check) => {
  await openScreen(/Reports/, page.getByRole('tablist', { name: 'Which report' }));
  await page.getByRole('tab', { name: 'Desk use' }).click();
  await page.getByRole('table', { name: 'Desk use' }).getByRole('rowheader').first().waitFor();
  await check('Reports: desk use');
  await page.getByRole('tab', { name: 'Teams' }).click();
  await page.getByRole('table', { name: 'Teams' }).getByRole('rowheader').first().waitFor();
  await check('Reports: teams');
  await page.getByRole('tab', { name: 'My team' }).click();
  await page.getByRole('table', { name: 'My team' }).getByRole('rowheader').first().waitFor();
  await check('Reports: my team');
});

await a11yTest('Fairness', async (check) => {
  await openScreen(/Fairness/, page.getByRole('table', { name: 'Fairness by rep' }));
  await page.locator('table[aria-label="Fairness by rep"] tr[data-rep]').first().waitFor();
  await check('Fairness');
});

await a11yTest('Backups and the restore confirmation', async (check) => {
  await openScreen(/Backups/, page.getByRole('button', { name: 'Back up now' }));
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.getByRole('button', { name: /^Restore / }).first().waitFor();
  await check('Backups');
  await page.getByRole('button', { name: /^Restore / }).first().click();
  await dialog().waitFor();
  await check('Restore confirmation');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
});

await a11yTest('Publishing, the calendar form and the publish dialog', async (check) => {
  await openScreen(/Publishing/, page.getByRole('list', { name: 'Team calendars' }));
  await check('Publishing');
  await page.getByRole('button', { name: 'Edit the calendar of Test East' }).click();
  await page.getByRole('form', { name: 'Team calendar' }).waitFor();
  await check('Team calendar form');
  await page.keyboard.press('Escape');
  await page.getByRole('form', { name: 'Team calendar' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Publish Test East…' }).click();
  const d = page.getByRole('dialog', { name: 'Publish Test East' });
  await d.getByText(/to create/).waitFor();
  await check('Publish dialog');
  await page.keyboard.press('Escape');
  await d.waitFor({ state: 'detached' });
});

await a11yTest('the team file import dialog', async (check) => {
  await page.getByRole('button', { name: 'Import team…' }).click();
  await page.getByRole('dialog', { name: /Import team from/ }).waitFor();
  await check('Import team dialog');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
});

await test('in German every screen fits: no nav label, button or table header overflows its box, no English nav label left', async () => {
  const english = ['People', 'Offices', 'Meetings', 'Find a time', 'Office days', 'Workload', 'Team week', 'My week', 'Reports', 'Backups', 'Publishing', 'Settings'];
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: /Settings/ }).click();
  await page.getByLabel('Language of the app').selectOption('de');
  // The window reloads in German (the fake backend starts empty again).
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
  expect((await page.evaluate(() => document.documentElement.lang)) === 'de', 'html lang is de');
  await page.getByRole('button', { name: 'Beispielteam laden', exact: true }).click();
  const deNav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  const labels = (await deNav.getByRole('button').allInnerTexts()).map((s) => s.replace(/\s*\d+$/, '').trim());
  const left = labels.filter((l) => english.includes(l));
  expect(left.length === 0, `English nav labels left: ${left.join(', ')}`);
  const overflows = [];
  for (const [i, label] of labels.entries()) {
    await deNav.getByRole('button').nth(i).click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    await page.waitForTimeout(300);
    const hits = await page.evaluate(() =>
      [...document.querySelectorAll('nav button, nav span, main button, main th, main label, main h1, main h2')]
        .filter((el) => el.offsetParent !== null && !el.closest('.clip') && getComputedStyle(el).textOverflow !== 'ellipsis')
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`),
    );
    overflows.push(...hits.map((h) => `${label}: ${h}`));
    await page.screenshot({ path: join(results, `de-${i}.png`) });
  }
  expect(overflows.length === 0, `overflowing in German:\n${overflows.join('\n')}`);
  // Back to English for the tests after this one: the choice is stored, so it is cleared.
  await page.evaluate(() => localStorage.removeItem('meridian.language'));
  await page.reload();
  await page.getByRole('button', { name: 'Load sample team', exact: true }).click();
  await page.getByRole('table', { name: 'People' }).waitFor();
});

await test('no console errors, CSP violations or off-site requests', async () => {
  expect(pageErrors.length === 0, `console/page errors:\n${pageErrors.join('\n')}`);
  expect(offsite.length === 0, `off-site requests: ${offsite.join(', ')}`);
});

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
