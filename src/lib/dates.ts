// Dates as the Dutch users mean them: a calendar day in Europe/Amsterdam, written as the day.
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const longDay = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/** Today (or `date`) as YYYY-MM-DD in Dutch time. */
export function dayOf(date = new Date()): string {
	return isoDay.format(date);
}

/** "25 november 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string | null | undefined): string {
	if (!day) return '';
	return longDay.format(new Date(`${day}T12:00:00Z`));
}
