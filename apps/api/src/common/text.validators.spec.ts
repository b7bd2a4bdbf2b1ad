import { describe, expect, it } from 'vitest';
import { isPlainText } from './text.validators';

describe('isPlainText', () => {
  it.each(['Sale', 'Café au lait', 'Checkout 😀', ''])('accepts %j', (text) => {
    expect(isPlainText(text)).toBe(true);
  });

  it.each(['a\u0000', 'a\nb', 'tab\there', '\u001b[31m', 'del\u007f', 'c1\u0085', 'lone\ud800', '\udc00tail'])('refuses %j', (text) => {
    expect(isPlainText(text)).toBe(false);
  });
});
