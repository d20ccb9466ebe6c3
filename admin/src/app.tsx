import { useEffect, type ReactNode } from 'react';
import { api, sessionLost } from './graphql/api';
import { can, ROLE_LABELS, screensFor, type Ability } from './roles';
import { currentTarget, match, navigate, useLocation } from './router';
import { endSession, isExpired, useSession, type StaffSession } from './session';
import { Notice } from './ui/forms';
import { Link } from './ui/link';
import { SignInScreen } from './screens/sign-in';
import { OverviewScreen } from './screens/overview';
import { OrdersScreen } from './screens/orders';
import { OrderScreen } from './screens/order';
import { InventoryScreen } from './screens/inventory';
import { ShipmentsScreen } from './screens/shipments';
import { CatalogScreen } from './screens/catalog';
import { ProductScreen } from './screens/product';
import { AlertsScreen } from './screens/alerts';
import { DeadLettersScreen } from './screens/dead-letters';
import { CouponsScreen } from './screens/coupons';

interface Route {
  pattern: string;
  needs?: Ability;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: readonly Route[] = [
  { pattern: '/', render: () => <OverviewScreen /> },
  { pattern: '/alerts', render: () => <AlertsScreen /> },
  { pattern: '/dead-letters', needs: 'manageDeadLetters', render: () => <DeadLettersScreen /> },
  { pattern: '/orders', needs: 'viewOrders', render: () => <OrdersScreen /> },
  { pattern: '/orders/:id', needs: 'viewOrders', render: ({ id }) => <OrderScreen id={id} /> },
  { pattern: '/shipments', needs: 'manageShipments', render: () => <ShipmentsScreen /> },
  { pattern: '/inventory', needs: 'manageStock', render: () => <InventoryScreen /> },
  { pattern: '/catalog', needs: 'manageCatalog', render: () => <CatalogScreen /> },
  { pattern: '/catalog/new', needs: 'manageCatalog', render: () => <ProductScreen /> },
  { pattern: '/coupons', needs: 'manageCoupons', render: () => <CouponsScreen /> },
  { pattern: '/catalog/:sku', needs: 'manageCatalog', render: ({ sku }) => <ProductScreen sku={sku} /> },
];

export function App() {
  const session = useSession();
  const location = useLocation();
  const signedIn = session && !isExpired(session) ? session : null;

  // Not signed in (or the stored session has expired): sign-in, remembering where to return.
  useEffect(() => {
    // (read the address now, not from the render: the effect may run again after it moved)
    const target = currentTarget();
    if (!signedIn && !target.startsWith('/sign-in')) {
      if (session) endSession('Your session has expired; sign in again to go on where you were.');
      navigate(`/sign-in?next=${encodeURIComponent(target)}`, { replace: true });
    }
  }, [signedIn, session, location.path]);

  // The session ends at its expiry even if the page is left open without a request.
  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setTimeout(() => sessionLost('Your session has expired; sign in again to go on where you were.'), Math.max(0, Date.parse(signedIn.expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [signedIn]);

  if (location.path === '/sign-in' || !signedIn) {
    if (signedIn && location.path === '/sign-in') return <Shell session={signedIn}><Notice kind="info">You are signed in. <Link to="/">Go to the overview</Link>.</Notice></Shell>;
    // Before the redirect above has run, the page asked for is still the address: keep it either way.
    const next = location.path === '/sign-in' ? location.query.get('next') : currentTarget();
    return <SignInScreen next={next} />;
  }
  return <Shell session={signedIn}>{routeFor(signedIn, location.path)}</Shell>;
}

function routeFor(session: StaffSession, path: string): ReactNode {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (!params) continue;
    if (route.needs && !can(session.role, route.needs)) return <Notice kind="error">Your role ({ROLE_LABELS[session.role]}) may not use this page.</Notice>;
    return route.render(params);
  }
  return <Notice kind="error">There is no such page. <Link to="/">Back to the overview</Link>.</Notice>;
}

function Shell({ session, children }: { session: StaffSession; children: ReactNode }) {
  const { path } = useLocation();
  const signOut = () => {
    endSession('You signed out.');
    api.reset();
    navigate('/sign-in', { replace: true });
  };
  return (
    <div className="shell">
      <header>
        <span className="brand">CritterSupply staff</span>
        <nav aria-label="Main">
          <ul>
            {screensFor(session.role).map((screen) => (
              <li key={screen.path}>
                <Link to={screen.path} className={isCurrent(screen.path, path) ? 'current' : undefined}>
                  {screen.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {session.email} · <span data-testid="role">{ROLE_LABELS[session.role]}</span>
        </span>
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
}

const isCurrent = (screen: string, path: string) => (screen === '/' ? path === '/' : path === screen || path.startsWith(`${screen}/`));
