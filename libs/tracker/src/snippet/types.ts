export interface Click {
  clickSource: string;
  clickSessionID: string;
  landingUrl?: string;
  referrer?: string;
}

export interface GoalInput {
  /** Aflite goal id. */
  goal: string;
  /** Merchant reference; must be unique per goal at Aflite. */
  mref: string;
  value?: string | number;
  traceOnly?: boolean;
}

export interface SnippetConfig {
  /** Goalpost origin plus any path prefix, without a trailing slash ('' means the page's own origin). */
  base: string;
  consentRequired: boolean;
}

export type GoalpostStub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

export type Goalpost = ((command: string, arg?: unknown) => Promise<unknown> | undefined) & {
  loaded: true;
};

declare global {
  interface Window {
    goalpost?: GoalpostStub | Goalpost;
  }
}
