// Loads the node's query page in headless Chromium (puppeteer-core, Debian's chromium), runs a query and prints the result.
// usage: node graphiql.mjs <http url of /subgraphs/name/...> [chromium path]
import puppeteer from 'puppeteer-core';

const [url, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
});
try {
  const page = await browser.newPage();
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  const contentType = response.headers()['content-type'] ?? '';
  await page.waitForSelector('#query');
  await page.$eval('#query', el => { el.value = '{ devices(first: 2, orderBy: id) { id kind } }'; });
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('result').textContent.includes('"data"'), { timeout: 30000 });
  const result = await page.$eval('#result', el => el.textContent);
  console.log(JSON.stringify({ status: response.status(), contentType, title: await page.title(), result: JSON.parse(result) }));
} catch (e) {
  console.error(`page failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
