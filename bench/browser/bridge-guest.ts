/**
 * Entry of the bridge bench's guest document (served from the second origin): answers `echo`
 * over the bridge its query names, trusting only the host origin its query gives.
 */
import { connectToHost } from '@rai-kit/core/bridge';
import { WindowMessenger, connect } from 'penpal';
import type { GuestQuery } from './bridge-protocol.js';

const query = Object.fromEntries(new URLSearchParams(location.search)) as unknown as GuestQuery;
const echo = (params: unknown) => params;

if (query.lib === 'rai-kit') {
  connectToHost({ allowedOrigins: [query.host], methods: { echo } });
} else {
  connect({ messenger: new WindowMessenger({ remoteWindow: window.parent, allowedOrigins: [query.host] }), methods: { echo } });
}
