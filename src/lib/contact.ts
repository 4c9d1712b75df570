// The contact a facilitator types for respondents ("Petra de Vries, 06 1234 5678 of
// raad@gemeente.nl") in parts, so a screen can make the phone number a `tel:` link (one tap on a
// phone) and the e-mail address a `mailto:` link. Pure: the text itself is never changed.

export type ContactPart = { text: string; href?: string };

// An e-mail address, or a phone number: digits with spaces, hyphens, dots or brackets between them
// and an optional leading +, e.g. 06-12345678, 010 123 45 67, +31 (0)6 1234 5678, 14 020.
const PATTERN = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}|\+?\d[\d\s\-.()]*\d/gi;

/** Between 5 digits (the municipal 14 + area code) and 15 (the longest international number). */
const isPhone = (digits: string) => digits.length >= 5 && digits.length <= 15;

export function contactParts(text: string): ContactPart[] {
	const parts: ContactPart[] = [];
	let at = 0;
	for (const match of text.matchAll(PATTERN)) {
		const found = match[0];
		let href: string | undefined;
		if (found.includes('@')) href = `mailto:${found}`;
		else {
			// +31 (0)6 …: the (0) is not dialled after a country code.
			const digits = found.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
			if (isPhone(digits.replace('+', ''))) href = `tel:${digits}`;
		}
		if (!href) continue;
		if (match.index > at) parts.push({ text: text.slice(at, match.index) });
		parts.push({ text: found, href });
		at = match.index + found.length;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}
