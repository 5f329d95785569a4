/** What the person operations share: the person's path and how a person is output. */
import { idPath } from '../../../shared';
import { many, single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

/** `/people/<slug>` with the slug URL-encoded (`+`, `@` and `/` are common in emails). */
export const personPath = (suffix = '') => idPath(`/people/{0}${suffix}`, [{ parameter: 'personSlug', label: 'Person' }]);

export const personOutput = single('person');

/** The operations that list what belongs to a person (one item per record). */
export const LIST_OPERATIONS = ['getReferralsAsAdvocate', 'getReferralsAsFriend', 'getRewards', 'getShares'];

export const listOperation = (name: string, value: string, action: string, description: string, suffix: string, key: string) =>
	operation({ name, value, action, description, method: 'GET', url: '/people', preSend: [personPath(suffix), siteSlug], output: many(key) });
