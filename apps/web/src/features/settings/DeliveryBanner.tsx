import type { DeliveryRequirement } from '@goalpost/contracts';
import { Link } from 'react-router';
import { useSettings } from './hooks';

const NAMES: Record<DeliveryRequirement, string> = {
  afliteApiKey: 'the Aflite API key',
  afliteMid: 'the merchant ID',
  afliteBaseUrl: 'the Aflite address',
};

const joinNames = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** On every page while nothing can be delivered: conversions are kept, but none goes to Aflite until Settings are complete. */
export function DeliveryBanner() {
  const settings = useSettings();
  const missing = settings.data?.deliveryBlockedBy ?? [];
  if (missing.length === 0) return null;
  const names = joinNames(missing.map((field) => NAMES[field]));
  return (
    <aside className="banner banner-warn" aria-label="Deliveries are waiting">
      <strong>Goals are not being sent to Aflite.</strong>
      <p>
        {names.charAt(0).toUpperCase() + names.slice(1)} {missing.length === 1 ? 'is' : 'are'} not set: conversions are kept and wait until{' '}
        {missing.length === 1 ? 'it is' : 'they are'}. <Link to="/settings">Complete the Aflite account in Settings</Link>
      </p>
    </aside>
  );
}
