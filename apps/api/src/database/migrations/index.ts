import { Initial1732400000000 } from './1732400000000-initial';
import { Admin1732500000000 } from './1732500000000-admin';
import { WriteProbe1732600000000 } from './1732600000000-write-probe';
import { ClickTokens1732700000000 } from './1732700000000-click-tokens';
import { GoalMaxBrowserValue1732710000000 } from './1732710000000-goal-max-browser-value';

// Listed explicitly rather than globbed, so the compiled app needs no file scanning to find them.
export const MIGRATIONS = [Initial1732400000000, Admin1732500000000, WriteProbe1732600000000, ClickTokens1732700000000, GoalMaxBrowserValue1732710000000];
