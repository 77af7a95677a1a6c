import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type FieldProblem = { field: string; message: string };

/**
 * The GOV.UK error summary: at the top of the form, taking focus when it appears, each
 * problem a link that moves to its field.
 */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const { t } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  const shown = problems.map((problem) => problem.field + problem.message).join('|');
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [shown]);
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={summary}>
      <h2 id="error-summary-title">{t('accounts.errorSummary')}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.field}>
            <a
              href={`#${problem.field}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(problem.field)?.focus();
              }}
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
