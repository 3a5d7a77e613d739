/**
 * The form's III-3 민간부담금 table as strings, plus the payer line under it: one definition of
 * what the table says, for the CLI, hover, the preview and the export.
 */
import type { CostModel } from './cost';
import { dateMessage } from '../dates';
import { GPUS_PER_SERVER, HOURS_PER_MONTH, YOUTH_COMPANY_BORN_ON_OR_AFTER } from '../figures';
import { localize, render, type Locale } from '../l10n';
import type { YouthRefusal } from './youth';
import { formatWon, groupThousands } from '../format';

export interface CostTable {
  /** 신청상품, 수량, 기준단가(서버1대/월), 신청개월, 산출 내역, 합계 */
  readonly headers: readonly string[];
  /** The computed row, or undefined while type, servers or months are missing. */
  readonly row?: readonly string[];
  /** What the applicant pays under the payer policy, e.g. "76,800,000원". */
  readonly applicable?: string;
  /** The payer policy in words. */
  readonly policy: string;
  /** One line for inline display: `민간부담금 38,400,000원 (H200 3,200,000원 × 2대 × 6개월)`. */
  readonly summary: string;
  /** GPUs and GPU-hours with the convention spelled out. */
  readonly gpuLine?: string;
}

export function policyText(cost: CostModel, locale: Locale): string {
  switch (cost.payer.policy) {
    case 'full': {
      const base = localize(locale, 'Industry (산업계): pays the full amount.');
      const reason = cost.payer.youthCompanyRefusal ? youthRefusalText(cost.payer.youthCompanyRefusal, locale) : undefined;
      return reason ? `${base} (${reason})` : base;
    }
    case 'youthDiscount':
      return localize(locale, 'Youth company (청년기업): 50% off the base amount.');
    case 'exempt':
      return localize(locale, 'Academia/research (학·연): no co-payment (0원), but the results must be published.');
    default:
      return localize(locale, 'Applicant type not set: the payer policy cannot be applied yet.');
  }
}

/** Why a declared youth company pays the full amount, as a phrase for the payer line. */
export function youthRefusalText(refusal: YouthRefusal, locale: Locale): string {
  switch (refusal) {
    case 'notCorporation':
      return localize(locale, 'youth-company discount not applied: the registration number is not that of a corporation (법인기업)');
    case 'bornBefore':
      return localize(
        locale,
        'youth-company discount not applied: the representative was born before {0}',
        render(locale, dateMessage(YOUTH_COMPANY_BORN_ON_OR_AFTER.value)),
      );
    case 'birthDateUnknown':
      return localize(locale, "youth-company discount not applied: the representative's birth date is not given");
    case 'registrationUnknown':
      return localize(locale, 'youth-company discount not applied: the registration number does not show a corporation (법인기업)');
    case 'notIndustry':
    case 'typeUnknown':
      return localize(locale, 'youth-company discount not applied: only industry applicants (산업계) can be youth companies');
  }
}

export function costTable(cost: CostModel, locale: Locale): CostTable {
  const t = (message: string, ...args: Array<string | number>) => localize(locale, message, ...args);
  const headers = [t('Product'), t('Quantity'), t('Unit price (per server/month)'), t('Months'), t('Calculation'), t('Total')];
  const policy = policyText(cost, locale);
  if (!cost.complete || cost.baseWon === undefined || cost.unitPriceWon === undefined || cost.servers === undefined || cost.months === undefined) {
    return { headers, policy, summary: t('Co-payment: enter the GPU type, servers and months to compute it.') };
  }
  const unit = formatWon(cost.unitPriceWon);
  const row = [
    cost.gpuType ?? '',
    t('{0} servers', cost.servers),
    t('{0} ({1} x {2} GPUs)', unit, formatWon(cost.pricePerGpuWon ?? 0), GPUS_PER_SERVER.value),
    t('{0} months', cost.months),
    t('{0} x {1} servers x {2} months', unit, cost.servers, cost.months),
    formatWon(cost.baseWon),
  ];
  const applicable = cost.payer.applicableWon !== undefined ? formatWon(cost.payer.applicableWon) : undefined;
  const formula = t('{0} {1} × {2} servers × {3} months', cost.gpuType ?? '', unit, cost.servers, cost.months);
  const summary =
    applicable === undefined || cost.payer.applicableWon === cost.baseWon
      ? t('Co-payment {0} ({1})', formatWon(cost.baseWon), formula)
      : t('Co-payment {0} of {1} ({2}; {3})', applicable, formatWon(cost.baseWon), formula, policy);
  const gpuLine =
    cost.gpus !== undefined && cost.gpuHours !== undefined
      ? t('{0} GPUs, {1} GPU-hours ({0} GPUs × {2} months × {3} h)', cost.gpus, groupThousands(cost.gpuHours), cost.months, HOURS_PER_MONTH.value)
      : undefined;
  return { headers, row, applicable, policy, summary, gpuLine };
}
