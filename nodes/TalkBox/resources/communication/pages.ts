/** TalkBox answers 10 communications a page (only `page` is documented). */
export const COMMUNICATION_PAGES = { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 10 } as const;
