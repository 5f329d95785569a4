/** The section's ID: the path hook that puts it in the URL, and the locator the user picks it with. */
import { idLocator, idPath, showFor } from '../../../shared';

export const sectionId = idPath('/sections/{0}', [{ parameter: 'sectionId', label: 'Section' }]);

export const sectionLocator = idLocator({
	displayName: 'Section',
	name: 'sectionId',
	description: 'The section to get, change or delete',
	searchListMethod: 'searchSections',
	displayOptions: showFor('section')(['get', 'update', 'delete']),
});
