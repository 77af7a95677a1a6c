import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSaveSignOn, useSignOnSettings } from '../../api/account-queries.ts';
import { ApiError } from '../../api/http.ts';
import { useAreas, type SessionUser } from '../../api/queries.ts';
import { ErrorSummary, type FieldProblem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';

const CLAIMS = ['email', 'preferred_username', 'upn'] as const;

/** A council's single sign-on: its OpenID Connect provider, client and the claim that names the account. */
export default function SignOnSettingsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const areas = useAreas();
  const [areaId, setAreaId] = useState(user.areaId ?? '');
  const settings = useSignOnSettings(areaId);
  return (
    <section className="narrow-wide">
      <PageHeading title={t('accounts.admin.signOn')} />
      <p>
        <Link to="/accounts">{t('accounts.admin.back')}</Link>
      </p>
      <p>{t('accounts.admin.signOnIntro')}</p>
      {user.areaId === null && (
        <>
          <label htmlFor="area">{t('accounts.admin.area')}</label>
          <select id="area" value={areaId} onChange={(event) => setAreaId(event.target.value)}>
            <option value="" />
            {areas.data?.items.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </>
      )}
      {areaId && settings.data && <SignOnForm key={areaId} areaId={areaId} current={settings.data} />}
    </section>
  );
}

type Current = NonNullable<ReturnType<typeof useSignOnSettings>['data']>;

/** The form for one area, starting from what is saved (never the secret). */
function SignOnForm({ areaId, current }: { areaId: string; current: Current }) {
  const { t } = useTranslation();
  const save = useSaveSignOn(areaId);
  const saved = current.settings;
  const [form, setForm] = useState<{
    issuer: string;
    clientId: string;
    clientSecret: string;
    emailClaim: string;
    enabled: boolean;
  }>({
    issuer: saved?.issuer ?? '',
    clientId: saved?.clientId ?? '',
    clientSecret: '',
    emailClaim: saved?.emailClaim ?? 'email',
    enabled: saved?.enabled ?? true,
  });
  const [missing, setMissing] = useState<FieldProblem[]>([]);
  const words: Record<string, string> = {
    issuer: t('accounts.admin.issuerWrong'),
    clientId: t('accounts.admin.clientIdMissing'),
    clientSecret: t('accounts.admin.clientSecretMissing'),
  };
  const refused =
    save.error instanceof ApiError && save.error.field
      ? [{ field: save.error.field, message: words[save.error.field] ?? save.error.message }]
      : [];
  const problems = missing.length > 0 ? missing : refused;
  const errorOf = (field: string) => problems.find((found) => found.field === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!/^https?:\/\/\S+$/.test(form.issuer.trim())) found.push({ field: 'issuer', message: words.issuer as string });
    if (!form.clientId.trim()) found.push({ field: 'clientId', message: words.clientId as string });
    if (!form.clientSecret && !saved?.hasClientSecret)
      found.push({ field: 'clientSecret', message: words.clientSecret as string });
    setMissing(found);
    if (found.length > 0) return;
    save.mutate({
      issuer: form.issuer.trim(),
      clientId: form.clientId.trim(),
      clientSecret: form.clientSecret === '' ? null : form.clientSecret,
      emailClaim: form.emailClaim as (typeof CLAIMS)[number],
      enabled: form.enabled,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {save.isSuccess && (
        <div className="notice" role="status">
          <p>{t('accounts.admin.signOnSaved')}</p>
        </div>
      )}
      <p>
        {t('accounts.admin.redirect')} <code>{current.redirectUri}</code>
      </p>
      <TextField
        id="issuer"
        label={t('accounts.admin.issuer')}
        hint={t('accounts.admin.issuerHint')}
        error={errorOf('issuer')}
        spellCheck={false}
        value={form.issuer}
        onChange={(event) => setForm({ ...form, issuer: event.target.value })}
      />
      <TextField
        id="clientId"
        label={t('accounts.admin.clientId')}
        error={errorOf('clientId')}
        spellCheck={false}
        value={form.clientId}
        onChange={(event) => setForm({ ...form, clientId: event.target.value })}
      />
      <TextField
        id="clientSecret"
        type="password"
        autoComplete="off"
        label={t('accounts.admin.clientSecret')}
        hint={saved?.hasClientSecret ? t('accounts.admin.clientSecretHint') : undefined}
        error={errorOf('clientSecret')}
        value={form.clientSecret}
        onChange={(event) => setForm({ ...form, clientSecret: event.target.value })}
      />
      <label htmlFor="emailClaim">{t('accounts.admin.emailClaim')}</label>
      <select
        id="emailClaim"
        value={form.emailClaim}
        onChange={(event) => setForm({ ...form, emailClaim: event.target.value })}
      >
        {CLAIMS.map((claim) => (
          <option key={claim} value={claim}>
            {claim}
          </option>
        ))}
      </select>
      <div>
        <label className="switch">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(event) => setForm({ ...form, enabled: event.target.checked })}
          />
          {t('accounts.admin.enabled')}
        </label>
      </div>
      <button type="submit" disabled={save.isPending}>
        {t('accounts.admin.saveSignOn')}
      </button>
    </form>
  );
}
