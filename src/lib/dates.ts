// Dates as the users mean them: a calendar day in Europe/Amsterdam, written out as the day in the
// interface language ("25 november 2026", "25 November 2026").
import { intlTag } from '$lib/i18n';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const longDays = new Map<string, Intl.DateTimeFormat>();

/** Today (or `date`) as YYYY-MM-DD in Dutch time. */
export function dayOf(date = new Date()): string {
	return isoDay.format(date);
}

/** "25 november 2026" (or "25 November 2026" in English) for a YYYY-MM-DD day. */
export function formatDay(day: string | null | undefined): string {
	if (!day) return '';
	const tag = intlTag();
	let format = longDays.get(tag);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
		longDays.set(tag, format);
	}
	return format.format(new Date(`${day}T12:00:00Z`));
}
