/** The offer's ID: the path hook that puts it in the URL, and the locator the user picks it with. */
import { idLocator, idPath, showFor } from '../../../shared';

export const offerId = idPath('/offers/{0}', [{ parameter: 'offerId', label: 'Offer' }]);

export const offerLocator = idLocator({
	displayName: 'Offer',
	name: 'offerId',
	description: 'The offer to get, change or delete',
	searchListMethod: 'searchOffers',
	displayOptions: showFor('offer')(['get', 'update', 'delete']),
});
