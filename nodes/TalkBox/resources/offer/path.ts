import { idPath } from '../../../shared';

export const offerId = idPath('/offers/{0}', [{ parameter: 'offerId', label: 'Offer' }]);
