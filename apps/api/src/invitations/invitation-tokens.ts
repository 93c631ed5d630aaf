import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { AppSettingsService } from '@api/database/app-settings.service';

// 32 bytes in base64url: 256 bits, never guessed, safe in a URL.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Invitation tokens. A token is the HMAC-SHA256 of the invitation's id and generation under a secret kept
 * once in app settings (shared by every replica), so the database holds only the token's hash, yet a
 * coordinator can be shown a pending link again. Bumping the generation (a resend) kills the old link.
 */
@Injectable()
export class InvitationTokens {
  private secret?: Promise<string>;

  constructor(private readonly settings: AppSettingsService) {}

  async tokenFor(invitationId: string, generation: number): Promise<string> {
    this.secret ??= this.settings.getOrCreate('invitation_secret', () => randomBytes(48).toString('base64url'));
    return createHmac('sha256', await this.secret).update(`invitation:${invitationId}:${generation}`).digest('base64url');
  }

  /** The hash stored for a token, or undefined for anything that cannot be a token (answered as unknown). */
  hashOf(token: string): string | undefined {
    return TOKEN.test(token) ? sha256(token) : undefined;
  }
}

/** `<origin>/invite?token=…`: the dashboard's invite page. */
export const inviteUrl = (origin: string, token: string): string => `${origin.replace(/\/+$/, '')}/invite?token=${token}`;
