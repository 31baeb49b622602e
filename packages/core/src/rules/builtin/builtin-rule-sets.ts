import { RuleSetSchema, type RuleSet } from '../rule-set-schema.js';
import blackCampaign from './black-campaign.json' with { type: 'json' };
import campaignProhibition from './campaign-prohibition.json' with { type: 'json' };
import hateSpeech from './hate-speech.json' with { type: 'json' };
import hoax from './hoax.json' with { type: 'json' };
import moneyPolitics from './money-politics.json' with { type: 'json' };
import neutrality from './neutrality.json' with { type: 'json' };
import offScheduleCampaign from './off-schedule-campaign.json' with { type: 'json' };
import unregisteredCampaignAccount from './unregistered-campaign-account.json' with { type: 'json' };

/**
 * The eight built-in rule sets (project-authored data, Apache-2.0), one per finding category.
 * Each rule carries its legal basis from the SIPANSOS rule catalogue; points the reference marks
 * unverified carry `verified: false`.
 */
export const BUILTIN_RULE_SETS: RuleSet[] = [neutrality, blackCampaign, hateSpeech, hoax, offScheduleCampaign, moneyPolitics, unregisteredCampaignAccount, campaignProhibition].map((data) => RuleSetSchema.parse(data));
