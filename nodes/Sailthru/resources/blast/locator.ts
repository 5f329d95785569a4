/** The Blast locator: a campaign picked from the list or typed by ID (Blast and Stats use it). */
import type { IDisplayOptions } from 'n8n-workflow';

import { nameLocator } from '../../lib/helpers';

export const blastLocator = (displayOptions: IDisplayOptions) =>
	nameLocator({
		displayName: 'Blast',
		name: 'blastId',
		description: 'The campaign',
		searchListMethod: 'searchBlasts',
		typedName: 'By ID',
		placeholder: 'e.g. 12345',
		displayOptions,
	});
