import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  it('round-trips and never stores the plain text', () => {
    const box = new SecretBox('a-long-random-secret');
    const sealed = box.seal('aflite-api-key-1234');
    expect(sealed).not.toContain('aflite-api-key');
    expect(box.open(sealed)).toBe('aflite-api-key-1234');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox('s');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('refuses tampered data and a different secret', () => {
    const sealed = new SecretBox('one').seal('key');
    expect(() => new SecretBox('two').open(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => new SecretBox('one').open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
});
