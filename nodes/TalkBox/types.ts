import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

/** One TalkBox resource: its option in the Resource dropdown and its properties (operation + fields). */
export interface TalkBoxResource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/** Load-options methods a group of resources contributes to the node. */
export type TalkBoxMethods = NonNullable<INodeType['methods']>;
