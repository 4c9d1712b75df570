// Dutch UI words for codes that are stored in English, kept in one place.
export const councilTypeLabels = {
	clientenraad: 'Een aparte cliëntenraad werk en inkomen',
	'adviesraad-werkgroep': 'Een brede adviesraad sociaal domein met een werkgroep werk en inkomen',
	adviesraad: 'Een brede adviesraad zonder werkgroep'
} as const;

export const variantLabels = {
	full: 'Volledige versie (15 tot 20 minuten)',
	short: 'Korte versie (ongeveer 10 minuten)'
} as const;

export const statusLabels = {
	draft: 'In voorbereiding',
	open: 'Open',
	closed: 'Gesloten'
} as const;

export const sourceLabels = {
	online: 'Online',
	paper: 'Papier',
	import: 'Import'
} as const;

export const scaleLabels = ['Helemaal oneens', 'Oneens', 'Niet eens, niet oneens', 'Eens', 'Helemaal eens'] as const;
export const dontKnowLabel = 'Weet niet';
