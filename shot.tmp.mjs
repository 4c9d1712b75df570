import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const width = Number(process.env.W || 1280);
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto('http://localhost:4300/login');
await p.getByLabel('E-mailadres').fill('beheer@quickscan.local');
await p.getByLabel('Wachtwoord').fill('shot-wachtwoord-12345');
await p.getByRole('button', { name: 'Inloggen' }).click();
await p.waitForURL(/pilots$/);
for (const [name, url] of process.argv.slice(2).map((a) => a.split('='))) {
  await p.goto('http://localhost:4300' + url);
  await p.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const figs = await p.locator('figure').all();
  let i = 0;
  for (const f of figs.slice(0, 8)) await f.screenshot({ path: `/tmp/shot/${name}-fig${i++}.png` });
  await p.screenshot({ path: `/tmp/shot/${name}-top.png` });
}
await b.close();
