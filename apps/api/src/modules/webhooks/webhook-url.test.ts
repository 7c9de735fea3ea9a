import { describe, expect, it } from 'vitest';
import { allowPrivateTargets, checkWebhookUrl, isPrivateAddress } from './webhook-url';

describe('webhook URLs', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://api.localhost/hook',
    'http://10.1.2.3/hook',
    'http://172.20.0.1/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/hook',
    'http://0.0.0.0/hook',
    'http://[::1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
  ])('refuses %s in production (SSRF)', async (url) => {
    await expect(checkWebhookUrl(url, false)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'url' },
    });
  });

  it('allows a private address where private targets are allowed (development, tests)', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true)).resolves.toBe(
      'http://127.0.0.1:8080/hook',
    );
  });

  it('allows a public address in production', async () => {
    await expect(checkWebhookUrl('https://93.184.215.14/hook', false)).resolves.toBe(
      'https://93.184.215.14/hook',
    );
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
  });

  it.each([
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production', WEBHOOKS_ALLOW_PRIVATE: 'true' }, true],
    [{ NODE_ENV: 'development', WEBHOOKS_ALLOW_PRIVATE: 'false' }, false],
  ])('private targets with %j: %s', (env, allowed) => {
    expect(allowPrivateTargets(env as NodeJS.ProcessEnv)).toBe(allowed);
  });
});
