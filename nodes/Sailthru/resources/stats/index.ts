/** Statistics (GET /stats): daily list snapshots, campaign and transactional template counts. */
import { defineResource, type NodeResource } from '../../../shared';
import { getBlastStatsOperation } from './getBlastStats';
import { getListStatsOperation } from './getListStats';
import { getSendStatsOperation } from './getSendStats';

export const statsResource: NodeResource = defineResource({
	name: 'Stat',
	value: 'stats',
	operations: [getBlastStatsOperation, getListStatsOperation, getSendStatsOperation],
	defaultOperation: getListStatsOperation,
});
