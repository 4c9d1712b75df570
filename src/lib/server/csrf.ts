// Refuses form posts from other sites (cross-site request forgery).
import { hasSecretInUrl } from './secret-paths';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Cross-site form posts are refused, as Kit's own check does. One difference: on pages whose URL
 * holds a secret token (respondent links, password reset links) browsers send `Origin: null`
 * because of `no-referrer`; there the unguessable token already stops a forged post, so `null`
 * is accepted.
 */
export function originAllowed(request: Request, url: URL): boolean {
	if (request.method === 'GET' || request.method === 'HEAD') return true;
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return true;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return true;
	return origin === 'null' && hasSecretInUrl(url.pathname);
}
