// zod with Dutch default messages: import `z` from here so every validation error a user can see
// is in Dutch, also where a schema has no message of its own.
import { z } from 'zod';

z.config(z.locales.nl());

export { z };
