/** Entry of the bench page: the widgets under test plus the scenarios the harness drives. */
import '@rai-kit/widgets/define/leaderboard';
import '@rai-kit/widgets/define/xp-tier';
import { FakeStream } from './fake-stream.js';
import { firstRows, lastMounted } from './first-rows.js';
import { shareOneAvatar } from './one-avatar.js';
import { park, scroll } from './scroll.js';
import { updates } from './updates.js';

let stream: FakeStream | null = null;

window.raiBench = {
  fakeStream: () => void (stream ??= new FakeStream()),
  shareOneAvatar,
  firstRows,
  scroll: (rowSelector, minRows) => scroll(lastMounted(), rowSelector, minRows),
  park: (rowSelector) => park(lastMounted(), rowSelector),
  async updates(count) {
    if (!stream) throw new Error('call fakeStream() before mounting the widget');
    await stream.opened();
    return updates(lastMounted(), stream, count);
  },
};
