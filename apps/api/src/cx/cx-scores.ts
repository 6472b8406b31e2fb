import type {
  CxCollectionBody,
  CxDetailBody,
  CxDriverShareBody,
  CxQuestionScoreBody,
  CxScoresBody,
} from '@yardstick/contracts';
import {
  A11_DRIVERS,
  A11_V1_QUESTIONS,
  DEFAULT_SMALL_SAMPLE,
  addLikertCounts,
  addThumbsCounts,
  cxDueDate,
  formatPeriodKey,
  driverShare,
  responseRate,
  scoreCounts,
  type LikertCounts,
  type ThumbsCounts,
} from '@yardstick/metrics';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { CxCollectionDetail } from './entities/cx-collection-detail.entity.js';
import type { CxCollection } from './entities/cx-collection.entity.js';
import { CxQuestionAnswer } from './entities/cx-question-answer.entity.js';

/** What the responses of one v2 survey add up to, counted by PostgreSQL. */
export type ResponseTally = {
  detailId: string;
  respondents: number;
  /** Answers of trust by value 0-5. */
  trust: [number, number, number, number, number, number];
  positive: Record<string, number>;
  negative: Record<string, number>;
};

/** Counts of each v2 survey's responses, in one pass over them (a million rows in well under a second). */
export async function tallyResponses(
  db: DataSource | EntityManager,
  details: readonly Pick<CxCollectionDetail, 'id' | 'collectionId'>[],
): Promise<ResponseTally[]> {
  const detailIds = details.map((d) => d.id);
  // By collection first: the primary key's leading column finds the rows without reading other collections'.
  const collectionIds = [...new Set(details.map((d) => d.collectionId))];
  if (detailIds.length === 0) return [];
  const driverColumns = A11_DRIVERS.flatMap((d) => [
    `count(*) FILTER (WHERE positive_${d})::int AS "p_${d}"`,
    `count(*) FILTER (WHERE negative_${d})::int AS "n_${d}"`,
  ]);
  const rows = await db.query<Record<string, number | string>[]>(
    `SELECT detail_id, count(*)::int AS respondents,
       ${[0, 1, 2, 3, 4, 5].map((v) => `count(*) FILTER (WHERE trust = ${v})::int AS "t${v}"`).join(', ')},
       ${driverColumns.join(', ')}
     FROM cx_responses WHERE collection_id = ANY($2::uuid[]) AND detail_id = ANY($1::uuid[]) GROUP BY detail_id`,
    [detailIds, collectionIds],
  );
  return rows.map((row) => ({
    detailId: String(row.detail_id),
    respondents: Number(row.respondents),
    trust: [0, 1, 2, 3, 4, 5].map((v) => Number(row[`t${v}`])) as ResponseTally['trust'],
    positive: Object.fromEntries(A11_DRIVERS.map((d) => [d, Number(row[`p_${d}`])])),
    negative: Object.fromEntries(A11_DRIVERS.map((d) => [d, Number(row[`n_${d}`])])),
  }));
}

/** The response rate, or null when it cannot be told (more responses loaded than surveys said offered). */
function rateOrNull(respondents: number | null, offered: number | null): number | null {
  if (respondents !== null && offered !== null && respondents > offered) return null;
  return responseRate(respondents, offered);
}

/** A survey's three volumes; a v2 survey without a respondent count takes the responses loaded. */
export function toDetailBody(detail: CxCollectionDetail, tally?: ResponseTally): CxDetailBody {
  const respondents = detail.respondents ?? (detail.questionSet === 'v2' ? (tally?.respondents ?? 0) : null);
  const rate = rateOrNull(respondents, detail.surveysOffered);
  return {
    id: detail.id,
    channel: detail.channel,
    transactionPoint: detail.transactionPoint,
    surveyType: detail.surveyType,
    questionSet: detail.questionSet,
    trustQuestion: detail.trustQuestion,
    ombControlNumber: detail.ombControlNumber,
    customersServed: detail.customersServed,
    surveysOffered: detail.surveysOffered,
    respondents,
    responseRate: rate,
  };
}

type QuestionParts = { likert: LikertCounts[]; thumbs: ThumbsCounts[]; averages: number[]; text: string | null };

/**
 * A collection's scores, every survey (channel) added together: counts are summed point by point, and a
 * 1-5 survey joins a thumbs one only as positive / not positive (so the mean is then not given). Averages
 * published without counts are kept as averages: never turned into counts or given an interval.
 */
export function collectionScores(
  details: readonly CxCollectionDetail[],
  answers: readonly CxQuestionAnswer[],
  tallies: readonly ResponseTally[],
  smallSample = DEFAULT_SMALL_SAMPLE,
): CxScoresBody {
  const bodies = details.map((d) =>
    toDetailBody(
      d,
      tallies.find((t) => t.detailId === d.id),
    ),
  );
  const parts = new Map<string, QuestionParts>();
  const partOf = (question: string): QuestionParts => {
    let part = parts.get(question);
    if (!part) parts.set(question, (part = { likert: [], thumbs: [], averages: [], text: null }));
    return part;
  };
  for (const answer of answers) {
    const part = partOf(answer.question);
    part.text ??= answer.questionText;
    if (answer.count1 !== null) {
      part.likert.push({
        1: answer.count1,
        2: answer.count2,
        3: answer.count3,
        4: answer.count4,
        5: answer.count5,
      });
    } else if (answer.averageScore !== null) part.averages.push(answer.averageScore);
  }
  const drivers = new Map<string, { positive: number; negative: number }>();
  let driverRespondents = 0;
  for (const tally of tallies) {
    const detail = details.find((d) => d.id === tally.detailId);
    if (!detail || tally.respondents === 0) continue;
    const part = partOf('trust');
    part.text ??= detail.trustQuestion;
    const [t0, t1, t2, t3, t4, t5] = tally.trust;
    if (detail.surveyType === 'thumbs') part.thumbs.push({ up: t1, down: t0 });
    else part.likert.push({ 1: t1, 2: t2, 3: t3, 4: t4, 5: t5 });
    driverRespondents += tally.respondents;
    for (const d of A11_DRIVERS) {
      const sum = drivers.get(d) ?? { positive: 0, negative: 0 };
      sum.positive += tally.positive[d] ?? 0;
      sum.negative += tally.negative[d] ?? 0;
      drivers.set(d, sum);
    }
  }
  const order = (q: string) => {
    const i = (A11_V1_QUESTIONS as readonly string[]).indexOf(q);
    return i < 0 ? 99 : i;
  };
  const questions: CxQuestionScoreBody[] = [...parts.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([question, part]) => questionScore(question, part, smallSample));
  const sum = (values: (number | null)[]) =>
    values.some((v) => v === null) || values.length === 0 ? null : values.reduce<number>((t, v) => t + v!, 0);
  const respondents = sum(bodies.map((b) => b.respondents));
  const offered = sum(bodies.map((b) => b.surveysOffered));
  const rate = rateOrNull(respondents, offered);
  return {
    respondents,
    surveysOffered: offered,
    customersServed: sum(bodies.map((b) => b.customersServed)),
    responseRate: rate,
    questions,
    drivers: driverRespondents
      ? A11_DRIVERS.map((driver): CxDriverShareBody => {
          const { positive, negative } = drivers.get(driver) ?? { positive: 0, negative: 0 };
          return {
            driver,
            positive,
            negative,
            positivePercent: driverShare(positive, driverRespondents),
            negativePercent: driverShare(negative, driverRespondents),
          };
        })
      : [],
    smallSampleThreshold: smallSample,
  };
}

function questionScore(question: string, part: QuestionParts, smallSample: number): CxQuestionScoreBody {
  const empty: CxQuestionScoreBody = {
    question,
    questionText: part.text,
    counts: null,
    thumbs: null,
    respondents: null,
    percentPositive: null,
    lower: null,
    upper: null,
    mean: null,
    meanLower: null,
    meanUpper: null,
    averageOnly: false,
    smallSample: false,
  };
  if (part.likert.length === 0 && part.thumbs.length === 0) {
    // Only published averages: one survey's is shown as it is; several are not averaged into one.
    return { ...empty, mean: part.averages.length === 1 ? part.averages[0]! : null, averageOnly: true };
  }
  const likert = part.likert.length > 0 ? addLikertCounts(part.likert) : null;
  const asThumbs =
    part.thumbs.length > 0
      ? addThumbsCounts([
          ...part.thumbs,
          ...(likert
            ? [
                {
                  up: (likert[4] ?? 0) + (likert[5] ?? 0),
                  down: (likert[1] ?? 0) + (likert[2] ?? 0) + (likert[3] ?? 0),
                },
              ]
            : []),
        ])
      : null;
  const score = scoreCounts(asThumbs ?? likert!, smallSample);
  return {
    ...empty,
    counts:
      !asThumbs && likert
        ? ([likert[1], likert[2], likert[3], likert[4], likert[5]] as CxQuestionScoreBody['counts'])
        : null,
    thumbs: asThumbs ? { up: asThumbs.up ?? 0, down: asThumbs.down ?? 0 } : null,
    respondents: score.respondents,
    percentPositive: score.percentPositive?.percent ?? null,
    lower: score.percentPositive?.lower ?? null,
    upper: score.percentPositive?.upper ?? null,
    mean: score.mean?.mean ?? null,
    meanLower: score.mean?.lower ?? null,
    meanUpper: score.mean?.upper ?? null,
    smallSample: score.smallSample,
  };
}

/** Collections as the API answers them: surveys, volumes and scores (never the free text). */
export async function collectionBodies(
  manager: EntityManager,
  collections: CxCollection[],
  smallSample = DEFAULT_SMALL_SAMPLE,
): Promise<CxCollectionBody[]> {
  if (collections.length === 0) return [];
  const details = await manager.find(CxCollectionDetail, {
    where: { collectionId: In(collections.map((c) => c.id)) },
    order: { channel: 'ASC' },
  });
  const answers = details.length
    ? await manager.findBy(CxQuestionAnswer, { detailId: In(details.map((d) => d.id)) })
    : [];
  const tallies = await tallyResponses(
    manager,
    details.filter((d) => d.questionSet === 'v2'),
  );
  return collections.map((c) => {
    const own = details.filter((d) => d.collectionId === c.id);
    const ownIds = new Set(own.map((d) => d.id));
    return {
      id: c.id,
      agencyId: c.agencyId,
      serviceId: c.serviceId,
      fiscalYear: c.fiscalYear,
      quarter: c.quarter,
      periodKey: formatPeriodKey({ frequency: 'quarter', fiscalYear: c.fiscalYear, quarter: c.quarter as 1 }),
      status: c.status,
      notRandomSample: c.notRandomSample,
      surveyMethod: c.surveyMethod,
      dueDate: cxDueDate(c.fiscalYear, c.quarter),
      submittedAt: c.submittedAt?.toISOString() ?? null,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      details: own.map((d) =>
        toDetailBody(
          d,
          tallies.find((t) => t.detailId === d.id),
        ),
      ),
      scores: collectionScores(
        own,
        answers.filter((a) => ownIds.has(a.detailId)),
        tallies.filter((t) => ownIds.has(t.detailId)),
        smallSample,
      ),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}
