import type { FramePart } from '../../messages.js';

export const messages: FramePart = {
  frame: {
    loading: (title) => `Loading ${title}…`,
    configErrorTitle: 'This embedded app is not set up correctly',
    configErrorBody: 'The page must give it a title and the origins it trusts. Details are in the browser console.',
    connectErrorTitle: (title) => `${title} could not start`,
    connectTimeout: 'The app did not answer in time.',
    refusedOrigin: (origin) => `The app runs on ${origin}, which this page does not trust.`,
  },
};
