// The script of a theme page, a page without SvelteKit's script (csr = false): the server renders
// everything (every question, the current one marked, both kinds of buttons, the save messages in
// <template>s) and CSS lays it out; this file only adds what needs a script. It saves each answer as
// it is given (queued, retried when the connection is gone), steps through the questions one at a
// time on a small screen (each "Volgende vraag" a history entry, so the back button goes back one
// question), and sends the page's buttons itself, so a button pressed without a connection says so
// and the answers stay on the screen. Without it the form posts as it is, and the server does the same.
// Served as it is (not bundled), so it keeps to syntax that old phone browsers know (ES2017).
(() => {
	'use strict';

	/** @typedef {'idle' | 'saving' | 'saved' | 'offline' | 'rejected'} SaveState */

	// Keep equal to the media queries of the page and of $lib/components/respondent.
	const SMALL_SCREEN = '(max-width: 40rem)';
	const RETRY_MS = [1000, 2000, 5000, 10000, 20000, 30000];
	// Text is saved after a short pause in typing, choices at once.
	const TYPING_MS = 1200;

	/**
	 * Saves answers as they are given. They wait in a queue until the server confirms them; when the
	 * connection is gone the queue is kept and retried, so nothing is lost.
	 * @param {string} url the autosave endpoint of this link
	 * @param {(state: SaveState, message?: string) => void} show
	 */
	function autoSaver(url, show) {
		/** @type {Map<string, string>} */
		const pending = new Map();
		/** @type {Map<string, ReturnType<typeof setTimeout>>} */
		const typing = new Map();
		const stopTyping = () => typing.forEach((t) => clearTimeout(t));
		/** @type {ReturnType<typeof setTimeout> | undefined} */
		let timer;
		let inFlight = false;
		let attempt = 0;
		/** @type {SaveState} */
		let state = 'idle';

		/** @param {SaveState} next @param {string} [message] */
		function set(next, message) {
			state = next;
			show(next, message);
		}

		/** @param {Record<string, string>} answers @param {boolean} [keepalive] */
		function post(answers, keepalive) {
			return fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ answers: answers }),
				keepalive: keepalive
			});
		}

		/** @param {Map<string, string>} map */
		function record(map) {
			/** @type {Record<string, string>} */
			const out = {};
			map.forEach((value, key) => (out[key] = value));
			return out;
		}

		async function flush() {
			if (inFlight || pending.size === 0) return;
			const batch = record(pending);
			inFlight = true;
			set('saving');
			try {
				const res = await post(batch);
				if (res.ok) {
					// Only drop what was sent and not changed since; newer answers stay queued.
					Object.keys(batch).forEach((key) => {
						if (pending.get(key) === batch[key]) pending.delete(key);
					});
					attempt = 0;
					set(pending.size ? 'saving' : 'saved');
				} else if (res.status >= 400 && res.status < 500 && res.status !== 429) {
					// The server will not take these answers (e.g. the list was closed): retrying won't help.
					const body = await res.json().catch(() => null);
					pending.clear();
					set('rejected', body && typeof body.message === 'string' ? body.message : '');
				} else throw new Error('status ' + res.status);
			} catch (e) {
				set('offline');
				const wait = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)];
				clearTimeout(timer);
				timer = setTimeout(flush, wait);
			} finally {
				inFlight = false;
			}
			if (state === 'saving' && pending.size) flush();
		}

		return {
			/** Queue an answer. @param {string} key @param {string} value @param {number} debounceMs */
			answer: (key, value, debounceMs) => {
				pending.set(key, value);
				clearTimeout(typing.get(key));
				if (debounceMs > 0) typing.set(key, setTimeout(flush, debounceMs));
				else flush();
			},
			/** Try again now, e.g. when the browser says it is back online. */
			retryNow: () => {
				clearTimeout(timer);
				attempt = 0;
				flush();
			},
			/** The page is being left: send what is queued with `keepalive`, so it arrives after the page is gone. */
			flushOnLeave: () => {
				stopTyping();
				if (pending.size) post(record(pending), true).catch(() => {});
			},
			/** The page's form was sent with every answer on it: nothing is left to save. */
			forget: () => {
				pending.clear();
				clearTimeout(timer);
				stopTyping();
			},
			/** Whether an answer could not be saved for want of a connection. */
			unsaved: () => state === 'offline' && (pending.size > 0 || inFlight)
		};
	}

	function start() {
		const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-autosave]'));
		if (!form) return;
		const page = form;
		const data = page.dataset;
		// Styles and the browser tests may ask whether the page's script runs.
		document.documentElement.classList.add('js');

		// --- Saving: the status region shows the server-rendered message of each state. ---
		const bar = /** @type {HTMLElement} */ (page.querySelector('.qs-save-bar'));
		const status = /** @type {HTMLElement} */ (bar.querySelector('[role="status"]'));
		/** @type {SaveState} */
		let shown = 'idle';
		const saver = autoSaver(data.autosave || '', (state, message) => {
			// The same state again is no news for a screen reader; a refusal can bring a new reason.
			if (state === shown && state !== 'rejected') return;
			shown = state;
			bar.classList.toggle('qs-save-bar--problem', state === 'offline' || state === 'rejected');
			const template = /** @type {HTMLTemplateElement | null} */ (bar.querySelector('template[data-save-state="' + state + '"]'));
			const source = template && template.content.querySelector('[role="status"]');
			if (!source) return;
			status.className = source.className;
			status.textContent = '';
			source.childNodes.forEach((node) => status.appendChild(node.cloneNode(true)));
			if (state === 'rejected') status.appendChild(document.createTextNode(' ' + (message || data.rejected || '')));
		});
		status.addEventListener('click', (event) => {
			if (/** @type {HTMLElement} */ (event.target).closest('button')) saver.retryNow();
		});

		/** @param {HTMLInputElement | HTMLTextAreaElement} field */
		function answer(field) {
			saver.answer(field.name, field.value, field.type === 'textarea' ? TYPING_MS : 0);
		}
		page.addEventListener('change', (event) => {
			const field = /** @type {HTMLInputElement} */ (event.target);
			if (field.type === 'radio' && field.checked) answer(field);
		});
		page.addEventListener('input', (event) => {
			const field = /** @type {HTMLTextAreaElement} */ (event.target);
			if (field.type !== 'textarea') return;
			answer(field);
			// "Nog 1234 tekens over.": the number follows the typing.
			const count = document.getElementById(field.id + '-count');
			if (count) count.textContent = (count.textContent || '').replace(/\d+/, String(field.maxLength - field.value.length));
		});
		// An answer given before this script ran is on the screen, but not saved yet: save it now.
		page.querySelectorAll('input[type="radio"]:checked, textarea').forEach((element) => {
			const field = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (element);
			const given =
				field.type === 'textarea'
					? field.value.trim() !== field.defaultValue.trim()
					: !(/** @type {HTMLInputElement} */ (field).defaultChecked);
			if (given) answer(field);
		});
		window.addEventListener('online', saver.retryNow);
		window.addEventListener('pagehide', saver.flushOnLeave);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'hidden') saver.flushOnLeave();
		});
		window.addEventListener('beforeunload', (event) => {
			// Only when an answer could not be saved yet (no connection): ask before leaving.
			if (!saver.unsaved()) return;
			event.preventDefault();
			event.returnValue = '';
		});

		// --- One question at a time on a small screen. The server rendered the layout (`.qs-stepper`,
		// the current question, which step buttons show); this keeps it up to date while stepping. ---
		const steps = page.querySelectorAll('.qs-step');
		const count = steps.length;
		const head = document.querySelector('.qs-theme-head');
		const at = /** @type {HTMLInputElement} */ (page.elements.namedItem('vraag'));
		/** @param {string} value */
		const button = (value) => /** @type {HTMLButtonElement | null} */ (page.querySelector('button[value="' + value + '"]'));
		const next = button('volgende');
		const previous = button('vorige');
		const nextQuestion = button('volgende-vraag');
		const previousQuestion = button('vorige-vraag');
		// The layout toggle is there when one at a time can apply (not with errors, nor for one question).
		const toggle = /** @type {HTMLButtonElement | null} */ (page.querySelector('button[value="alle-vragen"], button[value="een-vraag"]'));
		let showAll = !!toggle && toggle.value === 'een-vraag';
		let current = Math.max(0, Number(at.value) - 1);
		// Where the page opened (the question its address asked for, else the first unanswered one).
		const entry = current;

		const stepper = () => !!toggle && !showAll;
		/** Whether one question at a time is what the respondent sees right now. */
		const stepping = () => stepper() && matchMedia(SMALL_SCREEN).matches;

		function render() {
			steps.forEach((step, i) => step.classList.toggle('qs-step--current', i === current));
			at.value = String(current + 1);
			if (next) next.classList.toggle('qs-not-step', current < count - 1);
			if (previous) previous.classList.toggle('qs-not-step', current > 0);
			if (nextQuestion) nextQuestion.hidden = current >= count - 1;
			if (previousQuestion) previousQuestion.hidden = current <= 0;
			page.classList.toggle('qs-stepper', stepper());
			if (head) head.classList.toggle('qs-stepper', stepper());
			if (toggle) {
				toggle.value = showAll ? 'een-vraag' : 'alle-vragen';
				toggle.textContent = (showAll ? data.showOne : data.showAll) || '';
			}
		}

		function focusQuestion() {
			const step = document.getElementById('vraag-' + current);
			if (step) step.focus();
		}

		/**
		 * "Volgende vraag" adds a history entry; "Vorige vraag" goes back through those entries (so the
		 * back button never leads forward again), and before the first one it only replaces the current
		 * entry. The address names the question, so a reload stays there.
		 * @param {number} by
		 */
		function go(by) {
			const state = history.state;
			if (by < 0 && state && state.stepped) {
				history.back();
				return;
			}
			current = Math.min(count - 1, Math.max(0, current + by));
			// The address names the question as the server reads it (QUESTION_PARAM in step.ts).
			const address = '?vraag=' + (current + 1);
			if (by > 0) history.pushState({ question: current, stepped: true }, '', address);
			else history.replaceState({ question: current }, '', address);
			render();
			focusQuestion();
		}

		// The back and forward buttons between this theme's questions.
		window.addEventListener('popstate', (event) => {
			const remembered = event.state && event.state.question;
			const wanted = typeof remembered === 'number' && remembered < count ? remembered : entry;
			if (wanted === current) return;
			current = wanted;
			render();
			focusQuestion();
		});

		// Turning the phone keeps the respondent at the same question, in either layout (focus moves
		// with it only when it was on the questions, never away from elsewhere).
		const query = matchMedia(SMALL_SCREEN);
		const turned = () => {
			if (document.activeElement && document.activeElement.closest('.qs-step')) focusQuestion();
		};
		if (query.addEventListener) query.addEventListener('change', turned);
		else query.addListener(turned);

		// With the whole theme on screen, the question being answered is the one step mode returns to.
		page.addEventListener('focusin', (event) => {
			if (stepping()) return;
			const step = /** @type {HTMLElement} */ (event.target).closest('.qs-step');
			if (!step) return;
			current = Number(step.id.replace('vraag-', ''));
			render();
		});

		// Enter on a choice goes to the next question, instead of sending the whole page.
		page.addEventListener('keydown', (event) => {
			if (event.key !== 'Enter' || current >= count - 1 || !stepping()) return;
			if (/** @type {HTMLElement} */ (event.target).matches('input[type="radio"]')) {
				event.preventDefault();
				go(1);
			}
		});

		// --- The buttons. The step buttons and the layout toggle stay on the page; the others send the
		// form as SvelteKit's own forms do (`x-sveltekit-action`: the server answers where to go). ---
		const navError = /** @type {HTMLElement} */ (page.querySelector('[data-nav-error]'));
		/** @type {HTMLButtonElement | null} */
		let clicked = null;
		let native = false;

		page.addEventListener('click', (event) => {
			const target = /** @type {HTMLElement} */ (event.target).closest('button[type="submit"]');
			if (!target) return;
			clicked = /** @type {HTMLButtonElement} */ (target);
			if (target === nextQuestion || target === previousQuestion) {
				event.preventDefault();
				go(target === nextQuestion ? 1 : -1);
			} else if (target === toggle) {
				event.preventDefault();
				showAll = !showAll;
				// The same cookie the server sets on this button without a script (step.ts).
				document.cookie = (showAll ? data.cookieAll : data.cookieOne) + (location.protocol === 'https:' ? '; Secure' : '');
				render();
				focusQuestion();
			}
		});

		/** @param {boolean} busy */
		function setBusy(busy) {
			page.querySelectorAll('button[type="submit"]').forEach((b) => {
				/** @type {HTMLButtonElement} */ (b).disabled = busy;
			});
		}

		page.addEventListener('submit', async (event) => {
			if (native) return;
			event.preventDefault();
			const submitter = /** @type {HTMLButtonElement | null} */ (/** @type {SubmitEvent} */ (event).submitter || clicked);
			const body = new FormData(page);
			if (submitter && submitter.name) body.append(submitter.name, submitter.value);
			setBusy(true);
			navError.hidden = true;
			/** @type {Response | null} */
			let res = null;
			try {
				res = await fetch(page.action, {
					method: 'POST',
					body: body,
					headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
				});
			} catch (e) {
				// No answer at all: `res` stays null.
			}
			const result = res && (await res.json().catch(() => null));
			if (result && result.type === 'redirect') {
				// Saved with every answer on the page: on to where the server says.
				saver.forget();
				location.href = result.location;
				return;
			}
			setBusy(false);
			if (!res || res.status >= 500 || res.status === 429) {
				// No answer (or a busy server): "no connection", and focus back on the button for another try.
				navError.textContent = data.navOffline || '';
				navError.hidden = false;
				if (submitter) submitter.focus();
				return;
			}
			// The server said no (answers to correct, the questionnaire closed meanwhile, the link
			// withdrawn): the form goes as without a script, and the server's page says why.
			saver.forget();
			native = true;
			if (submitter) submitter.click();
			else page.submit();
		});

		// Back to this page from the next one (the browser kept it as it was): its buttons work again.
		window.addEventListener('pageshow', (event) => {
			if (event.persisted) setBusy(false);
		});

		render();
		// A question asked for by the address gets focus, ready to answer; the first open one does not.
		// After the page has loaded: the browser's own jump to the address's #anchor comes first, and
		// would otherwise take the focus away again (or put it on an open question's text box).
		if (data.asked !== '1') return;
		const focusAsked = () => setTimeout(focusQuestion);
		if (document.readyState === 'complete') focusAsked();
		else window.addEventListener('load', focusAsked);
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
	else start();
})();
