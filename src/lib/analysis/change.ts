// The answers to the change question of a follow-up round ("did you see something change since
// the last scan?"), counted per role under the same rules as a statement: nothing for a role below
// the minimum group size, and nothing for a role where fewer than MIN_STATEMENT_SCORES answered.
import { CHANGE_KEY } from '$lib/scan/questionnaire';
import type { ResponseData } from './aggregate';

/** Per answer, how many of a role gave it; `answered` is ja + een beetje + nee (not "weet niet"). */
export type ChangeCounts = { ja: number; een_beetje: number; nee: number; weet_niet: number; answered: number };

/** Per role of the pilot: its counts, or null when they may not be shown. */
export type ChangeResult = { byRole: Record<string, ChangeCounts | null> };

export function countChange(
	roles: readonly string[],
	byRole: ReadonlyMap<string, readonly ResponseData[]>,
	visible: (role: string) => boolean,
	minScores: number
): ChangeResult {
	const result: ChangeResult = { byRole: {} };
	for (const role of roles) {
		if (!visible(role)) {
			result.byRole[role] = null;
			continue;
		}
		const counts: ChangeCounts = { ja: 0, een_beetje: 0, nee: 0, weet_niet: 0, answered: 0 };
		for (const response of byRole.get(role) ?? []) {
			const answer = response.answers.get(CHANGE_KEY);
			if (answer?.kind === 'dontKnow') counts.weet_niet++;
			else if (answer?.kind === 'score') {
				counts.answered++;
				if (answer.score === 1) counts.ja++;
				else if (answer.score === 2) counts.een_beetje++;
				else counts.nee++;
			}
		}
		result.byRole[role] = counts.answered >= minScores ? counts : null;
	}
	return result;
}
