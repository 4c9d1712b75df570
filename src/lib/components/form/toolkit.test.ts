// The form toolkit as the server renders it (and a browser without JavaScript gets it): labels,
// descriptions and errors are tied to their field, and an error marks the field invalid.
import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import ChoiceGroup from './ChoiceGroup.svelte';
import ErrorSummary from './ErrorSummary.svelte';
import SelectField from './SelectField.svelte';
import TextField from './TextField.svelte';

// Props are loosely typed here on purpose: the tests pass each component's own props.
const html = <P extends Record<string, unknown>>(component: Component<P>, props: P) =>
	render(component as Component<P>, { props } as never).body;

describe('TextField', () => {
	it('ties label, description and error to the input', () => {
		const out = html(TextField, { id: 'contact', label: 'Contact', description: 'Wie?', error: 'Te lang.', value: 'x' });
		expect(out).toContain('<label class="utrecht-form-label" for="contact">Contact</label>');
		expect(out).toContain('id="contact-uitleg"');
		expect(out).toContain('id="contact-fout"');
		expect(out).toMatch(/<input[^>]*aria-describedby="contact-uitleg contact-fout"/);
		expect(out).toMatch(/<input[^>]*aria-invalid="true"/);
		expect(out).toMatch(/<input[^>]*name="contact"/);
	});

	it('says nothing extra when all is well', () => {
		const out = html(TextField, { id: 'naam', label: 'Naam' });
		expect(out).not.toContain('aria-describedby');
		expect(out).not.toContain('aria-invalid');
		expect(out).not.toContain('qs-field-error');
	});
});

describe('ChoiceGroup', () => {
	const options = [
		{ value: 'a', label: 'A', description: 'Uitleg bij A' },
		{ value: 'b', label: 'B' }
	];

	it('puts radio buttons in a fieldset with a legend, the chosen one checked', () => {
		const out = html(ChoiceGroup, { type: 'radio', name: 'keuze', legend: 'Welke?', options, value: 'b', error: 'Kies er een.' });
		expect(out).toMatch(/<fieldset[^>]*aria-describedby="keuze-fout"/);
		expect(out).toContain('Welke?</legend>');
		expect(out).toMatch(/<input[^>]*type="radio"[^>]*id="keuze-a"[^>]*aria-describedby="keuze-a-uitleg"/);
		expect(out).toMatch(/<input[^>]*id="keuze-b"[^>]*checked/);
		expect(out).not.toMatch(/<input[^>]*id="keuze-a"[^>]*checked/);
	});

	it('ticks every chosen checkbox', () => {
		const out = html(ChoiceGroup, { type: 'checkbox', name: 'rollen', legend: 'Wie?', options, value: ['a', 'b'] });
		expect(out.match(/type="checkbox"[^>]*checked/g)).toHaveLength(2);
	});
});

describe('SelectField and ErrorSummary', () => {
	it('offers a placeholder only while nothing valid is chosen', () => {
		const options = [{ value: 'x', label: 'X' }];
		expect(html(SelectField, { id: 's', label: 'S', options, value: '', placeholder: 'Kies' })).toMatch(
			/<option value="" selected[^>]*>Kies<\/option>/
		);
		expect(html(SelectField, { id: 's', label: 'S', options, value: 'x', placeholder: 'Kies' })).not.toContain('Kies');
	});

	it('links each problem to its field under a heading of the level asked for', () => {
		const out = html(ErrorSummary, { title: 'Niet goed', level: 3, items: [{ href: '#naam', message: 'Vul uw naam in.' }] });
		expect(out).toMatch(/<div class="qs-error-summary[^"]*" role="alert" tabindex="-1" aria-labelledby="fouten-titel"/);
		expect(out).toMatch(/<h3[^>]*id="fouten-titel"/);
		expect(out).toContain('<a href="#naam">Vul uw naam in.</a>');
	});
});
