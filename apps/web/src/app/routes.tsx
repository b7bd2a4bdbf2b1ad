import type { RouteObject } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { ClickDetailPage } from '../features/clicks/ClickDetailPage';
import { ClicksPage } from '../features/clicks/ClicksPage';
import { DeliveriesPage } from '../features/deliveries/DeliveriesPage';
import { DeliveryDetailPage } from '../features/deliveries/detail/DeliveryDetailPage';
import { GoalsPage } from '../features/goals/GoalsPage';
import { IngestKeysPage } from '../features/ingest-keys/IngestKeysPage';
import { InstallPage } from '../features/install/InstallPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ChangePasswordPage } from '../features/session/ChangePasswordPage';
import { RequireSession } from '../features/session/RequireSession';
import { SetupPage } from '../features/session/SetupPage';
import { SignInPage } from '../features/session/SignInPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TestTrackingPage } from '../features/test-tracking/TestTrackingPage';
import { TracePage } from '../features/trace/TracePage';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/setup', element: <SetupPage /> },
    ],
  },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'deliveries', element: <DeliveriesPage /> },
      { path: 'deliveries/:id', element: <DeliveryDetailPage /> },
      { path: 'trace', element: <TracePage /> },
      { path: 'clicks', element: <ClicksPage /> },
      { path: 'clicks/:id', element: <ClickDetailPage /> },
      { path: 'test-tracking', element: <TestTrackingPage /> },
      { path: 'goals', element: <GoalsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'ingest-keys', element: <IngestKeysPage /> },
      { path: 'install', element: <InstallPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
