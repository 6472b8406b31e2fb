import type { StandardVersionBody, TargetBody } from '@yardstick/contracts';
import type { StandardVersion } from './entities/standard-version.entity.js';
import type { Target } from './entities/target.entity.js';

export function toVersionBody(version: StandardVersion): StandardVersionBody {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    title: version.title,
    statement: version.statement,
    dimension: version.dimension,
    measureDescription: version.measureDescription,
    unit: version.unit,
    computation: version.computation,
    direction: version.direction,
    thresholdValue: version.thresholdValue,
    thresholdUnit: version.thresholdUnit,
    channelScope: version.channelScope,
    frequency: version.frequency,
    nearTolerance: version.nearTolerance,
    resultRounding: version.resultRounding,
    valueRange: version.valueRange,
    indicatorKind: version.indicatorKind,
    goalId: version.goalId,
    transactionMeasure: version.transactionMeasure,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    createdAt: version.createdAt.toISOString(),
  };
}

export function toTargetBody(target: Target): TargetBody {
  return {
    id: target.id,
    fiscalYear: target.fiscalYear,
    quarter: target.quarter === 0 ? null : (target.quarter as 1 | 2 | 3 | 4),
    value: target.value,
    minValue: target.minValue,
    maxValue: target.maxValue,
    unit: target.unit,
    baseline: target.baseline,
    note: target.note,
  };
}
