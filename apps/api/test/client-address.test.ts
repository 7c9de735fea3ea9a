import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/accounts/password';
import { startTestApi, type TestApi } from './api';
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

async function post(api: TestApi, body: unknown, headers: Record<string, string>) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as any };
}

async function createActorAs(api: TestApi, forwardedFor: string) {
  const requestId = randomUUID();
  const { body } = await post(
    api,
    {
      query: `mutation { createActor(input: {name: "Address ${requestId}", kind: MEMBER_STATE}) { actor { id } } }`,
    },
    { cookie: api.adminCookie, 'x-request-id': requestId, 'x-forwarded-for': forwardedFor },
  );
  expect(body.errors).toBeUndefined();
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
  const [user] = await api.db.query<{ id: string }>(
    'INSERT INTO user_account (email, display_name, password_hash) VALUES ($1, $1, $2) RETURNING id',
    [email, await hashPassword(PASSWORD)],
  );
  await api.db.query(`INSERT INTO membership (user_id, actor_id, role) VALUES ($1, $2, 'LIAISON')`, [
    user.id,
    actor.id,
  ]);
  const { response, body } = await post(
    api,
    {
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { viewer { kind } } }',
      variables: { input: { email, password: PASSWORD } },
    },
    headers,
  );
  expect(body.errors).toBeUndefined();
  const [session] = await api.db.query<{ ip_address: string | null; user_agent: string | null }>(
    'SELECT ip_address, user_agent FROM session WHERE user_id = $1',
    [user.id],
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
