import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';
import { useFamily, useInviteFamilyMember, type FamilyInvitation } from '../api/people-queries.ts';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.tsx';
import { QueryState } from './QueryState.tsx';
import { TextField } from './TextField.tsx';
import { looksLikeEmailAddress } from '../lib/email-address.ts';

/** Staff: who can see this young person's plan for themselves — their own account, their parents and carers — and inviting them. */
export function FamilyPanel({ youngPersonId, name }: { youngPersonId: string; name: string }) {
  const { t } = useTranslation();
  const family = useFamily(youngPersonId, true);
  const invite = useInviteFamilyMember(youngPersonId);
  const [form, setForm] = useState({ role: '', name: '', email: '', relationship: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState('');
  const problemFor = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const set = (field: keyof typeof form) => (value: string) => setForm((now) => ({ ...now, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const found: FieldProblem[] = [];
    if (!form.role) found.push({ field: 'family-role-parent_carer', message: t('family.roleMissing') });
    if (!form.name.trim()) found.push({ field: 'family-name', message: t('family.nameMissing') });
    if (!looksLikeEmailAddress(form.email.trim()))
      found.push({ field: 'family-email', message: t('family.emailWrong') });
    setProblems(found);
    if (found.length > 0) return;
    const invitation: FamilyInvitation = {
      role: form.role as FamilyInvitation['role'],
      name: form.name.trim(),
      email: form.email.trim(),
      ...(form.role === 'parent_carer' && form.relationship.trim() ? { relationship: form.relationship.trim() } : {}),
    };
    invite.mutate(invitation, {
      onSuccess: (result) => {
        setDone(
          result.linkedExisting
            ? t('family.linked', { name: result.member.name })
            : result.emailed
              ? t('family.invited', { email: result.member.email })
              : t('family.notEmailed', { email: result.member.email }),
        );
        setForm({ role: '', name: '', email: '', relationship: '' });
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        if (error.field === 'role')
          setProblems([{ field: 'family-role-young_person', message: t('family.hasAccount', { name }) }]);
        else if (error.field === 'email')
          setProblems([
            { field: 'family-email', message: error.status === 409 ? t('family.emailTaken') : t('family.emailWrong') },
          ]);
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="family-title">
      <h2 id="family-title">{t('family.title')}</h2>
      <QueryState query={family}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('family.nobody', { name })}</p>
          ) : (
            <ul className="plain-list">
              {data.items.map((member) => (
                <li key={member.id}>
                  <strong>{member.name}</strong> (
                  {member.role === 'young_person' ? t('family.themself') : member.relationship}) · {member.email} ·{' '}
                  <span className={`tag tag-${member.status}`}>{t(`accounts.admin.statuses.${member.status}`)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <details>
        <summary>{t('family.invite')}</summary>
        <ErrorSummary problems={problems} />
        <form onSubmit={submit} noValidate>
          <div
            className={
              problemFor('family-role-parent_carer') || problemFor('family-role-young_person')
                ? 'field field-with-error'
                : 'field'
            }
          >
            <fieldset>
              <legend>{t('family.who')}</legend>
              {(problemFor('family-role-parent_carer') ?? problemFor('family-role-young_person')) && (
                <p className="field-error">
                  {problemFor('family-role-parent_carer') ?? problemFor('family-role-young_person')}
                </p>
              )}
              {(['parent_carer', 'young_person'] as const).map((role) => (
                <div className="choice" key={role}>
                  <input
                    type="radio"
                    id={`family-role-${role}`}
                    name="family-role"
                    checked={form.role === role}
                    onChange={() => set('role')(role)}
                  />
                  <label htmlFor={`family-role-${role}`}>
                    {role === 'parent_carer' ? t('family.parent') : t('family.youngPerson', { name })}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <TextField
            id="family-name"
            label={t('family.name')}
            autoComplete="off"
            error={problemFor('family-name')}
            value={form.name}
            onChange={(event) => set('name')(event.target.value)}
          />
          <TextField
            id="family-email"
            type="email"
            spellCheck={false}
            autoComplete="off"
            label={t('family.email')}
            hint={t('family.emailHint')}
            error={problemFor('family-email')}
            value={form.email}
            onChange={(event) => set('email')(event.target.value)}
          />
          {form.role === 'parent_carer' && (
            <TextField
              id="family-relationship"
              label={t('family.relationship')}
              hint={t('family.relationshipHint')}
              value={form.relationship}
              onChange={(event) => set('relationship')(event.target.value)}
            />
          )}
          <button type="submit" disabled={invite.isPending}>
            {t('family.send')}
          </button>
        </form>
      </details>
      <div role="status">{done && <p className="notice">{done}</p>}</div>
    </section>
  );
}
