/** The Template locator: a template picked by name or typed. */
import type { IDisplayOptions } from 'n8n-workflow';

import { nameLocator } from '../../lib/helpers';

export const templateLocator = (description: string, displayOptions: IDisplayOptions) =>
	nameLocator({
		displayName: 'Template',
		name: 'template',
		description,
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. welcome',
		displayOptions,
	});
