import { useState } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { navigate } from '../router';
import { STAFF_ROLES, sessionEndReason, startSession, type StaffRole } from '../session';
import { Notice, SubmissionNotes, TextField, useSubmission } from '../ui/forms';

const SignIn = graphql(`
  mutation AdminSignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      role
      expiresAt
    }
  }
`);

/**
 * Staff accounts only: a customer's (valid) credentials are refused here and nothing is kept.
 * `next` is the app page to open afterwards (the one the visitor asked for, or was on).
 */
export function SignInScreen({ next }: { next: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ended = sessionEndReason();
  const submission = useSubmission(async () => {
    const { login } = await api.request(SignIn, { email, password });
    if (!(STAFF_ROLES as string[]).includes(login.role)) {
      throw new Error('This app is for CritterSupply staff. Customer accounts cannot sign in here.');
    }
    startSession({ token: login.token, role: login.role as StaffRole, email, expiresAt: login.expiresAt });
    navigate(next && next.startsWith('/') && !next.startsWith('/sign-in') ? next : '/', { replace: true });
  }, ['email', 'password']);

  return (
    <main className="sign-in">
      <h1>CritterSupply staff</h1>
      <form onSubmit={submission.onSubmit} aria-label="Sign in">
        {ended && <Notice kind="info">{ended}</Notice>}
        <TextField label="E-mail" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={submission.fieldErrors.email} autoFocus />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={submission.fieldErrors.password} />
        <SubmissionNotes submission={submission} />
        <button type="submit" disabled={submission.busy}>
          {submission.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
