import { ensurePartition, prunePartition, type StoreState } from './store-state.js';
import type { StoreChange } from './store-change.js';
import type { StoredText } from './record-text.js';
import { noteRecordChange } from '../query/index-of-collection.js';

/**
 * Applies one change to `state` in place: a new id goes last, a known id keeps its place, and an emptied
 * collection or partition disappears (its indexes with it), so a replayed log gives the same state (and order) as the live store.
 */
export function applyChange(state: StoreState, change: StoreChange): void {
  switch (change.kind) {
    case 'put': {
      const { collections } = ensurePartition(state, change.vendor, change.tenant);
      let records = collections.get(change.collection);
      if (records === undefined) collections.set(change.collection, (records = new Map<string, StoredText>()));
      noteRecordChange(records, change.id, records.get(change.id), change.json);
      records.set(change.id, change.json);
      return;
    }
    case 'delete': {
      const tenants = state.get(change.vendor);
      const partition = tenants?.get(change.tenant);
      const records = partition?.collections.get(change.collection);
      if (records?.has(change.id) !== true) return;
      noteRecordChange(records, change.id, records.get(change.id), undefined);
      records.delete(change.id);
      if (records.size === 0) partition!.collections.delete(change.collection);
      prunePartition(state, change.vendor, change.tenant);
      return;
    }
    case 'sequence':
      ensurePartition(state, change.vendor, change.tenant).sequences.set(change.sequence, change.value);
      return;
    case 'reset': {
      const { vendor, tenant } = change;
      if (vendor === undefined) state.clear();
      else if (tenant === undefined) state.delete(vendor);
      else {
        const tenants = state.get(vendor);
        tenants?.delete(tenant);
        if (tenants?.size === 0) state.delete(vendor);
      }
      return;
    }
  }
}
