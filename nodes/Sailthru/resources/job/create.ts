/**
 * Job → Create (POST /job): a job of the chosen type, with the fields that type takes; with Wait
 * for Completion, the job as it is once finished.
 */
import { collectionProperty, requiredText, showFor, type ResourceOperation } from '../../../shared';
import { dateRangeProperties, nameLocator } from '../../lib/helpers';
import { buildJobRequest } from './request';
import { waitForJob } from './wait';
import { operation } from '../../lib/operation';

const show = showFor('job');
const forTypes = (types: string[], extra = {}) => show(['create'], { jobType: types, ...extra });

const sourceOptions = [
	{ name: 'Binary File', value: 'file', description: 'A file from an input binary field, uploaded with the job' },
	{ name: 'Emails', value: 'emails', description: 'Email addresses typed or mapped, separated by commas' },
	{ name: 'File URL', value: 'url', description: 'Sailthru downloads the file from this URL' },
];

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a job',
		description: 'Start a bulk import, update or export job',
		method: 'POST',
		url: '/job',
		retrySafe: false,
		preSend: [buildJobRequest],
		output: { followUp: waitForJob },
	}),
	fields: [
		{
			displayName: 'Job Type',
			name: 'jobType',
			type: 'options',
			required: true,
			default: 'import',
			options: [
				{ name: 'Blast Query (Export)', value: 'blast_query', description: 'Export who received, opened and clicked a blast' },
				{ name: 'Content Update', value: 'content_update', description: 'Update Content Library items from JSON lines' },
				{ name: 'Export List Data', value: 'export_list_data', description: 'Export a list’s users and their data as CSV' },
				{ name: 'Export Purchase Log', value: 'export_purchase_log', description: 'Export purchases of a date range as CSV' },
				{ name: 'Export Scheduled Sends', value: 'export_scheduled_sends', description: 'Export the scheduled transactional sends' },
				{ name: 'Import to List', value: 'import', description: 'Add users (emails, CSV) to a list' },
				{ name: 'Purchase Import', value: 'purchase_import', description: 'Import purchases from JSON lines' },
				{ name: 'Snapshot (Export)', value: 'snapshot', description: 'Export the users matching a query' },
				{ name: 'Update Users', value: 'update', description: 'Apply changes to many users (JSON lines, emails, or a query)' },
			],
			displayOptions: show(['create']),
		},
		nameLocator({
			displayName: 'List',
			name: 'list',
			description: 'The list to import into or to export',
			searchListMethod: 'searchLists',
			typedName: 'By Name',
			placeholder: 'e.g. Newsletter',
			displayOptions: forTypes(['import', 'export_list_data']),
		}),
		{
			displayName: 'Users From',
			name: 'importSource',
			type: 'options',
			default: 'file',
			options: sourceOptions,
			displayOptions: forTypes(['import']),
		},
		{
			displayName: 'Users From',
			name: 'updateSource',
			type: 'options',
			default: 'file',
			options: [
				{ name: 'Binary File', value: 'file', description: 'A JSON-lines file from an input binary field, uploaded with the job' },
				{ name: 'Emails', value: 'emails', description: 'Email addresses typed or mapped, separated by commas' },
				{ name: 'File URL', value: 'url', description: 'Sailthru downloads the file from this URL' },
				{ name: 'Query', value: 'query', description: 'Every user matching a query' },
			],
			displayOptions: forTypes(['update']),
		},
		requiredText('Emails', 'emails', 'ann@example.com, bob@example.com', undefined, { show: { resource: ['job'], operation: ['create'], jobType: ['import'], importSource: ['emails'] } }),
		requiredText('Emails', 'emails', 'ann@example.com, bob@example.com', undefined, { show: { resource: ['job'], operation: ['create'], jobType: ['update'], updateSource: ['emails'] } }),
		requiredText('File URL', 'fileUrl', 'https://files.example.com/users.csv', undefined, { show: { resource: ['job'], operation: ['create'], jobType: ['import'], importSource: ['url'] } }),
		requiredText('File URL', 'fileUrl', 'https://files.example.com/users.json', undefined, { show: { resource: ['job'], operation: ['create'], jobType: ['update'], updateSource: ['url'] } }),
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the file: CSV for an import, JSON lines otherwise',
			displayOptions: { show: { resource: ['job'], operation: ['create'], jobType: ['import'], importSource: ['file'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the file: JSON lines, one user per line',
			displayOptions: { show: { resource: ['job'], operation: ['create'], jobType: ['update'], updateSource: ['file'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the file: JSON lines, one record per line',
			displayOptions: forTypes(['purchase_import', 'content_update']),
		},
		{
			displayName: 'Query (JSON)',
			name: 'query',
			type: 'json',
			required: true,
			default: '{}',
			description: 'Sailthru’s user query object (the users concerned)',
			displayOptions: { show: { resource: ['job'], operation: ['create'], jobType: ['update'], updateSource: ['query'] } },
		},
		{
			displayName: 'Query (JSON)',
			name: 'query',
			type: 'json',
			required: true,
			default: '{}',
			description: 'Sailthru’s user query object (the users to export)',
			displayOptions: forTypes(['snapshot']),
		},
		{
			displayName: 'Update (JSON)',
			name: 'update',
			type: 'json',
			default: '{}',
			description: 'Changes applied to every user, e.g. {"vars": {"plan": "gold"}, "lists": {"VIP": 1}}',
			displayOptions: forTypes(['update']),
		},
		{
			displayName: 'Fields (JSON)',
			name: 'exportFields',
			type: 'json',
			default: '{}',
			description: 'Which user data to export, e.g. {"vars": {"first_name": 1}} (default: Sailthru’s)',
			displayOptions: forTypes(['export_list_data']),
		},
		...dateRangeProperties(forTypes(['export_purchase_log'])),
		nameLocator({
			displayName: 'Blast',
			name: 'blastId',
			description: 'The campaign to export data of',
			searchListMethod: 'searchBlasts',
			typedName: 'By ID',
			placeholder: 'e.g. 12345',
			displayOptions: forTypes(['blast_query']),
		}),
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description: 'Whether to wait until the job has finished and output it then (with export_url for exports)',
			displayOptions: show(['create']),
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			default: 600,
			typeOptions: { minValue: 1 },
			description: 'Longest time to wait for the job; then the node fails with the job ID to read later',
			displayOptions: show(['create'], { waitForCompletion: [true] }),
		},
		{
			displayName: 'First Poll After (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'Wait before the first status check; each later wait is 1.5 times longer, up to 30 s',
			displayOptions: show(['create'], { waitForCompletion: [true] }),
		},
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', show(['create']), [
			{
				displayName: 'Postback URL',
				name: 'postback_url',
				type: 'string',
				default: '',
				description: 'Sailthru posts the finished job here (e.g. a Sailthru Trigger’s URL)',
			},
			{ displayName: 'Report Email', name: 'report_email', type: 'string', default: '', description: 'Who is emailed when the job finishes' },
		]),
	],
};
