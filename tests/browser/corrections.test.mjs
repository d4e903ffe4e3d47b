// The whole path of a correction in Debian's chromium, against a real
// `ngodesk serve`. A reader reports a new number on the Jiangsu card, then a
// second report whose evidence contains a script tag and invisible
// characters. An editor, created with the CLI, signs in on /editor, finds both
// reports shown as text, accepts the first and rejects the second. The card,
// its history and the Atom feed then show the new number. A failed
// verification call marks a number as possibly out of date. A second server
// with low limits returns 413 and 429, and the report form shows both.
//
//   node tests/browser/corrections.test.mjs [path/to/ngodesk]
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';

import {launchBrowser, makeTempDir, runCli, startServer} from './harness.mjs';

// Tuesday 3 March 2026, 10:00 in Beijing.
const NOW = '2026-03-03T10:00+08:00';
const NEW_NUMBER = '025-86783899';
const HOSTILE_EVIDENCE = '<script>window.__x=1</script> \u202Eevil\u200B';

let dir;
let token;
let server;
let browser;
let page;
const pageErrors = [];
const reports = {}; // report ids by name, as the thank-you messages state them

before(async () => {
  dir = makeTempDir();
  const db = path.join(dir, 'ngodesk.db');
  const output = await runCli(db, ['editor', 'add', 'tester']);
  const match = /\b[0-9a-f]{64}\b/.exec(output);
  assert.ok(match, `a 64-digit hex token in the output of editor add:\n${output}`);
  token = match[0];
  // Room for every report of these tests; the limits have a test of their own.
  server = await startServer({now: NOW, db, args: ['--report-burst', '50']});
  browser = await launchBrowser({locale: 'en-US'});
  page = browser.context.pages()[0] || (await browser.context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    // A 4xx that the page shows as a message is expected: the tests check the message.
    const expected = /status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expected) pageErrors.push(message.text());
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

async function openCard(office) {
  await page.goto(new URL(`/offices/${office}?lang=en`, server.url).href);
  await page.locator(`.office-card[data-office="${office}"]`).waitFor();
}

// Fills and sends the open report form; resolves with the report id of the
// thank-you message.
async function sendReport({field, proposed, evidence}) {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  if (field) await dialog.getByLabel('Field:').selectOption(field);
  await dialog.locator('#report-proposed').fill(proposed);
  if (evidence) await dialog.getByLabel('Evidence (optional)').fill(evidence);
  await dialog.getByRole('button', {name: 'Send the report'}).click();
  const thanks = dialog.locator('.report-thanks');
  await thanks.waitFor();
  const match = /^Thank you: report #(\d+)$/.exec(await thanks.textContent());
  assert.ok(match, await thanks.textContent());
  await dialog.getByRole('button', {name: 'Close'}).click();
  return Number(match[1]);
}

// Opens /editor and signs in, unless the session of an earlier test is
// still live.
async function signIn() {
  await page.goto(new URL('/editor?lang=en', server.url).href);
  await page.locator('body.editor-page').waitFor();
  await page.locator('.signed-in, #token').first().waitFor();
  if ((await page.locator('.signed-in').count()) > 0) return;
  await page.getByLabel('Editor token').fill(token);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await page.locator('.signed-in').waitFor();
}

test('report form fills office and field', async () => {
  await openCard('jiangsu');
  const opener = page.locator('.phones .report-button').first();
  assert.match(await opener.getAttribute('aria-label'), /^Report a problem with 025-86783861$/);
  await opener.click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  assert.match(await dialog.locator('.report-office').textContent(), /Jiangsu/);
  assert.match(await dialog.locator('.report-field').textContent(), /Telephone/);
  assert.match(await dialog.locator('.report-current').textContent(), /025-86783861/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report-proposed');
  assert.match(await dialog.locator('#report-contact_email-hint').textContent(), /never published/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({state: 'detached'});
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Report a problem with 025-86783861');
});

test('reader reports a new number', async () => {
  await openCard('jiangsu');
  await page.getByRole('button', {name: 'Report something else or add an entry'}).click();
  reports.number = await sendReport({field: 'phones', proposed: NEW_NUMBER, evidence: 'Printed on the notice at the reception hall, 2026-03-01'});
  assert.ok(reports.number > 0);
});

test('invalid value shown at its field', async () => {
  await openCard('jiangsu');
  await page.getByRole('button', {name: 'Report something else or add an entry'}).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('Field:').selectOption('emails');
  await dialog.locator('#report-proposed').fill('not an email');
  await dialog.getByRole('button', {name: 'Send the report'}).click();
  const error = dialog.locator('#report-proposed-error');
  await error.waitFor({state: 'visible'});
  assert.ok((await error.textContent()).length > 0);
  assert.equal(await dialog.locator('#report-proposed').getAttribute('aria-invalid'), 'true');
  await dialog.getByRole('button', {name: 'Cancel'}).click();
});

test('error never shows invisible characters', async () => {
  // Server messages quote the values a reader sent, e.g. a `current` value
  // that is not published, so the page reveals their invisible characters.
  await openCard('jiangsu');
  const text = await page.evaluate(async () => {
    const common = await import('/assets/common.js');
    const error = new common.ApiError(400, {code: 'invalid_report', message: 'the value "025 \u202E1234" is not published', message_zh: ''});
    return common.errorMessage(error, 'en', (key) => key);
  });
  assert.ok(!text.includes('\u202E'), `raw U+202E in "${text}"`);
  assert.match(text, /⟨U\+202E⟩/);
});

test('error shown in Chinese', async () => {
  await page.goto(new URL('/offices/jiangsu?lang=zh', server.url).href);
  await page.locator('.office-card[data-office="jiangsu"]').waitFor();
  await page.getByRole('button', {name: '报告其他问题或添加信息'}).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('项目：').selectOption('emails');
  await dialog.locator('#report-proposed').fill('not an email');
  await dialog.getByRole('button', {name: '发送报告'}).click();
  const error = dialog.locator('#report-proposed-error');
  await error.waitFor({state: 'visible'});
  assert.match(await error.textContent(), /[\u4e00-\u9fff]/);
  await dialog.getByRole('button', {name: '取消'}).click();
});

test('reader reports hostile evidence', async () => {
  await openCard('jiangsu');
  await page.getByRole('button', {name: 'Report something else or add an entry'}).click();
  reports.hostile = await sendReport({field: 'other', proposed: 'The reception hall has moved', evidence: HOSTILE_EVIDENCE});
  assert.ok(reports.hostile > reports.number);
});

test('editor sees reports as text', async () => {
  await signIn();
  const number = page.locator(`.report-item[data-report="${reports.number}"]`);
  const hostile = page.locator(`.report-item[data-report="${reports.hostile}"]`);
  await hostile.waitFor();
  assert.match(await number.locator('h3').textContent(), /Jiangsu.*Telephone/);
  assert.match(await number.textContent(), new RegExp(NEW_NUMBER));
  const evidence = await hostile.locator('.evidence').textContent();
  assert.match(evidence, /<script>window\.__x=1<\/script>/);
  assert.match(evidence, /⟨U\+202E⟩evil⟨U\+200B⟩/);
  assert.equal(await hostile.locator('script').count(), 0);
  assert.equal(await page.evaluate(() => window.__x), undefined);
});

test('editor accepts and rejects', async () => {
  const number = page.locator(`.report-item[data-report="${reports.number}"]`);
  await number.getByRole('button', {name: 'Accept'}).click();
  await page.locator('.notice', {hasText: `Report #${reports.number} accepted`}).waitFor();
  await number.waitFor({state: 'detached'});

  const hostile = page.locator(`.report-item[data-report="${reports.hostile}"]`);
  await hostile.getByRole('button', {name: 'Reject'}).click();
  await hostile.locator('.field-error', {hasText: 'Enter the reason'}).waitFor();
  await hostile.getByLabel('Reason for rejecting').fill('No evidence of a move');
  await hostile.getByRole('button', {name: 'Reject'}).click();
  await page.locator('.notice', {hasText: `Report #${reports.hostile} rejected`}).waitFor();
  await hostile.waitFor({state: 'detached'});

  await page.getByLabel('Show').selectOption('rejected');
  const rejected = page.locator(`.report-item[data-report="${reports.hostile}"]`);
  await rejected.waitFor();
  assert.match(await rejected.textContent(), /No evidence of a move/);
});

test('card shows the accepted number', async () => {
  await openCard('jiangsu');
  const phones = page.locator('.phones');
  await phones.locator('li', {hasText: NEW_NUMBER}).waitFor();
  const lastChanged = page.locator('.card-part:has(.phones) .last-changed');
  assert.match(await lastChanged.textContent(), /^Last changed on \d{4}-\d{2}-\d{2}$/);
  const change = page.locator('#history-slot .changes li').first();
  await change.waitFor();
  assert.match(await change.textContent(), /Telephone/);
  assert.match(await change.locator('ins').textContent(), new RegExp(NEW_NUMBER));
  assert.match(await change.textContent(), /tester/);
  assert.equal(await page.locator('#history-slot a[href="/feed.atom"]').count(), 1);
});

test('server page shows number and history', async () => {
  const response = await fetch(new URL('/offices/jiangsu?lang=en', server.url));
  const html = await response.text();
  assert.match(html, new RegExp(NEW_NUMBER));
  assert.match(html, /<link rel="alternate" type="application\/atom\+xml" href="\/feed\.atom"/);
  assert.match(html, /Last changed on/);
  assert.match(html, /reports needs JavaScript|needs JavaScript/);
});

test('feed contains the change', async () => {
  const response = await fetch(new URL('/feed.atom', server.url));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/atom\+xml/);
  const feed = await response.text();
  assert.match(feed, new RegExp(NEW_NUMBER));
  assert.match(feed, /\/offices\/jiangsu/);
  assert.doesNotMatch(feed, /<script>window/);
});

test('failed call marks number stale', async () => {
  await signIn();
  const due = page.locator('#due tbody tr');
  await due.first().waitFor();
  assert.ok((await due.count()) > 0, 'numbers due for a call');
  await page.getByLabel('Office', {exact: true}).selectOption('jiangsu');
  await page.locator('#call-phone option[value="+862586783861"]').waitFor({state: 'attached'});
  await page.getByLabel('Number', {exact: true}).selectOption('+862586783861');
  await page.getByLabel('Outcome').selectOption('no-answer');
  await page.getByLabel('Date of the call').fill('2026-03-02');
  await page.getByRole('button', {name: 'Record the call'}).click();
  await page.locator('.notice', {hasText: 'Recorded the call'}).waitFor();

  await openCard('jiangsu');
  const number = page.locator('.phones li', {hasText: '025-86783861'});
  await number.locator('.badge.stale').waitFor();
  assert.match(await number.locator('.badge.stale').textContent(), /Possibly out of date: a call on 2026-03-02/);
});

test('expired session returns to sign-in', async () => {
  await signIn();
  // Ends the session behind the page's back, as expiry would.
  await page.evaluate(async () => {
    const session = await (await fetch('/api/v1/session')).json();
    await fetch('/api/v1/session', {method: 'DELETE', headers: {'X-CSRF-Token': session.csrf_token}});
  });
  await page.getByLabel('Show').selectOption('all');
  await page.locator('.notice', {hasText: 'Your session has ended'}).waitFor();
  await page.getByLabel('Editor token').waitFor();
});

test('sign out ends the session', async () => {
  await signIn();
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.locator('.notice', {hasText: 'You have signed out'}).waitFor();
  const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
  assert.equal(status, 401);
  const stored = await page.evaluate(() => JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}));
  assert.doesNotMatch(stored, new RegExp(token));
});

test('limits shown as messages', async () => {
  const limited = await startServer({now: NOW, args: ['--report-burst', '1', '--report-rate', '1', '--max-report-bytes', '600']});
  try {
    await page.goto(new URL('/offices/beijing?lang=en', limited.url).href);
    await page.locator('.office-card[data-office="beijing"]').waitFor();
    await page.getByRole('button', {name: 'Report something else or add an entry'}).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('#report-proposed').fill('Other');
    await dialog.getByLabel('Evidence (optional)').fill('x'.repeat(1000));
    await dialog.getByRole('button', {name: 'Send the report'}).click();
    const message = dialog.locator('.form-message');
    await message.waitFor({state: 'visible'});
    assert.match(await message.textContent(), /large|bytes|size/i);

    await dialog.getByLabel('Evidence (optional)').fill('');
    await dialog.getByRole('button', {name: 'Send the report'}).click();
    await dialog.locator('.report-thanks').waitFor();
    await dialog.getByRole('button', {name: 'Close'}).click();

    await page.getByRole('button', {name: 'Report something else or add an entry'}).click();
    await page.locator('dialog[open] #report-proposed').fill('Other again');
    await page.locator('dialog[open]').getByRole('button', {name: 'Send the report'}).click();
    const tooMany = page.locator('dialog[open] .form-message');
    await tooMany.waitFor({state: 'visible'});
    assert.match(await tooMany.textContent(), /many|later|rate/i);
  } finally {
    await limited.stop();
  }
});

test('no outside request, no page error', async () => {
  assert.deepEqual(browser.outside, []);
  assert.deepEqual(pageErrors, []);
});
