// Tijdstempel and Volgnummer, with which every MedMij list opens.
import { ListError } from './listErrors.ts';
import { textOf, type XmlElement } from './xmlTree.ts';

export interface ListHeader {
  /** Raised by one on every publication; a list is only replaced by one with a higher number. */
  volgnummer: number;
  tijdstempel: Date;
}

/** The `medmij_list.volgnummer` column is a 32-bit integer. */
const MAX_VOLGNUMMER = 2_147_483_647;

export function readHeader(root: XmlElement): ListHeader {
  const volgnummer = BigInt(textOf(root, 'Volgnummer').replace(/^\+/, ''));
  if (volgnummer < 1n || volgnummer > BigInt(MAX_VOLGNUMMER)) {
    throw new ListError('SCHEMA_INVALID', `Volgnummer ${volgnummer} out of range`);
  }
  return {
    volgnummer: Number(volgnummer),
    tijdstempel: readTijdstempel(textOf(root, 'Tijdstempel')),
  };
}

/** xs:dateTime; a value without a zone (which the XSD allows) is read as UTC. */
function readTijdstempel(text: string): Date {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) {
    throw new ListError('SCHEMA_INVALID', `Tijdstempel ${text} is not a date and time we can read`);
  }
  return date;
}
