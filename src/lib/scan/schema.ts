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

const baseItem = {
	id: slug,
	text,
	short: z.boolean().default(false)
};

const likertItemSchema = z.object({ ...baseItem, type: z.literal('likert'), mirror: z.boolean().default(false) }).strict();

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
		roles: z.array(roleSchema).min(2, 'een scan heeft minstens twee rollen'),
		comparison: z.tuple([slug, slug]),
		themes: z.array(themeSchema).min(1, 'een scan heeft minstens één thema'),
		analysis: analysisThresholdsSchema.default(analysisThresholdsSchema.parse({}))
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

export type ScanDefinition = z.infer<typeof scanSchema>;
export type ScanTheme = ScanDefinition['themes'][number];
export type ScanItem = ScanTheme['items'][number];
export type LikertItem = Extract<ScanItem, { type: 'likert' }>;
export type LadderItem = Extract<ScanItem, { type: 'ladder' }>;
export type OpenItem = Extract<ScanItem, { type: 'open' }>;
export type ScanRole = ScanDefinition['roles'][number];
export type AnalysisThresholds = z.infer<typeof analysisThresholdsSchema>;
