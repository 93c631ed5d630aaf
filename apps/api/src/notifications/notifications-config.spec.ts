import { ConfigError, loadConfig } from '@api/config/app-config';
import { keyedUuid } from './reminders';
import { renderNotification } from './render';
import { mailContent } from './mail/mail-content';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

describe('notification settings at boot', () => {
  it('defaults: reminders a day and an hour before, unread after 15 minutes, no mail', () => {
    const c = loadConfig(BASE);
    expect(c.REMINDER_LEAD_MINUTES).toEqual([1440, 60]);
    expect(c.MESSAGE_NOTIFY_DELAY_MINUTES).toBe(15);
    expect(c.SMTP_URL).toBeUndefined();
  });

  it('reads SMTP_URL, MAIL_FROM and a lead list', () => {
    const c = loadConfig({ ...BASE, SMTP_URL: 'smtps://user:secret@mail.school.example:465', MAIL_FROM: 'Peer mentoring <m@school.example>', REMINDER_LEAD_MINUTES: '2880, 30' });
    expect(c.SMTP_URL).toBe('smtps://user:secret@mail.school.example:465');
    expect(c.REMINDER_LEAD_MINUTES).toEqual([2880, 30]);
  });

  it.each([
    [{ SMTP_URL: 'mail.school.example', MAIL_FROM: 'm@school.example' }, /SMTP_URL/],
    [{ SMTP_URL: 'http://mail.school.example', MAIL_FROM: 'm@school.example' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp://mail.school.example:25' }, /MAIL_FROM/],
    [{ MAIL_FROM: 'not an address' }, /MAIL_FROM/],
    [{ REMINDER_LEAD_MINUTES: '1440,soon' }, /REMINDER_LEAD_MINUTES/],
    [{ REMINDER_LEAD_MINUTES: '0' }, /REMINDER_LEAD_MINUTES/],
    [{ REMINDER_LEAD_MINUTES: ',' }, /REMINDER_LEAD_MINUTES/],
    [{ MESSAGE_NOTIFY_DELAY_MINUTES: '-1' }, /MESSAGE_NOTIFY_DELAY_MINUTES/],
  ])('stops the start on %j, naming the variable', (env, name) => {
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(name);
  });
});

describe('notification words', () => {
  const params = { who: 'Ali', startsAt: '2030-05-06T06:30:00.000Z', location: null, modality: 'virtual' };

  it('writes times in the program’s zone, in Persian with the Persian calendar and digits', () => {
    const en = renderNotification('session_booked', params, 'en', 'Asia/Tehran');
    expect(en.body).toContain('10:00');
    expect(en.body).toContain('video call');
    const fa = renderNotification('session_booked', params, 'fa', 'Asia/Tehran');
    expect(fa.title).toBe('جلسهٔ تازه با Ali');
    expect(fa.body).toContain('۱۴۰۹');
    expect(fa.body).toContain('اردیبهشت');
    expect(fa.body).toContain('۱۰:۰۰');
    expect(fa.body).toContain('تماس تصویری');
  });

  it('escapes what people typed in HTML mail, and lays Persian out right to left', () => {
    const mail = mailContent({ title: '<script>x</script>', body: 'a & b' }, 'fa', 'https://app.example/sessions/1', 'https://app.example/notifications/settings');
    expect(mail.html).toContain('<html lang="fa" dir="rtl">');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('https://app.example/notifications/settings');
  });

  it('derives one job id per reminder key, a valid UUID', () => {
    const a = keyedUuid('reminder:s1:60:2030-05-06T06:30:00.000Z');
    expect(a).toBe(keyedUuid('reminder:s1:60:2030-05-06T06:30:00.000Z'));
    expect(a).not.toBe(keyedUuid('reminder:s1:1440:2030-05-06T06:30:00.000Z'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
