/** III-2 단계별 활용 계획: each stage fits within the request and the project period. */
import { formatMonthIndex, monthOfDate, parseDate, parseMonth } from '../dates';
import { GPUS_PER_SERVER } from '../figures';
import { msg } from '../l10n';
import { asArray, asInteger, asObject, related, valueSpan, type RuleFamily } from './context';

export const stageRules: RuleFamily = {
  id: 'stages',
  codes: ['stage-gpu-exceeds-request', 'stage-gpu-server-mismatch', 'stage-period-outside-schedule'],
  run({ doc, plan, report }) {
    const stages = asArray(asObject(plan.gpuPlan)?.stages);
    const gpu = asObject(plan.gpu);
    const requestedServers = asInteger(gpu?.servers);
    const perServer = GPUS_PER_SERVER.value;
    const schedulePeriod = asObject(asObject(plan.schedule)?.period);
    const scheduleStart = parseDate(schedulePeriod?.start);
    const scheduleEnd = parseDate(schedulePeriod?.end);
    const firstMonth = scheduleStart ? monthOfDate(scheduleStart) : undefined;
    const lastMonth = scheduleEnd ? monthOfDate(scheduleEnd) : undefined;

    stages.forEach((raw, index) => {
      const stage = asObject(raw);
      if (!stage) return;
      const at = (...rest: string[]) => ['gpuPlan', 'stages', index, ...rest];
      const n = index + 1;
      const servers = asInteger(stage.servers);
      const gpus = asInteger(stage.gpus);

      if (requestedServers !== undefined) {
        if (servers !== undefined && servers > requestedServers) {
          report({
            code: 'stage-gpu-exceeds-request',
            ...valueSpan(doc, at('servers')),
            path: at('servers'),
            message: msg('Stage {0} uses {1} servers, more than the {2} requested.', n, servers, requestedServers),
            data: { max: requestedServers, fix: requestedServers },
            related: [related(doc, ['gpu', 'servers'], msg('The request: {0} servers.', requestedServers))],
          });
        } else if (gpus !== undefined && gpus > requestedServers * perServer) {
          report({
            code: 'stage-gpu-exceeds-request',
            ...valueSpan(doc, at('gpus')),
            path: at('gpus'),
            message: msg('Stage {0} uses {1} GPUs, more than the {2} requested ({3} servers × {4}).', n, gpus, requestedServers * perServer, requestedServers, perServer),
            data: { max: requestedServers * perServer, fix: requestedServers * perServer },
            related: [related(doc, ['gpu', 'servers'], msg('The request: {0} servers.', requestedServers))],
          });
        }
      }

      if (servers !== undefined && gpus !== undefined && gpus !== servers * perServer) {
        report({
          code: 'stage-gpu-server-mismatch',
          ...valueSpan(doc, at('gpus')),
          path: at('gpus'),
          message: msg('Stage {0}: {1} GPUs does not match {2} servers × {3} = {4} GPUs.', n, gpus, servers, perServer, servers * perServer),
          data: { fix: servers * perServer },
          related: [related(doc, at('servers'), msg('Servers of stage {0}.', n))],
        });
      }

      const period = asObject(stage.period);
      const start = parseMonth(period?.start);
      const end = parseMonth(period?.end);
      const scheduleNote = () => related(doc, ['schedule', 'period'], msg('The project period.'));
      if (start !== undefined && end !== undefined && end < start) {
        report({
          code: 'stage-period-outside-schedule',
          ...valueSpan(doc, at('period', 'end')),
          path: at('period', 'end'),
          message: msg('Stage {0} ends ({1}) before it starts ({2}).', n, formatMonthIndex(end), formatMonthIndex(start)),
          related: [related(doc, at('period', 'start'), msg('Start of stage {0}.', n))],
        });
      } else if (firstMonth !== undefined && lastMonth !== undefined) {
        if (start !== undefined && (start < firstMonth || start > lastMonth)) {
          report({
            code: 'stage-period-outside-schedule',
            ...valueSpan(doc, at('period', 'start')),
            path: at('period', 'start'),
            message: msg('Stage {0} starts in {1}, outside the project period {2} – {3}.', n, formatMonthIndex(start), formatMonthIndex(firstMonth), formatMonthIndex(lastMonth)),
            data: { min: formatMonthIndex(firstMonth), max: formatMonthIndex(lastMonth) },
            related: [scheduleNote()],
          });
        }
        if (end !== undefined && (end > lastMonth || end < firstMonth)) {
          report({
            code: 'stage-period-outside-schedule',
            ...valueSpan(doc, at('period', 'end')),
            path: at('period', 'end'),
            message: msg('Stage {0} ends in {1}, outside the project period {2} – {3}.', n, formatMonthIndex(end), formatMonthIndex(firstMonth), formatMonthIndex(lastMonth)),
            data: { min: formatMonthIndex(firstMonth), max: formatMonthIndex(lastMonth) },
            related: [scheduleNote()],
          });
        }
      }
      const gpuStart = parseMonth(stage.gpuStart);
      if (gpuStart !== undefined && start !== undefined && end !== undefined && end >= start && (gpuStart < start || gpuStart > end)) {
        report({
          code: 'stage-period-outside-schedule',
          ...valueSpan(doc, at('gpuStart')),
          path: at('gpuStart'),
          message: msg('Stage {0} puts GPUs in use in {1}, outside its own period {2} – {3}.', n, formatMonthIndex(gpuStart), formatMonthIndex(start), formatMonthIndex(end)),
          related: [related(doc, at('period'), msg('Period of stage {0}.', n))],
        });
      }
    });
  },
};
