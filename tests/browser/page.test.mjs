// Tests of the finder page in Debian's chromium, against a real `ngodesk serve`
// with a fixed clock. They cover the search, the candidates, the language
// switch, copying an address, the hours badge, the office filter, a phone
// screen, printing, and the pages for readers without JavaScript. The last
// test checks that no request went beyond the loopback server.
//
//   node tests/browser/page.test.mjs [path/to/ngodesk]
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {launchBrowser, pdfPageCount, startServer} from './harness.mjs';

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
  // The choice comes first, and no office is named before the pick.
  assert.equal(await page.locator('#results .choice').textContent(), '“朝阳” matches several places: pick one.');
  assert.equal(await page.locator('#results .result-grid').count(), 0, 'no procedure box before a pick');
  assert.equal(await page.locator('#results .office-link').count(), 0, 'no office link before a pick');
  const texts = await candidates.allTextContents();
  assert.ok(texts.some((text) => /Chaoyang.*Beijing/.test(text)), `a Beijing candidate in ${texts}`);
  assert.ok(texts.some((text) => /Liaoning/.test(text)), `a Liaoning candidate in ${texts}`);
  const beijing = candidates.filter({hasText: 'Beijing'}).first();
  await beijing.click();
  await page.locator('.result-office .office-link[data-office="beijing"]').waitFor();
  await page.locator('.office-card[data-office="beijing"]').waitFor();
  assert.equal(await page.locator('.candidates').count(), 0, 'the picked place is no longer ambiguous');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading');
});

test('Suzhou alone asks for a pick', async () => {
  await searchFor('Suzhou');
  await page.locator('#results .choice').waitFor();
  assert.match(await page.locator('#results .choice').textContent(), /^“Suzhou” matches several places/);
  assert.equal(await page.locator('#results .result-grid').count(), 0);
  const texts = await page.locator('.candidates button').allTextContents();
  assert.ok(texts.some((text) => /Jiangsu/.test(text)), `a Jiangsu candidate in ${texts}`);
  assert.ok(texts.some((text) => /Anhui/.test(text)), `an Anhui candidate in ${texts}`);
});

test('place found names whole chain', async () => {
  await visit('/');
  await searchFor('南京市鼓楼区北京西路');
  assert.equal(await page.locator('.result-office .place').textContent(), 'Place found: 鼓楼区 / Gulou, 南京市 / Nanjing, 江苏省 / Jiangsu');
  await page.getByRole('button', {name: '简体中文'}).click();
  assert.equal(await page.locator('.result-office .place').textContent(), '识别的地点：江苏省南京市鼓楼区');
  await page.getByRole('button', {name: 'English'}).click();
});

test('address keeps its lang parameter', async () => {
  await visit('/');
  await searchFor('苏州');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en', 'kept by a search');
  await page.getByRole('button', {name: '简体中文'}).click();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh', 'follows the switch');
  await page.reload();
  await page.locator('body.app #q').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans', 'a reload keeps Chinese');
  await page.getByRole('button', {name: 'English'}).click();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
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

// The badges below are the script's (with data-state): the server's HTML of
// the same card has a badge too, which can be found before the script runs.
test('open badge at fixed instant', async () => {
  await visit('/offices/beijing');
  const badge = page.locator('.hours-status .badge[data-state]');
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
  const badge = page.locator('.hours-status .badge[data-state]');
  await badge.waitFor();
  assert.equal(await badge.getAttribute('data-state'), 'unknown');
  assert.equal(await badge.textContent(), 'Hours unknown');
  assert.equal(await page.locator('.hours-status .reason').textContent(), 'No hours published.');
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
    const badge = other.locator('.hours-status .badge[data-state]');
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
  for (const query of ['！！！', '!!!']) {
    await page.getByLabel('Place or address').fill(query);
    await page.getByRole('button', {name: 'Find the office'}).click();
    await page.locator('#results .error').waitFor();
    assert.equal(await page.locator('#results .error').textContent(), 'Enter a place or an address.', query);
  }
  await page.getByLabel('Place or address').fill('苏州'.repeat(550));
  await page.getByRole('button', {name: 'Find the office'}).click();
  assert.match(await page.locator('#results .error').textContent(), /^The text is too long: at most 200 characters/);
});

test('bad procedure in address shown', async () => {
  const response = await page.goto(`${server.url}?q=${encodeURIComponent('苏州')}&procedure=visit&lang=en`);
  assert.equal(response.status(), 400);
  await page.locator('body.app #results .error').waitFor();
  assert.match(await page.locator('#results .error').textContent(), /procedure “visit” in the address is invalid/);
  assert.equal(await page.locator('.office-card').count(), 0);
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

// The ids of the offices with the longest cards (the most numbers, links and
// sources, the longest addresses and hours), and zhejiang, hebei and tianjin,
// whose cards once printed on three pages.
async function longestCards() {
  const response = await fetch(`${server.url}api/v1/offices`);
  const ids = (await response.json()).offices.map((office) => office.id);
  const scored = [];
  for (const id of ids) {
    const office = await (await fetch(`${server.url}api/v1/offices/${id}`)).json();
    const entries = ['phones', 'fax', 'emails', 'websites', 'sources'].reduce((sum, field) => sum + (office[field] || []).length, 0);
    const length = JSON.stringify(office.addresses || []).length + ((office.hours && office.hours.text) || '').length;
    scored.push({id, score: entries * 100 + length});
  }
  scored.sort((a, b) => b.score - a.score);
  return [...new Set(['zhejiang', 'hebei', 'tianjin', ...scored.slice(0, 4).map((entry) => entry.id)])];
}

const A4 = {format: 'A4', margin: {top: '1cm', right: '1cm', bottom: '1cm', left: '1cm'}};

test('print shows one office per page', async () => {
  await visit('/offices/beijing');
  await page.locator('.hours-status').waitFor();
  await page.emulateMedia({media: 'print'});
  try {
    assert.equal(await page.locator('#search').isVisible(), false);
    assert.equal(await page.locator('#offices').isVisible(), false);
    assert.equal(await page.locator('.office-card').isVisible(), true);
    assert.notEqual(await page.locator('.office-card').evaluate((card) => getComputedStyle(card).breakAfter), 'page', 'no blank page after the card');
    assert.equal(await page.locator('.report-button').first().isVisible(), false, 'report buttons are not printed');
    assert.equal(await page.locator('.history').isVisible(), true, 'the history is printed');
  } finally {
    await page.emulateMedia({media: 'screen'});
  }
});

test('long cards print on one A4 page', async () => {
  const ids = await longestCards();
  for (const id of ids) {
    for (const lang of ['en', 'zh']) {
      await page.goto(`${server.url}offices/${id}?lang=${lang}`);
      await page.locator('.hours-status').waitFor();
      await page.locator('#history-slot .loading').waitFor({state: 'detached'});
      await page.emulateMedia({media: 'print'});
      try {
        assert.equal(pdfPageCount(await page.pdf(A4)), 1, `${id} in ${lang} with JavaScript`);
      } finally {
        await page.emulateMedia({media: 'screen'});
      }
    }
  }

  const plain = await launchBrowser({locale: 'en-US', javaScriptEnabled: false});
  try {
    const other = plain.context.pages()[0] || (await plain.context.newPage());
    await other.emulateMedia({media: 'print'});
    for (const id of ids) {
      for (const lang of ['en', 'zh']) {
        await other.goto(`${server.url}offices/${id}?lang=${lang}`);
        assert.equal(pdfPageCount(await other.pdf(A4)), 1, `${id} in ${lang} without JavaScript`);
      }
    }
    assert.deepEqual(plain.outside, []);
  } finally {
    await plain.close();
  }
});

test('pages without JavaScript', async () => {
  const plain = await launchBrowser({locale: 'en-US', javaScriptEnabled: false});
  try {
    const other = plain.context.pages()[0] || (await plain.context.newPage());
    await other.goto(`${server.url}offices/anhui?lang=en`);
    const first = other.locator('.numbers a.tel').first();
    assert.match(await first.textContent(), /^\+86 \d{2,4} \d{3,4} \d{4}$/);
    assert.match(await first.getAttribute('href'), /^tel:\+86\d{6,12}$/);
    assert.ok((await other.locator('dt', {hasText: 'Published hours'}).count()) === 1);
    assert.ok((await other.locator('dt', {hasText: 'As an opening_hours expression'}).count()) === 1);
    assert.match(await other.locator('.next-change').textContent(), /^Then closed from 2026-03-03 \d\d:\d\d$/);

    await other.goto(`${server.url}offices/mps?lang=en`);
    assert.match(await other.locator('article p', {hasText: 'Jurisdiction'}).textContent(), /Jurisdiction: Nationwide/);

    const missing = await other.goto(`${server.url}offices/atlantis?lang=en`);
    assert.equal(missing.status(), 404);
    assert.match(await other.locator('main').textContent(), /No office has the id “atlantis”/);
    assert.equal(await other.locator('link[rel="stylesheet"]').count(), 1);
    assert.notEqual(await other.locator('body').evaluate((body) => getComputedStyle(body).fontFamily), '', 'the stylesheet applies');

    const bad = await other.goto(`${server.url}?q=%FF&lang=en`);
    assert.equal(bad.status(), 400);
    assert.match(bad.headers()['content-type'], /^text\/html/);
    assert.match(await other.locator('main .error').textContent(), /UTF-8/);

    const icon = await plain.context.request.get(`${server.url}favicon.ico`);
    assert.equal(icon.status(), 200, 'the redirect leads to the icon');
    assert.equal(icon.headers()['content-type'], 'image/svg+xml');
    assert.deepEqual(plain.outside, []);
  } finally {
    await plain.close();
  }
});

test('week dates stay on one line', async () => {
  await page.setViewportSize({width: 390, height: 844});
  try {
    await visit('/offices/beijing');
    await page.locator('table.week tbody tr').first().waitFor();
    const heights = await page.locator('table.week th .date').evaluateAll((dates) => dates.map((date) => date.getClientRects().length));
    assert.deepEqual(heights, [1, 1, 1, 1, 1, 1, 1]);
  } finally {
    await page.setViewportSize({width: 1280, height: 900});
  }
});

test('favicon linked, no 404 logged', async () => {
  await visit('/');
  assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), '/assets/favicon.svg');
  const icon = await page.evaluate(async () => (await fetch('/assets/favicon.svg')).status);
  assert.equal(icon, 200);
});

test('Chinese strings use full-width punctuation', async () => {
  await visit('/');
  const chinese = await page.evaluate(async () => (await import('/assets/i18n.js')).TRANSLATIONS.zh);
  for (const [key, value] of Object.entries(chinese)) {
    const text = Array.isArray(value) ? value.join(' ') : value;
    assert.doesNotMatch(text, /`/, `${key}: no backticks`);
    assert.doesNotMatch(text, /[\u4e00-\u9fff][:;,?!()]|[()][\u4e00-\u9fff]/u, `${key}: no ASCII punctuation next to Chinese`);
  }
});

test('no outside request, no page error', async () => {
  assert.deepEqual(browser.outside, []);
  assert.deepEqual(pageErrors, []);
});
