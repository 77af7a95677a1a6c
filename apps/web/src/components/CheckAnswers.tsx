import type { ReactNode } from 'react';

/** One answer on a "check your answers" page: the question, the answer, and the field its Change link returns to. */
export type CheckedAnswer = [question: string, answer: ReactNode, field: string];

/**
 * GOV.UK "check your answers": each question with its answer and a Change link (named for
 * screen readers by its question) that goes back to the form at that field.
 */
export function CheckAnswers({
  answers,
  changeLabel,
  onChange,
}: {
  answers: readonly CheckedAnswer[];
  changeLabel: string;
  onChange: (field: string) => void;
}) {
  return (
    <dl className="summary-list with-actions">
      {answers.map(([question, answer, field]) => (
        <div key={field} className="summary-row">
          <dt>{question}</dt>
          <dd>{answer}</dd>
          <dd className="summary-action">
            <button type="button" className="link-button" onClick={() => onChange(field)}>
              {changeLabel}
              <span className="visually-hidden"> {question}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
