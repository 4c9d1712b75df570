// The audit log of facilitator and admin actions: who did what, when. Callers pass names and ids
// of things only: never answers, open texts, tokens or passwords.
import { and, desc, eq } from 'drizzle-orm';
import type { SessionUser } from './auth';
import type { Db } from './db';
import { auditLog } from './db/schema';

export type AuditAction =
	| 'login'
	| 'login-failed'
	| 'logout'
	| 'pilot-create'
	| 'pilot-update'
	| 'pilot-contact'
	| 'pilot-open'
	| 'pilot-close'
	| 'pilot-delete'
	| 'pilot-share'
	| 'pilot-unshare'
	| 'links-create'
	| 'link-group'
	| 'link-revoke'
	| 'paper-entry'
	| 'typed-in-confirm'
	| 'release'
	| 'import'
	| 'export'
	| 'plan-carry'
	| 'account-create'
	| 'account-deactivate'
	| 'account-activate'
	| 'password-reset-link'
	| 'password-reset';

/** Writes one entry and returns its id. */
export function audit(
	db: Db,
	actor: Pick<SessionUser, 'id' | 'email'> | null,
	action: AuditAction,
	options: { pilotId?: number; detail?: string } = {}
): number {
	return db
		.insert(auditLog)
		.values({
			userId: actor?.id ?? null,
			userEmail: actor?.email ?? '',
			action,
			pilotId: options.pilotId ?? null,
			detail: options.detail ?? ''
		})
		.returning({ id: auditLog.id })
		.get().id;
}

/**
 * The detail of one entry of this user's with this action, e.g. the name of the pilot they just
 * deleted: what a page confirms comes from our own records, never from text in the URL.
 */
export function ownAuditDetail(db: Db, user: Pick<SessionUser, 'id'>, action: AuditAction, id: number): string | null {
	const row = db
		.select({ detail: auditLog.detail })
		.from(auditLog)
		.where(and(eq(auditLog.id, id), eq(auditLog.userId, user.id), eq(auditLog.action, action)))
		.get();
	return row?.detail ?? null;
}

export function listAudit(db: Db, options: { limit?: number; pilotId?: number } = {}) {
	return db
		.select()
		.from(auditLog)
		.where(options.pilotId ? eq(auditLog.pilotId, options.pilotId) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(options.limit ?? 200)
		.all();
}
