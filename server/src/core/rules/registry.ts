/**
 * The rule registry: every rule of gpuplan, in the order of the form. Everything that lists rules
 * (the codes, the settings, SARIF descriptors, the README table, docs/rules/, `gpuplan rules`)
 * is derived from this list.
 */
import { abbreviationUndefined } from './abbreviation-undefined';
import { acknowledgementMissing } from './acknowledgement-missing';
import { copaymentMismatch } from './copayment-mismatch';
import { employeesTotalMismatch } from './employees-total-mismatch';
import { gpuMonthsRange } from './gpu-months-range';
import { gpuServersRange } from './gpu-servers-range';
import { largeProjectReview } from './large-project-review';
import { milestoneOutsideSchedule } from './milestone-outside-schedule';
import { pageBudget } from './page-budget';
import { pledgeMissing } from './pledge-missing';
import { registrationNumberChecksum } from './registration-number-checksum';
import type { Rule } from './rule';
import { scheduleMonthsMismatch } from './schedule-months-mismatch';
import { schema } from './schema';
import { staffParticipation } from './staff-participation';
import { stageGpuExceedsRequest } from './stage-gpu-exceeds-request';
import { stageGpuServerMismatch } from './stage-gpu-server-mismatch';
import { stagePeriodOutsideSchedule } from './stage-period-outside-schedule';
import { syntax } from './syntax';
import { templateGuideLeft } from './template-guide-left';
import { vagueExpression } from './vague-expression';
import { youthCompanyMismatch } from './youth-company-mismatch';

export const RULES = [
  syntax,
  schema,
  gpuServersRange,
  gpuMonthsRange,
  largeProjectReview,
  copaymentMismatch,
  acknowledgementMissing,
  pledgeMissing,
  youthCompanyMismatch,
  registrationNumberChecksum,
  stageGpuExceedsRequest,
  stageGpuServerMismatch,
  stagePeriodOutsideSchedule,
  scheduleMonthsMismatch,
  milestoneOutsideSchedule,
  employeesTotalMismatch,
  staffParticipation,
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
