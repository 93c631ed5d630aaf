import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@api/config/app-config';
import type { AppSettingsService } from '@api/database/app-settings.service';
import type { AccountCache } from './account-cache';
import { JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

async function service(): Promise<TokenService> {
  const tokens = new TokenService({ JWT_SECRET: SECRET } as AppConfig, {} as AppSettingsService, {} as DataSource, {} as AccountCache);
  await tokens.init();
  return tokens;
}

const signer = (secret = SECRET) => new JwtService({ secret, signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER, audience: JWT_AUDIENCE } });

describe('TokenService.verifyAccessToken (verified tokens remembered)', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a token it verified before from memory, and refuses it once it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = await service();
    const token = await signer().signAsync({ sub: 'u1', role: 'student', sv: 0 }, { expiresIn: 60 });
    await expect(tokens.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'u1' });
    await expect(tokens.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'u1' });
    jest.setSystemTime(new Date('2026-12-05T12:01:00Z'));
    await expect(tokens.verifyAccessToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(tokens.verifyAccessToken(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('never answers a token from memory because another with the same claims was verified', async () => {
    const tokens = await service();
    const good = await signer().signAsync({ sub: 'u1', role: 'admin', sv: 0 }, { expiresIn: 60 });
    await tokens.verifyAccessToken(good);
    const [header, payload] = good.split('.');
    const forged = await signer('another-secret-of-at-least-thirty-two-characters').signAsync({ sub: 'u1', role: 'admin', sv: 0 }, { expiresIn: 60 });
    await expect(tokens.verifyAccessToken(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(tokens.verifyAccessToken(`${header}.${payload}.${'A'.repeat(43)}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('forgets what it verified when the key is loaded again', async () => {
    const tokens = await service();
    const token = await signer().signAsync({ sub: 'u1', role: 'student', sv: 0 }, { expiresIn: 60 });
    await tokens.verifyAccessToken(token);
    const verify = jest.spyOn(JwtService.prototype, 'verifyAsync');
    await tokens.verifyAccessToken(token);
    expect(verify).not.toHaveBeenCalled();
    await tokens.init();
    await tokens.verifyAccessToken(token);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });
});
