import { RaiXpTier } from '../xp-tier/xp-tier.js';

RaiXpTier.define('rai-xp-tier');

declare global {
  interface HTMLElementTagNameMap {
    'rai-xp-tier': RaiXpTier;
  }
}
