import { formatLongDate } from '@yardstick/metrics';

/** One line of a message: what, for which period, by when, and the staff page that resolves it. */
export type MessageLine = { title: string; periodLabel: string; dueDate: string | null; url: string; note?: string };
export type MessageSection = { heading: string; lines: MessageLine[] };
export type MessageContent = { subject: string; greeting: string; intro: string; sections: MessageSection[] };
export type RenderedMessage = { subject: string; text: string; html: string };

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c as '&']);

function describe(line: MessageLine): string {
  const due = line.dueDate ? `, due ${formatLongDate(line.dueDate)}` : '';
  return `${line.title}, ${line.periodLabel}${due}${line.note ? ` (${line.note})` : ''}`;
}

/**
 * Plain text and HTML with the same words. The HTML is a real document: language, title, headings, a list per
 * section, and link text that names the item (not "click here"), so screen readers and text-only clients read it.
 */
export function renderMessage(content: MessageContent, settingsUrl: string): RenderedMessage {
  const text = [
    content.greeting,
    '',
    content.intro,
    ...content.sections.flatMap((section) => [
      '',
      `${section.heading}:`,
      ...section.lines.map((line) => `- ${describe(line)}\n  ${line.url}`),
    ]),
    '',
    `Choose which messages you get: ${settingsUrl}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b;">',
    `<h1 style="font-size: 22px;">${escapeHtml(content.subject)}</h1>`,
    `<p>${escapeHtml(content.greeting)}</p>`,
    `<p>${escapeHtml(content.intro)}</p>`,
    ...content.sections.flatMap((section) => [
      `<h2 style="font-size: 18px;">${escapeHtml(section.heading)}</h2>`,
      '<ul>',
      ...section.lines.map((line) => {
        const rest = describe(line).slice(line.title.length);
        return `<li><a href="${escapeHtml(line.url)}" style="color: #005ea2;">${escapeHtml(line.title)}</a>${escapeHtml(rest)}</li>`;
      }),
      '</ul>',
    ]),
    `<p><a href="${escapeHtml(settingsUrl)}" style="color: #005ea2;">Choose which messages you get</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject: content.subject, text, html };
}
