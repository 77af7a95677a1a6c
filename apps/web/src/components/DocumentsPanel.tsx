import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_TYPES,
  useDocuments,
  useRemoveDocument,
  useUploadDocument,
  type DocumentItem,
  type DocumentsOf,
  type DocumentType,
} from '../api/together-queries.ts';
import { formatMoment } from '../lib/format.ts';
import { Radios } from './Choices.tsx';
import { ErrorSummary, type FieldProblem } from './ErrorSummary.tsx';
import { ErrorNotice, QueryState } from './QueryState.tsx';
import { describedByOf, HintAndError, TextField } from './TextField.tsx';

/** The largest file the server keeps (documents/upload.ts): said before the file is sent. */
const MAX_BYTES = 25 * 1024 * 1024;

/** A size as people read it: "820 KB", "4.2 MB". */
function sizeOf(bytes: number, language: string): string {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${format.format(Math.max(1, bytes / 1024))} KB`
    : `${format.format(bytes / 1024 / 1024)} MB`;
}

/**
 * A young person's documents, as far as the reader may see them: filter by type, open or
 * download each, add one (if `canAdd`), remove what the reader may.
 */
export function DocumentsPanel({
  youngPersonId,
  name,
  canAdd,
  only,
}: {
  youngPersonId: string;
  name: string;
  canAdd: boolean;
  /** Only one review's or handover's documents, and new ones added to it (a meeting's advice, a pack's papers). */
  only?: DocumentsOf;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<DocumentType | ''>('');
  const documents = useDocuments(youngPersonId, type || undefined, only);
  const remove = useRemoveDocument(youngPersonId);
  const [said, setSaid] = useState('');
  return (
    <section className="panel" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('together.documents.title')}</h2>
      <p className="muted">{t('together.documents.intro', { name })}</p>
      <div className="field">
        <label htmlFor="document-filter">{t('together.documents.filter')}</label>
        <select
          id="document-filter"
          value={type}
          onChange={(event) => setType(event.target.value as DocumentType | '')}
        >
          <option value="">{t('together.documents.all')}</option>
          {DOCUMENT_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`together.documents.types.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div role="status" className="saved">
        {said}
      </div>
      {remove.isError && <ErrorNotice error={remove.error} onReload={() => remove.reset()} />}
      <QueryState query={documents}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{type ? t('together.documents.noneOfType') : t('together.documents.none')}</p>
          ) : (
            <ul className="document-list">
              {data.items.map((document) => (
                <DocumentRow
                  key={document.id}
                  document={document}
                  isRemoving={remove.isPending}
                  onRemove={() =>
                    remove.mutate(document.id, {
                      onSuccess: () => setSaid(t('together.documents.removed', { title: document.title })),
                    })
                  }
                />
              ))}
            </ul>
          )
        }
      </QueryState>
      {canAdd && <UploadForm youngPersonId={youngPersonId} only={only} onAdded={setSaid} />}
    </section>
  );
}

function DocumentRow({
  document,
  isRemoving,
  onRemove,
}: {
  document: DocumentItem;
  isRemoving: boolean;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const content = `/api/documents/${document.id}/content`;
  return (
    <li>
      <strong>{document.title}</strong> <span className="tag">{t(`together.documents.types.${document.type}`)}</span>
      <span className="muted">
        {' '}
        {t('together.documents.added', {
          name: document.addedByName,
          date: formatMoment(document.addedAt, i18n.language),
        })}{' '}
        · {sizeOf(document.byteSize, i18n.language)}
      </span>
      <span className="actions">
        {document.canPreview && (
          <a href={`${content}?view=inline`} target="_blank" rel="noopener">
            {t('together.documents.preview', { title: document.title })}
          </a>
        )}
        <a href={content} download={document.fileName}>
          {t('together.documents.download', { title: document.title })}
        </a>
        {document.canRemove && (
          <button type="button" className="link-button" disabled={isRemoving} onClick={onRemove}>
            {t('together.documents.remove', { title: document.title })}
          </button>
        )}
      </span>
    </li>
  );
}

/** Adding a document: what it is, a title, the file (GOV.UK file upload, errors linked to fields). */
function UploadForm({
  youngPersonId,
  only,
  onAdded,
}: {
  youngPersonId: string;
  only?: DocumentsOf;
  onAdded: (said: string) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadDocument(youngPersonId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const problemFor = (field: string) => problems.find((problem) => problem.field.startsWith(field))?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const found: FieldProblem[] = [];
    if (!type)
      found.push({ field: `document-type-${DOCUMENT_TYPES[0]}`, message: t('together.documents.typeMissing') });
    if (!title.trim()) found.push({ field: 'document-title', message: t('together.documents.titleMissing') });
    if (!file) found.push({ field: 'document-file', message: t('together.documents.fileMissing') });
    else if (file.size > MAX_BYTES) found.push({ field: 'document-file', message: t('together.documents.fileTooBig') });
    setProblems(found);
    if (found.length > 0 || !file) return;
    upload.mutate(
      { file, type: type as DocumentType, title: title.trim(), ...only },
      {
        onSuccess: (added) => {
          onAdded(t('together.documents.uploaded', { title: added.title }));
          setType('');
          setTitle('');
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="upload-form">
      <h3>{t('together.documents.uploadTitle')}</h3>
      <ErrorSummary problems={problems} />
      <Radios
        id="document-type"
        legend={t('together.documents.type')}
        error={problemFor('document-type')}
        options={DOCUMENT_TYPES.map((value) => ({ value, label: t(`together.documents.types.${value}`) }))}
        value={type}
        onChange={setType}
      />
      <TextField
        id="document-title"
        label={t('together.documents.documentTitle')}
        hint={t('together.documents.documentTitleHint')}
        error={problemFor('document-title')}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
      />
      <div className={problemFor('document-file') ? 'field field-with-error' : 'field'}>
        <label htmlFor="document-file">{t('together.documents.file')}</label>
        <HintAndError id="document-file" hint={t('together.documents.fileHint')} error={problemFor('document-file')} />
        <input
          type="file"
          id="document-file"
          ref={fileInput}
          accept=".pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby={describedByOf(
            'document-file',
            t('together.documents.fileHint'),
            problemFor('document-file'),
          )}
        />
      </div>
      {upload.isError && <ErrorNotice error={upload.error} onReload={() => upload.reset()} />}
      <button type="submit" disabled={upload.isPending}>
        {upload.isPending ? t('together.documents.uploading') : t('together.documents.upload')}
      </button>
    </form>
  );
}
