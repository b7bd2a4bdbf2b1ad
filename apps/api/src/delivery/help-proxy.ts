import { Injectable } from '@nestjs/common';
import { buildHelpRequest, redactRequest } from '@goalpost/aflite';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { SettingsService } from '../settings/settings.service';
import { AfliteClient } from './aflite-client';

export interface HelpAnswer {
  status: number;
  body: string;
  /** The request as sent, key redacted. */
  request: { method: string; url: string; params: Record<string, string> };
}

/** Aflite's `help=1` answer, fetched with the merchant's own key and merchant ID. */
@Injectable()
export class HelpProxy {
  constructor(
    private readonly settings: SettingsService,
    private readonly client: AfliteClient,
  ) {}

  async fetch(): Promise<HelpAnswer> {
    const s = await this.settings.get();
    if (!s.afliteApiKey || !s.afliteMid) {
      throw new DomainError(DomainErrorCode.AfliteNotConfigured, 'Set the Aflite API key and merchant ID in Settings first', 'afliteApiKey');
    }
    const req = buildHelpRequest(s.afliteBaseUrl, { apiKey: s.afliteApiKey, merchantId: s.afliteMid }, s.afliteMethod);
    const result = await this.client.call(req);
    const request = redactRequest(req);
    if ('error' in result) return { status: 502, body: `ERROR: Aflite could not be reached (${result.error.code})`, request };
    return { status: result.response.status, body: result.response.body, request };
  }
}
