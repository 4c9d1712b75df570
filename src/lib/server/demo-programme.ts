// What the demo programme holds: fictitious municipalities (each named "… (demo)"), how their
// council and staff tend to answer per theme and statement, and the plan van aanpak of the one
// municipality with two rounds. Data only; demo.ts turns it into pilots. All figures are made up.
import type { PlanLink, PlanPriority, PlanStatus, OwnerKind } from '$lib/plan/rules';

type CouncilType = 'clientenraad' | 'adviesraad-werkgroep' | 'adviesraad';
/** Shifts of the mean score (on 1–5), by theme or statement id and then by role ('*' for every role). */
export type Shifts = Record<string, Record<string, number>>;

export type DemoProfile = {
	/** Stable name within the demo, for tests and the two-round link. */
	key: string;
	municipality: string;
	roundLabel: string;
	councilType: CouncilType;
	status: 'draft' | 'open' | 'closed';
	benchmarkConsent: boolean;
	/** Submitted responses per role (only the roles listed take part). */
	sizes: Record<string, number>;
	/** Seed of the answers, so every machine gets the same demo. */
	seed: number;
	/** How many days ago the answers came in. */
	daysAgo: number;
	/** The first pilot keeps the answers of the original single demo pilot, which tests rely on. */
	legacy?: boolean;
	/** General mood of this municipality, added to every score. */
	climate?: number;
	/** Where this municipality is stronger or weaker than most. */
	themes?: Shifts;
	/** Statements that differ here (round 2 uses this for what the plan changed). */
	items?: Shifts;
	/** The key of the earlier round of the same municipality. */
	previous?: string;
	/** Respondents still busy (open pilots). */
	inProgress?: Record<string, number>;
	contact?: string;
};

/** How positive each role is on average, per theme in scan order (the original demo's figures). */
export const ROLE_TENDENCY: Record<string, number[]> = {
	raad: [3.6, 3.0, 2.4, 2.8, 2.6, 3.4, 3.7, 2.5],
	ondersteuner: [3.8, 3.2, 2.9, 3.1, 2.8, 3.3, 3.9, 2.8],
	gemeente: [3.9, 3.4, 3.8, 3.9, 3.5, 3.2, 4.1, 2.9],
	bestuur: [4.2, 3.8, 4.0, 4.1, 3.6, 3.5, 4.3, 3.2]
};

/**
 * How councils and staff differ on single statements everywhere: the council is most critical on
 * being asked late, having too little time and hearing nothing back about its advice; staff think
 * they do those things well. Reaching hard-to-reach groups and finding new members are hard for all.
 */
export const ITEM_TENDENCY: Shifts = {
	'invloed-1': { raad: -0.7, ondersteuner: -0.4, gemeente: 0.3, bestuur: 0.3 },
	'invloed-2': { raad: -0.6, ondersteuner: -0.3, gemeente: 0.2 },
	'invloed-6': { raad: -0.3 },
	'informatie-1': { raad: -0.4, ondersteuner: -0.2, gemeente: 0.2 },
	'informatie-2': { raad: -0.3 },
	'informatie-5': { raad: -0.9, ondersteuner: -0.5, gemeente: 0.2, bestuur: 0.3 },
	'informatie-6': { raad: -0.6, gemeente: 0.1 },
	'ondersteuning-4': { raad: -0.4 },
	'achterban-3': { '*': -0.6 },
	'toekomst-4': { '*': -0.7 },
	'samenwerking-1': { '*': 0.3 }
};

export const OPEN_ANSWERS = [
	'Dat de stem van mensen met een uitkering echt meetelt.',
	'Eerder betrokken worden, niet pas als alles al klaar is.',
	'Meer terugkoppeling over wat er met onze adviezen gebeurt.',
	'Een vaste contactpersoon bij de gemeente zou helpen.',
	'Armoede en schulden, en de kostendelersnorm.',
	'Nieuwe leden vinden, vooral jongeren.',
	'Het overleg met de wethouder is prettig en open.',
	'Minder vaktaal in de stukken.'
];

/** More open answers for the other municipalities, so their quotes are not all the same. */
export const MORE_OPEN_ANSWERS = [
	'Een spreekuur in de wijk, zodat we horen wat er speelt.',
	'De stukken komen vaak pas een week voor het overleg.',
	'Wij willen meepraten over de nieuwe regels voor bijzondere bijstand.',
	'Een training voor nieuwe leden over hoe de gemeente werkt.',
	'Het contact met de ambtenaren is goed, met de wethouder minder.',
	'Jongeren en statushouders horen we nog te weinig.'
];

const CONTACT = 'Voorbeeld: de ondersteuner van de raad, telefoon 0123 45 67 89';

/** Round 2 of Rivierdal: what the plan's first two actions aimed at went up for the council. */
const PLAN_EFFECT: Shifts = {
	'invloed-1': { raad: 1.7, ondersteuner: 0.8, gemeente: 0.3 },
	'invloed-2': { raad: 1.4, ondersteuner: 0.6 },
	'informatie-5': { raad: 1.7, ondersteuner: 0.8, gemeente: 0.3 },
	'informatie-6': { raad: 1.3, ondersteuner: 0.5 }
};

const RIVIERDAL = {
	municipality: 'Rivierdal (demo)',
	councilType: 'clientenraad',
	benchmarkConsent: true,
	themes: { invloed: { raad: -0.2 }, informatie: { raad: -0.1 }, samenwerking: { '*': 0.2 } },
	contact: CONTACT
} as const;

/** In the order they are made: Voorbeeldstad first, as before (tests find it as the first pilot). */
export const DEMO_PROFILES: DemoProfile[] = [
	{
		key: 'voorbeeldstad',
		municipality: 'Voorbeeldstad (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'adviesraad-werkgroep',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 9, ondersteuner: 3, gemeente: 8, bestuur: 1 },
		seed: 20261125,
		daysAgo: 0,
		legacy: true,
		contact: 'Voorbeeld: de ondersteuner van de cliëntenraad, telefoon 0123 45 67 89'
	},
	{
		// A large city: a professional secretariat, but the council hardly reaches its people.
		key: 'havenstad',
		municipality: 'Havenstad (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'clientenraad',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 15, ondersteuner: 2, gemeente: 12, bestuur: 2 },
		seed: 101,
		daysAgo: 40,
		climate: 0.1,
		themes: { ondersteuning: { '*': 0.7 }, informatie: { '*': 0.3 }, achterban: { '*': -0.7 }, agenda: { raad: -0.4 } },
		contact: CONTACT
	},
	{
		// A small village with a broad advisory council: short lines, little support, work and income gets little attention.
		key: 'heidedorp',
		municipality: 'Heidedorp (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'adviesraad',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 6, gemeente: 5, bestuur: 1 },
		seed: 102,
		daysAgo: 75,
		themes: {
			samenwerking: { '*': 0.5 },
			achterban: { '*': 0.4 },
			ondersteuning: { '*': -0.8 },
			agenda: { '*': -0.6 },
			toekomst: { '*': -0.4 }
		},
		contact: CONTACT
	},
	{
		// Good at informing, but asks for advice late.
		key: 'kanaalzijde',
		municipality: 'Kanaalzijde (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'adviesraad-werkgroep',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 8, ondersteuner: 3, gemeente: 7, bestuur: 1 },
		seed: 103,
		daysAgo: 20,
		themes: { informatie: { '*': 0.5 }, invloed: { raad: -0.2, ondersteuner: -0.1 }, doel: { '*': 0.3 } },
		contact: CONTACT
	},
	{
		// Clear goals, but work and income snowed under and few new members.
		key: 'bergmeer',
		municipality: 'Bergmeer (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'adviesraad',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 7, gemeente: 6 },
		seed: 104,
		daysAgo: 55,
		themes: { doel: { '*': 0.4 }, agenda: { '*': -0.5 }, toekomst: { '*': -0.5 }, samenwerking: { '*': 0.2 } },
		contact: CONTACT
	},
	{
		// A strained relation: the council is critical across the board, staff see little wrong.
		key: 'weidebroek',
		municipality: 'Weidebroek (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'clientenraad',
		status: 'closed',
		benchmarkConsent: true,
		sizes: { raad: 9, ondersteuner: 2, gemeente: 10, bestuur: 1 },
		seed: 105,
		daysAgo: 30,
		climate: -0.2,
		themes: { samenwerking: { raad: -0.9, ondersteuner: -0.4, gemeente: 0.2 }, invloed: { raad: -0.4 }, doel: { raad: -0.4 } },
		contact: CONTACT
	},
	{
		...RIVIERDAL,
		key: 'rivierdal-1',
		roundLabel: 'Nulmeting',
		status: 'closed',
		sizes: { raad: 10, ondersteuner: 2, gemeente: 9, bestuur: 1 },
		seed: 106,
		daysAgo: 380
	},
	{
		...RIVIERDAL,
		key: 'rivierdal-2',
		roundLabel: 'Vervolgmeting',
		status: 'closed',
		sizes: { raad: 11, ondersteuner: 2, gemeente: 8, bestuur: 1 },
		seed: 107,
		daysAgo: 10,
		// What the plan did not touch stayed the same or slipped a little.
		themes: { ...RIVIERDAL.themes, achterban: { '*': -0.2 } },
		items: PLAN_EFFECT,
		previous: 'rivierdal-1'
	},
	{
		// Still collecting answers.
		key: 'lindeveld',
		municipality: 'Lindeveld (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'adviesraad-werkgroep',
		status: 'open',
		benchmarkConsent: true,
		sizes: { raad: 4, gemeente: 6 },
		inProgress: { raad: 2, gemeente: 1 },
		seed: 108,
		daysAgo: 3,
		themes: { achterban: { '*': 0.3 } },
		contact: CONTACT
	},
	{
		key: 'zandhoven',
		municipality: 'Zandhoven (demo)',
		roundLabel: 'Nulmeting',
		councilType: 'clientenraad',
		status: 'draft',
		benchmarkConsent: false,
		sizes: {},
		seed: 109,
		daysAgo: 0,
		contact: CONTACT
	}
];

/** The municipality with two rounds: the plan of round 1 is made there. */
export const PLAN_PILOT = 'rivierdal-1';

export type DemoAction = {
	title: string;
	whyText: string;
	ownerKind: OwnerKind;
	priority: PlanPriority;
	status: PlanStatus;
	/** Months after round 1 that it was due. */
	dueIn: number;
	successSign: string;
	links: PlanLink[];
	/** Days after round 1, and what happened. */
	progress: [number, string][];
};

/** The plan van aanpak after round 1 of Rivierdal: the first two worked (see PLAN_EFFECT), the rest did not (yet). */
export const DEMO_PLAN: DemoAction[] = [
	{
		title: 'Advies vragen aan het begin van elk beleidsplan',
		whyText: 'De raad hoort pas van plannen als ze bijna klaar zijn, en heeft dan te weinig tijd.',
		ownerKind: 'gemeente',
		priority: 'hoog',
		status: 'uitgevoerd',
		dueIn: 4,
		successSign: 'De raad ziet elk plan over werk en inkomen al in de startfase.',
		links: [
			{ kind: 'item', ref: 'invloed-1' },
			{ kind: 'item', ref: 'invloed-2' },
			{ kind: 'theme', ref: 'invloed' }
		],
		progress: [
			[45, 'Werkafspraak gemaakt met de beleidsmedewerkers: de raad staat op de planning van elk project.'],
			[150, 'Drie plannen in de startfase met de raad besproken.']
		]
	},
	{
		title: 'Binnen zes weken een reactie op elk advies',
		whyText: 'De raad weet vaak niet wat er met zijn advies is gedaan.',
		ownerKind: 'gemeente',
		priority: 'hoog',
		status: 'uitgevoerd',
		dueIn: 3,
		successSign: 'Elk advies krijgt binnen zes weken een brief met wat de gemeente ermee doet, en waarom.',
		links: [
			{ kind: 'item', ref: 'informatie-5' },
			{ kind: 'item', ref: 'informatie-6' }
		],
		progress: [[60, 'Vaste opzet gemaakt voor de reactie op een advies. De eerste twee reacties zijn verstuurd.']]
	},
	{
		title: 'Spreekuur in de bibliotheek om de achterban te horen',
		whyText: 'Jongeren en mensen met een beperking horen we nu bijna niet.',
		ownerKind: 'raad',
		priority: 'middel',
		status: 'bezig',
		dueIn: 9,
		successSign: 'Elke maand een spreekuur, en de raad noemt in zijn adviezen wat hij daar hoorde.',
		links: [
			{ kind: 'item', ref: 'achterban-2' },
			{ kind: 'item', ref: 'achterban-3' },
			{ kind: 'theme', ref: 'achterban' }
		],
		progress: [[120, 'Eerste spreekuur gehouden. Er kwamen vier mensen.']]
	},
	{
		title: 'Budget voor training van nieuwe leden',
		whyText: 'Nieuwe leden weten niet hoe de gemeente werkt.',
		ownerKind: 'samen',
		priority: 'middel',
		status: 'gestopt',
		dueIn: 6,
		successSign: 'Elk nieuw lid volgt in het eerste jaar een training.',
		links: [
			{ kind: 'item', ref: 'ondersteuning-4' },
			{ kind: 'item', ref: 'ondersteuning-6' }
		],
		progress: [[90, 'Geen ruimte in de begroting van dit jaar. Volgend jaar opnieuw bespreken.']]
	},
	{
		title: 'Nieuwe leden werven, vooral jongeren',
		whyText: '',
		ownerKind: 'raad',
		priority: 'laag',
		status: 'gepland',
		dueIn: 12,
		successSign: 'Twee nieuwe leden onder de 35 jaar.',
		links: [{ kind: 'item', ref: 'toekomst-4' }],
		progress: []
	}
];

/** Notes taken in the conversation of round 1, on the agenda topic about a statement (if on the agenda). */
export const DEMO_AGENDA_NOTES: Record<string, string> = {
	'invloed-1': 'De raad voelt zich laat betrokken; de gemeente dacht dat het goed ging. Afspraak: advies vragen bij de start van een plan.',
	'informatie-5': 'De raad hoort weinig terug. De gemeente gaat op elk advies binnen zes weken reageren.'
};
