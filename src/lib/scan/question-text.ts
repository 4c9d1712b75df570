// What a question says, in a language: the online field, the printed form and the overview of
// unanswered questions word mirror and ladder questions the same way. `locale` is for the printed
// letters and form, which can be in another language than the page around them.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Question } from './questionnaire';

/** The question as asked: the statement, or the mirror and ladder question around it. */
export function questionLegend(question: Question, locale?: Locale): string {
	switch (question.kind) {
		case 'mirror':
			return m.resp_mirror_question({ target: question.targetLabel }, { locale });
		case 'ladder-now':
			return m.resp_ladder_now({ text: question.item.text }, { locale });
		case 'ladder-desired':
			return m.resp_ladder_desired({ text: question.item.text }, { locale });
		default:
			return question.item.text;
	}
}

/** The question in a list of questions, where it stands without the statement above it. */
export function questionInList(question: Question, locale?: Locale): string {
	switch (question.kind) {
		case 'mirror':
			return m.resp_mirror_in_list({ target: question.targetLabel, text: question.item.text }, { locale });
		case 'ladder-now':
			return m.resp_ladder_now_in_list({ text: question.item.text }, { locale });
		case 'ladder-desired':
			return m.resp_ladder_desired_in_list({ text: question.item.text }, { locale });
		default:
			return question.item.text;
	}
}
