import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { InlineError } from '../components/QueryStates';
import { useSession, useSignOut } from '../features/session/hooks';
import { DeliveryBanner } from '../features/settings/DeliveryBanner';
import { useStateResetOn } from '../lib/use-state-reset-on';
import { NAVIGATION } from './navigation';
import './app-shell.css';

export function AppShell() {
  const location = useLocation();
  // On a phone the menu covers the page: close it once the admin has picked a page.
  const [menuOpen, setMenuOpen] = useStateResetOn(location.pathname, false);
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-sidebar">
        <div className="shell-brand-row">
          <NavLink to="/" className="shell-brand" end>
            <span className="shell-logo" aria-hidden="true">
              G
            </span>
            Goalpost
          </NavLink>
          <button
            type="button"
            className="button shell-menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? 'Close menu' : 'Menu'}
          </button>
        </div>
        <nav id="main-navigation" aria-label="Main" className={`shell-nav${menuOpen ? ' is-open' : ''}`}>
          {NAVIGATION.map((section) => (
            <div key={section.heading} className="shell-nav-section">
              <p className="shell-nav-heading">{section.heading}</p>
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'} className="shell-nav-link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="shell-account">
            <p className="shell-user" title={session.data?.user?.email}>
              Signed in as <span>{session.data?.user?.email}</span>
            </p>
            <button
              type="button"
              className="button button-small"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) })}
            >
              Sign out
            </button>
            <InlineError error={signOut.error} />
          </div>
        </nav>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        <DeliveryBanner />
        <Outlet />
      </main>
    </div>
  );
}
