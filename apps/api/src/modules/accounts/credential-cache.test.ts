import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signedInAs, startTestApi, type TestApi } from '../../../test/api';
import { makeActor } from '../../../test/factories';
import { countStatements } from '../../../test/factories-graph';
import { toGlobalId } from '../../common/ids';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id prefix } } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function newToken() {
  const actor = await makeActor(api.db);
  const liaison = await signedInAs(api.db, 'LIAISON', actor.id);
  const { secret, apiToken } = ok(
    await api.gql(
      CREATE,
      { input: { name: 'feed', scopes: ['READ_GRAPH'], expiresInDays: 30 } },
      { cookie: liaison.cookie },
    ),
  ).createApiToken;
  return { bearer: { authorization: `Bearer ${secret}` }, prefix: apiToken.prefix as string };
}

async function statusWithin(ms: number, bearer: Record<string, string>, wanted: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await api.gql('{ viewer { kind } }', {}, bearer);
    if (response.status === wanted || Date.now() > deadline) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('verified tokens and budgets held by the API process', () => {
  it('answers a token’s repeated requests without a statement before execution', async () => {
    const { bearer } = await newToken();
    ok(await api.gql('{ viewer { kind } }', {}, bearer));
    const { statements } = await countStatements(api.db, async () =>
      ok(await api.gql('{ __typename }', {}, bearer)),
    );
    expect(statements).toBe(0);
  });

  it('refuses a token revoked in the database by any means, once PostgreSQL notifies the process', async () => {
    const { bearer, prefix } = await newToken();
    ok(await api.gql('{ viewer { kind } }', {}, bearer));
    ok(await api.gql('{ viewer { kind } }', {}, bearer));
    await api.db.query('UPDATE api_token SET revoked_at = now() WHERE prefix = $1', [prefix]);
    expect(await statusWithin(2_000, bearer, 401)).toBe(401);
  });

  it('refuses a token whose expiry was moved into the past, and one that was deleted', async () => {
    const expired = await newToken();
    const deleted = await newToken();
    for (const token of [expired, deleted]) ok(await api.gql('{ viewer { kind } }', {}, token.bearer));
    await api.db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE prefix = $1`, [
      expired.prefix,
    ]);
    await api.db.query('DELETE FROM api_token WHERE prefix = $1', [deleted.prefix]);
    expect(await statusWithin(2_000, expired.bearer, 401)).toBe(401);
    expect(await statusWithin(2_000, deleted.bearer, 401)).toBe(401);
  });
});

const VIEWER = '{ viewer { kind memberships { role actor { id } } } }';

/** The viewer `cookie` reads (null: anonymous), asked again until `done` or `ms` pass. */
async function viewerWithin(ms: number, cookie: string, done: (viewer: any) => boolean) {
  const deadline = Date.now() + ms;
  for (;;) {
    const viewer = ok(await api.gql(VIEWER, {}, { cookie })).viewer;
    if (done(viewer) || Date.now() > deadline) return viewer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('verified sessions held by the API process', () => {
  it('answers a session’s repeated requests without a statement before execution', async () => {
    const actor = await makeActor(api.db);
    const { cookie } = await signedInAs(api.db, 'VIEWER', actor.id);
    const statementsOf = async () =>
      (await countStatements(api.db, async () => ok(await api.gql('{ __typename }', {}, { cookie }))))
        .statements;
    // The session's creation notifies the process, which forgets the user's sessions: when that
    // lands during the first verification, its result is not kept, and the next request verifies.
    let warmups = 0;
    while ((await statementsOf()) > 0) if (++warmups > 5) throw new Error('the session is never kept');
    for (let i = 0; i < 5; i++) expect(await statementsOf()).toBe(0);
  });

  it('makes a session revoked in the database anonymous, once PostgreSQL notifies the process', async () => {
    const actor = await makeActor(api.db);
    const { cookie, userId } = await signedInAs(api.db, 'VIEWER', actor.id);
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer.kind).toMatch(/^user$/i);
    await api.db.query('UPDATE session SET revoked_at = now() WHERE user_id = $1', [userId]);
    expect(await viewerWithin(2_000, cookie, (v) => v === null)).toBeNull();
  });

  it('reads a user’s memberships again when they change in the database, and a deactivated account is anonymous', async () => {
    const actor = await makeActor(api.db);
    const { cookie, userId } = await signedInAs(api.db, 'LIAISON', actor.id);
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer.memberships).toHaveLength(1);
    await api.db.query('DELETE FROM membership WHERE user_id = $1', [userId]);
    expect((await viewerWithin(2_000, cookie, (v) => v.memberships.length === 0)).memberships).toEqual([]);
    await api.db.query('UPDATE user_account SET is_active = false WHERE id = $1', [userId]);
    expect(await viewerWithin(2_000, cookie, (v) => v === null)).toBeNull();
  });

  it('signs out at once, and a role set through the API applies to the very next request', async () => {
    const actor = await makeActor(api.db);
    const other = await makeActor(api.db);
    const { cookie, userId } = await signedInAs(api.db, 'VIEWER', actor.id);
    ok(await api.gql(VIEWER, {}, { cookie }));
    ok(
      await api.gql(
        `mutation($input: SetMembershipInput!) { setMembership(input: $input) { membership { role } } }`,
        { input: { userId: toGlobalId('User', userId), actorId: other.gid, role: 'LIAISON' } },
      ),
    );
    const viewer = ok(await api.gql(VIEWER, {}, { cookie })).viewer;
    expect(viewer.memberships.map((m: any) => m.role).sort()).toEqual(['LIAISON', 'VIEWER']);
    ok(await api.gql('mutation { signOut { signedOut } }', {}, { cookie }));
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer).toBeNull();
  });
});
