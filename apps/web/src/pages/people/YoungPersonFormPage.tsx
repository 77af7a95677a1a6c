import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { useNamedWorkers, useAddYoungPerson, useChangeYoungPerson } from '../../api/people-queries.ts';
import { useAreas, useYoungPerson, type SessionUser, type YoungPerson } from '../../api/queries.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { TextField } from '../../components/TextField.tsx';
import { localToday } from '../../lib/calendar-days.ts';
import { isoOfParts } from '../../lib/date-parts.ts';
import { displayName, formatDay } from '../../lib/format.ts';
import {
  answersOf,
  changesOf,
  emptyAnswers,
  FACTS,
  problemsWith,
  recordOf,
  type Answers,
} from '../../lib/young-person-answers.ts';

/** Add a young person: the questions, then "check your answers", then their plan. */
export function AddYoungPersonPage({ user }: { user: SessionUser }) {
  const areas = useAreas();
  const area = areas.data?.items.find((item) => item.id === user.areaId);
  return (
    <QueryState query={areas}>
      {() => (
        <YoungPersonForm
          isDanish={area?.jurisdiction === 'denmark'}
          jurisdiction={area?.jurisdiction ?? 'england'}
          initial={emptyAnswers(user.role === 'transition_worker' ? user.id : '')}
        />
      )}
    </QueryState>
  );
}

/** Change a young person's details: the same questions, answered as recorded, then what changes. */
export function ChangeYoungPersonPage() {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  return (
    <QueryState query={person}>
      {(record) => (
        <YoungPersonForm
          key={record.version}
          isDanish={record.jurisdiction === 'denmark'}
          jurisdiction={record.jurisdiction}
          initial={answersOf(record)}
          record={record}
        />
      )}
    </QueryState>
  );
}

/** Server refusals that belong to one question, in the person's words. */
const REFUSALS: Record<string, [field: string, problem: string]> = {
  nhsNumber: ['nhsNumber', 'nhsNumberTaken'],
  upn: ['upn', 'upnTaken'],
  localId: ['localId', 'localIdTaken'],
  namedWorkerId: ['namedWorkerId', 'namedWorkerGone'],
};

function YoungPersonForm({
  isDanish,
  jurisdiction,
  initial,
  record,
}: {
  isDanish: boolean;
  jurisdiction: string;
  initial: Answers;
  record?: YoungPerson;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const workers = useNamedWorkers();
  const add = useAddYoungPerson();
  const change = useChangeYoungPerson(record?.id ?? '');
  const [answers, setAnswers] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState('');
  const words = (problem: string) => t(`record.problems.${problem}`);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const set =
    <K extends keyof Answers>(field: K) =>
    (value: Answers[K]) =>
      setAnswers((now) => ({ ...now, [field]: value }));
  const isChange = record !== undefined;
  const changes = isChange ? changesOf(initial, answers, isDanish) : {};

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsWith(answers, localToday(), isDanish).map(({ field, problem }) => ({
      field,
      message: words(problem),
    }));
    setProblems(found);
    setNotice('');
    if (found.length === 0) {
      setChecking(true);
      window.scrollTo(0, 0);
    }
  };
  /** Back to the questions, at the one to change (GOV.UK: "Change" goes straight to it). */
  const changeAnswer = (field: string) => {
    setChecking(false);
    requestAnimationFrame(() => document.getElementById(field)?.focus());
  };
  const refused = (error: Error) => {
    if (!(error instanceof ApiError)) return;
    if (error.status === 409 && !error.field) return setNotice(words('conflict'));
    const known = error.field ? REFUSALS[error.field] : undefined;
    if (known) {
      setProblems([{ field: known[0], message: words(known[1]) }]);
      setChecking(false);
    }
  };
  const save = () => {
    if (!isChange) {
      add.mutate(
        { ...recordOf(answers, isDanish), jurisdiction: jurisdiction as 'england' },
        { onSuccess: (person) => void navigate(`/young-people/${person.id}`), onError: refused },
      );
      return;
    }
    if (Object.keys(changes).length === 0) return setNotice(t('record.noChanges'));
    change.mutate(
      { version: record.version, changes, ...(answers.reason.trim() ? { reason: answers.reason.trim() } : {}) },
      { onSuccess: () => void navigate(`/young-people/${record.id}`), onError: refused },
    );
  };
  const saving = add.isPending || change.isPending;
  const failure = add.error ?? change.error;
  const title = isChange ? t('record.editTitle', { name: displayName(record) }) : t('record.addTitle');
  const workerName = (id: string) =>
    workers.data?.items.find((worker) => worker.id === id)?.name ?? t('record.noWorker');
  const dateShown = (parts: Answers['dateOfBirth']) => {
    const date = isoOfParts(parts);
    return 'iso' in date ? formatDay(date.iso, i18n.language) : t('record.notGiven');
  };

  if (checking) {
    const row = (label: string, value: ReactNode, field: string) => (
      <div className="summary-row" key={field}>
        <dt>{label}</dt>
        <dd>{value || t('record.notGiven')}</dd>
        <dd className="summary-action">
          <button type="button" className="link-button" onClick={() => changeAnswer(field)}>
            {t('record.change')}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        </dd>
      </div>
    );
    const factsChosen = FACTS.filter((fact) => answers.facts[fact]).map((fact) => t(`record.flags.${fact}.0`));
    return (
      <section className="narrow-wide">
        <PageHeading title={t('record.checkTitle')} />
        {notice && (
          <div role="alert" className="notice notice-error">
            <p>{notice}</p>
          </div>
        )}
        {failure && !(failure instanceof ApiError && (failure.field || failure.status === 409)) && (
          <div role="alert" className="notice notice-error">
            <p>{failure.message}</p>
          </div>
        )}
        <dl className="summary-list with-actions">
          {row(t('record.givenName'), answers.givenName.trim(), 'givenName')}
          {row(t('record.familyName'), answers.familyName.trim(), 'familyName')}
          {row(t('record.preferredName'), answers.preferredName.trim(), 'preferredName')}
          {row(t('record.dateOfBirth'), dateShown(answers.dateOfBirth), 'dateOfBirth-day')}
          {!isDanish && row(t('record.nhsNumber'), answers.nhsNumber.trim(), 'nhsNumber')}
          {!isDanish && row(t('record.upn'), answers.upn.trim().toUpperCase(), 'upn')}
          {row(t('record.localId'), answers.localId.trim(), 'localId')}
          {row(t('record.ehcPlan'), answers.hasEhcPlan === 'yes' ? t('record.yes') : t('record.no'), 'hasEhcPlan-yes')}
          {answers.hasEhcPlan === 'yes' &&
            row(t('record.ehcPlanIssuedOn'), dateShown(answers.ehcPlanIssuedOn), 'ehcPlanIssuedOn-day')}
          {row(t('record.yearGroup'), t(`record.yearGroups.${answers.yearGroupOffset}`), 'yearGroupOffset')}
          {row(
            t('record.facts'),
            factsChosen.length > 0 ? (
              <ul className="plain-list">
                {factsChosen.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            ) : (
              t('record.none')
            ),
            `fact-${FACTS[0]}`,
          )}
          {row(t('record.namedWorker'), workerName(answers.namedWorkerId), 'namedWorkerId')}
          {isChange && row(t('record.reason'), answers.reason.trim(), 'reason')}
        </dl>
        <p className="actions">
          <button type="button" onClick={save} disabled={saving}>
            {isChange ? t('record.saveChanges') : t('record.save')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow-wide">
      <PageHeading title={title} />
      <ErrorSummary problems={problems} />
      {!isChange && <p>{t('record.addIntro')}</p>}
      <form onSubmit={check} noValidate>
        <TextField
          id="givenName"
          label={t('record.givenName')}
          autoComplete="off"
          error={problemFor('givenName')}
          value={answers.givenName}
          onChange={(event) => set('givenName')(event.target.value)}
        />
        <TextField
          id="familyName"
          label={t('record.familyName')}
          autoComplete="off"
          error={problemFor('familyName')}
          value={answers.familyName}
          onChange={(event) => set('familyName')(event.target.value)}
        />
        <TextField
          id="preferredName"
          label={t('record.preferredName')}
          hint={t('record.preferredNameHint')}
          autoComplete="off"
          error={problemFor('preferredName')}
          value={answers.preferredName}
          onChange={(event) => set('preferredName')(event.target.value)}
        />
        <DateInput
          id="dateOfBirth"
          legend={t('record.dateOfBirth')}
          hint={t('record.dateHint')}
          error={problemFor('dateOfBirth-day')}
          value={answers.dateOfBirth}
          onChange={set('dateOfBirth')}
        />
        <h2>{t('record.identifiers')}</h2>
        {!isDanish && (
          <>
            <TextField
              id="nhsNumber"
              label={t('record.nhsNumber')}
              hint={t('record.nhsNumberHint')}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className="width-10"
              error={problemFor('nhsNumber')}
              value={answers.nhsNumber}
              onChange={(event) => set('nhsNumber')(event.target.value)}
            />
            <TextField
              id="upn"
              label={t('record.upn')}
              hint={t('record.upnHint')}
              autoComplete="off"
              spellCheck={false}
              className="width-10"
              error={problemFor('upn')}
              value={answers.upn}
              onChange={(event) => set('upn')(event.target.value)}
            />
          </>
        )}
        <TextField
          id="localId"
          label={t('record.localId')}
          hint={t('record.localIdHint')}
          autoComplete="off"
          spellCheck={false}
          className="width-10"
          error={problemFor('localId')}
          value={answers.localId}
          onChange={(event) => set('localId')(event.target.value)}
        />
        <div className={problemFor('hasEhcPlan-yes') ? 'field field-with-error' : 'field'}>
          <fieldset aria-describedby={problemFor('hasEhcPlan-yes') ? 'hasEhcPlan-error' : undefined}>
            <legend>{t('record.ehcPlan')}</legend>
            {problemFor('hasEhcPlan-yes') && (
              <p className="field-error" id="hasEhcPlan-error">
                {problemFor('hasEhcPlan-yes')}
              </p>
            )}
            {(['yes', 'no'] as const).map((value) => (
              <div key={value} className="choice">
                <input
                  type="radio"
                  id={`hasEhcPlan-${value}`}
                  name="hasEhcPlan"
                  checked={answers.hasEhcPlan === value}
                  onChange={() => set('hasEhcPlan')(value)}
                />
                <label htmlFor={`hasEhcPlan-${value}`}>{t(`record.${value}`)}</label>
              </div>
            ))}
            {answers.hasEhcPlan === 'yes' && (
              <div className="conditional" id="ehc-plan-date">
                <DateInput
                  id="ehcPlanIssuedOn"
                  legend={t('record.ehcPlanIssuedOn')}
                  hint={t('record.ehcPlanIssuedOnHint')}
                  error={problemFor('ehcPlanIssuedOn-day')}
                  value={answers.ehcPlanIssuedOn}
                  onChange={set('ehcPlanIssuedOn')}
                />
              </div>
            )}
          </fieldset>
        </div>
        <div className="field">
          <label htmlFor="yearGroupOffset">{t('record.yearGroup')}</label>
          <select
            id="yearGroupOffset"
            value={answers.yearGroupOffset}
            onChange={(event) => set('yearGroupOffset')(event.target.value)}
          >
            {['-3', '-2', '-1', '0', '1', '2', '3'].map((offset) => (
              <option key={offset} value={offset}>
                {t(`record.yearGroups.${offset}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <fieldset aria-describedby="facts-hint">
            <legend>{t('record.facts')}</legend>
            <p className="hint" id="facts-hint">
              {t('record.factsHint')}
            </p>
            {FACTS.map((fact) => (
              <div key={fact} className="choice">
                <input
                  type="checkbox"
                  id={`fact-${fact}`}
                  checked={answers.facts[fact]}
                  aria-describedby={`fact-${fact}-hint`}
                  onChange={(event) => set('facts')({ ...answers.facts, [fact]: event.target.checked })}
                />
                <label htmlFor={`fact-${fact}`}>{t(`record.flags.${fact}.0`)}</label>
                <p className="hint" id={`fact-${fact}-hint`}>
                  {t(`record.flags.${fact}.1`)}
                </p>
              </div>
            ))}
          </fieldset>
        </div>
        <div className={problemFor('namedWorkerId') ? 'field field-with-error' : 'field'}>
          <label htmlFor="namedWorkerId">{t('record.namedWorker')}</label>
          <p className="hint" id="namedWorkerId-hint">
            {t('record.namedWorkerHint')}
          </p>
          {problemFor('namedWorkerId') && <p className="field-error">{problemFor('namedWorkerId')}</p>}
          <select
            id="namedWorkerId"
            aria-describedby="namedWorkerId-hint"
            value={answers.namedWorkerId}
            onChange={(event) => set('namedWorkerId')(event.target.value)}
          >
            <option value="">{t('record.noWorker')}</option>
            {workers.data?.items
              // A leaver stays listed only while they are this young person's worker (so the form says who it is).
              .filter((worker) => worker.isActive || worker.id === initial.namedWorkerId)
              .map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.name}
                </option>
              ))}
          </select>
        </div>
        {isChange && (
          <TextField
            id="reason"
            label={t('record.reason')}
            hint={t('record.reasonHint')}
            value={answers.reason}
            onChange={(event) => set('reason')(event.target.value)}
          />
        )}
        <p className="actions">
          <button type="submit">{t('record.continue')}</button>{' '}
          <Link to={isChange ? `/young-people/${record.id}` : '/young-people'}>{t('record.cancel')}</Link>
        </p>
      </form>
    </section>
  );
}
