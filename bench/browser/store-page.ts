/** Entry of the store bench page: `<rai-store>` plus the scenarios store.ts drives. */
import '@rai-kit/widgets/define/store';
import { firstRows, lastMounted } from './first-rows.js';
import { floorSearch, search, tapProductRequests } from './store-search.js';

// Before anything mounts: the widget's API client keeps the `fetch` it finds.
tapProductRequests();

let floor: HTMLElement | null = null;

window.raiStoreBench = {
  firstRows,
  async mountFloorSearch(productsUrl, pageSize) {
    floor = floorSearch(productsUrl, pageSize);
    document.body.append(floor);
  },
  search: (plan) => search((floor ?? lastMounted()).shadowRoot!, plan),
};
