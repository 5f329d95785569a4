/**
 * The one shape of a node's resources and operations, the same for every vendor:
 * `nodes/<Vendor>/resources/<resource>/index.ts` declares a resource with `defineResource`, and
 * each `<operation>.ts` beside it exports one `ResourceOperation`. The node lists its resources
 * with `resourceProperties`.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One operation: its entry in the Operation dropdown and the fields shown for it alone. */
export interface ResourceOperation {
	option: INodePropertyOptions;
	fields?: INodeProperties[];
}

/** One resource: its entry in the Resource dropdown and its properties (Operation dropdown first). */
export interface NodeResource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

export interface ResourceSpec {
	name: string;
	value: string;
	description?: string;
	/** In the order the Operation dropdown lists them (n8n's lint wants them sorted by name). */
	operations: ResourceOperation[];
	/**
	 * The operation selected when the resource is picked: one of `operations`. (The operation
	 * itself, not its value: n8n's lint rule for "Get Many" option names takes an object with
	 * `name`, `value` and the text 'getAll' for an option.)
	 */
	defaultOperation: ResourceOperation;
	/** Fields several operations show, listed before each operation's own fields. */
	fields?: INodeProperties[];
}

/** A resource: its Operation dropdown, the fields its operations share, then each operation's fields. */
export function defineResource(spec: ResourceSpec): NodeResource {
	if (!spec.operations.includes(spec.defaultOperation)) {
		throw new Error(`${spec.name}: the default operation is not one of its operations`);
	}
	const option: INodePropertyOptions = { name: spec.name, value: spec.value };
	const defaultValue = spec.defaultOperation.option.value;
	if (spec.description !== undefined) option.description = spec.description;
	return {
		option,
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [spec.value] } },
				options: spec.operations.map((operation) => operation.option),
				default: defaultValue,
			},
			...(spec.fields ?? []),
			...spec.operations.flatMap((operation) => operation.fields ?? []),
		],
	};
}

/** A node's Resource dropdown (sorted by name) followed by every resource's properties. */
export function resourceProperties(resources: NodeResource[], defaultResource: string): INodeProperties[] {
	const sorted = [...resources].sort((a, b) => String(a.option.name).localeCompare(String(b.option.name)));
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: sorted.map((resource) => resource.option),
			default: defaultResource,
		},
		...sorted.flatMap((resource) => resource.properties),
	];
}
