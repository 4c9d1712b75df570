// How a role looks in every chart: a colour from the Okabe–Ito palette (safe for colour-blind
// readers) and a shape of its own, so roles stay apart in greyscale print and on a projector.
export type RoleStyle = { color: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' };

const STYLES: RoleStyle[] = [
	{ color: '#0072B2', shape: 'circle' },
	{ color: '#D55E00', shape: 'square' },
	{ color: '#009E73', shape: 'triangle' },
	{ color: '#CC79A7', shape: 'diamond' }
];

export function roleStyle(index: number): RoleStyle {
	return STYLES[index % STYLES.length];
}

/** SVG path of a marker of about `size` across, centred on (0, 0). */
export function markerPath(shape: RoleStyle['shape'], size = 14): string {
	const r = size / 2;
	switch (shape) {
		case 'circle':
			return `M ${-r} 0 a ${r} ${r} 0 1 0 ${size} 0 a ${r} ${r} 0 1 0 ${-size} 0`;
		case 'square':
			return `M ${-r} ${-r} h ${size} v ${size} h ${-size} Z`;
		case 'triangle':
			return `M 0 ${-r * 1.15} L ${r * 1.1} ${r * 0.85} L ${-r * 1.1} ${r * 0.85} Z`;
		case 'diamond':
			return `M 0 ${-r * 1.25} L ${r * 1.1} 0 L 0 ${r * 1.25} L ${-r * 1.1} 0 Z`;
	}
}

/** Line dashes per role, for charts that join a role's points with a line (the spinnenweb). */
const DASHES = ['', '10 6', '3 5', '14 5 3 5'];
export function roleDash(index: number): string {
	return DASHES[index % DASHES.length];
}
