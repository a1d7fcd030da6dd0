// Entry of the disclosure-control worker thread (src/entry/sdc-pool.ts): one table in, the
// treated table and its report out. A large table comes moved, not copied (see sdc-pool.ts), and
// goes back the same way: its arrays are handed over, never held twice.
import { Piscina } from 'piscina';
import { anonymizeTable, type SdcPolicy, type SdcReport } from '../datasets/anonymize/anonymize';
import { tableBuffers, type SdcTable } from '../datasets/anonymize/table';

export default function anonymizeInWorker({ table, policy, move }: { table: SdcTable; policy: SdcPolicy; move?: boolean }) {
  const result = anonymizeTable(table, policy, { inPlace: true });
  if (!move) return result;
  return Piscina.move({
    get [Piscina.transferableSymbol]() {
      return tableBuffers(result.table);
    },
    get [Piscina.valueSymbol]() {
      return result;
    },
  } as unknown as Parameters<typeof Piscina.move>[0]) as unknown as { table: SdcTable; report: SdcReport };
}
