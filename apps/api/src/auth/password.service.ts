import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): a sign-in costs tens of milliseconds, a guess just as much.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** An account without a password (invited, not yet accepted) never matches, after the time of a real check. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      await this.verifyAgainstNothing(password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown email answers as slowly as a wrong password. */
  async verifyAgainstNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('not-a-real-password-0000');
    await this.verify(await this.dummyHash, password);
  }
}
