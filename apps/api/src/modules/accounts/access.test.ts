import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  makeUserWithPassword,
  ok,
  signedInAs,
  startTestApi,
  type TestApi,
} from '../../../test/api';
import { makeActor } from '../../../test/factories';

let api: TestApi;
const PASSWORD = 'correct horse battery staple';

const makeUser = (email: string, role: 'ADMIN' | 'LIAISON' | 'PARTNER' | 'VIEWER', actorId: string) =>
  makeUserWithPassword(api.db, { email, password: PASSWORD, role, actorId });

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { kind user { email } memberships { role actor { name } } permissions } } }`;
const VIEWER = `{ viewer { kind user { email } } }`;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('sessions', () => {
  it('signs in with the right password, sets an HttpOnly SameSite cookie, and knows the viewer', async () => {
    const igad = await makeActor(api.db, { name: 'IGAD test', acronym: 'IGADT' });
    await makeUser('partner.one@concord.test', 'PARTNER', igad.id);
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { input: { email: 'Partner.One@concord.test', password: PASSWORD } },
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.signIn.viewer).toMatchObject({
      kind: 'USER',
      user: { email: 'partner.one@concord.test' },
      memberships: [{ role: 'PARTNER', actor: { name: 'IGAD test' } }],
    });
    expect(body.data.signIn.viewer.permissions).toContain('assignment.respond');
    expect(body.data.signIn.viewer.permissions).not.toContain('plan.edit');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^concord_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const session = cookie.split(';')[0];
    expect(ok(await api.gql(VIEWER, {}, { cookie: session })).viewer).toEqual({
      kind: 'USER',
      user: { email: 'partner.one@concord.test' },
    });
  });

  it('refuses a wrong password and an unknown email alike, and audits both', async () => {
    const actor = await makeActor(api.db);
    await makeUser('liaison.two@concord.test', 'LIAISON', actor.id);
    const wrong = await api.gql(
      SIGN_IN,
      { input: { email: 'liaison.two@concord.test', password: 'nope' } },
      { cookie: '' },
    );
    const unknown = await api.gql(
      SIGN_IN,
      { input: { email: 'nobody@concord.test', password: 'nope' } },
      { cookie: '' },
    );
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const [{ n }] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'signIn' AND outcome = 'FAILURE' AND details->>'email' IN ('liaison.two@concord.test', 'nobody@concord.test')`,
    );
    expect(n).toBe(2);
  });

  it('limits sign-in attempts per account', async () => {
    const actor = await makeActor(api.db);
    await makeUser('viewer.three@concord.test', 'VIEWER', actor.id);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push(
        errorCode(
          await api.gql(
            SIGN_IN,
            { input: { email: 'viewer.three@concord.test', password: `wrong ${i}` } },
            { cookie: '' },
          ),
        ),
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Even the right password waits now.
    expect(
      errorCode(
        await api.gql(
          SIGN_IN,
          { input: { email: 'viewer.three@concord.test', password: PASSWORD } },
          { cookie: '' },
        ),
      ),
    ).toBe('RATE_LIMITED');
  });

  it('signs out: the same cookie is anonymous on the very next request', async () => {
    const { cookie } = await signedInAs(api.db, 'LIAISON');
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer.kind).toBe('USER');
    ok(await api.gql(`mutation { signOut { signedOut } }`, {}, { cookie }));
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer).toBeNull();
  });

  it('treats an expired session as no session', async () => {
    const { cookie, userId } = await signedInAs(api.db, 'LIAISON');
    await api.db.query(
      `UPDATE session SET idle_expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [userId],
    );
    expect(ok(await api.gql(VIEWER, {}, { cookie })).viewer).toBeNull();
    expect(errorCode(await api.gql(`{ responsePlans(first: 1) { totalCount } }`, {}, { cookie }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('integrator tokens', () => {
  const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id prefix scopes expiresAt actor { name } } } }`;

  it('creates a token shown once, stored hashed, usable as a bearer, and revoked on the next request', async () => {
    const actor = await makeActor(api.db, { name: 'Token organisation' });
    const liaison = await signedInAs(api.db, 'LIAISON', actor.id);
    const created = ok(
      await api.gql(
        CREATE,
        { input: { name: 'sync', scopes: ['READ_GRAPH'], expiresInDays: 30 } },
        { cookie: liaison.cookie },
      ),
    ).createApiToken;
    expect(created.secret).toMatch(/^cnc_[\w-]{43}$/);
    expect(created.secret.startsWith(created.apiToken.prefix)).toBe(true);
    expect(created.apiToken.actor.name).toBe('Token organisation');
    const stored = await api.db.query(
      `SELECT secret_hash FROM api_token WHERE secret_hash = $1 OR prefix = $2`,
      [created.secret, created.apiToken.prefix],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].secret_hash).not.toContain(created.secret);

    const bearer = { authorization: `Bearer ${created.secret}` };
    expect(
      ok(await api.gql(`{ viewer { kind } actors(first: 1) { totalCount } }`, {}, bearer)).viewer.kind,
    ).toBe('TOKEN');
    const [{ used }] = await api.db.query(
      `SELECT last_used_at IS NOT NULL AS used FROM api_token WHERE prefix = $1`,
      [created.apiToken.prefix],
    );
    expect(used).toBe(true);

    ok(
      await api.gql(
        `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { revokedAt } } }`,
        { input: { id: created.apiToken.id } },
        { cookie: liaison.cookie },
      ),
    );
    const refused = await post(JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }), bearer);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token and a malformed Authorization header with 401', async () => {
    const actor = await makeActor(api.db);
    const liaison = await signedInAs(api.db, 'LIAISON', actor.id);
    const { secret, apiToken } = ok(
      await api.gql(
        CREATE,
        { input: { name: 'old', scopes: ['READ_GRAPH'], expiresInDays: 1 } },
        { cookie: liaison.cookie },
      ),
    ).createApiToken;
    await api.db.query(`UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE prefix = $1`, [
      apiToken.prefix,
    ]);
    expect(
      (await post(JSON.stringify({ query: '{ viewer { kind } }' }), { authorization: `Bearer ${secret}` }))
        .status,
    ).toBe(401);
    expect(
      (await post(JSON.stringify({ query: '{ viewer { kind } }' }), { authorization: 'Basic abc' })).status,
    ).toBe(401);
  });

  it("does not let a token call mutations outside its scopes, nor see another organisation's tokens", async () => {
    const actor = await makeActor(api.db);
    const other = await makeActor(api.db);
    const liaison = await signedInAs(api.db, 'LIAISON', actor.id);
    const stranger = await signedInAs(api.db, 'LIAISON', other.id);
    const { secret, apiToken } = ok(
      await api.gql(
        CREATE,
        { input: { name: 'ro', scopes: ['READ_GRAPH'], expiresInDays: 5 } },
        { cookie: liaison.cookie },
      ),
    ).createApiToken;
    const mutation = await post(
      JSON.stringify({
        query: `mutation { createActor(input: { name: "X", kind: MEMBER_STATE }) { actor { id } } }`,
      }),
      {
        authorization: `Bearer ${secret}`,
      },
    );
    expect(mutation.status).toBe(403);
    expect(mutation.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const list = ok(
      await api.gql(
        `{ apiTokens(first: 10) { totalCount edges { node { prefix } } } }`,
        {},
        { cookie: stranger.cookie },
      ),
    );
    expect(list.apiTokens.edges.map((e: any) => e.node.prefix)).not.toContain(apiToken.prefix);
    const revoke = await api.gql(
      `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } } }`,
      { input: { id: apiToken.id } },
      { cookie: stranger.cookie },
    );
    expect(errorCode(revoke)).toBe('NOT_FOUND');
  });
});

describe('deny by default', () => {
  it.each([
    ['responsePlans', '{ responsePlans(first: 1) { totalCount } }'],
    ['tasks', '{ tasks(first: 1) { totalCount } }'],
    ['situations', '{ situations(first: 1) { totalCount } }'],
    ['auditEvents', '{ auditEvents(first: 1) { totalCount } }'],
    ['createActor', 'mutation { createActor(input: { name: "X", kind: MEMBER_STATE }) { actor { id } } }'],
  ])('refuses %s to an anonymous caller with 401 UNAUTHENTICATED', async (_name, query) => {
    const res = await post(JSON.stringify({ query }));
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers the public actor registry to anyone', async () => {
    await makeActor(api.db, { name: 'Public Registry Body' });
    const res = await post(
      JSON.stringify({
        query: '{ actors(first: 5, filter: { search: "Public Registry" }) { edges { node { name } } } }',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.data.actors.edges).toEqual([{ node: { name: 'Public Registry Body' } }]);
  });

  it.each([
    ['VIEWER', 'FORBIDDEN'],
    ['PARTNER', 'FORBIDDEN'],
    ['LIAISON', 'FORBIDDEN'],
  ])('refuses actor management to a %s (%s), changes nothing, and audits the denial', async (role, code) => {
    const { cookie, userId } = await signedInAs(api.db, role as 'VIEWER');
    const actor = await makeActor(api.db, { acronym: 'KEEP' });
    const res = await api.gql(
      `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`,
      { input: { id: actor.gid, expectedVersion: 1, acronym: 'GONE' } },
      { cookie },
    );
    expect(errorCode(res)).toBe(code);
    const [row] = await api.db.query(`SELECT acronym, version FROM actor WHERE id = $1`, [actor.id]);
    expect(row).toEqual({ acronym: 'KEEP', version: 1 });
    const denials = await api.db.query(
      `SELECT 1 FROM audit_event WHERE user_id = $1 AND outcome = 'DENIED'`,
      [userId],
    );
    expect(denials).toHaveLength(1);
  });
});

describe('audit log', () => {
  it('records who changed what, before and after, in the same transaction, and cannot be altered', async () => {
    const actor = await makeActor(api.db, { acronym: 'BEFORE' });
    ok(
      await api.gql(`mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`, {
        input: { id: actor.gid, expectedVersion: 1, acronym: 'AFTER' },
      }),
    );
    const events = ok(
      await api.gql(
        `query($id: ID!) { auditEvents(first: 5, filter: { entityId: $id }) { edges { node { action outcome entityType changes user { email } via } } } }`,
        { id: actor.gid },
      ),
    ).auditEvents.edges.map((e: any) => e.node);
    expect(events).toEqual([
      {
        action: 'updateActor',
        outcome: 'SUCCESS',
        entityType: 'Actor',
        changes: { kind: 'update', fields: { acronym: { before: 'BEFORE', after: 'AFTER' } } },
        user: { email: expect.stringMatching(/^admin-/) },
        via: 'session',
      },
    ]);
    await expect(api.db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(api.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('is for administrators only', async () => {
    const { cookie } = await signedInAs(api.db, 'LIAISON');
    expect(errorCode(await api.gql(`{ auditEvents(first: 1) { totalCount } }`, {}, { cookie }))).toBe(
      'FORBIDDEN',
    );
  });
});
