/**
 * The cost model: what the GPUs will cost the applicant (form III-3 민간부담금 산출내역), and the
 * GPU figures around it. Read by rules, hover, the preview, the CLI and the export.
 *
 * GPU-hours convention: a month of allocation is 30 days × 24 h = 720 h (HOURS_PER_MONTH), so
 * allocated GPU-hours = GPUs × months × 720. Expected GPU-hours apply the planned utilisation.
 */
import { parseMonth } from '../dates';
import { GPUS_PER_SERVER, HOURS_PER_MONTH, MONTHS, PAGE_BUDGET, PAYER_POLICY, gpuFigures, type PayerPolicy } from '../figures';
import type { ApplicantType, GpuType, Plan } from '../plan/types';
import { asCount, asPercent, isObject } from '../plan/read';
import { youthVerdict, type YouthRefusal } from './youth';

export interface StageCost {
  readonly index: number;
  readonly start?: string;
  readonly end?: string;
  /** Months in the stage period, both ends included. */
  readonly months?: number;
  readonly servers?: number;
  readonly gpus?: number;
  readonly expectedUtilizationPercent?: number;
  /** gpus × months × 720 */
  readonly gpuHours?: number;
  /** gpuHours × expected utilisation */
  readonly expectedGpuHours?: number;
}

export interface CostModel {
  /** Type, servers and months are all known, so the amounts are computed. */
  readonly complete: boolean;
  readonly gpuType?: GpuType;
  readonly unitPriceWon?: number;
  readonly pricePerGpuWon?: number;
  readonly servers?: number;
  readonly months?: number;
  readonly gpus?: number;
  readonly serversInRange: boolean;
  readonly monthsInRange: boolean;
  /** The form's amount: unit price × servers × months. */
  readonly baseWon?: number;
  readonly payer: {
    readonly applicantType?: ApplicantType;
    /** The youth-company discount applies: declared, and the form's definition is met (see youth.ts). */
    readonly youthCompany: boolean;
    /** `applicant.youthCompany` is true in the plan. */
    readonly youthCompanyDeclared: boolean;
    /** Why a declared youth company still pays the full amount (industry applicants only). */
    readonly youthCompanyRefusal?: YouthRefusal;
    readonly policy?: PayerPolicy;
    /** Share of the base amount the applicant pays (1, 0.5 or 0). */
    readonly rate?: number;
    readonly applicableWon?: number;
    /** Academia and research pay nothing but must publish their results. */
    readonly mustPublish: boolean;
  };
  readonly hoursPerMonth: number;
  /** Allocated GPU-hours: gpus × months × 720. */
  readonly gpuHours?: number;
  readonly stages: readonly StageCost[];
  readonly stageTotals: { readonly gpuHours: number; readonly expectedGpuHours: number };
  /** The request triggers the on-site eligibility review (적격성 심사, 현장발표). */
  readonly onsiteReview: boolean;
  /** The body's page budget in pages (about 20, or about 30 for large projects). */
  readonly pageBudget: number;
}

function payerOf(plan: Plan): CostModel['payer'] {
  const applicantType = isObject(plan.applicant) ? plan.applicant.type : undefined;
  const declared = isObject(plan.applicant) && plan.applicant.youthCompany === true;
  const industry = applicantType === 'industry';
  const verdict = industry && declared ? youthVerdict(plan) : undefined;
  const youthCompany = verdict?.qualifies === true;
  const policies = PAYER_POLICY.value;
  const entry = industry
    ? youthCompany
      ? policies.youthCompany
      : policies.industry
    : applicantType === 'academia' || applicantType === 'research'
      ? policies[applicantType]
      : undefined;
  return {
    applicantType: entry ? applicantType : undefined,
    youthCompany,
    youthCompanyDeclared: declared,
    youthCompanyRefusal: verdict?.refusal,
    policy: entry?.policy,
    rate: entry?.rate,
    mustPublish: entry?.policy === 'exempt',
  };
}

function stageCosts(plan: Plan): StageCost[] {
  const stages = isObject(plan.gpuPlan) && Array.isArray(plan.gpuPlan.stages) ? plan.gpuPlan.stages : [];
  return stages.map((stage, index) => {
    if (!isObject(stage)) return { index };
    const period = isObject(stage.period) ? stage.period : {};
    const start = parseMonth(period.start);
    const end = parseMonth(period.end);
    const months = start !== undefined && end !== undefined && end >= start ? end - start + 1 : undefined;
    const gpus = asCount(stage.gpus);
    const utilization = asPercent(stage.expectedUtilizationPercent);
    const gpuHours = gpus !== undefined && months !== undefined ? gpus * months * HOURS_PER_MONTH.value : undefined;
    return {
      index,
      start: typeof period.start === 'string' ? period.start : undefined,
      end: typeof period.end === 'string' ? period.end : undefined,
      months,
      servers: asCount(stage.servers),
      gpus,
      expectedUtilizationPercent: utilization,
      gpuHours,
      expectedGpuHours: gpuHours !== undefined && utilization !== undefined ? Math.round((gpuHours * utilization) / 100) : undefined,
    };
  });
}

export function computeCost(plan: Plan): CostModel {
  const gpu = isObject(plan.gpu) ? plan.gpu : {};
  const figures = gpuFigures(gpu.type);
  const servers = asCount(gpu.servers);
  const months = asCount(gpu.months);
  const payer = payerOf(plan);
  const complete = figures !== undefined && servers !== undefined && months !== undefined;
  const baseWon = complete ? figures.unitPriceWon * servers * months : undefined;
  const gpus = servers !== undefined ? servers * GPUS_PER_SERVER.value : undefined;
  const stages = stageCosts(plan);
  const onsiteReview = figures !== undefined && servers !== undefined && servers >= figures.onsiteReviewServers;
  return {
    complete,
    gpuType: figures ? gpu.type : undefined,
    unitPriceWon: figures?.unitPriceWon,
    pricePerGpuWon: figures?.pricePerGpuWon,
    servers,
    months,
    gpus,
    serversInRange: figures !== undefined && servers !== undefined && servers >= figures.minServers && servers <= figures.maxServers,
    monthsInRange: months !== undefined && months >= MONTHS.value.min && months <= MONTHS.value.max,
    baseWon,
    payer: { ...payer, applicableWon: baseWon !== undefined && payer.rate !== undefined ? Math.round(baseWon * payer.rate) : undefined },
    hoursPerMonth: HOURS_PER_MONTH.value,
    gpuHours: gpus !== undefined && months !== undefined ? gpus * months * HOURS_PER_MONTH.value : undefined,
    stages,
    stageTotals: {
      gpuHours: stages.reduce((sum, s) => sum + (s.gpuHours ?? 0), 0),
      expectedGpuHours: stages.reduce((sum, s) => sum + (s.expectedGpuHours ?? 0), 0),
    },
    onsiteReview,
    pageBudget: onsiteReview ? PAGE_BUDGET.value.large : PAGE_BUDGET.value.regular,
  };
}
