/** A content item's identity: its URL (Sailthru's default key) or its SKU. */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { required, trimmed, type Read } from '../../lib/helpers';

export function identity(this: IExecuteSingleFunctions, read: Read) {
	const key = trimmed(read('key', 'url'));
	return { id: required(this, read, 'id', 'ID'), key: key === 'url' ? undefined : key };
}
