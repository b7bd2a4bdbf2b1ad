import { Outlet } from 'react-router';
import './public-layout.css';

/** Sign-in and first-run pages: no navigation, just the form. */
export function PublicLayout() {
  return (
    <main id="main" className="public-layout">
      <p className="public-brand">
        <span className="shell-logo" aria-hidden="true">
          G
        </span>
        Goalpost
      </p>
      <Outlet />
    </main>
  );
}
