/**
 * Campaign resources: promotion, communication, emailSenderDetail, recipient, template, voucher,
 * offer, section. Each resource lives in its own <Resource>Description.ts and is listed here.
 */
import type { TalkBoxMethods, TalkBoxResource } from './types';

export const campaignResources: TalkBoxResource[] = [];

export const campaignMethods: TalkBoxMethods = {};
