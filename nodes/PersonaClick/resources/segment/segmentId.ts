import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { fail, isEmpty } from '../../../shared';
import { bodyOf, wholeNumber } from '../../lib/common';

/** The Segment ID parameter: a positive whole number. */
export function segmentIdToBody(parameter = 'segmentId'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '') as unknown;
		if (isEmpty(value)) fail(this, 'Segment ID', 'a value is required but this item has none');
		bodyOf(options).segment_id = wholeNumber(this, value, 'Segment ID', 1);
		return options;
	};
}
