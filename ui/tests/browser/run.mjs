// Chromium test of the built UI (ui/dist) with the Tauri IPC replaced by an
// in-memory fake backend (fake-backend.js). Builds nothing: run `npm run build` first.
// Prints "N passed, M failed" last and exits non-zero on any failure.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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
    console.log(`FAIL - ${name}\n  ${String(e?.message ?? e).split('\n').slice(0, 6).join('\n  ')}`);
    await page.screenshot({ path: join(results, `failure-${passed + failed}.png`) }).catch(() => {});
  }
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const dialog = () => page.getByRole('dialog');

await page.goto(origin + '/');

await test('first start with an empty database shows the empty state with Load sample team', async () => {
  expect((await page.title()) === 'Meridian', `title is "${await page.title()}"`);
  await page.getByRole('heading', { name: 'Plan your hybrid sales team' }).waitFor();
  await page.getByRole('button', { name: 'Load sample team' }).waitFor();
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

await test('booking the first suggestion suggests an id from the title and lists the meeting', async () => {
  await page.getByRole('button', { name: 'Book suggestion 1' }).click();
  await page.getByRole('dialog', { name: 'Book this time' }).waitFor();
  await page.getByLabel('Title').fill('Deal review');
  expect((await page.getByLabel('Meeting id').inputValue()) === 'deal-review', 'id suggested from the title');
  expect((await page.getByLabel('Weekly for (weeks)').inputValue()) === '1', 'weeks prefilled from the request');
  await page.getByLabel('Weekly for (weeks)').fill('6');
  await page.screenshot({ path: join(results, 'book-dialog-light.png') });
  await dialog().getByRole('button', { name: 'Book', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });
  const booked = await page.evaluate(() => window.__FAKE_BACKEND__.db.meetings.find((m) => m.id === 'deal-review'));
  expect(booked && booked.time_zone === 'Europe/London' && booked.attendees.length === 3 && booked.rrule === 'FREQ=WEEKLY;COUNT=6', `booked: ${JSON.stringify(booked)}`);
  await nav(/Meetings/).click();
  const row = page.getByRole('table', { name: 'Meetings' }).locator('tbody tr').filter({ hasText: 'Deal review' });
  const text = await row.innerText();
  expect(/Europe\/London/.test(text) && /weekly, 6 times/.test(text) && /Fake Ada/.test(text), `meeting row: ${text}`);
});

await test('a fair weekly rotation shows the burden ledger and books one meeting per week', async () => {
  await nav(/Find a time/).click();
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

await test('meetings list shows recurrence in words and deletes after confirmation', async () => {
  await nav(/Meetings/).click();
  const table = page.getByRole('table', { name: 'Meetings' });
  expect((await table.locator('tbody tr').count()) === 4, `rows: ${await table.locator('tbody tr').count()}`);
  await page.screenshot({ path: join(results, 'meetings-light.png') });
  await page.getByRole('button', { name: 'Delete meeting Deal review (deal-review)' }).click();
  await page.getByRole('dialog', { name: 'Delete Deal review?' }).getByRole('button', { name: 'Delete meeting' }).click();
  await dialog().waitFor({ state: 'detached' });
  expect((await table.locator('tbody tr').filter({ hasText: 'Deal review' }).count()) === 0, 'deleted');
});

/** A board cell by rep id and date. */
const cell = (rep, date) => page.locator(`table[aria-label="Office days board"] button[data-rep="${rep}"][data-date="${date}"]`);
const attr = (loc, name) => loc.getAttribute(name);

await test('office days: plan, lock a cell, re-plan around the lock, accept', async () => {
  await nav(/Office days/).click();
  const form = page.getByRole('form', { name: 'Plan office days' });
  await form.waitFor();
  // With no stored weeks the form starts on a Monday for four weeks.
  const from = await page.getByLabel('Weeks from').inputValue();
  expect(new Date(`${from}T00:00:00Z`).getUTCDay() === 1 && (await page.getByLabel('Weeks', { exact: true }).inputValue()) === '4', `default window ${from}`);
  await page.getByLabel('Weeks from').fill('2026-12-02');
  await page.getByLabel('Weeks', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('region', { name: 'Plan score' }).waitFor();
  const stored = await page.evaluate(() => window.__FAKE_BACKEND__.db.requests.rotation);
  expect(stored && stored.from === '2026-11-30' && stored.weeks === 4, `window stored snapped to Monday: ${JSON.stringify(stored)}`);
  expect(/Plan, not saved/.test(await page.getByRole('status').filter({ hasText: 'Plan' }).first().innerText()), 'plan status');
  // Desk bars per office and day; a closed date is greyed.
  const board = page.getByRole('table', { name: 'Office days board' });
  expect((await board.getByRole('img', { name: /Test New York, Fri 25 Dec: closed/ }).count()) === 1, 'closed day on the desk bar');
  expect((await board.getByRole('img', { name: /Test London, Tue 1 Dec: 1 of 4 desks used/ }).count()) === 1, 'desk bar counts');

  // Ada is remote on Wednesday in the plan: lock her in.
  const wed = cell('fake-ada', '2026-12-02');
  expect((await attr(wed, 'data-kind')) === 'remote', `Ada's Wednesday: ${await attr(wed, 'data-kind')}`);
  await wed.click();
  await page.waitForFunction(() => document.querySelector('button[data-rep="fake-ada"][data-date="2026-12-02"]')?.dataset.lock === 'in');
  await page.getByText('Locks changed since this plan').waitFor();
  expect((await page.getByRole('complementary', { name: 'Why these days' }).innerText()).includes('Locked in'), 'side panel shows the lock');

  // An impossible lock (the office is closed) is refused by the backend and shown under that row.
  await cell('fake-cy', '2026-12-25').click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Could not change the lock for Fake Cy' });
  await refusal.waitFor();
  expect(/closed on 2026-12-25/.test(await refusal.innerText()), `refusal: ${await refusal.innerText()}`);

  await page.getByRole('button', { name: 'Re-plan', exact: true }).click();
  await page.getByText('Locks changed since this plan').waitFor({ state: 'detached' });
  expect((await attr(wed, 'data-kind')) === 'in' && (await attr(wed, 'data-lock')) === 'in', 'the lock is respected by the new plan');
  const plannedWed = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'plan_rotation').length);
  expect(plannedWed === 2, `planned twice, got ${plannedWed}`);

  // The side panel explains the rep's week.
  await wed.focus();
  const why = await page.getByRole('complementary', { name: 'Why these days' }).innerText();
  expect(/locked in/.test(why) && /Week 49/.test(why), `why panel: ${why}`);

  // Keyboard: arrows move the focus, Enter walks the lock in → out → none.
  await page.keyboard.press('ArrowRight');
  const thu = cell('fake-ada', '2026-12-03');
  expect(await thu.evaluate((el) => el === document.activeElement), 'ArrowRight moves to Thursday');
  for (const expected of ['in', 'out', 'none']) {
    await page.keyboard.press('Enter');
    await page.waitForFunction((v) => document.querySelector('button[data-rep="fake-ada"][data-date="2026-12-03"]')?.dataset.lock === v, expected);
  }
  await tallShot('office-days-light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await tallShot('office-days-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Accept plan' }).click();
  await page.getByText('Accepted office days', { exact: true }).waitFor();
  const saved = await page.evaluate(() => window.__FAKE_BACKEND__.db.office_days);
  expect(saved.some((d) => d.rep === 'fake-ada' && d.date === '2026-12-02'), `accepted: ${JSON.stringify(saved.slice(0, 4))}`);
  expect((await attr(wed, 'data-kind')) === 'in', 'the board shows the accepted day');
});

await test('workload: balance a week, see load against capacity, accept and apply one move, add a task', async () => {
  await nav(/Workload/).click();
  await page.getByRole('form', { name: 'Balance workload' }).waitFor();
  await page.getByLabel('From', { exact: true }).fill('2026-11-30');
  await page.getByLabel('To', { exact: true }).fill('2026-12-04');
  await page.getByRole('button', { name: 'Balance', exact: true }).click();
  const figures = page.getByRole('region', { name: 'Plan figures' });
  await figures.waitFor();
  expect(/Busiest rep\s*120% → 100%/.test(await figures.innerText()), `figures: ${await figures.innerText()}`);
  const stored = await page.evaluate(() => window.__FAKE_BACKEND__.db.requests.balance);
  expect(stored && stored.from === '2026-11-30' && stored.to === '2026-12-04', `window stored: ${JSON.stringify(stored)}`);
  const ada = await page.getByRole('table', { name: 'Utilisation by rep' }).getByRole('row', { name: /Fake Ada/ }).innerText();
  expect(/120%/.test(ada) && /20%/.test(ada), `Ada's row: ${ada}`);
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
  const risky = await page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: /Renewal quotes/ }).innerText();
  expect(/at risk/.test(risky), `quotes row: ${risky}`);
  await tallShot('workload-light.png');

  const moves = page.getByRole('list', { name: 'Proposed changes' });
  const move = moves.locator('li[data-task="fake-quotes"]');
  expect((await move.getAttribute('data-rep')) === 'fake-bo', 'quotes go to Bo');
  await move.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Apply accepted (1)' }).click();
  await page.getByText('Moved 1 task').waitFor();
  const assignee = await page.evaluate(() => window.__FAKE_BACKEND__.db.tasks.find((t) => t.id === 'fake-quotes').assignee);
  expect(assignee === 'fake-bo', `stored assignee: ${assignee}`);
  await page.waitForFunction(() => document.querySelector('table[aria-label="Tasks"] tr[data-task="fake-quotes"]')?.dataset.assignee === 'fake-bo');
  // Re-planned after applying: nothing left to move.
  await page.getByText('none: keep things as they are').waitFor();

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

await test('my week shows my office days and the teammates in with me', async () => {
  await nav(/My week/).click();
  await page.getByLabel('I am').selectOption({ label: 'Fake Cy' });
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

await test('team week shows every rep as a row with their working hours on one clock', async () => {
  await nav(/Team week/).click();
  const zone = page.getByLabel('Times in');
  await zone.fill('Asia/Tokyo');
  await zone.press('Enter');
  const timeline = page.getByRole('region', { name: 'Team week timeline' });
  await timeline.waitFor();
  const text = await timeline.innerText();
  expect(/Fake Ada · Europe\/London/.test(text) && /Fake Bo · Asia\/Kolkata/.test(text), `rows: ${text.slice(0, 300)}`);
  const calls = await page.evaluate(() => window.__FAKE_BACKEND__.calls.filter((c) => c === 'calendar_view').length);
  expect(calls >= 1, 'asked Rust for the view');
  await tallShot('team-week-light.png');
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

await test('no console errors, CSP violations or off-site requests', async () => {
  expect(pageErrors.length === 0, `console/page errors:\n${pageErrors.join('\n')}`);
  expect(offsite.length === 0, `off-site requests: ${offsite.join(', ')}`);
});

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
