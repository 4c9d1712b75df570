// The results overview: theme scores per role, the response per role, and the caveat that this
// is a snapshot for conversation. Figures of roles below the minimum group size never get here.
import { db } from '$lib/server/db';
import { pilotResults } from '$lib/server/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { pilot } = await parent();
	const results = pilotResults(db(), pilot);
	const [a, b] = results.comparison;
	const gap = (t: (typeof results.themes)[number]) => {
		const x = t.scores[a];
		const y = t.scores[b];
		return x === null || y === null || x === undefined || y === undefined ? -1 : Math.abs(x - y);
	};
	const order = url.searchParams.get('volgorde') === 'verschil' ? 'verschil' : 'scan';
	const themes = order === 'verschil' ? [...results.themes].sort((p, q) => gap(q) - gap(p)) : results.themes;
	return {
		results: { ...results, themes },
		order,
		comparisonLabels: [a, b].map((r) => results.roles.find((x) => x.role === r)?.label ?? r)
	};
};
