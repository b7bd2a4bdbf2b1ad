import { useState } from 'react';
import { Link } from 'react-router';
import { CodeBlock } from '../../components/CodeBlock';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { useGoals } from '../goals/hooks';
import { useSettings } from '../settings/hooks';
import { CrossSiteNotice } from '../test-tracking/CrossSiteNotice';
import {
  CLICK_COOKIE,
  browserGoalExample,
  consentExample,
  curlExample,
  dropInExample,
  nodeExample,
  phpExample,
  pixelExample,
  redirectExample,
  type ExampleContext,
} from './examples';
import { snippetTag } from '@goalpost/tracker/snippet-tag';
import './install.css';

export function InstallPage() {
  const settings = useSettings();
  const goals = useGoals();
  const [consentRequired, setConsentRequired] = useState(false);

  if (settings.isPending) return <Loading label="Loading your install guide…" />;
  if (settings.isError) {
    return (
      <>
        <PageHeader title="Install" />
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      </>
    );
  }
  const goal = goals.data?.find((g) => g.enabled) ?? goals.data?.[0];
  const context: ExampleContext = { base: settings.data.publicUrl.replace(/\/+$/, ''), goalId: goal?.afliteGoalId ?? 'GOAL_ID' };

  return (
    <>
      <PageHeader
        title="Install"
        description={
          <>
            Everything below is filled in for this Goalpost at <code>{context.base}</code>
            {goal ? (
              <>
                {' '}
                and your goal <strong>{goal.name}</strong>
              </>
            ) : null}
            .
          </>
        }
      />
      <CrossSiteNotice />
      <ol className="install-steps">
        <li className="panel">
          <h2>1. Add the snippet to every page</h2>
          <p>
            Paste this just before <code>&lt;/head&gt;</code> on every page of your site. Affiliates can link to any page, so a click must be caught wherever a
            visitor lands. It is small and loads without slowing the page.
          </p>
          <div className="check-field">
            <input id="install-consent" type="checkbox" checked={consentRequired} onChange={(e) => setConsentRequired(e.target.checked)} />
            <label htmlFor="install-consent">Wait for cookie consent: send nothing and set no cookie before it</label>
          </div>
          <CodeBlock name="snippet" code={snippetTag(context.base, { consentRequired })} />
          {consentRequired ? (
            <>
              <p>Then tell Goalpost when the visitor agrees, from your cookie banner:</p>
              <CodeBlock name="consent call" code={consentExample()} />
            </>
          ) : null}
          <p className="muted">
            Remember to turn on “Append Variables” at Aflite and to list your site under <Link to="/settings">Settings → Allowed origins</Link>.
          </p>
          <p className="muted">
            Run Goalpost on your shop’s own site, e.g. <code>track.your-shop.example</code> for <code>www.your-shop.example</code>: on another site browsers
            treat its click cookie as a third-party cookie and drop it. Goalpost says so here when it sees clicks from another site.
          </p>
        </li>
        <li className="panel">
          <h2>2. Record goals from your server (recommended)</h2>
          <p>
            Send each sale from your backend once the order is paid: it works even when the visitor blocks scripts or pays on another site. Authenticate with an{' '}
            <Link to="/ingest-keys">ingest key</Link>. Pass the visitor&rsquo;s <code>{CLICK_COOKIE}</code> cookie (available to your backend when Goalpost runs
            on your own domain) or the <code>clickSessionID</code> if you stored it yourself. Each order reference (mref) must be unique for its goal.
          </p>
          <h3>curl</h3>
          <CodeBlock name="curl example" code={curlExample(context)} />
          <h3>Node.js</h3>
          <CodeBlock name="Node.js example" code={nodeExample(context)} />
          <h3>PHP</h3>
          <CodeBlock name="PHP example" code={phpExample(context)} />
        </li>
        <li className="panel">
          <h2>Or: record goals from the browser</h2>
          <p>
            Only for goals set to <em>allow this goal from the browser</em> on the <Link to="/goals">Goals</Link> page, such as a newsletter sign-up. Call it on
            the thank-you page:
          </p>
          <CodeBlock name="browser goal example" code={browserGoalExample(context)} />
        </li>
        <li className="panel">
          <h2>Already sending goals to Aflite? Change only the address</h2>
          <p>
            Goalpost accepts Aflite&rsquo;s own register goal call, GET or form POST, with the same parameter names. Put an ingest key where your Aflite API key
            was; Goalpost adds your real key and merchant ID and delivers it with retries.
          </p>
          <CodeBlock name="drop-in address" code={dropInExample(context)} />
        </li>
        <li className="panel">
          <h2>No JavaScript? Use the pixel or the redirect link</h2>
          <p>Put the pixel on your landing pages, filling in the clickSessionID from the page address:</p>
          <CodeBlock name="pixel" code={pixelExample(context)} />
          <p>
            Or give affiliates a link through Goalpost that records the click and sends the visitor on. Only hosts listed under{' '}
            <Link to="/settings">Settings → Redirect hosts</Link> are allowed as <code>to</code>. Give <code>to</code> encoded, or as it is: then everything
            after <code>to=</code> except <code>clickSource</code> and <code>clickSessionID</code> belongs to your page, so its own query is kept. A link whose
            click cannot be recorded still sends the visitor on.
          </p>
          <CodeBlock name="redirect link" code={redirectExample(context)} />
        </li>
      </ol>
      <p>
        Then check it all works on the <Link to="/test-tracking">Test tracking</Link> page.
      </p>
    </>
  );
}
