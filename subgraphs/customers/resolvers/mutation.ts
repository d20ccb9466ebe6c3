import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { registerCustomer } from '../use-cases/register-customer.js';
import { login } from '../use-cases/login.js';
import { startGuestSession } from '../use-cases/start-guest-session.js';
import { addAddress } from '../use-cases/add-address.js';
import { updateAddress } from '../use-cases/update-address.js';
import { removeAddress } from '../use-cases/remove-address.js';
import { setDefaultAddress } from '../use-cases/set-default-address.js';
import { refreshSession } from '../use-cases/refresh-session.js';
import { logout } from '../use-cases/logout.js';
import { requestPasswordReset } from '../use-cases/request-password-reset.js';
import { resetPassword } from '../use-cases/reset-password.js';
import { changePassword } from '../use-cases/change-password.js';
import { updateProfile } from '../use-cases/update-profile.js';

export const Mutation: MutationResolvers = {
  startGuestSession: (_parent, _args, ctx) => startGuestSession(ctx),
  registerCustomer: (_parent, { input }, ctx) => registerCustomer(ctx, input),
  login: (_parent, { email, password }, ctx) => login(ctx, email, password),
  addAddress: (_parent, { input }, ctx) => addAddress(ctx, input),
  updateAddress: (_parent, { id, input }, ctx) => updateAddress(ctx, id, input),
  removeAddress: (_parent, { id }, ctx) => removeAddress(ctx, id),
  setDefaultAddress: (_parent, { id }, ctx) => setDefaultAddress(ctx, id),
  refreshSession: (_parent, _args, ctx) => refreshSession(ctx),
  logout: (_parent, _args, ctx) => logout(ctx),
  requestPasswordReset: (_parent, { email }, ctx) => requestPasswordReset(ctx, email),
  resetPassword: (_parent, { token, newPassword }, ctx) => resetPassword(ctx, token, newPassword),
  changePassword: (_parent, { currentPassword, newPassword }, ctx) => changePassword(ctx, currentPassword, newPassword),
  updateProfile: (_parent, { input }, ctx) => updateProfile(ctx, input),
};
