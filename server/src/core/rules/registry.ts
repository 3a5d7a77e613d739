/**
 * The rule registry: every rule of gpuplan, in the order of the form. Everything that lists rules
 * (the codes, the settings, SARIF descriptors, the README table, docs/rules/, `gpuplan rules`)
 * is derived from this list.
 */
import { abbreviationUndefined } from './abbreviation-undefined';
import { achievementRecency } from './achievement-recency';
import { acknowledgementMissing } from './acknowledgement-missing';
import { careerOrder } from './career-order';
import { copaymentMismatch } from './copayment-mismatch';
import { degreeFormat } from './degree-format';
import { deliverableOutsideSchedule } from './deliverable-outside-schedule';
import { educationOrder } from './education-order';
import { employeesTotalMismatch } from './employees-total-mismatch';
import { governmentProjectRecency } from './government-project-recency';
import { governmentProjectStatus } from './government-project-status';
import { gpuMonthsRange } from './gpu-months-range';
import { gpuServersRange } from './gpu-servers-range';
import { largeProjectReview } from './large-project-review';
import { leadResearcherMismatch } from './lead-researcher-mismatch';
import { milestoneOutsideSchedule } from './milestone-outside-schedule';
import { pageBudget } from './page-budget';
import { pledgeMissing } from './pledge-missing';
import { pledgeOrganizationMismatch } from './pledge-organization-mismatch';
import { progressTargetBelowCurrent } from './progress-target-below-current';
import { publicationPlanMissing } from './publication-plan-missing';
import { registrationNumberChecksum } from './registration-number-checksum';
import type { Rule } from './rule';
import { scheduleMonthsMismatch } from './schedule-months-mismatch';
import { schema } from './schema';
import { staffParticipation } from './staff-participation';
import { staffPeriodOutsideSchedule } from './staff-period-outside-schedule';
import { staffingMismatch } from './staffing-mismatch';
import { stageGpuExceedsRequest } from './stage-gpu-exceeds-request';
import { stageGpuServerMismatch } from './stage-gpu-server-mismatch';
import { stageMonthsMismatch } from './stage-months-mismatch';
import { stagePeriodOutsideSchedule } from './stage-period-outside-schedule';
import { syntax } from './syntax';
import { templateGuideLeft } from './template-guide-left';
import { utilizationTargetMismatch } from './utilization-target-mismatch';
import { vagueExpression } from './vague-expression';
import { youthCompanyMismatch } from './youth-company-mismatch';

export const RULES = [
  syntax,
  schema,
  gpuServersRange,
  gpuMonthsRange,
  largeProjectReview,
  copaymentMismatch,
  progressTargetBelowCurrent,
  utilizationTargetMismatch,
  acknowledgementMissing,
  publicationPlanMissing,
  pledgeMissing,
  pledgeOrganizationMismatch,
  leadResearcherMismatch,
  youthCompanyMismatch,
  registrationNumberChecksum,
  stageGpuExceedsRequest,
  stageGpuServerMismatch,
  stagePeriodOutsideSchedule,
  stageMonthsMismatch,
  scheduleMonthsMismatch,
  milestoneOutsideSchedule,
  deliverableOutsideSchedule,
  employeesTotalMismatch,
  educationOrder,
  careerOrder,
  governmentProjectRecency,
  governmentProjectStatus,
  staffingMismatch,
  achievementRecency,
  staffParticipation,
  staffPeriodOutsideSchedule,
  degreeFormat,
  vagueExpression,
  templateGuideLeft,
  abbreviationUndefined,
  pageBudget,
] as const satisfies readonly Rule[];

/** A rule's stable code. */
export type RuleCode = (typeof RULES)[number]['code'];

export const RULE_CODES: readonly RuleCode[] = RULES.map((rule) => rule.code);

const BY_CODE = new Map<string, Rule>(RULES.map((rule) => [rule.code, rule]));

/** The rule with this code, if there is one. */
export const ruleOf = (code: string): Rule | undefined => BY_CODE.get(code);

export const isRuleCode = (code: string): code is RuleCode => BY_CODE.has(code);

/** Every schema check some rule owns. */
export const SCHEMA_OWNED = RULES.flatMap((rule) => rule.owns);

/** The rules that read only prose, run again after a keystroke inside a prose string. */
export const PROSE_RULES: readonly Rule[] = RULES.filter((rule) => rule.reads === 'prose');
