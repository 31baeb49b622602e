export { createPatrolSite, type LoginTab, type PatrolSite, type PatrolSiteMode, type PatrolSiteOptions } from './patrol-site.js';
export { PATROL_CANDIDATE_POST_ID, PATROL_CONTROL_POST_ID, PATROL_REMOVABLE_POST_ID, PATROL_SITE_ACCOUNTS } from './patrol-site-people.js';
