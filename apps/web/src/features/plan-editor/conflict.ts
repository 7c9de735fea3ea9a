import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** Who won a concurrent edit, as the API's CONFLICT reports it. */
export type LastChange = {
  userDisplayName: string | null;
  actorName: string | null;
  at: string;
  fields: string[];
};

/** A compare-and-set write that lost: the record's version and values now, and who changed it. */
export type Conflict = {
  currentVersion: number;
  current: Record<string, unknown>;
  lastChange: LastChange | null;
};

/** The CONFLICT of a failed write, or null when it failed for another reason. */
export function conflictOf(error: unknown): Conflict | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const found = error.errors.find((e) => e.extensions?.code === 'CONFLICT');
  const ext = found?.extensions;
  if (!ext || typeof ext.currentVersion !== 'number') return null;
  const last = ext.lastChange as Partial<LastChange> | null | undefined;
  return {
    currentVersion: ext.currentVersion,
    current: (ext.current as Record<string, unknown> | undefined) ?? {},
    lastChange: last?.at
      ? {
          userDisplayName: last.userDisplayName ?? null,
          actorName: last.actorName ?? null,
          at: last.at,
          fields: Array.isArray(last.fields) ? last.fields : [],
        }
      : null,
  };
}

/** "14:05", in the reader's time zone. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** "Amina Diallo (African Union)", or "Someone" when the API does not say. */
export function whoChanged(last: LastChange | null): string {
  if (!last?.userDisplayName) return 'Someone else';
  // Display names often carry the organisation already ("Amina Diallo (DPO liaison)").
  const named = !last.actorName || /\(.+\)/.test(last.userDisplayName);
  return named ? last.userDisplayName : `${last.userDisplayName} (${last.actorName})`;
}
