import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CHUNK_BYTES } from '@pathways/db';
import { fileTypeFromFile } from 'file-type';
import { HttpError } from '../errors.ts';

/** The largest document we keep: a scanned EHC plan of a hundred pages fits with room to spare. */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The kinds of file we keep, by what their content shows them to be (file-type reads the
 * magic bytes): PDF, Word and OpenDocument text, JPEG and PNG photographs or scans. A file
 * named `.pdf` that is really a program is refused.
 */
const ACCEPTED = new Map<string, string>([
  ['application/pdf', 'PDF'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument text'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
]);

/** Types a browser may show in place (a preview); everything else only downloads. */
export const PREVIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** An upload received in full to a temporary file: what it is, how big, and its digest. */
export type ReceivedFile = {
  path: string;
  byteSize: number;
  sha256: string;
  mediaType: string;
  /** Its content, one piece of at most CHUNK_BYTES at a time, read from the temporary file. */
  pieces: () => AsyncIterable<Uint8Array>;
  /** Removes the temporary file (always called, whether the document was kept or not). */
  discard: () => Promise<void>;
};

/**
 * Streams a request body to a temporary file, counting and hashing as it goes, never holding
 * the file in memory; refuses it (413) as soon as it passes `maxBytes`, and (415) unless its
 * content is an accepted type. On refusal nothing is left behind.
 */
export async function receiveFile(
  body: ReadableStream<Uint8Array> | null,
  maxBytes = DOCUMENT_MAX_BYTES,
): Promise<ReceivedFile> {
  if (!body) throw new HttpError(415, 'empty_file', 'The file is empty: choose a file to upload.');
  const folder = await mkdtemp(join(tmpdir(), 'pathways-upload-'));
  const path = join(folder, 'upload');
  const discard = () => rm(folder, { recursive: true, force: true });
  try {
    const hash = createHash('sha256');
    let byteSize = 0;
    const count = new Transform({
      transform(piece: Buffer, _encoding, done) {
        byteSize += piece.length;
        if (byteSize > maxBytes) return done(new TooLarge());
        hash.update(piece);
        done(null, piece);
      },
    });
    await pipeline(Readable.fromWeb(body as WebReadableStream), count, createWriteStream(path));
    if (byteSize === 0) throw new HttpError(415, 'empty_file', 'The file is empty: choose a file to upload.');
    const detected = await fileTypeFromFile(path);
    if (!detected || !ACCEPTED.has(detected.mime))
      throw new HttpError(
        415,
        'file_type',
        `This file is not one we can keep: upload a ${[...ACCEPTED.values()].join(', ')} file.`,
      );
    return {
      path,
      byteSize,
      sha256: hash.digest('hex'),
      mediaType: detected.mime,
      pieces: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }),
      discard,
    };
  } catch (error) {
    await discard();
    if (error instanceof TooLarge)
      throw new HttpError(
        413,
        'too_large',
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; upload a smaller one.`,
        // The rest of the body is never read: the connection cannot carry another request.
        { Connection: 'close' },
      );
    throw error;
  }
}

class TooLarge extends Error {}

/**
 * A file name safe to keep and to put in a Content-Disposition header: no folders, no control
 * or quoting characters, at most 150 characters; "document" if nothing is left.
 */
export function safeFileName(given: string | undefined): string {
  let name = given ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: take it as it came.
  }
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(-150) || 'document';
}

/** RFC 6266 / 5987: an ASCII fallback and the real (UTF-8) name. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
