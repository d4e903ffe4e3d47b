// Takes the screenshots of the README: a search with its office card, at
// 1280 px and at 390 px (a phone), and the report form of a phone number on
// a phone. The server's clock is fixed, so the hours badge is the same on
// every run.
//
//   node tests/browser/screenshots.mjs [path/to/ngodesk]
import path from 'node:path';

import {launchBrowser, sourceDir, startServer} from './harness.mjs';

// Tuesday 3 March 2026, 10:00 in Beijing: the office is open.
const NOW = '2026-03-03T10:00+08:00';
const QUERY = '杭州市西湖区';
const SHOTS = [
  // The whole page, the list of the 33 offices included.
  {file: 'screenshot-1280.png', width: 1280, height: 900, fullPage: true},
  // The first screens of a phone: search, results and the office card.
  {file: 'screenshot-390.png', width: 390, height: 3400, fullPage: false},
];

const server = await startServer({now: NOW});
try {
  for (const shot of SHOTS) {
    const browser = await launchBrowser({locale: 'en-US', width: shot.width, height: shot.height});
    try {
      const page = browser.context.pages()[0] || (await browser.context.newPage());
      await page.goto(`${server.url}?q=${encodeURIComponent(QUERY)}`);
      await page.locator('.office-card .hours-status').waitFor();
      await page.locator('#office-list li').nth(32).waitFor();
      const out = path.join(sourceDir, 'docs', shot.file);
      await page.screenshot({path: out, fullPage: shot.fullPage});
      if (browser.outside.length > 0) throw new Error(`the page requested other hosts than loopback: ${browser.outside.join(', ')}`);
      console.log(`wrote ${path.relative(sourceDir, out)}`);
    } finally {
      await browser.close();
    }
  }
  await shootReportForm();
} finally {
  await server.stop();
}

// The form that the "Report a problem" button of a number opens, filled in.
async function shootReportForm() {
  const browser = await launchBrowser({locale: 'en-US', width: 390, height: 844});
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    await page.goto(`${server.url}offices/jiangsu?lang=en`);
    await page.locator('.phones .report-button').first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('#report-proposed').fill('025-86783862');
    await dialog.locator('#report-evidence').fill('Called on 2026-03-02 and reached the office; the old number is out of service.');
    const out = path.join(sourceDir, 'docs', 'screenshot-report-390.png');
    await page.screenshot({path: out});
    if (browser.outside.length > 0) throw new Error(`the page requested other hosts than loopback: ${browser.outside.join(', ')}`);
    console.log(`wrote ${path.relative(sourceDir, out)}`);
  } finally {
    await browser.close();
  }
}
