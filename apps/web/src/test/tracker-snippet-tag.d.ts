// The tracker library's source, aliased for tests only (see vite.config.mts); it cannot be bundled for the browser.
declare module '@goalpost/tracker/snippet-tag' {
  export function snippetTag(baseUrl: string, opts?: { consentRequired?: boolean }): string;
}
