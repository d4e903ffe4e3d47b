// Tests of the finder page in Debian's chromium, against a real `ngodesk serve`
// with a fixed clock. They cover the search, the candidates, the language
// switch, copying an address, the hours badge, the office filter and a phone
// screen. The last test checks that no request went beyond the loopback server.
//
//   node tests/browser/page.test.mjs [path/to/ngodesk]
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {launchBrowser, startServer} from './harness.mjs';

// Tuesday 3 March 2026, 10:00 in Beijing: a working day, within office hours.
const TUESDAY_MORNING = '2026-03-03T10:00+08:00';
// Sunday 8 March 2026, 10:00 in Beijing: a weekend day.
const SUNDAY_MORNING = '2026-03-08T10:00+08:00';

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await startServer({now: TUESDAY_MORNING});
  browser = await launchBrowser({locale: 'en-US'});
  page = browser.context.pages()[0] || (await browser.context.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    // The 400 of the punctuation-only search is expected: the page shows its message.
    const expected = message.text().includes('status of 400 (Bad Request)');
    if (message.type() === 'error' && !expected) pageErrors.push(message.text());
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Opens a page of the server in English. The lang parameter keeps each test
// independent of the language that an earlier test left in localStorage.
async function visit(pathAndQuery) {
  const url = new URL(pathAndQuery, server.url);
  url.searchParams.set('lang', 'en');
  const response = await page.goto(url.href);
  await page.locator('body.app').waitFor();
  return response;
}

async function searchFor(text) {
  await page.getByLabel('Place or address').fill(text);
  await page.getByRole('button', {name: 'Find the office'}).click();
  await page.locator('#results h2').waitFor();
}

test('strict CSP and no inline code', async () => {
  const response = await page.goto(server.url);
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /default-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  await page.locator('#office-list li').nth(32).waitFor();
  assert.equal(await page.locator('#office-list li').count(), 33);
  assert.equal(await page.locator('[style]').count(), 0, 'no element has a style attribute');
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  for (const landmark of ['header', 'nav', 'main', 'footer']) {
    assert.ok((await page.locator(landmark).count()) > 0, `${landmark} landmark`);
  }
  assert.equal(await page.locator('#results').getAttribute('aria-live'), 'polite');
});

test('苏州 resolves to Jiangsu', async () => {
  await searchFor('苏州');
  const office = page.locator('.result-office');
  const activity = page.locator('.result-activity');
  assert.equal(await office.locator('.office-link').getAttribute('data-office'), 'jiangsu');
  assert.equal(await activity.locator('.office-link').getAttribute('data-office'), 'jiangsu');
  assert.match(await office.locator('.office-link').textContent(), /Jiangsu/);
  assert.match(await office.locator('.citation').textContent(), /Art\. 11/);
  assert.match(await activity.locator('.citation').textContent(), /Art\. 16/);
  // The card of the office opens below the results.
  await page.locator('.office-card[data-office="jiangsu"]').waitFor();
  assert.match(await page.locator('#office-heading').textContent(), /Jiangsu/);
  assert.equal(new URL(page.url()).searchParams.get('q'), '苏州');
});

test('pinyin and traditional forms resolve', async () => {
  for (const query of ['Suzhou, Jiangsu', '蘇州']) {
    await searchFor(query);
    assert.equal(await page.locator('.result-office .office-link').getAttribute('data-office'), 'jiangsu', query);
  }
});

test('朝阳 lists candidates to pick', async () => {
  await searchFor('朝阳');
  const candidates = page.locator('.candidates button');
  assert.ok((await candidates.count()) >= 2, 'at least two candidates');
  assert.equal(await page.locator('.office-card').count(), 0, 'no card before a pick');
  const beijing = candidates.filter({hasText: 'Beijing'}).first();
  await beijing.click();
  await page.locator('.result-office .office-link[data-office="beijing"]').waitFor();
  await page.locator('.office-card[data-office="beijing"]').waitFor();
  assert.equal(await page.locator('.candidates').count(), 0, 'the picked place is no longer ambiguous');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading');
});

test('language switch is remembered', async () => {
  await page.goto(server.url);
  await page.locator('body.app').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', {name: '简体中文'}).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.equal(await page.locator('label[for="q"]').textContent(), '地名或地址');
  assert.equal(await page.getByRole('button', {name: '简体中文'}).getAttribute('aria-pressed'), 'true');
  await page.locator('#office-list li').first().waitFor();
  assert.match(await page.locator('#office-list li').first().textContent(), /[\u4e00-\u9fff]/);

  await page.reload();
  await page.locator('body.app #q').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans', 'remembered after a reload');
  await page.getByRole('button', {name: 'English'}).click();
  assert.equal(await page.locator('label[for="q"]').textContent(), 'Place or address');
  await page.reload();
  await page.locator('body.app #q').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English remembered too');
});

test('copy button copies Chinese address', async () => {
  await visit('/offices/jiangsu');
  const expected = await page.evaluate(async () => (await (await fetch('/api/v1/offices/jiangsu')).json()).addresses[0].zh);
  await page.getByRole('button', {name: 'Copy the Chinese address'}).first().click();
  await page.locator('.copy-feedback', {hasText: 'Copied'}).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
});

test('phones are E.164 tel: links', async () => {
  await visit('/offices/jiangsu');
  await page.locator('.phones a.tel').first().waitFor();
  const hrefs = await page.locator('.phones a.tel').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0);
  for (const href of hrefs) assert.match(href, /^tel:\+86\d{6,12}$/);
  assert.match(await page.locator('.badge.confirmed').first().textContent(), /Confirmed on \d{4}-\d{2}-\d{2}/);
});

test('open badge at fixed instant', async () => {
  await visit('/offices/beijing');
  const badge = page.locator('.hours-status .badge');
  await badge.waitFor();
  assert.equal(await badge.getAttribute('data-state'), 'open');
  assert.equal(await badge.textContent(), 'Open');
  assert.match(await page.locator('.hours-status .when').textContent(), /2026-03-03 10:00/);
  assert.equal(await page.locator('table.week tbody tr').count(), 7);
  assert.match(await page.locator('.hours .assumption').textContent(), /Assumption/);
});

test('corrections show both values', async () => {
  await visit('/offices/tianjin');
  const correction = page.locator('.corrections li').first();
  await correction.waitFor();
  assert.match(await correction.locator('del').textContent(), /^Tianjing city/);
  assert.match(await correction.locator('ins').textContent(), /^Tianjin city/);
});

test('unknown badge without published hours', async () => {
  await visit('/offices/jiangsu');
  const badge = page.locator('.hours-status .badge');
  await badge.waitFor();
  assert.equal(await badge.getAttribute('data-state'), 'unknown');
});

test('office list filters while typing', async () => {
  await visit('/');
  await page.locator('#office-list li').nth(32).waitFor();
  assert.match(await page.locator('#office-count').textContent(), /33 of 33/);
  await page.getByLabel('Filter the offices').pressSequentially('jiang');
  const ids = await page.locator('#office-list li').evaluateAll((items) => items.map((li) => li.dataset.office));
  for (const id of ['jiangsu', 'jiangxi', 'zhejiang', 'xinjiang']) assert.ok(ids.includes(id), `${id} in ${ids}`);
  assert.ok(!ids.includes('beijing'), `beijing not in ${ids}`);
  await page.getByLabel('Filter the offices').fill('广东');
  assert.deepEqual(await page.locator('#office-list li').evaluateAll((items) => items.map((li) => li.dataset.office)), ['guangdong']);
  await page.locator('#office-list a').first().click();
  await page.locator('.office-card[data-office="guangdong"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'office-heading');
});

test('no sideways overflow at 390 px', async () => {
  await page.setViewportSize({width: 390, height: 844});
  await visit(`/?q=${encodeURIComponent('苏州')}`);
  await page.locator('.office-card .hours-status').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width} px wide`);
  await page.setViewportSize({width: 1280, height: 900});
});

test('browser language default, Sunday closed', async () => {
  const sunday = await startServer({now: SUNDAY_MORNING});
  const chinese = await launchBrowser({locale: 'zh-CN'});
  try {
    const other = chinese.context.pages()[0] || (await chinese.context.newPage());
    await other.goto(`${sunday.url}offices/beijing`);
    const badge = other.locator('.hours-status .badge');
    await badge.waitFor();
    assert.equal(await other.locator('html').getAttribute('lang'), 'zh-Hans');
    assert.equal(await badge.getAttribute('data-state'), 'closed');
    assert.equal(await badge.textContent(), '不办公');
    assert.deepEqual(chinese.outside, []);
  } finally {
    await chinese.close();
    await sunday.stop();
  }
});

test('search errors and misses shown', async () => {
  await visit('/');
  await searchFor('xyzzy');
  assert.match(await page.locator('#results .not-found').textContent(), /No place in mainland China/);
  await page.getByLabel('Place or address').fill('！！！');
  await page.getByRole('button', {name: 'Find the office'}).click();
  await page.locator('#results .error').waitFor();
  assert.ok((await page.locator('#results .error').textContent()).length > 0);
});

test('keyboard focus follows the page order', async () => {
  await visit('/');
  await page.locator('#office-list li').first().waitFor();
  const order = [];
  for (let step = 0; step < 8; step++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  assert.deepEqual(order, ['Skip to the search', 'ngodesk', 'Search', 'All offices', 'English', '简体中文', 'q', 'Find the office']);
});

test('print shows one office per page', async () => {
  await visit('/offices/beijing');
  await page.locator('.hours-status').waitFor();
  await page.emulateMedia({media: 'print'});
  try {
    assert.equal(await page.locator('#search').isVisible(), false);
    assert.equal(await page.locator('#offices').isVisible(), false);
    assert.equal(await page.locator('.office-card').isVisible(), true);
    assert.equal(await page.locator('.office-card').evaluate((card) => getComputedStyle(card).breakAfter), 'page');
    assert.equal(await page.locator('.report-button').first().isVisible(), false, 'report buttons are not printed');
    assert.equal(await page.locator('.history').isVisible(), true, 'the history is printed');
  } finally {
    await page.emulateMedia({media: 'screen'});
  }
});

test('no outside request, no page error', async () => {
  assert.deepEqual(browser.outside, []);
  assert.deepEqual(pageErrors, []);
});
