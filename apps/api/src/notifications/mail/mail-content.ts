import type { NotificationLanguage } from '@pm/contracts';
import type { RenderedNotification } from '../render';

const WORDS: Record<NotificationLanguage, { open: string; footer: string; settings: string }> = {
  en: {
    open: 'Open in the dashboard',
    footer: 'You receive this because e-mail notifications are on for your account.',
    settings: 'Notification settings',
  },
  fa: {
    open: 'باز کردن در داشبورد',
    footer: 'این نامه را دریافت می‌کنید چون اعلان‌های ایمیلی برای حساب شما روشن است.',
    settings: 'تنظیمات اعلان‌ها',
  },
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * One layout for every kind: the notification's title and body, a button to what it is about and a footer
 * link to the settings. Persian mails are right-to-left (dir="rtl" on the document and every block). All text
 * is escaped: names and reasons are what people typed.
 */
export function mailContent(n: RenderedNotification, language: NotificationLanguage, url: string, settingsUrl: string): MailContent {
  const w = WORDS[language];
  const dir = language === 'fa' ? 'rtl' : 'ltr';
  const align = language === 'fa' ? 'right' : 'left';
  const text = `${n.body}\n\n${w.open}: ${url}\n\n--\n${w.footer}\n${w.settings}: ${settingsUrl}\n`;
  const html = `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(n.title)}</title></head>
<body dir="${dir}" style="font-family: Tahoma, Vazirmatn, Arial, sans-serif; text-align: ${align}; color: #1f2933;">
<div dir="${dir}" style="max-width: 560px; margin: 0 auto; padding: 16px;">
<h1 style="font-size: 18px;">${escapeHtml(n.title)}</h1>
<p style="font-size: 15px; line-height: 1.7;">${escapeHtml(n.body)}</p>
<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px;">${escapeHtml(w.open)}</a></p>
<hr>
<p style="font-size: 12px; color: #52606d;">${escapeHtml(w.footer)} <a href="${escapeHtml(settingsUrl)}">${escapeHtml(w.settings)}</a></p>
</div>
</body>
</html>
`;
  return { subject: n.title, text, html };
}
