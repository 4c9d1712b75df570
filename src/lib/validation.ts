// zod with default messages in the request's language: import `z` from here so every validation
// error a user can see is in Dutch or English, also where a schema has no message of its own.
// A schema's own message is a function (`{ error: () => m.…() }`), so it too is read per request.
import { z } from 'zod';
import { getLocale } from '$lib/i18n';

const dutch = z.locales.nl().localeError;
const english = z.locales.en().localeError;
z.config({ localeError: (issue) => (getLocale() === 'en' ? english(issue) : dutch(issue)) });

export { z };
