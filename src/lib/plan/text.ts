// The plan van aanpak as plain text, to paste in (or attach to) an e-mail: short lines of words,
// no markup, every action with its owner, month, status, sign of success and latest progress.
import { m } from '$lib/paraglide/messages';
import type { ActionView } from './words';

/** `heading`: the plan's title line (municipality and round); `date`: the day it was made, written out. */
export function planText(heading: string, date: string, actions: readonly ActionView[]): string {
	const lines = [heading, m.pl_text_made({ date }), ''];
	if (actions.length === 0) lines.push(m.pl_empty(), '');
	for (const a of actions) {
		lines.push(`${a.number}. ${a.title}`);
		const field = (label: string, value: string) => {
			if (value.trim()) lines.push(`   ${label}: ${value.replace(/\s*\n\s*/g, ' ')}`);
		};
		field(m.pl_field_why(), [a.whyTopic, a.whyText].filter(Boolean).join(' – '));
		field(m.pl_field_owner(), a.owner);
		field(m.pl_field_month(), a.month);
		field(m.pl_field_status(), a.overdue ? `${a.statusLabel} (${m.pl_overdue()})` : a.statusLabel);
		field(m.pl_field_priority(), a.priorityLabel);
		field(m.pl_field_success(), a.successSign);
		field(m.pl_field_links(), [...a.themes.map((t) => m.pl_links_theme({ theme: t.title })), ...a.items.map((i) => i.text)].join('; '));
		field(m.pl_field_latest(), a.latest ? `${a.latest.dayLabel}: ${a.latest.text}` : '');
		lines.push('');
	}
	return lines.join('\n');
}
