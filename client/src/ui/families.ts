/** How each source family is named on screen (docs/data-model.md, "Source families", says what each holds). */
import type { SourceFamily } from '../timeline-types.js';

export const SOURCE_FAMILY_LABEL: Readonly<Record<SourceFamily, string>> = {
  SOVIET_ARCHIVES_AS_READ: 'Soviet archives, as read by scholars',
  CHINESE_ARCHIVES_AS_READ: 'Chinese archives, as read by scholars',
  DPRK_OFFICIAL: 'DPRK official accounts',
  WESTERN_SCHOLARSHIP: 'Western scholarship',
  US_OFFICIAL_HISTORY: 'US official history',
  JOURNALISM: 'Journalism',
  ENCYCLOPEDIA: 'Encyclopedia',
  EDITORIAL: 'Atlas editors',
};
