// The copy button of the personal link on the intro, a page without SvelteKit's script (csr = false):
// this small file alone adds it. Without it the link is plain text to select; with it the button
// shows and copies the link, and a polite status says so (the words come from the page, in its language).
// Served as it is (not bundled), so it keeps to syntax that old phone browsers know.
document.querySelectorAll('button[data-copy]').forEach(function (element) {
	const button = /** @type {HTMLButtonElement} */ (element);
	const source = document.getElementById(button.dataset.copy || '');
	const status = document.getElementById(button.dataset.status || '');
	if (!source || !status || !navigator.clipboard) return;
	button.hidden = false;
	button.addEventListener('click', function () {
		status.textContent = '';
		navigator.clipboard.writeText((source.textContent || '').trim()).then(
			function () {
				status.textContent = button.dataset.copied || '';
			},
			function () {
				// Copying refused (an old browser, a setting): the link is selected, ready to copy by hand.
				const selection = window.getSelection();
				if (selection) selection.selectAllChildren(source);
				status.textContent = button.dataset.failed || '';
			}
		);
	});
});
