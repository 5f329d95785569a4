/**
 * Audience resources: account, field, contact, tag, subscription, unsubscription, survey, editor.
 * Each resource lives in its own <Resource>Description.ts and is listed here.
 */
import type { TalkBoxMethods, TalkBoxResource } from './types';

export const audienceResources: TalkBoxResource[] = [];

export const audienceMethods: TalkBoxMethods = {};
