// The browser suite's stack: the real `periplus serve` process on a fresh SQLite file with the
// shipped questionnaires and a small assessment, accounts made with the CLI, and Debian's Chromium
// driven by playwright-core (no browser download).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from '../support/app';
import { ROOT, runCli, startServerProcess, type ServerProcess } from '../support/process';

export const PASSWORD = 'a long enough passphrase';
export const CHROMIUM = process.env.PERIPLUS_CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A short assessment with live skip logic on three pages, in English, French and Arabic. */
export const assessmentDefinition = {
  title: { default: 'Border agency assessment', fr: 'Évaluation de la police des frontières', ar: 'تقييم شرطة الحدود' },
  family: 'assessment',
  languages: ['en', 'fr', 'ar'],
  translationStatus: { en: 'source', fr: 'machine-draft', ar: 'machine-draft' },
  pages: [
    {
      name: 'law',
      title: { default: 'Law', fr: 'Droit', ar: 'القانون' },
      elements: [
        {
          type: 'radiogroup',
          name: 'criminalised',
          title: {
            default: 'Is smuggling of migrants a criminal offence?',
            fr: 'Le trafic illicite de migrants est-il une infraction pénale ?',
            ar: 'هل تهريب المهاجرين جريمة جنائية؟',
          },
          isRequired: true,
          choices: [
            { value: 'yes', text: { default: 'Yes', fr: 'Oui', ar: 'نعم' } },
            { value: 'no', text: { default: 'No', fr: 'Non', ar: 'لا' } },
          ],
          sdcRole: 'none',
        },
        {
          type: 'text',
          name: 'provision',
          title: { default: 'Which provision?', fr: 'Quelle disposition ?', ar: 'أي حكم؟' },
          isRequired: true,
          visibleIf: "{criminalised} = 'yes'",
          maxLength: 200,
          sdcRole: 'none',
        },
        {
          type: 'comment',
          name: 'gap',
          title: { default: 'Describe the gap', fr: "Décrivez l'écart", ar: 'صف الفجوة' },
          visibleIf: "{criminalised} = 'no'",
          isRequired: true,
          maxLength: 2000,
          sdcRole: 'none',
        },
      ],
    },
    {
      name: 'practice',
      title: { default: 'Practice', fr: 'Pratique', ar: 'الممارسة' },
      elements: [
        {
          type: 'text',
          name: 'cases',
          inputType: 'number',
          min: 0,
          max: 100000,
          title: { default: 'Cases prosecuted last year', fr: "Affaires poursuivies l'an dernier", ar: 'القضايا الملاحقة العام الماضي' },
          sdcRole: 'none',
        },
        {
          type: 'radiogroup',
          name: 'training',
          title: { default: 'Are officers trained?', fr: 'Les agents sont-ils formés ?', ar: 'هل الموظفون مدربون؟' },
          choices: ['yes', 'partly', 'no'],
          sdcRole: 'none',
        },
      ],
    },
    {
      name: 'summary',
      title: { default: 'Summary', fr: 'Synthèse', ar: 'الخلاصة' },
      elements: [
        {
          type: 'html',
          name: 'recap',
          html: {
            default: '<p class="recap">Provision: {provision}</p>',
            fr: '<p class="recap">Disposition : {provision}</p>',
            ar: '<p class="recap">الحكم: {provision}</p>',
          },
        },
        { type: 'comment', name: 'notes', title: { default: 'Notes', fr: 'Notes', ar: 'ملاحظات' }, maxLength: 2000, sdcRole: 'none' },
      ],
    },
  ],
};

/** A short transit-point interview: screening with consent gating, then three questions; Pashto is right to left. */
export const interviewDefinition = {
  title: { default: 'Transit interview', ps: 'د تېرېدو مرکه', ar: 'مقابلة العبور' },
  family: 'scoping',
  languages: ['en', 'ar', 'ps'],
  translationStatus: { en: 'source', ar: 'machine-draft', ps: 'machine-draft' },
  screening: [
    { reason: 'no-consent', if: "{consent} = 'no'" },
    { reason: 'under-age', if: "{age_band} = 'under-18'" },
  ],
  referral: { default: 'National legal aid line: +216 80 000 000', ar: 'الخط الوطني للمساعدة القانونية: +216 80 000 000' },
  // The device of these tests is at Sfax: it is sent this card in place of the national one.
  siteReferrals: {
    TUN: {
      Sfax: { referral: { default: 'Sfax legal aid desk: +216 00 000 000', ar: 'مكتب المساعدة القانونية في صفاقس: +216 00 000 000' } },
    },
  },
  childReferral: { default: 'Child protection delegate, Sfax: +216 11 111 111', ar: 'مندوب حماية الطفولة، صفاقس: +216 11 111 111' },
  triggers: [{ type: 'complete', expression: "{consent} = 'no'" }],
  // The answers of an interview the respondent stops may be kept when they agreed to it at the start.
  withdrawal: { keepAnswersIf: "{keep_if_stopped} = 'yes'" },
  pages: [
    {
      name: 'consent_page',
      elements: [
        {
          type: 'radiogroup',
          name: 'consent',
          title: { default: 'Do you agree to take part?', ps: 'ایا په ګډون موافق یاست؟', ar: 'هل توافق على المشاركة؟' },
          isRequired: true,
          choices: [
            { value: 'yes', text: { default: 'Yes', ps: 'هو', ar: 'نعم' } },
            { value: 'no', text: { default: 'No', ps: 'نه', ar: 'لا' } },
          ],
          sdcRole: 'none',
        },
        {
          type: 'radiogroup',
          name: 'keep_if_stopped',
          visibleIf: "{consent} = 'yes'",
          title: {
            default: 'If you stop before the end, may we keep the answers you gave?',
            ps: 'که تاسو له پای مخکې ودرېږئ، ایا موږ ستاسو ځوابونه ساتلی شو؟',
            ar: 'إذا توقفت قبل النهاية، هل يمكننا الاحتفاظ بالإجابات التي قدمتها؟',
          },
          choices: [
            { value: 'yes', text: { default: 'Keep them', ps: 'وې ساتئ', ar: 'احتفظوا بها' } },
            { value: 'no', text: { default: 'Do not keep them', ps: 'مه یې ساتئ', ar: 'لا تحتفظوا بها' } },
          ],
          sdcRole: 'none',
        },
      ],
    },
    {
      name: 'journey',
      visibleIf: "{consent} = 'yes'",
      elements: [
        {
          type: 'radiogroup',
          name: 'age_band',
          title: { default: 'Age', ps: 'عمر', ar: 'العمر' },
          isRequired: true,
          choices: ['under-18', '18-24', '25-34', '35+'],
          sdcRole: 'quasi',
        },
        {
          type: 'text',
          name: 'days',
          inputType: 'number',
          min: 0,
          max: 3650,
          title: { default: 'Days on the way', ps: 'په لاره کې ورځې', ar: 'أيام في الطريق' },
          sdcRole: 'sensitive',
        },
        {
          type: 'radiogroup',
          name: 'paid',
          title: { default: 'Did you pay a smuggler?', ps: 'ایا قاچاقبر ته مو پیسې ورکړې؟', ar: 'هل دفعت لمهرب؟' },
          choices: ['yes', 'no', 'refused'],
          sdcRole: 'sensitive',
        },
      ],
    },
  ],
};

export interface Stack {
  url: string;
  /** The server's database file and questionnaire folder (for `periplus publish`). */
  db: string;
  surveys: string;
  server: ServerProcess;
  browser: Browser;
  deviceToken: string;
  admin: { cookie: string; csrf: string };
  close(): Promise<void>;
}

async function signIn(url: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${username}: ${r.status} ${await r.text()}`);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: (await r.json()).csrfToken };
}

/** deviceLanguages: the interview languages the device is enrolled with (default: all). */
export async function startStack(options: { deviceLanguages?: string[] } = {}): Promise<Stack> {
  const tmp = tempDir('periplus-browser-');
  const db = join(tmp.dir, 'periplus.sqlite');
  const surveys = join(tmp.dir, 'surveys');
  cpSync(join(ROOT, 'surveys'), surveys, { recursive: true });
  mkdirSync(join(surveys, 'border-assessment'), { recursive: true });
  writeFileSync(join(surveys, 'border-assessment/1.json'), JSON.stringify(assessmentDefinition));
  mkdirSync(join(surveys, 'transit-interview'), { recursive: true });
  writeFileSync(join(surveys, 'transit-interview/1.json'), JSON.stringify(interviewDefinition));
  for (const [name, role, countries] of [
    ['ada', 'admin', '*'],
    ['amina', 'assessor', 'TUN'],
    ['bilal', 'assessor', 'TUN'],
  ] as const) {
    const r = await runCli(['users', 'add', name, '--role', role, '--countries', countries, '--db', db], { PERIPLUS_PASSWORD: PASSWORD });
    if (r.code !== 0) throw new Error(`users add ${name}: ${r.stderr}`);
  }
  const server = await startServerProcess(['--db', db, '--surveys', surveys]);
  const admin = await signIn(server.url, 'ada');
  const headers = { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf };
  for (const user of ['amina', 'bilal']) {
    const list = await (await fetch(`${server.url}/api/v1/users`, { headers })).json();
    const id = list.items.find((u: { username: string }) => u.username === user).id;
    const r = await fetch(`${server.url}/api/v1/users/${id}/assignments`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ questionnaires: ['border-assessment'] }),
    });
    if (!r.ok) throw new Error(`assignments: ${r.status} ${await r.text()}`);
  }
  const device = await fetch(`${server.url}/api/v1/devices`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'phone 1',
      questionnaires: ['transit-interview', 'migrant-scoping'],
      country: 'TUN',
      site: 'Sfax',
      ...(options.deviceLanguages ? { languages: options.deviceLanguages } : {}),
    }),
  });
  if (device.status !== 201) throw new Error(`device: ${device.status} ${await device.text()}`);
  const deviceToken = (await device.json()).token as string;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    url: server.url,
    db,
    surveys,
    server,
    browser,
    deviceToken,
    admin,
    async close() {
      await browser.close();
      await server.stop();
      tmp.cleanup();
    },
  };
}

/** A page that fails the test on any console error, page error or request to another origin. */
export async function watchedPage(context: BrowserContext, origin: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The network log of an expected 401/404 (who am I; a draft not saved yet) is not a fault.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol.startsWith('http')) problems.push(`external request: ${r.url()}`);
  });
  return { page, problems };
}

export async function signInThroughPage(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('#sign-out');
}

/** Refusal counts the server keeps for a questionnaire. */
export async function refusalCount(stack: Stack, questionnaireId: string): Promise<number> {
  const r = await fetch(`${stack.url}/api/v1/questionnaires/${questionnaireId}/fieldwork?format=json`, {
    headers: { cookie: stack.admin.cookie },
  });
  return ((await r.json()) as { refusals: { total: number } }).refusals.total;
}

/** Rows the server stored for a questionnaire (as the admin sees them). */
export async function storedResponses(
  stack: Stack,
  questionnaireId: string,
  status = 'submitted',
): Promise<Array<{ instanceId: string; data: Record<string, unknown>; status: string; revision: number }>> {
  const r = await fetch(`${stack.url}/api/v1/questionnaires/${questionnaireId}/responses?status=${status}&limit=100`, {
    headers: { cookie: stack.admin.cookie },
  });
  return (await r.json()).items;
}

/** The enumerator's PIN in the browser tests. */
export const PIN = '480915';

/** Chooses the PIN on the app's first screen and waits for the questionnaire list. */
export async function choosePinOnPage(page: Page, pin = PIN): Promise<void> {
  await page.waitForSelector('#pin-again');
  await page.fill('#pin', pin);
  await page.fill('#pin-again', pin);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#count-waiting, [data-name]', { timeout: 20_000 });
}

/** Unlocks the app after a reload or a lock. */
export async function unlockOnPage(page: Page, pin = PIN): Promise<void> {
  await page.waitForSelector('#pin');
  await page.fill('#pin', pin);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#count-waiting, [data-name]', { timeout: 20_000 });
}

/** Every record of the app's IndexedDB, as raw as the page can read it: ArrayBuffers as latin1 text. */
export function rawStore(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const text = (v: unknown): string => {
          if (v instanceof ArrayBuffer) return String.fromCharCode(...new Uint8Array(v));
          if (ArrayBuffer.isView(v)) return String.fromCharCode(...new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
          if (Array.isArray(v)) return `[${v.map(text).join(',')}]`;
          if (v && typeof v === 'object')
            return `{${Object.entries(v)
              .map(([k, x]) => `${k}:${text(x)}`)
              .join(',')}}`;
          return String(v);
        };
        const req = indexedDB.open('periplus');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = Array.from(db.objectStoreNames as unknown as ArrayLike<string>);
          const out: Record<string, string[]> = {};
          if (names.length === 0) return resolve(out);
          const tx = db.transaction(names);
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            const keys = tx.objectStore(name).getAllKeys();
            all.onsuccess = () => (out[name] = all.result.map(text));
            keys.onsuccess = () => (out[`${name} keys`] = keys.result.map(text));
          }
          tx.oncomplete = () => resolve(out);
        };
      }),
  );
}

/**
 * The queued interviews, opened in the page with a PIN as an attacker who knows it would: the
 * salt from the store, PBKDF2 and AES-GCM by Web Crypto. Rejects when the PIN is wrong.
 */
export function openOutbox(page: Page, pin: string): Promise<Array<Record<string, any>>> {
  return page.evaluate(
    (pin) =>
      new Promise<Array<Record<string, any>>>((resolve, reject) => {
        const req = indexedDB.open('periplus');
        req.onsuccess = () => {
          const tx = req.result.transaction(['settings', 'outbox']);
          const vault = tx.objectStore('settings').get('vault');
          const items = tx.objectStore('outbox').getAll();
          tx.oncomplete = async () => {
            try {
              const { salt, iterations } = vault.result;
              const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
              const key = await crypto.subtle.deriveKey(
                { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
                material,
                { name: 'AES-GCM', length: 256 },
                false,
                ['decrypt'],
              );
              const open = async (box: { iv: Uint8Array; ct: ArrayBuffer }) =>
                JSON.parse(
                  new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv as BufferSource }, key, box.ct)),
                );
              resolve(await Promise.all(items.result.map((r: { box: { iv: Uint8Array; ct: ArrayBuffer } }) => open(r.box))));
            } catch (e) {
              reject(new Error(`could not open the outbox: ${(e as Error).name}`));
            }
          };
        };
        req.onerror = () => reject(req.error);
      }),
    pin,
  );
}

/** Opens the enumerator app with a device token, chooses the PIN, and waits until the service worker controls the page. */
export async function openCollect(context: BrowserContext, origin: string, token: string): Promise<{ page: Page; problems: string[] }> {
  const watched = await watchedPage(context, origin);
  await watched.page.goto(`${origin}/collect/#token=${token}`);
  await choosePinOnPage(watched.page);
  await watched.page.waitForSelector('button[data-questionnaire="transit-interview"]');
  await watched.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  return watched;
}

/**
 * Cuts the network as a dead link does: the browser's offline mode, and every API request failing
 * at the request level, since `navigator.onLine` under offline emulation differs between Chromium
 * versions (Debian's 150 kept it true). The app is judged on what it does, not on that flag.
 */
export async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
}
export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/** axe-core's verdict on the page: serious and critical violations only, each with its rule and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source); // through DevTools: the page's CSP rightly allows no injected script
  const results = await page.evaluate(async () => (window as unknown as { axe: { run(): Promise<any> } }).axe.run());
  expect(results.passes.length).toBeGreaterThan(10); // axe did look at the page
  return (results.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
