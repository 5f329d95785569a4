/** Metrics: one value, or the value segmented by period, campaign tags, channels or campaign types. */
import { defineResource, type NodeResource } from '../../../shared';
import { metricRangeProperties } from './fields';
import { getOperation } from './get';
import { getSegmentedOperation } from './getSegmented';

export const metricResource: NodeResource = defineResource({
	name: 'Metric',
	value: 'metric',
	operations: [getOperation, getSegmentedOperation],
	defaultOperation: getOperation,
	fields: metricRangeProperties,
});
