/**
 * Cross-role journeys: the same walk through the dashboard in English and Persian, on a laptop (1366 px) and a
 * phone (390 px), with every page checked for accessibility (axe), sideways scrolling on the phone and English
 * left on a Persian page. Other specs use these helpers too: `JOURNEY_SETUPS` and `openJourney` for the grid,
 * `signInAs` and `goTo` to move as a person would, `pageProblems` after each page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, baseUrl } from './browser';

export type JourneyLanguage = 'en' | 'fa';
export type JourneyViewport = 'desktop' | 'phone';

export interface JourneySetup {
  language: JourneyLanguage;
  viewport: JourneyViewport;
  /** For test names: "en at 1366 px". */
  label: string;
}

export const VIEWPORTS: Record<JourneyViewport, { width: number; height: number }> = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
};

/** Every language at every width: use with `describe.each(JOURNEY_SETUPS)('... ($label)', ...)`. */
export const JOURNEY_SETUPS: JourneySetup[] = (['en', 'fa'] as const).flatMap((language) =>
  (['desktop', 'phone'] as const).map((viewport) => ({ language, viewport, label: `${language} at ${VIEWPORTS[viewport].width} px` })),
);

export const DEMO_PASSWORD = 'demo-password';

/** A journey visits several pages with axe on each, four times over: give each test room on a shared machine. */
export const JOURNEY_TIMEOUT_MS = 240_000;
export const DEMO_PROGRAM = 'Preclinical Peer Mentoring';

export interface Journey {
  context: BrowserContext;
  page: Page;
  setup: JourneySetup;
}

/**
 * A fresh context at the setup's width whose first page already opens in the setup's language (the choice is
 * stored where the language switch keeps it), so even the sign-in page is in that language.
 */
export async function openJourney(browser: Browser, setup: JourneySetup): Promise<Journey> {
  const context = await browser.newContext({ viewport: VIEWPORTS[setup.viewport], locale: setup.language === 'fa' ? 'fa-IR' : 'en-GB' });
  await context.addInitScript((language) => {
    if (!window.localStorage.getItem('pm.language')) window.localStorage.setItem('pm.language', language);
  }, setup.language);
  const page = await context.newPage();
  return { context, page, setup };
}

/** Signs in through the form (by the fields' ids, so it works in either language) and waits for the home page. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('main h1').first().waitFor();
}

/** The phone header folds the navigation behind a Menu button: open it when it is there and closed. */
export async function openHeaderMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('header-menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
}

/** Follows a link of the main navigation, by its path (language-independent), as a person would. */
export async function goTo(page: Page, path: string): Promise<void> {
  await openHeaderMenu(page);
  await page.locator(`nav.main-nav a[href="${path}"]`).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Changes the language with the header's switch (inside the menu on a phone). */
export async function switchLanguage(page: Page, language: JourneyLanguage): Promise<void> {
  await openHeaderMenu(page);
  await page.getByTestId('language-switch').selectOption(language);
  await page.waitForFunction((dir) => document.documentElement.dir === dir, language === 'fa' ? 'rtl' : 'ltr');
}

/** True when the page is wider than the window (the reader would have to scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the widest offenders that are not inside a scroller of their own, so the failure says what to fix.
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.right <= root.clientWidth + 1 && rect.left >= -1) continue;
      let clipped = false;
      for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      }
      if (!clipped && !offenders.some((o) => o.startsWith(element.tagName))) {
        offenders.push(`${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`);
      }
    }
    return `page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window (${offenders.slice(0, 5).join(', ')})`;
  });
}

/**
 * Data, not interface: words the demo seed stores in English (interests, languages, campuses) and assessment
 * names used by the specs. Names, emails and program names come from the API (see `demoDataAllowList`).
 */
export const DEMO_DATA_WORDS = [
  'cardiology', 'neurology', 'surgery', 'pediatrics', 'psychiatry', 'research', 'anatomy', 'public health', 'emergency medicine', 'oncology',
  'English', 'Persian', 'Arabic', 'French', 'Turkish', 'German', 'North campus', 'South campus',
  'Anatomy midterm', 'Physiology midterm', 'Quiz',
  // The seed's assessment names (apps/api/src/seed).
  'Anatomy quiz', 'Physiology quiz', 'Biochemistry final', 'Biochemistry midterm', 'Histology practical', 'Neuroanatomy practical',
  // What other specs write into the same run's database: session rooms and the evaluation spec's assessments.
  'Library, room 2', 'Library, room 3', 'Library 2.14', 'Physiology final', 'Room',
];

/**
 * Terms that stay Latin in Persian writing: file formats and the CSV's literal date pattern, statistical symbols
 * (Cohen's dz), keys as printed on the keyboard, and product names. Add a term here only when Persian readers
 * would write it the same way.
 */
export const TECHNICAL_TERMS = ['CSV', 'YYYY-MM-DD', 'dz', 'Shift+Enter', 'Enter', 'Outlook'];

/** Emails, web addresses, IANA time zones (Asia/Tehran) and UTC are data in any language. */
const ALWAYS_ALLOWED = String.raw`[\w.+-]+@[\w-]+(\.[\w-]+)+|https?:\/\/\S+|\b[A-Z][A-Za-z_]+\/[A-Za-z_\/+-]+\b|\bUTC\b`;

/**
 * Latin-letter words on a Persian page, outside the allowed data. Reads the visible text (including text kept
 * for screen readers only), the labels assistive technology reads (aria-label, title, alt, placeholder) and the
 * page title. Skipped: text inside an element with a non-Persian `lang` (the "English" language option), inside
 * `<code>`/`<kbd>`/`<samp>` or `translate="no"` (literal file columns, commands: the page's own allow-list), and
 * labels inside `aria-hidden` subtrees, which nobody sees or hears.
 */
export async function englishWords(page: Page, allow: readonly string[] = []): Promise<string[]> {
  const allowed = [...new Set([...allow, ...DEMO_DATA_WORDS, ...TECHNICAL_TERMS])].filter((text) => text.trim() !== '').sort((a, b) => b.length - a.length);
  return page.evaluate(
    ({ allowed, alwaysAllowed }) => {
      const found = new Map<string, string>();
      const always = new RegExp(alwaysAllowed, 'g');
      const lower = allowed.map((text) => text.toLowerCase());
      const scan = (raw: string, where: string): void => {
        let text = raw.replace(always, ' ');
        let folded = text.toLowerCase();
        lower.forEach((entry) => {
          for (let at = folded.indexOf(entry); at >= 0; at = folded.indexOf(entry)) {
            text = text.slice(0, at) + ' '.repeat(entry.length) + text.slice(at + entry.length);
            folded = text.toLowerCase();
          }
        });
        for (const match of text.matchAll(/[A-Za-z][A-Za-z'’_.-]*[A-Za-z]/g)) {
          if (!found.has(match[0])) found.set(match[0], `${where}: "${raw.trim().slice(0, 80)}"`);
        }
      };
      const foreign = (element: Element): boolean => {
        const tagged = element.closest('[lang]');
        return tagged !== null && !tagged.getAttribute('lang')?.startsWith('fa');
      };
      const visible = (element: Element): boolean => element.checkVisibility({ visibilityProperty: true }) || element.closest('option') !== null;
      const describe = (element: Element): string => {
        const id = element.closest('[data-testid]')?.getAttribute('data-testid');
        return `${element.tagName.toLowerCase()}${id ? ` in [${id}]` : ''}`;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const element = node.parentElement;
        if (!element || element.closest('script, style, noscript, code, kbd, samp, [translate="no"]') || foreign(element) || !visible(element)) continue;
        scan(node.textContent ?? '', describe(element));
      }
      for (const element of Array.from(document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))) {
        if (foreign(element) || !visible(element) || element.closest('[aria-hidden="true"], [translate="no"]')) continue;
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
          const value = element.getAttribute(name);
          if (value) scan(value, `${describe(element)} @${name}`);
        }
      }
      scan(document.title, 'title');
      return [...found].map(([word, where]) => `${word} (${where})`);
    },
    { allowed, alwaysAllowed: ALWAYS_ALLOWED },
  );
}

export interface PageCheckOptions {
  /** Data shown on the page in Latin letters: people's names, emails, program names. */
  allow?: readonly string[];
}

/**
 * Everything wrong with the page as this journey's person sees it: serious axe findings, sideways scrolling on
 * a phone, and English words on a Persian page. Use as `expect(await pageProblems(journey)).toEqual([])`.
 */
export async function pageProblems({ page, setup }: Journey, { allow = [] }: PageCheckOptions = {}): Promise<string[]> {
  // Let lazy pages and queries settle (callers wait for the element they came for first); a live chat socket may
  // keep the network busy, so this wait is bounded.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const problems = (await accessibilityViolations(page)).map((violation) => `axe ${violation}`);
  if (setup.viewport === 'phone') {
    const overflow = await horizontalOverflow(page);
    if (overflow) problems.push(`overflow ${overflow}`);
  }
  if (setup.language === 'fa') {
    problems.push(...(await englishWords(page, allow)).map((word) => `english ${word}`));
  }
  const path = new URL(page.url()).pathname;
  return problems.map((problem) => `${path}: ${problem}`);
}

async function api<T>(path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A signed-in API token for a demo account, for looking data up (never for the journey itself). */
export async function demoToken(email: string): Promise<string> {
  const auth = await api<{ accessToken: string }>('/auth/login', undefined, { email, password: DEMO_PASSWORD });
  return auth.accessToken;
}

/** Names, emails and program names of the demo data (as the coordinator and the admin see them). */
export async function demoDataAllowList(): Promise<string[]> {
  const coordinator = await demoToken('coordinator@demo.example');
  const programs = await api<{ id: string; name: string }[]>('/programs', coordinator);
  const words = programs.map((program) => program.name);
  for (const program of programs) {
    const enrollments = await api<{ fullName: string; email: string }[]>(`/programs/${program.id}/enrollments`, coordinator);
    words.push(...enrollments.flatMap((enrollment) => [enrollment.fullName, enrollment.email]));
  }
  const admin = await demoToken('admin@demo.example');
  for (const role of ['coordinator', 'admin']) {
    const staff = await api<{ fullName: string; email: string }[]>(`/users?role=${role}`, admin).catch(() => []);
    words.push(...staff.flatMap((user) => [user.fullName, user.email]));
  }
  return [...new Set(words)];
}
