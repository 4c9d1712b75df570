import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
const base = process.env.BASE || 'http://localhost:4173';
await p.goto(base + '/login');
await p.getByLabel('E-mailadres').fill('beheer@quickscan.local');
await p.getByLabel('Wachtwoord').fill(process.env.PW || 'e2e-wachtwoord-quickscan');
await p.getByRole('button', { name: 'Inloggen' }).click();
await p.waitForURL(/pilots$/);
for (const [name, url] of process.argv.slice(2).map((a) => a.split('='))) {
  await p.goto(base + url.replace('~', '?').replace('^', '='));
  const figs = await p.locator('figure').all();
  let i = 0;
  for (const f of figs.slice(0, 3)) await f.screenshot({ path: `/tmp/shot/${name}-fig${i++}.png` });
}
await b.close();
