'use strict';
// The web bench's set-up, shared by bench.js and profile.js: the page at 1280×800 running the
// scenario, a what-if cancellation added mid-horizon through the form, its pin focused, so that
// each ArrowRight moves the pin one day (bench/web/README.md).
const helpers = require('../../tests/web/helpers');

async function pageWithWhatIfPin(browser, server, text) {
  const page = await helpers.openPage(browser, server.url, { width: 1280, height: 800 });
  await page.evaluate((t) => window.subsimPage.run(t), text);
  const sc = JSON.parse(text);
  const on = new Date((Date.parse(sc.start) + Date.parse(sc.until)) / 2).toISOString().slice(0, 10);
  await page.fill('.wi-date', on);
  await page.dispatchEvent('.wi-date', 'change');
  await page.click('.wi-add');
  await page.waitForSelector('.wi-pin');
  await page.focus('.wi-pin');
  await page.waitForTimeout(300);
  return page;
}

module.exports = { pageWithWhatIfPin };
