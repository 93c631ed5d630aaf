export const CERTIFICATE_LANGUAGES = ['en', 'fa'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export interface CertificateFacts {
  mentor: string;
  program: string;
  /** YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
  sessionsHeld: number;
  loggedMinutes: number;
  mentees: number;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A date of the program (a calendar day, no zone) in the reader's calendar: Gregorian in English, Solar Hijri in Persian. */
function day(iso: string, lang: CertificateLanguage): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

const number = (n: number, lang: CertificateLanguage): string => new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-GB', { maximumFractionDigits: 1 }).format(n);

/** A printable certificate of participation: one A4 page, every name escaped, right to left in Persian. */
export function renderCertificate(lang: CertificateLanguage, f: CertificateFacts): string {
  const mentor = escapeHtml(f.mentor);
  const program = escapeHtml(f.program);
  const hours = number(Math.round((f.loggedMinutes / 60) * 10) / 10, lang);
  const t =
    lang === 'fa'
      ? {
          title: 'گواهی مشارکت',
          lead: 'بدین‌وسیله گواهی می‌شود که',
          body: `به عنوان منتور در برنامهٔ منتورینگ همتایان «${program}» از ${day(f.startsOn, lang)} تا ${day(f.endsOn, lang)} مشارکت داشته است.`,
          facts: `${number(f.mentees, lang)} منتی · ${number(f.sessionsHeld, lang)} جلسهٔ برگزارشده · ${hours} ساعت ثبت‌شده`,
          sign: 'هماهنگ‌کنندهٔ برنامه',
          print: 'چاپ',
        }
      : {
          title: 'Certificate of participation',
          lead: 'This is to certify that',
          body: `took part as a mentor in the peer-mentoring program “${program}” from ${day(f.startsOn, lang)} to ${day(f.endsOn, lang)}.`,
          facts: `${number(f.mentees, lang)} mentee(s) · ${number(f.sessionsHeld, lang)} session(s) held · ${hours} hour(s) logged`,
          sign: 'Program coordinator',
          print: 'Print',
        };
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} — ${mentor}</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: ${lang === 'fa' ? "Vazirmatn, Tahoma, 'Noto Naskh Arabic', sans-serif" : "Georgia, 'Times New Roman', serif"}; color: #1b2a3a; margin: 0; }
  main { border: 6px double #1f4e79; padding: 2.5rem 2rem; margin: 1rem; text-align: center; min-height: 70vh; display: flex; flex-direction: column; justify-content: center; gap: 1rem; }
  h1 { font-size: 2.2rem; margin: 0; color: #1f4e79; }
  .name { font-size: 1.9rem; font-weight: bold; }
  .facts { color: #44546a; }
  .sign { margin-top: 3rem; display: inline-block; border-top: 1px solid #1b2a3a; padding-top: .4rem; min-width: 14rem; }
  button { font: inherit; padding: .4rem 1rem; margin: 1rem; }
  @media print { button { display: none; } main { margin: 0; } }
</style>
</head>
<body>
<button type="button" onclick="window.print()">${t.print}</button>
<main>
  <h1>${t.title}</h1>
  <p>${t.lead}</p>
  <p class="name">${mentor}</p>
  <p>${t.body}</p>
  <p class="facts">${t.facts}</p>
  <p><span class="sign">${t.sign}</span></p>
</main>
</body>
</html>
`;
}
