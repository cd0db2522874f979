/**
 * The e2e stage (`npm run test:e2e`): every embedding in one process, so they share one demo
 * stack and one Chromium (support/e2e.ts). A single file also runs alone:
 * `node --import tsx --test test/e2e/portal.e2e.ts`.
 */
import './partner-site.e2e.js';
import './portal.e2e.js';
import './community.e2e.js';
