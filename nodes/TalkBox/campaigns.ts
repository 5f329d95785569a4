/**
 * Campaign resources: promotion, communication, emailSenderDetail, recipient, template, voucher,
 * offer, section. Each resource lives in its own <Resource>Description.ts and is listed here.
 */
import { campaignPickers } from './campaigns/methods';
import { communicationResource } from './CommunicationDescription';
import { emailSenderDetailResource } from './EmailSenderDetailDescription';
import { offerResource } from './OfferDescription';
import { promotionResource } from './PromotionDescription';
import { recipientResource } from './RecipientDescription';
import { sectionResource } from './SectionDescription';
import { templateResource } from './TemplateDescription';
import type { TalkBoxMethods, TalkBoxResource } from './types';
import { voucherResource } from './VoucherDescription';

export const campaignResources: TalkBoxResource[] = [
	promotionResource,
	communicationResource,
	emailSenderDetailResource,
	recipientResource,
	templateResource,
	voucherResource,
	offerResource,
	sectionResource,
];

export const campaignMethods: TalkBoxMethods = campaignPickers;
