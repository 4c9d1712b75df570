// The print button of the report, a page without SvelteKit's script (csr = false): this small file
// alone shows the button and makes it open the browser's print dialog (where "Opslaan als PDF" is).
// Without it the page says how to print with the browser's own menu.
document.querySelectorAll('button[data-print]').forEach(function (element) {
	const button = /** @type {HTMLButtonElement} */ (element);
	button.hidden = false;
	button.addEventListener('click', function () {
		window.print();
	});
});
