import { renderCertificate } from './certificate';

const facts = { mentor: 'Sara <b>Ahmadi</b>', program: 'Peer mentoring 1405', startsOn: '2026-10-01', endsOn: '2027-06-30', sessionsHeld: 12, loggedMinutes: 555, mentees: 2 };

describe('renderCertificate', () => {
  it('writes an English certificate with the figures and escapes names', () => {
    const html = renderCertificate('en', facts);
    expect(html).toContain('dir="ltr"');
    expect(html).toContain('Certificate of participation');
    expect(html).toContain('Sara &lt;b&gt;Ahmadi&lt;/b&gt;');
    expect(html).not.toContain('<b>Ahmadi</b>');
    expect(html).toContain('12 session(s) held');
    expect(html).toContain('9.3 hour(s) logged');
  });

  it('writes a Persian certificate right to left, with Persian digits and the Solar Hijri calendar', () => {
    const html = renderCertificate('fa', facts);
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('گواهی مشارکت');
    expect(html).toContain('۱۲ جلسهٔ برگزارشده');
    // 1 October 2026 is 9 Mehr 1405.
    expect(html).toContain('۱۴۰۵');
    expect(html).toContain('مهر');
  });
});
