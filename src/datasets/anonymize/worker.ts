// Entry of the disclosure-control worker thread (src/entry/sdc-pool.ts): one table in, the
// treated table and its report out.
import { anonymizeTable, type SdcPolicy } from './anonymize';
import type { SdcTable } from './table';

export default function anonymizeInWorker({ table, policy }: { table: SdcTable; policy: SdcPolicy }) {
  return anonymizeTable(table, policy, { inPlace: true });
}
