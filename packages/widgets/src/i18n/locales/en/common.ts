import type { CommonMessages } from '../../messages.js';

export const messages: CommonMessages = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorGeneric: 'This widget could not load.',
  sessionExpiredTitle: 'Your session has expired',
  sessionExpiredBody: 'Sign in again to see your progress.',
  signIn: 'Sign in',
  live: 'Live',
};
