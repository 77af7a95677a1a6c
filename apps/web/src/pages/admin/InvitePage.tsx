import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInvite, type Invitation } from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { useAgencies, useAreas, type SessionUser } from '../../api/queries.ts';
import { AgencyField, needsAgency, STAFF_ROLES } from './AgencyField.tsx';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { looksLikeEmailAddress } from '../../lib/email-address.ts';

/** Invite a person: the GOV.UK question page, then "check your answers", then send. */
export default function InvitePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const areas = useAreas();
  const agencies = useAgencies();
  const [form, setForm] = useState({ name: '', email: '', role: '', areaId: user.areaId ?? '', agencyId: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const hasAgency = needsAgency(form.role);
  const areaName = areas.data?.items.find((area) => area.id === form.areaId)?.name ?? '';
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!form.name.trim()) found.push({ field: 'name', message: t('accounts.admin.nameMissing') });
    if (!form.email.trim()) found.push({ field: 'email', message: t('accounts.admin.emailMissing') });
    else if (!looksLikeEmailAddress(form.email.trim()))
      found.push({ field: 'email', message: t('accounts.admin.emailWrong') });
    if (!form.role) found.push({ field: `role-${STAFF_ROLES[0]}`, message: t('accounts.admin.roleMissing') });
    if (!form.areaId && form.role !== 'administrator')
      found.push({ field: 'areaId', message: t('accounts.admin.areaMissing') });
    if (hasAgency && !form.agencyId) found.push({ field: 'agencyId', message: t('accounts.admin.agencyMissing') });
    setProblems(found);
    setChecking(found.length === 0);
  };
  const send = () => {
    const invitation: Invitation = {
      name: form.name.trim(),
      email: form.email.trim(),
      role: form.role as Invitation['role'],
      areaId: form.areaId || null,
      agencyId: hasAgency ? form.agencyId : null,
    };
    invite.mutate(invitation, {
      onError: (error) => {
        // The server's refusal (an address already used…) goes back to the question it is about, in the person's words.
        if (error instanceof ApiError && error.field) {
          const words: Record<string, string> = {
            email: error.status === 409 ? t('accounts.admin.emailTaken') : t('accounts.admin.emailWrong'),
            name: t('accounts.admin.nameMissing'),
            role: t('accounts.admin.roleMissing'),
            areaId: t('accounts.admin.areaMissing'),
            agencyId: t('accounts.admin.agencyMissing'),
          };
          const field = error.field === 'role' ? `role-${STAFF_ROLES[0]}` : error.field;
          setProblems([{ field, message: words[error.field] ?? error.message }]);
          setChecking(false);
        }
      },
    });
  };

  if (invite.isSuccess) {
    return (
      <section className="narrow-wide">
        <PageHeading title={t('accounts.admin.inviteTitle')} />
        <div className="notice" role="status">
          <p>
            {invite.data.emailed
              ? t('accounts.admin.sent', { email: invite.data.account.email })
              : t('accounts.admin.notEmailed')}
          </p>
        </div>
        <p>
          <Link to={`/accounts/${invite.data.account.id}`}>{invite.data.account.name}</Link> ·{' '}
          <Link to="/accounts">{t('accounts.admin.back')}</Link>
        </p>
      </section>
    );
  }
  if (checking) {
    return (
      <section className="narrow-wide">
        <PageHeading title={t('accounts.admin.check')} />
        {invite.error && !(invite.error instanceof ApiError && invite.error.field) && (
          <div role="alert" className="notice notice-error">
            <p>{invite.error.message}</p>
          </div>
        )}
        <dl className="summary-list">
          <dt>{t('accounts.admin.name')}</dt>
          <dd>{form.name}</dd>
          <dt>{t('accounts.admin.email')}</dt>
          <dd>{form.email}</dd>
          <dt>{t('accounts.admin.role')}</dt>
          <dd>{t(`roles.${form.role}`)}</dd>
          <dt>{t('accounts.admin.area')}</dt>
          <dd>{areaName || t('accounts.admin.allAreas')}</dd>
          {hasAgency && (
            <>
              <dt>{t('accounts.admin.agency')}</dt>
              <dd>{agencies.data?.items.find((agency) => agency.id === form.agencyId)?.name}</dd>
            </>
          )}
        </dl>
        <button type="button" className="secondary" onClick={() => setChecking(false)}>
          {t('accounts.admin.change')}
        </button>{' '}
        <button type="button" onClick={send} disabled={invite.isPending}>
          {t('accounts.admin.send')}
        </button>
      </section>
    );
  }
  return (
    <section className="narrow-wide">
      <PageHeading title={t('accounts.admin.inviteTitle')} />
      <ErrorSummary problems={problems} />
      <p>{t('accounts.admin.inviteIntro')}</p>
      <form onSubmit={check} noValidate>
        <TextField
          id="name"
          label={t('accounts.admin.name')}
          error={problemFor('name')}
          autoComplete="off"
          value={form.name}
          onChange={(event) => set('name')(event.target.value)}
        />
        <TextField
          id="email"
          type="email"
          spellCheck={false}
          autoComplete="off"
          label={t('accounts.admin.email')}
          error={problemFor('email')}
          value={form.email}
          onChange={(event) => set('email')(event.target.value)}
        />
        <fieldset className={problemFor(`role-${STAFF_ROLES[0]}`) ? 'field-with-error' : undefined}>
          <legend>{t('accounts.admin.role')}</legend>
          {problemFor(`role-${STAFF_ROLES[0]}`) && (
            <p className="field-error">{problemFor(`role-${STAFF_ROLES[0]}`)}</p>
          )}
          {STAFF_ROLES.map((role) => (
            <div key={role}>
              <label>
                <input
                  type="radio"
                  id={`role-${role}`}
                  name="role"
                  value={role}
                  checked={form.role === role}
                  onChange={() => set('role')(role)}
                />{' '}
                {t(`roles.${role}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {user.areaId === null && (
          <div className={problemFor('areaId') ? 'field field-with-error' : 'field'}>
            <label htmlFor="areaId">{t('accounts.admin.area')}</label>
            {problemFor('areaId') && <p className="field-error">{problemFor('areaId')}</p>}
            <select id="areaId" value={form.areaId} onChange={(event) => set('areaId')(event.target.value)}>
              <option value="">{t('accounts.admin.allAreas')}</option>
              {areas.data?.items.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {hasAgency && (
          <AgencyField
            areaId={form.areaId || null}
            role={form.role}
            value={form.agencyId}
            onChange={set('agencyId')}
            error={problemFor('agencyId')}
          />
        )}
        <button type="submit">{t('accounts.admin.check')}</button>
      </form>
    </section>
  );
}
