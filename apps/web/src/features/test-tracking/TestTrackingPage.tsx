import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { useGoals } from '../goals/hooks';
import { CrossSiteNotice } from './CrossSiteNotice';
import { HelpViewer } from './HelpViewer';
import { TraceTestForm } from './TraceTestForm';
import { WatchClicksPanel } from './WatchClicksPanel';
import './test-tracking.css';

export function TestTrackingPage() {
  const goals = useGoals();
  // Shared by the form and the click feed, so "Use this click" fills the form in.
  const [clickSessionID, setClickSessionID] = useState('');
  const enabledGoals = goals.data?.filter((goal) => goal.enabled) ?? [];

  return (
    <>
      <PageHeader title="Test tracking" description="Check every step against Aflite without recording a real sale." />
      <CrossSiteNotice />
      <div className="test-grid">
        <div>
          {goals.isPending ? (
            <Loading label="Loading goals…" />
          ) : goals.isError ? (
            <ErrorState error={goals.error} onRetry={() => goals.refetch()} />
          ) : enabledGoals.length === 0 ? (
            <EmptyState title="Add a goal first">
              <p>
                A test conversion needs a goal. <Link to="/goals">Add one on the Goals page</Link>.
              </p>
            </EmptyState>
          ) : (
            <TraceTestForm goals={enabledGoals} clickSessionID={clickSessionID} onClickSessionIDChange={setClickSessionID} />
          )}
        </div>
        <div>
          <WatchClicksPanel onUseClick={setClickSessionID} />
          <HelpViewer />
        </div>
      </div>
    </>
  );
}
