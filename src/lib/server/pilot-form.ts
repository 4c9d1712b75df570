// The pilot form that the create and edit pages share: what it offers, how a posted form becomes
// a checked PilotForm, and the typed values that go back to the page when something is wrong.
import { DEFAULT_MIN_GROUP_SIZE } from '$lib/analysis/group-size';
import { fieldErrors } from '$lib/forms/field-errors';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
import type { ScanDefinition } from '$lib/scan/schema';
import { estimateRange, minutesText, type Variant } from '$lib/scan/questionnaire';
import { findScan, availableScans, scanIn } from './scans';
import { PilotError, pilotFormSchema, type PilotForm, type PilotWithScan } from './pilots';

export type { PilotFormErrors, PilotFormFailure, PilotFormField, PilotFormValues, ScanOption } from '$lib/forms/pilot-form';
import type { PilotFormErrors, PilotFormFailure, PilotFormField, PilotFormValues, ScanOption } from '$lib/forms/pilot-form';

const scanKey = (id: string, version: number) => `${id}@${version}`;
const rolesField = (key: string) => `roles:${key}`;

// Longer than any valid value, short enough that a pasted novel is not echoed back.
const MAX_ECHO = 300;

export function scanOptions(): ScanOption[] {
	return availableScans().map(({ definition, contentHash }) => {
		// Title and role names in the reader's language; the key stays the scan's own.
		const d = scanIn(definition, contentHash, getLocale());
		const key = scanKey(d.id, d.version);
		return {
			key,
			title: d.title,
			version: d.version,
			rolesField: rolesField(key),
			roles: d.roles.map((r) => ({ id: r.id, label: r.label, required: d.comparison.includes(r.id) })),
			minutes: { full: versionMinutes(d, 'full'), short: versionMinutes(d, 'short') }
		};
	});
}

/** Before roles and mirror questions are chosen, a version's estimate spans every choice. */
function versionMinutes(scan: ScanDefinition, variant: Variant): string {
	const options = scan.roles.flatMap((r) => [false, true].map((mirror) => ({ variant, mirror, role: r.id })));
	return minutesText(estimateRange(scan, options));
}

export function newPilotValues(): PilotFormValues {
	const first = availableScans()[0]?.definition;
	return {
		municipality: '',
		roundLabel: m.fac_pf_round_default(),
		cbsCode: '',
		// No pre-selected council type: the facilitator has to say which kind it is.
		councilType: '',
		scan: first ? scanKey(first.id, first.version) : '',
		variant: 'full',
		mirror: true,
		roles: first ? first.roles.map((r) => r.id) : [],
		minGroupSize: String(DEFAULT_MIN_GROUP_SIZE),
		opensOn: '',
		closesOn: '',
		// Appearing in benchmarks needs an explicit yes.
		benchmarkConsent: false,
		contact: '',
		previousPilotId: ''
	};
}

export function pilotValues(pilot: PilotWithScan): PilotFormValues {
	return {
		municipality: pilot.municipality,
		roundLabel: pilot.roundLabel,
		cbsCode: pilot.cbsCode ?? '',
		councilType: pilot.councilType,
		scan: scanKey(pilot.scan.id, pilot.scan.version),
		variant: pilot.variant,
		mirror: pilot.mirror,
		roles: [...pilot.roles],
		minGroupSize: String(pilot.minGroupSize),
		opensOn: pilot.opensOn ?? '',
		closesOn: pilot.closesOn ?? '',
		benchmarkConsent: pilot.benchmarkConsent,
		contact: pilot.contact ?? '',
		previousPilotId: pilot.previousPilotId === null ? '' : String(pilot.previousPilotId)
	};
}

/** Reads the posted form; `data` is set only when every field is valid. */
export function readPilotForm(formData: FormData): PilotFormFailure & { data: PilotForm | null } {
	const text = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value.slice(0, MAX_ECHO) : '';
	};
	const scan = text('scan');
	const values: PilotFormValues = {
		municipality: text('municipality'),
		roundLabel: text('roundLabel'),
		cbsCode: text('cbsCode'),
		councilType: text('councilType'),
		scan,
		variant: text('variant'),
		mirror: formData.has('mirror'),
		roles: withComparisonRoles(
			scan,
			formData
				.getAll(rolesField(scan))
				.filter((v): v is string => typeof v === 'string')
				.slice(0, 20)
		),
		minGroupSize: text('minGroupSize'),
		opensOn: text('opensOn'),
		closesOn: text('closesOn'),
		benchmarkConsent: formData.has('benchmarkConsent'),
		contact: text('contact'),
		previousPilotId: text('previousPilotId')
	};

	const parsed = pilotFormSchema.safeParse(values);
	const errors: PilotFormErrors = parsed.success ? {} : fieldErrors<PilotFormField>(parsed.error);
	checkScanAndRoles(values, errors);
	// zod skips the schema's date-order rule while other fields fail; check it now, so the
	// facilitator sees every problem in one go.
	const [opens, closes] = [values.opensOn.trim(), values.closesOn.trim()];
	if (!errors.opensOn && !errors.closesOn && opens && closes && opens > closes) errors.closesOn = m.fac_pf_dates_order();
	const valid = parsed.success && Object.keys(errors).length === 0;
	return { values, errors, data: valid ? parsed.data : null };
}

/**
 * The roles whose answers are compared always take part: the form does not offer them as a choice
 * (a box that may not be unticked is no choice), so they are added here, in the scan's order.
 */
function withComparisonRoles(scan: string, chosen: string[]): string[] {
	const [id, version] = scan.split('@');
	const definition = findScan(id, Number(version))?.definition;
	if (!definition) return chosen;
	return definition.roles.map((r) => r.id).filter((r) => definition.comparison.includes(r) || chosen.includes(r));
}

/** A scan that is no longer offered (removed since the page was opened) gets its message at the field. */
function checkScanAndRoles(values: PilotFormValues, errors: PilotFormErrors): void {
	if (errors.scan) return;
	const [id, version] = values.scan.split('@');
	if (!findScan(id, Number(version))) errors.scan = m.fac_pf_scan_gone();
}

/**
 * Reads and checks the form, then saves it with `save`. A PilotError (a rule the database
 * module enforces) comes back as a message about the whole form.
 */
export function submitPilotForm<T>(
	formData: FormData,
	save: (form: PilotForm) => T
): { ok: true; result: T } | ({ ok: false } & PilotFormFailure) {
	const { values, errors, data } = readPilotForm(formData);
	if (!data) return { ok: false, values, errors };
	try {
		return { ok: true, result: save(data) };
	} catch (e) {
		if (e instanceof PilotError) return { ok: false, values, errors: { [e.field ?? 'form']: e.message } };
		throw e;
	}
}
