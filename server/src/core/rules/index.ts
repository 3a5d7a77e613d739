/** The rule registry: every family, and every code with its default severity and description. */
import type { FindingCode, Severity } from '../findings';
import { applicantRules } from './applicant';
import type { RuleFamily } from './context';
import { copaymentRules } from './copayment';
import { disclosureRules } from './disclosure';
import { gpuRules } from './gpu';
import { pageBudgetRules } from './page-budget';
import { pledgeRules } from './pledge';
import { scheduleRules } from './schedule';
import { staffRules } from './staff';
import { stageRules } from './stages';
import { textRules } from './text';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  gpuRules,
  copaymentRules,
  disclosureRules,
  pledgeRules,
  applicantRules,
  stageRules,
  scheduleRules,
  staffRules,
  textRules,
  pageBudgetRules,
];

export interface RuleInfo {
  readonly severity: Severity;
  /** English, localised through the l10n bundles like every message. */
  readonly description: string;
}

export const RULE_INFO: Readonly<Record<FindingCode, RuleInfo>> = {
  syntax: { severity: 'error', description: 'JSON syntax error.' },
  schema: { severity: 'error', description: 'The plan does not follow the form\'s structure (type, required field, allowed value, format or unknown property).' },
  'gpu-servers-range': { severity: 'error', description: 'Servers outside the range of the GPU type (H200 2–32, B200 2–16).' },
  'gpu-months-range': { severity: 'error', description: 'Months outside 3–12.' },
  'large-project-review': { severity: 'information', description: 'The request triggers the on-site eligibility review and the 30-page budget (H200 ≥ 8 servers, B200 ≥ 4 servers).' },
  'copayment-mismatch': { severity: 'error', description: 'The declared co-payment differs from unit price × servers × months.' },
  'acknowledgement-missing': { severity: 'error', description: 'Publications or papers are planned and the official acknowledgement is missing or altered.' },
  'pledge-missing': { severity: 'error', description: 'The pledge is not agreed (pledge.agreed must be true).' },
  'youth-company-mismatch': { severity: 'warning', description: 'The youth-company flag disagrees with the representative\'s birth date.' },
  'registration-number-checksum': { severity: 'error', description: 'The business registration number fails its check digit.' },
  'stage-gpu-exceeds-request': { severity: 'error', description: 'A stage uses more servers or GPUs than requested.' },
  'stage-gpu-server-mismatch': { severity: 'warning', description: 'A stage\'s GPUs are not its servers × 8.' },
  'stage-period-outside-schedule': { severity: 'error', description: 'A stage lies outside the project period, ends before it starts, or starts GPUs outside its own period.' },
  'schedule-months-mismatch': { severity: 'warning', description: 'The project period\'s length differs from the requested months.' },
  'milestone-outside-schedule': { severity: 'warning', description: 'A milestone month falls outside the project period.' },
  'employees-total-mismatch': { severity: 'warning', description: 'Regular + non-regular employees differ from the total.' },
  'staff-participation': { severity: 'error', description: 'Participation outside 0–100%, or months inconsistent with the participation period.' },
  'vague-expression': { severity: 'warning', description: 'Vague wording that evaluators read as "impossible" (~할 수도 있다, ~이 가능하다, ~을 고려하고 있다).' },
  'template-guide-left': { severity: 'warning', description: 'Guide text or a placeholder of the form is left in (★, 작성요령, 000, 00%, YYYYMMDD, yyyy.mm, ㅇㅇㅇ…).' },
  'abbreviation-undefined': { severity: 'information', description: 'An acronym is never written with its full name.' },
  'page-budget': { severity: 'warning', description: 'The estimated body exceeds the page budget, or the summary exceeds 2 pages.' },
  'internal-error': { severity: 'warning', description: 'A check failed unexpectedly; the other checks still ran.' },
};
