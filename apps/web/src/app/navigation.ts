export interface NavItem {
  to: string;
  label: string;
}

export interface NavSection {
  heading: string;
  items: NavItem[];
}

/** What a merchant looks at daily first, then the one-off setup pages. */
export const NAVIGATION: NavSection[] = [
  {
    heading: 'Results',
    items: [
      { to: '/', label: 'Overview' },
      { to: '/deliveries', label: 'Deliveries' },
      { to: '/clicks', label: 'Clicks' },
      { to: '/trace', label: 'Trace a sale' },
    ],
  },
  {
    heading: 'Set up',
    items: [
      { to: '/install', label: 'Install' },
      { to: '/goals', label: 'Goals' },
      { to: '/test-tracking', label: 'Test tracking' },
      { to: '/settings', label: 'Settings' },
      { to: '/ingest-keys', label: 'Ingest keys' },
    ],
  },
  {
    heading: 'Account',
    items: [
      { to: '/audit', label: 'Audit log' },
      { to: '/account/password', label: 'Password' },
    ],
  },
];
