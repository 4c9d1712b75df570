// Read-aloud, the nicer voice: where this device has a good voice of its own for the page's
// language, each "Lees voor" player (ReadAloud.svelte) gets a button that reads the same text with
// it, one text per utterance, and the player steps aside. Only voices that run on the device
// itself (localService) are used, so no text leaves the device; and only the scan's own texts
// (data-text) are ever spoken, never what someone typed. Without a good voice nothing changes.

/**
 * Voices known to sound good, per language, by name (one place to keep up to date). macOS and iOS:
 * Xander, Claire, Ellen (nl), Daniel, Kate, Serena (en); Windows: Microsoft Frank (nl) and the
 * Natural voices where installed on the device; Android: Google's own voices ("Nederlands",
 * "English United Kingdom"). Chrome's "Google …" voices on a desktop are network voices and fall
 * out by the localService rule, however their name reads.
 */
const GOOD_VOICES = {
	nl: [/^Xander\b/, /^Claire\b/, /^Ellen\b/, /^Microsoft (Frank|Colette|Fenna|Maarten)\b/, /^Google Nederlands\b/, /^Nederlands\b/i],
	en: [/^Daniel\b/, /^Kate\b/, /^Serena\b/, /^Microsoft (Sonia|Libby|Ryan|Hazel|George)\b/, /^Google UK English\b/, /^English\b.*United Kingdom/i]
};

/** @param {string} lang */
function goodVoice(lang) {
	const names = GOOD_VOICES[/** @type {'nl' | 'en'} */ (lang)];
	if (!names) return null;
	const voices = speechSynthesis.getVoices().filter((v) => v.localService && v.lang.toLowerCase().startsWith(lang));
	for (const name of names) {
		const voice = voices.find((v) => name.test(v.name));
		if (voice) return voice;
	}
	return null;
}

/** @type {HTMLButtonElement | null} */
let speaking = null;

/**
 * @param {HTMLButtonElement} button
 * @param {boolean} on
 */
function show(button, on) {
	button.textContent = (on ? button.dataset.stop : button.dataset.play) ?? '';
	// Its name starts with what it shows ("Lees voor: vraag 3", "Stop met voorlezen").
	button.setAttribute('aria-label', (on ? button.dataset.stop : button.dataset.name) ?? '');
}

function stop() {
	speechSynthesis.cancel();
	if (speaking) show(speaking, false);
	speaking = null;
}

/** @param {HTMLElement} box */
function offerDeviceVoice(box) {
	const { text, lang, play, stop: stopLabel, note } = box.dataset;
	const audio = box.querySelector('audio');
	if (!text || !lang || !audio || box.querySelector('button')) return;
	const voice = goodVoice(lang);
	if (!voice) return;
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'utrecht-button utrecht-button--secondary-action qs-read-aloud__device';
	button.dataset.play = play;
	button.dataset.stop = stopLabel;
	// Named like the player it replaces ("Lees voor: vraag 3"); which voice, in its tooltip.
	button.dataset.name = audio.getAttribute('aria-label') ?? play;
	button.title = note ?? '';
	show(button, false);
	button.addEventListener('click', () => {
		const again = speaking === button;
		stop();
		if (again) return;
		audio.pause();
		const utterance = new SpeechSynthesisUtterance(text);
		utterance.voice = voice;
		utterance.lang = voice.lang;
		utterance.rate = 0.9;
		utterance.onend = () => speaking === button && stop();
		// The device's voice failed: the player comes back.
		utterance.onerror = () => {
			if (speaking === button) stop();
			button.hidden = true;
			audio.hidden = false;
		};
		speaking = button;
		show(button, true);
		speechSynthesis.speak(utterance);
	});
	audio.hidden = true;
	box.querySelector('.qs-read-aloud__label')?.setAttribute('hidden', '');
	box.append(button);
}

function enhance() {
	for (const box of document.querySelectorAll('[data-read-aloud]')) offerDeviceVoice(/** @type {HTMLElement} */ (box));
}

// One sound at a time: a player that starts stops the others and the device's voice.
document.addEventListener(
	'play',
	(event) => {
		for (const audio of document.querySelectorAll('audio')) if (audio !== event.target) audio.pause();
		stop();
	},
	true
);

if ('speechSynthesis' in window) {
	enhance();
	// Many browsers list their voices only a moment after the page loads.
	speechSynthesis.addEventListener('voiceschanged', enhance);
	window.addEventListener('pagehide', stop);
}
