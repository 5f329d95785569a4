import type { INodeTypeDescription } from 'n8n-workflow';

/**
 * The part of n8n-workflow 2.x's `IBuilderHint` these nodes use. n8n 2.x's AI Workflow Builder
 * shows `searchHint` with the node in its node search (`@builderHint …`), as for n8n's own
 * nodes (Code, Merge, Gmail Trigger, …).
 *
 * Our dev dependency n8n-workflow 1.x has no `builderHint` in its typings, and n8n 1.x ignores
 * the key: the type lives here, for every node of every vendor.
 * test/shared/builder-hint.test.ts checks it against `IBuilderHint` in n8n 2.x's interfaces.d.ts.
 */
export interface BuilderHint {
	/** What the node is for, which resource/operation to pick for common asks, required fields. */
	searchHint: string;
}

/** A node type description carrying n8n 2.x's `builderHint` (harmless on n8n 1.x). */
export type HintedNodeTypeDescription = INodeTypeDescription & { builderHint: BuilderHint };
