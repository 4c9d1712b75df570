// The text of a PDF the browser printed, page by page, to check what a printed document holds and
// on which page. pdf.js splits text into runs (and ligatures such as "fi" into their own), so the
// runs of a page are joined without spaces and every stretch of white space becomes one space.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(pdf: Buffer): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		const runs = content.items.map((item) => ('str' in item ? item.str : ''));
		pages.push(runs.join('').replace(/\s+/g, ' '));
	}
	await doc.destroy();
	return pages;
}

/** The pages (1-based) whose text contains `text`. */
export const pagesWith = (pages: string[], text: string | RegExp): number[] =>
	pages.flatMap((page, i) => ((typeof text === 'string' ? page.includes(text) : text.test(page)) ? [i + 1] : []));
