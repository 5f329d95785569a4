import type { IDataObject } from 'n8n-workflow';

import { fieldRecords } from '../../lib/fields';

/** Every answer is `{ system_name: { name, field_type, options } }`: one item per field instead. */
export const asRecords = (records: IDataObject[]) => records.flatMap((record) => fieldRecords(record));
