/**
 * A minimal Part 10 file for tests (explicit VR little endian): the header, its SOP Instance UID if
 * given, rows and columns, and native 8-bit pixel data of `frames` frames. Built by hand so a test says
 * exactly which bytes it sends.
 */
export function tinyPart10(
  rows: number,
  columns: number,
  pixels: readonly number[],
  frames = 1,
  sopInstanceUid?: string,
): Uint8Array {
  const parts: number[] = [...new Array<number>(128).fill(0), ...ascii('DICM')];
  const element = (group: number, el: number, vr: string, value: number[]) => {
    const long = ['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr);
    const header = [...u16(group), ...u16(el), ...ascii(vr)];
    parts.push(...header, ...(long ? [0, 0, ...u32(value.length)] : u16(value.length)), ...value);
  };
  element(0x0002, 0x0010, 'UI', padEven(ascii('1.2.840.10008.1.2.1'), 0));
  if (sopInstanceUid) element(0x0008, 0x0018, 'UI', padEven(ascii(sopInstanceUid), 0));
  element(0x0028, 0x0002, 'US', u16(1));
  element(0x0028, 0x0004, 'CS', padEven(ascii('MONOCHROME2'), 0x20));
  element(0x0028, 0x0008, 'IS', padEven(ascii(String(frames)), 0x20));
  element(0x0028, 0x0010, 'US', u16(rows));
  element(0x0028, 0x0011, 'US', u16(columns));
  element(0x0028, 0x0100, 'US', u16(8));
  element(0x7fe0, 0x0010, 'OB', padEven([...pixels], 0));
  return new Uint8Array(parts);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}
function u16(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff];
}
function u32(value: number): number[] {
  return [...u16(value & 0xffff), ...u16(value >>> 16)];
}
function padEven(bytes: number[], pad: number): number[] {
  return bytes.length % 2 === 0 ? bytes : [...bytes, pad];
}
