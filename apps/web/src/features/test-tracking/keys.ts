export const testTrackingKeys = {
  all: ['test-tracking'] as const,
  help: () => [...testTrackingKeys.all, 'help'] as const,
  crossSite: () => [...testTrackingKeys.all, 'cross-site'] as const,
  recentClicks: (since: string) => [...testTrackingKeys.all, 'recent-clicks', { since }] as const,
};
