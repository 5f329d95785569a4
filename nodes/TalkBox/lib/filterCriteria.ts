/**
 * The `filter_criteria` builder shared by promotions (recipient selection) and recipient counts:
 * one n8n list of {logical operator, field, operator, value} rows sent as TalkBox's ordered array
 * of `{logical_operator, field_name, operator, value}` hashes.
 */
import type { IDataObject, IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../shared';
import { hasOwn } from '../../shared/record';

export const FILTER_CRITERIA_PARAMETER = 'filterCriteria';

/**
 * Option values are names, not the symbols TalkBox takes: n8n reads any parameter value that
 * starts with "=" as an expression, so "=" itself cannot be an option value.
 */
const OPERATORS = [
	{ name: 'Equals (=)', value: 'equal', wire: '=' },
	{ name: 'Not Equal (!=)', value: 'notEqual', wire: '!=' },
	{ name: 'Less Than (<)', value: 'lessThan', wire: '<' },
	{ name: 'Less Than or Equal (<=)', value: 'lessThanOrEqual', wire: '<=' },
	{ name: 'Greater Than (>)', value: 'greaterThan', wire: '>' },
	{ name: 'Greater Than or Equal (>=)', value: 'greaterThanOrEqual', wire: '>=' },
];
const WIRE_OPERATOR: Record<string, string> = Object.fromEntries(OPERATORS.map((o) => [o.value, o.wire]));

/** The Filter Criteria list (a fixedCollection of criterion rows). */
export function filterCriteriaProperty(displayOptions: IDisplayOptions, required: boolean): INodeProperties {
	return {
		displayName: 'Filter Criteria',
		name: FILTER_CRITERIA_PARAMETER,
		type: 'fixedCollection',
		placeholder: 'Add Criterion',
		default: {},
		required,
		typeOptions: { multipleValues: true, sortable: true },
		description:
			'Conditions on contact fields, applied in order; each one after the first is joined to the ones before by its logical operator',
		displayOptions,
		options: [
			{
				displayName: 'Criterion',
				name: 'criterion',
				values: [
					{
						displayName: 'Logical Operator',
						name: 'logicalOperator',
						type: 'options',
						default: 'AND',
						description: 'How this criterion combines with the ones before it',
						options: [
							{ name: 'AND', value: 'AND' },
							{ name: 'OR', value: 'OR' },
						],
					},
					{
						displayName: 'Field Name or ID',
						name: 'fieldName',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCampaignFilterFields' },
						default: '',
						description:
							'Contact field to compare (its system name, e.g. age). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'equal',
						description:
							'How the field compares with the value. An expression may also give TalkBox’s own operator, e.g. "<".',
						options: OPERATORS.map(({ name, value }) => ({ name, value })),
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 30',
						description: 'Value to compare the field with (Date fields use dd/mm/yyyy)',
					},
				],
			},
		],
	};
}

/**
 * The criteria rows of this item as TalkBox's array (undefined when the list is empty). A row
 * without a field or operator is an input error.
 */
export function readFilterCriteria(ctx: IExecuteSingleFunctions, label = 'Filter Criteria'): IDataObject[] | undefined {
	const rows = ctx.getNodeParameter(`${FILTER_CRITERIA_PARAMETER}.criterion`, []) as IDataObject[] | undefined;
	if (!Array.isArray(rows) || rows.length === 0) return undefined;
	return rows.map((row, index) => {
		// n8n leaves out values equal to their default: fill them back in.
		const fieldName = String(row.fieldName ?? '').trim();
		const chosen = String(row.operator ?? 'equal').trim();
		// An expression may give any text: only the table's own entries translate (never `constructor`).
		const operator = hasOwn(WIRE_OPERATOR, chosen) ? WIRE_OPERATOR[chosen] : chosen;
		if (fieldName === '') fail(ctx, label, `criterion ${index + 1} has no field`);
		if (operator === '') {
			fail(ctx, label, `criterion ${index + 1} has no operator (in an expression, "=" must be written as "equal")`);
		}
		const logicalOperator = String(row.logicalOperator ?? 'AND').trim().toUpperCase() || 'AND';
		if (logicalOperator !== 'AND' && logicalOperator !== 'OR') {
			fail(ctx, label, `criterion ${index + 1}: logical operator must be AND or OR, not "${logicalOperator}"`);
		}
		const value = row.value === undefined || row.value === null ? '' : row.value;
		return { logical_operator: logicalOperator, field_name: fieldName, operator, value };
	});
}
