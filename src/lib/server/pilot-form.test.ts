// The pilot form as posted: the roles whose answers are compared always take part, whether or not
// the form sent them (the page does not offer them as a choice).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScans } from './scans';
import { readPilotForm } from './pilot-form';

const SCAN = 'clientenparticipatie-werk-en-inkomen@1';

function posted(roles: string[], scan = SCAN): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries({
		municipality: 'Zuidstad',
		roundLabel: 'Nulmeting',
		councilType: 'clientenraad',
		scan,
		variant: 'full',
		minGroupSize: '5'
	}))
		form.set(name, value);
	for (const role of roles) form.append(`roles:${scan}`, role);
	return form;
}

describe('readPilotForm', () => {
	beforeAll(() => loadScans(path.resolve('scans')));

	it('adds the comparison roles, in the scan order, to the roles ticked', () => {
		const { data, errors } = readPilotForm(posted(['bestuur']));
		expect(errors).toEqual({});
		expect(data?.roles).toEqual(['raad', 'gemeente', 'bestuur']);
	});

	it('needs no role ticked at all: the comparison roles are enough', () => {
		expect(readPilotForm(posted([])).data?.roles).toEqual(['raad', 'gemeente']);
	});

	it('drops what is not a role of the scan', () => {
		expect(readPilotForm(posted(['raad', 'hacker', 'ondersteuner'])).data?.roles).toEqual(['raad', 'ondersteuner', 'gemeente']);
	});

	it('says so at the field when the scan is unknown, and adds nothing', () => {
		const { data, errors, values } = readPilotForm(posted(['raad'], 'bestaat-niet@1'));
		expect(data).toBeNull();
		expect(errors.scan).toBeTruthy();
		expect(values.roles).toEqual(['raad']);
	});
});
