import type { Migration } from 'kysely';
import * as m0001 from './0001_create_foundation.ts';
import * as m0002 from './0002_create_directory.ts';
import * as m0003 from './0003_create_cases.ts';
import * as m0004 from './0004_audit_retention.ts';
import * as m0005 from './0005_cached_authentication.ts';
import * as m0006 from './0006_add_organisation_state.ts';
import * as m0007 from './0007_create_exchange.ts';
import * as m0008 from './0008_add_legal_bases.ts';
import * as m0009 from './0009_add_message_attachments.ts';
import * as m0010 from './0010_provider_consent_rules.ts';
import * as m0011 from './0011_create_referrals.ts';
import * as m0012 from './0012_create_agreements.ts';
import * as m0013 from './0013_create_clearing.ts';
import * as m0014 from './0014_create_exchange_links.ts';
import * as m0015 from './0015_count_offer_gaps.ts';
import * as m0016 from './0016_referral_retention.ts';
import * as m0017 from './0017_create_agreement_meetings.ts';
import * as m0018 from './0018_counselling_statistics.ts';

/** Every migration, in order. Add new files here; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_create_foundation': m0001,
  '0002_create_directory': m0002,
  '0003_create_cases': m0003,
  '0004_audit_retention': m0004,
  '0005_cached_authentication': m0005,
  '0006_add_organisation_state': m0006,
  '0007_create_exchange': m0007,
  '0008_add_legal_bases': m0008,
  '0009_add_message_attachments': m0009,
  '0010_provider_consent_rules': m0010,
  '0011_create_referrals': m0011,
  '0012_create_agreements': m0012,
  '0013_create_clearing': m0013,
  '0014_create_exchange_links': m0014,
  '0015_count_offer_gaps': m0015,
  '0016_referral_retention': m0016,
  '0017_create_agreement_meetings': m0017,
  '0018_counselling_statistics': m0018,
};
