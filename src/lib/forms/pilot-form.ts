// The shape of the pilot form as the create and edit pages and their component share it: plain
// types, so the component needs nothing from the server layer.
/** What the facilitator typed, as text, so a form with an error comes back exactly as it was sent. */
export type PilotFormValues = {
	municipality: string;
	roundLabel: string;
	cbsCode: string;
	councilType: string;
	scan: string;
	variant: string;
	mirror: boolean;
	roles: string[];
	minGroupSize: string;
	opensOn: string;
	closesOn: string;
	benchmarkConsent: boolean;
	contact: string;
	/** The earlier round this pilot follows up ('' for none). */
	previousPilotId: string;
};

export type PilotFormField = keyof PilotFormValues;
/** One message per field; `form` holds a message about the form as a whole. */
export type PilotFormErrors = Partial<Record<PilotFormField | 'form', string>>;

export type ScanOption = {
	key: string;
	title: string;
	version: number;
	/**
	 * Each scan has its own set of role checkboxes: without JavaScript the page shows them all,
	 * and only the set of the chosen scan counts.
	 */
	rolesField: string;
	roles: { id: string; label: string; required: boolean }[];
	/** How long each version takes ("20 tot 25"): over the roles, with and without mirror questions. */
	minutes: { full: string; short: string };
};

/** An earlier round the facilitator may choose: a pilot they manage, with released results. */
export type PreviousOption = { id: number; municipality: string; roundLabel: string };

export type PilotFormFailure = { values: PilotFormValues; errors: PilotFormErrors };
