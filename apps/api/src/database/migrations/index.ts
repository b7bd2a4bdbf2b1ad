import { Initial1732400000000 } from './1732400000000-initial';
import { Admin1732500000000 } from './1732500000000-admin';
import { WriteProbe1732600000000 } from './1732600000000-write-probe';
import { InterruptedAttempts1732700000000 } from './1732700000000-interrupted-attempts';
import { ClickTokens1732720000000 } from './1732720000000-click-tokens';
import { GoalMaxBrowserValue1732730000000 } from './1732730000000-goal-max-browser-value';
import { CrossSiteClicks1732740000000 } from './1732740000000-cross-site-clicks';
import { CaseInsensitiveSearch1732850000000 } from './1732850000000-case-insensitive-search';

// Listed explicitly rather than globbed, so the compiled app needs no file scanning to find them.
export const MIGRATIONS = [
  Initial1732400000000,
  Admin1732500000000,
  WriteProbe1732600000000,
  InterruptedAttempts1732700000000,
  ClickTokens1732720000000,
  GoalMaxBrowserValue1732730000000,
  CrossSiteClicks1732740000000,
  CaseInsensitiveSearch1732850000000,
];
