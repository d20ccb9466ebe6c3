import { currentTarget, navigate } from '../router';
import { endSession, readSession } from '../session';
import { createGraphClient } from './client';

/** The app's client of the gateway that serves it (same origin: /graphql beside /admin). */
export const api = createGraphClient({
  url: new URL('/graphql', window.location.origin).toString(),
  token: () => readSession()?.token,
  onSessionLost: () => sessionLost('Your session has ended; sign in again to go on where you were.'),
});

/** Back to sign-in, keeping the page to return to afterwards. */
export function sessionLost(reason: string): void {
  if (!readSession()) return;
  const back = currentTarget();
  endSession(reason);
  api.reset();
  navigate(`/sign-in?next=${encodeURIComponent(back)}`, { replace: true });
}
