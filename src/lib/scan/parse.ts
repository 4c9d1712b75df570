// Turns the text of a scan file, or of one of its translation files, into validated data, or an
// error that names the file, the line and the place inside it, so whoever edits it can fix it
// without reading code.
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { scanSchema, translationFileSchema, type ScanDefinition, type ScanTranslation } from './schema';
import { addressKey, translatedEntries, translationIssues } from './translation';

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

type YamlFile = { doc: Document; lineOf: (path: PropertyKey[]) => number | undefined };

function readYaml(file: string, source: string): YamlFile {
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
	const lineOf = (path: PropertyKey[]): number | undefined => {
		// Walk up until a node with a known position is found (a missing key has no node itself).
		// A key of a mapping counts from its own line, not from the value that may start below it.
		for (let n = path.length; n >= 0; n--) {
			const parent = n > 0 ? doc.getIn(path.slice(0, n - 1) as (string | number)[], true) : undefined;
			const key = path[n - 1];
			if (isMap(parent) && typeof key === 'string') {
				const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
				if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
			}
			const node = n > 0 ? doc.getIn(path.slice(0, n) as (string | number)[], true) : doc.contents;
			if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
		}
		return undefined;
	};
	return { doc, lineOf };
}

function validate<T>(file: string, yaml: YamlFile, schema: z.ZodType<T>): T {
	const result = schema.safeParse(yaml.doc.toJS());
	if (result.success) return result.data;
	throw new ScanFileError(
		file,
		result.error.issues.map((issue: z.core.$ZodIssue) => {
			// An unknown key is reported on its parent; point at the key itself.
			const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
			const line = yaml.lineOf(at);
			const where = issue.path.length ? formatPath(issue.path) : '(bovenste niveau)';
			return `${line ? `regel ${line}, ` : ''}${where}: ${issue.message}`;
		})
	);
}

export function parseScanText(file: string, source: string): ScanDefinition {
	return validate(file, readYaml(file, source), scanSchema);
}

export type ParsedTranslation = {
	translation: ScanTranslation;
	/** The line of every entry, by address key ("items.doel-1.text"), for messages about it. */
	lines: Record<string, number>;
};

/** A translation file (`<scan>.<language>.yaml`) checked against the scan it translates. */
export function parseTranslationText(file: string, source: string, scan: ScanDefinition): ParsedTranslation {
	const yaml = readYaml(file, source);
	const schema = translationFileSchema.superRefine((translation, ctx) => {
		for (const issue of translationIssues(scan, translation)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
	});
	const translation = validate(file, yaml, schema);
	const lines: Record<string, number> = {};
	for (const { address } of translatedEntries(translation)) {
		const line = yaml.lineOf(address);
		if (line) lines[addressKey(address)] = line;
	}
	return { translation, lines };
}
