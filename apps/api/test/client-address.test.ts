import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUserWithPassword, ok, startTestApi, type TestApi } from './api';
import { makeActor } from './factories';

/**
 * The client's address and scheme, as the audit log and sessions record them: behind a trusted
 * proxy (TRUST_PROXY), its X-Forwarded-For and X-Forwarded-Proto; otherwise the peer, whatever
 * the headers say.
 */
let proxied: TestApi;
let direct: TestApi;
beforeAll(async () => {
  proxied = await startTestApi({ trustProxy: 'loopback' });
  direct = await startTestApi();
});
afterAll(async () => {
  await proxied?.close();
  await direct?.close();
});

const PASSWORD = 'correct horse battery staple';

async function createActorAs(api: TestApi, forwardedFor: string) {
  const requestId = randomUUID();
  ok(
    await api.gql(
      `mutation { createActor(input: {name: "Address ${requestId}", kind: MEMBER_STATE}) { actor { id } } }`,
      {},
      { 'x-request-id': requestId, 'x-forwarded-for': forwardedFor },
    ),
  );
  const rows = await api.db.query<{ ip_address: string | null }>(
    'SELECT ip_address FROM audit_event WHERE request_id = $1',
    [requestId],
  );
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((r) => r.ip_address);
}

async function signIn(api: TestApi, headers: Record<string, string>) {
  const email = `address.${randomUUID()}@concord.test`;
  const actor = await makeActor(api.db);
  const userId = await makeUserWithPassword(api.db, {
    email,
    password: PASSWORD,
    role: 'LIAISON',
    actorId: actor.id,
  });
  const response = await api.gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { viewer { kind } } }',
    { input: { email, password: PASSWORD } },
    { cookie: '', ...headers },
  );
  ok(response);
  const [session] = await api.db.query<{ ip_address: string | null; user_agent: string | null }>(
    'SELECT ip_address, user_agent FROM session WHERE user_id = $1',
    [userId],
  );
  return { cookie: response.headers.get('set-cookie') ?? '', session };
}

describe('the client address of a write', () => {
  it("is the trusted proxy's X-Forwarded-For", async () => {
    expect(await createActorAs(proxied, '203.0.113.7')).toEqual(expect.arrayContaining(['203.0.113.7']));
  });

  it('is the peer when no proxy is trusted, whatever the header says', async () => {
    const addresses = await createActorAs(direct, '203.0.113.7');
    for (const address of addresses) expect(address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});

describe('a sign-in', () => {
  it('records the address and user agent, and marks the cookie Secure when a trusted proxy says HTTPS', async () => {
    const { cookie, session } = await signIn(proxied, {
      'x-forwarded-for': '198.51.100.4',
      'x-forwarded-proto': 'https',
      'user-agent': 'Concord address test',
    });
    expect(cookie).toMatch(/^concord_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(session).toEqual({ ip_address: '198.51.100.4', user_agent: 'Concord address test' });
  });

  it('over plain HTTP from an untrusted peer, the cookie is not Secure and the address is the peer', async () => {
    const { cookie, session } = await signIn(direct, {
      'x-forwarded-for': '198.51.100.4',
      'x-forwarded-proto': 'https',
    });
    expect(cookie).toMatch(/^concord_session=/);
    expect(cookie).not.toMatch(/Secure/i);
    expect(session.ip_address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
