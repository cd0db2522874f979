import { RaiFrame } from '../frame/frame.js';

RaiFrame.define('rai-frame');

declare global {
  interface HTMLElementTagNameMap {
    'rai-frame': RaiFrame;
  }
}
