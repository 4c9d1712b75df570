// @ts-check
// "Download als PNG" on the results pages. Those pages run no SvelteKit JavaScript (hydrating their
// many server-drawn charts cost more than a second on a phone); this small module, loaded as a file
// of its own, is all the script they run. It draws a chart's SVG file onto a canvas and saves it.
// Plain JavaScript on purpose: Vite hands it to the browser as it is (an asset, not a bundle).

// The pages show the PNG buttons only where JavaScript runs (see ChartDownloads.svelte).
document.documentElement.classList.add('js');

// One listener for every button, also for buttons that appear later (a page rendered in the browser
// after a client-side navigation); a module runs once per page, so it is never added twice.
document.addEventListener('click', (event) => {
	const button = event.target instanceof Element ? event.target.closest('button[data-png]') : null;
	if (button instanceof HTMLButtonElement && !button.disabled) downloadPng(button);
});

/** @param {HTMLButtonElement} button */
async function downloadPng(button) {
	const { png: href = '', filename = 'grafiek', failed = '' } = button.dataset;
	const status = button.parentElement?.querySelector('[role="status"]');
	button.disabled = true;
	if (status) status.textContent = '';
	try {
		const response = await fetch(href);
		if (!response.ok) throw new Error(String(response.status));
		const svg = await response.text();
		const image = new Image();
		await new Promise((resolve, reject) => {
			image.onload = resolve;
			image.onerror = reject;
			// A data: URL: the page's content security policy allows those for images.
			image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
		});
		// Twice the size, so the picture stays sharp on a projector or in a report.
		const scale = 2;
		const canvas = document.createElement('canvas');
		canvas.width = image.naturalWidth * scale;
		canvas.height = image.naturalHeight * scale;
		const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		/** @type {Blob | null} */
		const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('canvas');
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = `${filename}.png`;
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
	} catch {
		if (status) status.textContent = failed;
	} finally {
		button.disabled = false;
	}
}
