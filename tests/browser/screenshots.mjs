// Takes the screenshots of the README: the search for 苏州 with the office
// card, at 1280 px and at 390 px (a phone), with the server's clock fixed so
// that the hours badge is the same on every run.
//
//   node tests/browser/screenshots.mjs [path/to/ngodesk]
import path from 'node:path';

import {launchBrowser, sourceDir, startServer} from './harness.mjs';

const NOW = '2026-03-03T10:00+08:00';
const SHOTS = [
  {file: 'screenshot-1280.png', width: 1280, height: 900},
  {file: 'screenshot-390.png', width: 390, height: 844},
];

const server = await startServer({now: NOW});
try {
  for (const shot of SHOTS) {
    const browser = await launchBrowser({locale: 'en-US', width: shot.width, height: shot.height});
    try {
      const page = browser.context.pages()[0] || (await browser.context.newPage());
      await page.goto(`${server.url}?q=${encodeURIComponent('苏州')}`);
      await page.locator('.office-card .hours-status').waitFor();
      await page.locator('#office-list li').nth(32).waitFor();
      const out = path.join(sourceDir, 'docs', shot.file);
      await page.screenshot({path: out, fullPage: true});
      if (browser.outside.length > 0) throw new Error(`requests left loopback: ${browser.outside.join(', ')}`);
      console.log(`wrote ${path.relative(sourceDir, out)}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
}
