// Interface words for codes that are stored in English, in the request's language. Functions, not
// constants: the words are looked up when they are shown, in the language of that moment.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export const councilTypeLabels = () =>
	({
		clientenraad: m.council_type_clientenraad(),
		'adviesraad-werkgroep': m.council_type_adviesraad_werkgroep(),
		adviesraad: m.council_type_adviesraad()
	}) as const;

/** The versions' names; with `minutes` (see minutesText), each says how long it takes. */
export const variantLabels = (minutes?: { full: string; short: string }) => {
	const names = { full: m.variant_full(), short: m.variant_short() };
	if (!minutes) return names;
	return {
		full: m.variant_with_time({ variant: names.full, minutes: minutes.full }),
		short: m.variant_with_time({ variant: names.short, minutes: minutes.short })
	};
};

export const statusLabels = () => ({ draft: m.status_draft(), open: m.status_open(), closed: m.status_closed() }) as const;

/** The five answers of a statement, from 1 (strongly disagree) to 5 (strongly agree). */
export const scaleLabels = (locale?: Locale) => {
	const options = locale && { locale };
	return [m.scale_1({}, options), m.scale_2({}, options), m.scale_3({}, options), m.scale_4({}, options), m.scale_5({}, options)] as const;
};
export const dontKnowLabel = (locale?: Locale) => m.dont_know({}, locale && { locale });
