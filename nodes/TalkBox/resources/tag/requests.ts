/** The request helpers several tag operations share: the tag and membership paths, the name check and the membership result. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { idPath, requireValue } from '../../../shared';

export const tagPath = (suffix = '') => idPath(`/tags/{0}${suffix}`, [{ parameter: 'tagId', label: 'Tag', numeric: true }]);
export const membershipPath = idPath('/tags/{0}/contacts/{1}', [
	{ parameter: 'tagId', label: 'Tag', numeric: true },
	{ parameter: 'contactId', label: 'Contact ID', numeric: true },
]);

export const requireTagName = requireValue('tagName', 'Name');

/** TalkBox answers membership changes with an empty 200: say what happened instead. */
export function membershipResult(action: 'added' | 'removed') {
	return function (this: IExecuteSingleFunctions, records: IDataObject[]) {
		return records.map((record) =>
			record.success === true && Object.keys(record).length === 1
				? {
						success: true,
						action,
						tag_id: Number(this.getNodeParameter('tagId', '', { extractValue: true })),
						contact_id: Number(this.getNodeParameter('contactId', '')),
					}
				: record,
		);
	};
}
