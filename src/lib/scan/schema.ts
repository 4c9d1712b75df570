// The shape of a scan file (one YAML file per scan version in `scans/`), validated with zod so a
// broken file is reported with the path inside it instead of failing later in a page.
import { z } from '../validation';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en streepjes (bijv. "doel-1")');
const text = z.string().trim().min(1, 'mag niet leeg zijn');

export const analysisThresholdsSchema = z
	.object({
		differenceDelta: z.number().min(0).max(1).default(0.33),
		sharedStrengthMean: z.number().min(1).max(5).default(3.75),
		sharedConcernMean: z.number().min(1).max(5).default(3.0),
		unknownShare: z.number().min(0).max(1).default(0.25),
		misjudgedMirror: z.number().min(0).max(4).default(0.75),
		disagreementShare: z.number().min(0).max(1).default(0.3)
	})
	.strict();

const roleSchema = z
	.object({
		id: slug,
		label: text,
		choice: text,
		mirrorTarget: slug.optional(),
		mirrorLabel: text.optional()
	})
	.strict();

/** The kinds of plain-language (B1) warnings `npm run scans:check` gives (see ./plain-language). */
export const plainLanguageKinds = ['negation', 'two-claims', 'long', 'hard-word'] as const;

const baseItem = {
	id: slug,
	text,
	short: z.boolean().default(false),
	/** B1 warnings a reviewer looked at and kept for this item (say why in a comment beside it). */
	plainLanguageAccepted: z.array(z.enum(plainLanguageKinds)).optional()
};

/**
 * The scan author's decision that a reworded statement still measures the same as the statement
 * with this id in an earlier version of the scan, so rounds compare their scores (see $lib/rounds).
 */
const comparableWith = slug.optional();

const likertItemSchema = z.object({ ...baseItem, type: z.literal('likert'), mirror: z.boolean().default(false), comparableWith }).strict();

const ladderItemSchema = z
	.object({ ...baseItem, type: z.literal('ladder'), steps: z.array(text).length(5, 'een ladder heeft precies 5 treden') })
	.strict();

const openItemSchema = z
	.object({ ...baseItem, type: z.literal('open'), maxLength: z.number().int().min(50).max(5000).default(1000) })
	.strict();

const itemSchema = z.discriminatedUnion('type', [likertItemSchema, ladderItemSchema, openItemSchema], {
	error: 'kies als type: likert, ladder of open'
});

const themeSchema = z
	.object({
		id: slug,
		title: text,
		subtitle: text.optional(),
		/** Conversation questions of the theme's own, offered with a topic of the agenda about it (besides those of its kind). */
		questions: z
			.array(text)
			.min(1, 'laat questions weg of geef minstens één vraag')
			.max(2, 'geef per thema hoogstens twee gespreksvragen')
			.optional(),
		items: z.array(itemSchema).min(1, 'een thema heeft minstens één vraag')
	})
	.strict();

export const scanSchema = z
	.object({
		id: slug,
		version: z.number().int().positive(),
		title: text,
		description: text.optional(),
		intro: z.array(text).default([]),
		/** The intro of the printed form; the online one speaks of links and saving. */
		paperIntro: z.array(text).optional(),
		glossary: z.array(z.object({ term: text, text }).strict()).default([]),
		/** Words `npm run scans:check` flags as hard, besides its own list (see ./plain-language). */
		hardWords: z.array(text).optional(),
		roles: z.array(roleSchema).min(2, 'een scan heeft minstens twee rollen'),
		comparison: z.tuple([slug, slug]),
		themes: z.array(themeSchema).min(1, 'een scan heeft minstens één thema'),
		analysis: analysisThresholdsSchema.default(analysisThresholdsSchema.parse({})),
		/** Words the read-aloud voice says wrongly, with what it should say instead (spoken text only). */
		pronunciation: z
			.record(z.string().trim().min(1, 'mag niet leeg zijn').max(60), text.max(120))
			.refine((list) => Object.keys(list).length <= 100, 'geef hoogstens 100 woorden')
			.optional()
	})
	.strict()
	.superRefine((scan, ctx) => {
		const roleIds = new Set<string>();
		scan.roles.forEach((role, i) => {
			if (roleIds.has(role.id))
				ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `rol "${role.id}" staat er twee keer in` });
			roleIds.add(role.id);
		});
		scan.roles.forEach((role, i) => {
			if (role.mirrorTarget && !roleIds.has(role.mirrorTarget))
				ctx.addIssue({ code: 'custom', path: ['roles', i, 'mirrorTarget'], message: `onbekende rol "${role.mirrorTarget}"` });
			if (role.mirrorTarget === role.id)
				ctx.addIssue({ code: 'custom', path: ['roles', i, 'mirrorTarget'], message: 'een rol kan niet zichzelf voorspellen' });
			if (role.mirrorTarget && !role.mirrorLabel)
				ctx.addIssue({ code: 'custom', path: ['roles', i, 'mirrorLabel'], message: 'nodig als mirrorTarget is ingevuld' });
		});
		scan.comparison.forEach((id, i) => {
			if (!roleIds.has(id)) ctx.addIssue({ code: 'custom', path: ['comparison', i], message: `onbekende rol "${id}"` });
		});
		if (scan.comparison[0] === scan.comparison[1])
			ctx.addIssue({ code: 'custom', path: ['comparison'], message: 'vergelijk twee verschillende rollen' });
		const themeIds = new Set<string>();
		const itemIds = new Set<string>();
		scan.themes.forEach((theme, t) => {
			if (themeIds.has(theme.id))
				ctx.addIssue({ code: 'custom', path: ['themes', t, 'id'], message: `thema "${theme.id}" staat er twee keer in` });
			themeIds.add(theme.id);
			if (!theme.items.some((item) => item.short))
				ctx.addIssue({
					code: 'custom',
					path: ['themes', t, 'items'],
					message: 'minstens één vraag moet in de korte versie staan (short: true)'
				});
			theme.items.forEach((item, i) => {
				if (itemIds.has(item.id))
					ctx.addIssue({ code: 'custom', path: ['themes', t, 'items', i, 'id'], message: `vraag-id "${item.id}" staat er twee keer in` });
				itemIds.add(item.id);
			});
		});
	});

/**
 * A scan in the language of a request (see `localizeScan` in ./translation). `dutch` holds the
 * address ("items.doel-1.text", see `TextAddress`) of every text that is still the Dutch original,
 * so a page can mark it `lang="nl"`. Absent on a definition as read from its file or snapshot.
 */
export type Localized = { locale: string; dutch: string[] };

export type ScanDefinition = z.infer<typeof scanSchema> & { localized?: Localized };
export type ScanTheme = ScanDefinition['themes'][number];
export type ScanItem = ScanTheme['items'][number];
export type LikertItem = Extract<ScanItem, { type: 'likert' }>;
export type LadderItem = Extract<ScanItem, { type: 'ladder' }>;
export type OpenItem = Extract<ScanItem, { type: 'open' }>;
export type ScanRole = ScanDefinition['roles'][number];
export type AnalysisThresholds = z.infer<typeof analysisThresholdsSchema>;

// A translation file (`<scan>.<language>.yaml` beside the scan file) mirrors the texts of the scan,
// keyed by the scan's stable ids. Every text carries `source`, a short hash of the Dutch text it
// translates, so a translation of an older Dutch text is never shown (see ./translation).
const sourceHash = z
	.string({ error: "schrijf de code tussen aanhalingstekens, bijv. source: '3f9a0c2b71de'" })
	.regex(/^[0-9a-f]{12}$/, 'de code van de Nederlandse tekst heeft 12 tekens (0-9 en a-f)');

export const translatedTextSchema = z.object({ source: sourceHash, text }).strict();
/** A list follows the scan's list by position; an empty place (`- `) is not translated yet. */
const translatedList = z.array(translatedTextSchema.nullable());
const optional = translatedTextSchema.optional();

export const translationFileSchema = z
	.object({
		scan: slug,
		title: optional,
		description: optional,
		intro: translatedList.optional(),
		paperIntro: translatedList.optional(),
		glossary: z.array(z.object({ term: optional, text: optional }).strict().nullable()).optional(),
		roles: z.record(slug, z.object({ label: optional, choice: optional, mirrorLabel: optional }).strict()).optional(),
		themes: z.record(slug, z.object({ title: optional, subtitle: optional, questions: translatedList.optional() }).strict()).optional(),
		items: z.record(slug, z.object({ text: optional, steps: translatedList.optional() }).strict()).optional()
	})
	.strict();

export type TranslatedText = z.infer<typeof translatedTextSchema>;
export type ScanTranslation = z.infer<typeof translationFileSchema>;
