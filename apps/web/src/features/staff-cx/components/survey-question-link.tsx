import { A11_V1_QUESTIONS } from '@yardstick/metrics';
import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { SelectField } from '@/components/ui/form-field';
import { Notice, QueryState } from '@/components/ui/page';
import { useLinkStandardQuestion, useStandardQuestion } from '../api/cx';

const QUESTION_LABELS: Record<string, string> = {
  satisfaction: 'Satisfaction (question 1 before FY2024)',
  trust: 'Trust (question 1 from FY2024)',
  effectiveness: 'Effectiveness',
  ease: 'Ease',
  efficiency: 'Efficiency',
  transparency: 'Equity and transparency',
  employee: 'Employee helpfulness',
};

/**
 * A survey-based satisfaction standard names the question of its service's customer feedback collections it is
 * measured by: each published collection then gives its quarterly result (positive answers of the respondents).
 */
export const SurveyQuestionLink = ({ standardId, canWrite }: { standardId: string; canWrite: boolean }) => {
  const link = useStandardQuestion(standardId);
  return (
    <QueryState isPending={link.isPending} error={link.error} what="the survey question">
      {() =>
        canWrite ? (
          <LinkForm standardId={standardId} question={link.data!.question} />
        ) : (
          <p>
            {link.data!.question
              ? `Measured by the “${QUESTION_LABELS[link.data!.question] ?? link.data!.question}” question of the service's surveys.`
              : 'Not measured by a survey question.'}
          </p>
        )
      }
    </QueryState>
  );
};

const LinkForm = ({ standardId, question }: { standardId: string; question: string | null }) => {
  const save = useLinkStandardQuestion(standardId);
  const [value, setValue] = useState(question ?? '');
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await save.mutateAsync(value || null);
      setNotice({
        type: 'success',
        text: saved.question
          ? `Linked to the “${QUESTION_LABELS[saved.question] ?? saved.question}” question: each published collection gives its quarter's result.`
          : 'No longer measured by a survey question.',
      });
    } catch (error) {
      const r = apiErrorToForm(error);
      setNotice({ type: 'error', text: r.general ?? Object.values(r.fieldErrors).join('; ') });
    }
  };
  return (
    <form className="usa-form" onSubmit={(e) => void submit(e)} noValidate>
      {notice ? <Notice type={notice.type}>{notice.text}</Notice> : null}
      <SelectField
        name="survey-question"
        label="Survey question that measures this standard"
        hint="Its result each quarter is the share of respondents answering positively (4 or 5 of 5, or thumbs up), with the margin of error."
        value={value}
        onChange={setValue}
        placeholder="Not measured by a survey"
        options={A11_V1_QUESTIONS.map((q) => ({ value: q, label: QUESTION_LABELS[q] ?? q }))}
      />
      <button type="submit" className="usa-button" disabled={save.isPending}>
        Save survey question
      </button>
    </form>
  );
};
