import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  useHelpfulServices,
  useRefer,
  useServiceSearch,
  type HelpfulServices,
  type ServiceSummary,
} from '../../api/offer-queries.ts';
import { usePlan, useSession, useYoungPerson, type PlannedMilestone, type YoungPerson } from '../../api/queries.ts';
import { Checkboxes, Radios } from '../../components/Choices.tsx';
import { CheckAnswers, type CheckedAnswer } from '../../components/CheckAnswers.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorNotice, QueryState } from '../../components/QueryState.tsx';
import { TextAreaField } from '../../components/TextField.tsx';
import { displayName } from '../../lib/format.ts';

const STAFF = ['transition_worker', 'team_manager'];
const PARTS = ['plan', 'health', 'goals'] as const;
type Part = (typeof PARTS)[number];
const LIVE = ['upcoming', 'due', 'overdue'];

/** Refer a young person to a service of the local offer: what for, with whose agreement, what to share; check, then send. */
export default function ReferPage() {
  const { id = '' } = useParams();
  const person = useYoungPerson(id);
  const plan = usePlan(id);
  const helpful = useHelpfulServices(id);
  return (
    <QueryState query={person}>
      {(record) => (
        <QueryState query={helpful}>
          {(found) => (
            <ServicesForAge age={found.age}>
              {(services) => (
                <ReferForm
                  person={record}
                  age={found.age}
                  services={services}
                  milestones={(plan.data?.milestones ?? []).filter(
                    (m) => m.nature === 'task' && LIVE.includes(m.status),
                  )}
                  helpful={found}
                />
              )}
            </ServicesForAge>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

/** The services a referral can go to: those of the area offered to someone of this age. */
function ServicesForAge({ age, children }: { age: number; children: (services: ServiceSummary[]) => React.ReactNode }) {
  const services = useServiceSearch({ age: String(age), perPage: '100' });
  return (
    <QueryState query={services}>{(answer) => children(answer.items.filter((s) => s.status === 'active'))}</QueryState>
  );
}

function ReferForm({
  person,
  age,
  services,
  milestones,
  helpful,
}: {
  person: YoungPerson;
  age: number;
  services: ServiceSummary[];
  milestones: PlannedMilestone[];
  helpful: HelpfulServices;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const refer = useRefer(person.id);
  const name = displayName(person);
  const isStaff = STAFF.includes(session.data?.role ?? '');
  const [serviceId, setServiceId] = useState(params.get('service') ?? '');
  const [reason, setReason] = useState('');
  const [milestoneId, setMilestoneId] = useState(params.get('milestone') ?? '');
  const [completes, setCompletes] = useState(Boolean(params.get('milestone')));
  const [agreement, setAgreement] = useState('');
  const [bestInterestsReason, setBestInterestsReason] = useState('');
  const [share, setShare] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const service = services.find((s) => s.id === serviceId);
  const milestone = milestones.find((m) => m.id === milestoneId);
  const canComplete = milestone?.completedBy.includes('milestone.recorded') ?? false;
  const mayBestInterests = isStaff && age >= 16 && person.mayLackCapacity === true;
  const agreedLabel = age >= 16 ? t('offer.refer.agreedYoungPerson', { name }) : t('offer.refer.agreedParent');
  // Services beside the step chosen come first: they are what the plan suggests.
  const suggested = new Set((milestone ? helpful.byMilestone[milestone.id] : [])?.map((s) => s.id));
  const ordered = [...services].sort((a, b) => Number(suggested.has(b.id)) - Number(suggested.has(a.id)));

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!service) found.push({ field: 'serviceId', message: t('offer.refer.problems.serviceId') });
    if (!reason.trim()) found.push({ field: 'reason', message: t('offer.refer.problems.reason') });
    if (!agreement) found.push({ field: 'agreement-agreed', message: t('offer.refer.problems.agreement') });
    if (agreement === 'best_interests' && !bestInterestsReason.trim())
      found.push({ field: 'bestInterestsReason', message: t('offer.refer.problems.bestInterestsReason') });
    setProblems(found);
    if (found.length === 0) {
      setChecking(true);
      window.scrollTo(0, 0);
    }
  };
  const send = () =>
    refer.mutate(
      {
        serviceId,
        reason: reason.trim(),
        milestoneId: milestone ? milestone.id : null,
        completesMilestone: Boolean(milestone) && canComplete && completes,
        reviewActionId: params.get('action'),
        agreement: agreement as 'agreed' | 'best_interests',
        bestInterestsReason: agreement === 'best_interests' ? bestInterestsReason.trim() : null,
        share: share as Part[],
      },
      { onSuccess: () => void navigate(`/young-people/${person.id}#referrals-heading`) },
    );
  const changeAnswer = (field: string) => {
    setChecking(false);
    requestAnimationFrame(() => document.getElementById(field)?.focus());
  };

  if (checking && service) {
    const rows: CheckedAnswer[] = [
      [t('offer.refer.service'), `${service.name} (${service.agencyName})`, 'serviceId'],
      [t('offer.refer.reason'), reason.trim(), 'reason'],
      [t('offer.refer.milestone'), milestone?.staffTitle ?? t('offer.refer.noMilestone'), 'milestoneId'],
      [
        t('offer.refer.agreement'),
        agreement === 'best_interests'
          ? `${t('offer.refer.bestInterests')}: ${bestInterestsReason.trim()}`
          : agreedLabel,
        'agreement-agreed',
      ],
      [
        t('offer.refer.share'),
        share.length === 0
          ? t('offer.refer.nothingShared')
          : PARTS.filter((part) => share.includes(part))
              .map((part) => t(`offer.refer.parts.${part}`))
              .join(', '),
        `share-${PARTS[0]}`,
      ],
    ];
    return (
      <>
        <PageHeading title={t('offer.refer.checkTitle')} />
        {refer.isError && <ErrorNotice error={refer.error} />}
        <CheckAnswers answers={rows} changeLabel={t('offer.refer.change')} onChange={changeAnswer} />
        <button type="button" disabled={refer.isPending} onClick={send}>
          {t('offer.refer.send')}
        </button>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('offer.refer.title', { name })} />
      <p>
        <Link to={`/young-people/${person.id}`}>{t('offer.refer.back', { name })}</Link>
      </p>
      <ErrorSummary problems={problems} />
      <form noValidate onSubmit={check} className="stack">
        <div className={problemFor('serviceId') ? 'field field-with-error' : 'field'}>
          <label htmlFor="serviceId">{t('offer.refer.service')}</label>
          <p className="hint" id="serviceId-hint">
            {t('offer.refer.serviceHint', { name, age })}
          </p>
          {problemFor('serviceId') && (
            <p className="field-error" id="serviceId-error">
              {problemFor('serviceId')}
            </p>
          )}
          <select
            id="serviceId"
            value={serviceId}
            aria-describedby={problemFor('serviceId') ? 'serviceId-hint serviceId-error' : 'serviceId-hint'}
            aria-invalid={problemFor('serviceId') ? true : undefined}
            onChange={(event) => setServiceId(event.target.value)}
          >
            <option value="">{t('offer.refer.chooseService')}</option>
            {ordered.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name} ({choice.agencyName})
              </option>
            ))}
          </select>
        </div>
        <TextAreaField
          id="reason"
          label={t('offer.refer.reason')}
          hint={t('offer.refer.reasonHint')}
          error={problemFor('reason')}
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="field">
          <label htmlFor="milestoneId">{t('offer.refer.milestone')}</label>
          <select id="milestoneId" value={milestoneId} onChange={(event) => setMilestoneId(event.target.value)}>
            <option value="">{t('offer.refer.noMilestone')}</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.staffTitle}
              </option>
            ))}
          </select>
        </div>
        {canComplete && (
          <div className="choice">
            <input
              id="completes"
              type="checkbox"
              checked={completes}
              onChange={(event) => setCompletes(event.target.checked)}
            />
            <label htmlFor="completes">{t('offer.refer.completes')}</label>
          </div>
        )}
        <Radios
          id="agreement"
          legend={t('offer.refer.agreement')}
          error={problemFor('agreement-agreed')}
          options={[
            {
              value: 'agreed',
              label: agreedLabel,
              hint: age >= 16 ? t('offer.refer.agreedYoungPersonHint') : t('offer.refer.agreedParentHint'),
            },
            ...(mayBestInterests
              ? [
                  {
                    value: 'best_interests',
                    label: t('offer.refer.bestInterests'),
                    hint: t('offer.refer.bestInterestsHint', { name }),
                  },
                ]
              : []),
          ]}
          value={agreement}
          onChange={setAgreement}
        />
        {agreement === 'best_interests' && (
          <TextAreaField
            id="bestInterestsReason"
            label={t('offer.refer.bestInterestsReason')}
            error={problemFor('bestInterestsReason')}
            rows={3}
            value={bestInterestsReason}
            onChange={(event) => setBestInterestsReason(event.target.value)}
          />
        )}
        <Checkboxes
          id="share"
          legend={t('offer.refer.share')}
          hint={t('offer.refer.shareHint')}
          options={PARTS.map((part) => ({ value: part, label: t(`offer.refer.parts.${part}`) }))}
          values={share}
          onChange={setShare}
        />
        {service && !service.mayReferTo && (
          <div className="notice">
            <p>{t('offer.refer.noAddress')}</p>
          </div>
        )}
        <button type="submit">{t('offer.refer.continue')}</button>
      </form>
    </>
  );
}
