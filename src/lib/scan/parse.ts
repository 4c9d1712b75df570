// Turns the text of one scan file into a validated definition, or an error that names the file,
// the line and the place inside it, so whoever edits a scan can fix it without reading code.
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { scanSchema, type ScanDefinition } from './schema';

export class ScanFileError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[]
	) {
		super(`Scanbestand ${file} is ongeldig:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ScanFileError';
	}
}

function formatPath(path: PropertyKey[]): string {
	return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

export function parseScanText(file: string, source: string): ScanDefinition {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
	if (doc.errors.length > 0) {
		throw new ScanFileError(
			file,
			doc.errors.map((e) => {
				const line = e.linePos?.[0]?.line;
				return `${line ? `regel ${line}: ` : ''}geen geldige YAML (${e.message.split('\n')[0]})`;
			})
		);
	}
	const result = scanSchema.safeParse(doc.toJS());
	if (result.success) return result.data;

	const lineOf = (path: PropertyKey[]): number | undefined => {
		// Walk up until a node with a known position is found (a missing key has no node itself).
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
			if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
		}
		return undefined;
	};
	throw new ScanFileError(
		file,
		result.error.issues.map((issue: z.core.$ZodIssue) => {
			const line = lineOf(issue.path);
			const where = issue.path.length ? formatPath(issue.path) : '(bovenste niveau)';
			return `${line ? `regel ${line}, ` : ''}${where}: ${issue.message}`;
		})
	);
}
