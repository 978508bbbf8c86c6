// Turns the bytes of a list into text that is safe to hand to an XML parser. Runs before
// anything else touches the document: a DOCTYPE (and so any entity, internal or external) is
// refused outright, so no parser ever sees a DTD. Lists are plain XML 1.0 in UTF-8 without one.
import { ListError } from './listErrors.ts';

/** Larger than any MedMij list seen; the ZAL is the big one, at a few megabytes. */
export const MAX_LIST_BYTES = 32 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function safeXmlText(input: Uint8Array | string): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_LIST_BYTES) {
    throw new ListError('UNREADABLE', `larger than ${MAX_LIST_BYTES} bytes`);
  }
  const text = typeof input === 'string' ? stripBom(input) : decodeUtf8(input);

  refuseDeclarations(text);

  const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && declared.toLowerCase() !== 'utf-8') {
    throw new ListError('UNREADABLE', `declares encoding ${declared}; lists are UTF-8`);
  }
  return text;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes); // also drops a byte-order mark
  } catch (error) {
    throw new ListError('UNREADABLE', 'not valid UTF-8', { cause: error });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Refuses every `<!` that opens neither a comment nor a CDATA section: DOCTYPE, ENTITY,
 * ELEMENT, ATTLIST, NOTATION, in any case, wherever they appear (also inside a comment: the
 * check is deliberately blunt, since no list has a reason to carry them).
 */
function refuseDeclarations(text: string): void {
  const markup = /<!(?!--|\[CDATA\[)/g;
  const found = markup.exec(text);
  if (found) {
    const what = /^<!\s*([A-Za-z]*)/.exec(text.slice(found.index, found.index + 20))?.[1];
    throw new ListError(
      'DOCTYPE_REFUSED',
      `markup declaration <!${what || '…'} refused: lists carry no DOCTYPE or entities`,
    );
  }
}
