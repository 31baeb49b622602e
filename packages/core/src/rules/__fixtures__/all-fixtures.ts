import { BLACK_CAMPAIGN_FIXTURES } from './black-campaign.fixtures.js';
import { CAMPAIGN_PROHIBITION_FIXTURES } from './campaign-prohibition.fixtures.js';
import { HATE_SPEECH_FIXTURES } from './hate-speech.fixtures.js';
import { HOAX_FIXTURES } from './hoax.fixtures.js';
import { MONEY_POLITICS_FIXTURES } from './money-politics.fixtures.js';
import { NEUTRALITY_FIXTURES } from './neutrality.fixtures.js';
import { OFF_SCHEDULE_FIXTURES } from './off-schedule-campaign.fixtures.js';
import type { RuleFixture } from './rule-fixture.js';
import { UNREGISTERED_ACCOUNT_FIXTURES } from './unregistered-campaign-account.fixtures.js';

/** Every hand-written fixture of the built-in categories. */
export const ALL_FIXTURES: readonly RuleFixture[] = [
  ...NEUTRALITY_FIXTURES,
  ...BLACK_CAMPAIGN_FIXTURES,
  ...HATE_SPEECH_FIXTURES,
  ...HOAX_FIXTURES,
  ...OFF_SCHEDULE_FIXTURES,
  ...MONEY_POLITICS_FIXTURES,
  ...UNREGISTERED_ACCOUNT_FIXTURES,
  ...CAMPAIGN_PROHIBITION_FIXTURES,
];
