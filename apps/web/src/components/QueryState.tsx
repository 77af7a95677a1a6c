import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';

/** Says what went wrong in words; a 409 offers the reload that fixes it. */
export function ErrorNotice({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.isConflict) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('common.conflict')}</p>
        {onReload && (
          <button type="button" onClick={onReload}>
            {t('common.reload')}
          </button>
        )}
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('common.notFound')}</p>
      </div>
    );
  }
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    // The API's own words: they name the field, or say why the pathway cannot take this now.
    return (
      <div role="alert" className="notice notice-error">
        <p>{error.message}</p>
      </div>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('common.error', { message })}</p>
      {onReload && (
        <button type="button" onClick={onReload}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

/** Loading, error or the content, for one query. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} onReload={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** The field an API error names, for `aria-describedby` and the message under that input. */
export function errorFor(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}
