// No imports: the web loads these lists too (filters, forms); the schemas build their enums from them.

/** Offers of partners: courses, Jobcenter measures, ABH regulations. */
export const offerKinds = ['course', 'measure', 'regulation'] as const;
export type OfferKind = (typeof offerKinds)[number];

/** How often a counsellor receives the e-mail digest of new offers. */
export const digestFrequencies = ['none', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];
