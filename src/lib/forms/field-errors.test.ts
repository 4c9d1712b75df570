// The one way from a zod error to what a form shows: the first message per field, in the order of
// the form, and issues without a field under the form as a whole.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, hasErrors, summaryItems } from './field-errors';

const schema = z
	.object({
		email: z.string().email('Vul een geldig e-mailadres in.').min(20, 'Te kort.'),
		role: z.enum(['admin', 'viewer'], { error: () => 'Kies een rol.' }),
		tags: z.array(z.string().min(1, 'Lege tag.'))
	})
	.refine((v) => v.role !== 'admin' || v.email.endsWith('.nl'), { error: () => 'Beheerders hebben een .nl-adres.' });

describe('fieldErrors', () => {
	it('keeps the first message of each top-level field', () => {
		const result = schema.safeParse({ email: 'x', role: 'gast', tags: ['a', ''] });
		expect(result.success).toBe(false);
		expect(fieldErrors(result.error!)).toEqual({ email: 'Vul een geldig e-mailadres in.', role: 'Kies een rol.', tags: 'Lege tag.' });
	});

	it('files a rule about the whole object under form, or under the root given', () => {
		const result = schema.safeParse({ email: 'iemand@example.com.invalid', role: 'admin', tags: [] });
		expect(fieldErrors(result.error!)).toEqual({ form: 'Beheerders hebben een .nl-adres.' });
		const one = z.string().max(3, 'Te lang.').safeParse('abcd');
		expect(fieldErrors<'contact'>(one.error!, 'contact')).toEqual({ contact: 'Te lang.' });
	});
});

describe('summaryItems and hasErrors', () => {
	it('list the fields with a message in the order of the targets, linked to their element', () => {
		const errors = { role: 'Kies een rol.', email: 'Vul een geldig e-mailadres in.' };
		expect(summaryItems(errors, { email: 'email', name: 'name', role: 'role-admin' })).toEqual([
			{ href: '#email', message: 'Vul een geldig e-mailadres in.' },
			{ href: '#role-admin', message: 'Kies een rol.' }
		]);
		expect(hasErrors(errors)).toBe(true);
		expect(hasErrors({ email: undefined })).toBe(false);
		expect(hasErrors(undefined)).toBe(false);
	});
});
