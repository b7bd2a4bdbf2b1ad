import { snippetTag as trackerSnippetTag } from '@goalpost/tracker/snippet-tag';
import { describe, expect, it } from 'vitest';
import { snippetTag } from './snippet-tag';

describe('install guide snippet', () => {
  it.each([
    ['https://track.example.com', {}],
    ['https://track.example.com/', { consentRequired: true }],
    ['https://example.com/goalpost?a="b"&c', { consentRequired: false }],
  ])('is the same tag the tracker library documents (%s)', (base, opts) => {
    expect(snippetTag(base, opts)).toBe(trackerSnippetTag(base, opts));
  });
});
