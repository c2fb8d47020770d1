import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLabel,
  hasInvisibleCharacters,
  invisibleCharactersIn,
  revealInvisibleCharacters,
} from './invisible-characters';

describe('revealInvisibleCharacters', () => {
  it.each([
    ['bidi override', 'SMITH\u202E', 'SMITH⟨U+202E⟩'],
    ['bidi isolates and marks', '\u2066A\u2069\u200F', '⟨U+2066⟩A⟨U+2069⟩⟨U+200F⟩'],
    ['Arabic letter mark', 'a\u061Cb', 'a⟨U+061C⟩b'],
    [
      'zero-width space, joiners, word joiner',
      'a\u200Bb\u200Cc\u200Dd\u2060e',
      'a⟨U+200B⟩b⟨U+200C⟩c⟨U+200D⟩d⟨U+2060⟩e',
    ],
    ['BOM and soft hyphen', '\uFEFFAN\u00ADNA', '⟨U+FEFF⟩AN⟨U+00AD⟩NA'],
    ['C0 controls, tab and newline', 'a\u0000b\tc\nd', 'a⟨U+0000⟩b⟨U+0009⟩c⟨U+000A⟩d'],
    ['DEL and C1 controls', 'a\u007Fb\u0085c\u009Bd', 'a⟨U+007F⟩b⟨U+0085⟩c⟨U+009B⟩d'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a⟨U+2028⟩b⟨U+2029⟩c'],
    ['Hangul filler (renders as nothing)', 'KIM\u3164', 'KIM⟨U+3164⟩'],
    ['tag characters (astral)', 'a\u{E0041}', 'a⟨U+E0041⟩'],
  ])('shows %s', (_label, input, expected) => {
    expect(revealInvisibleCharacters(input)).toBe(expected);
    expect(hasInvisibleCharacters(input)).toBe(true);
  });

  it.each([
    ['Latin with accents and apostrophe', "O'Brien-Núñez"],
    ['CJK', '山田 太郎'],
    ['Arabic without controls', 'محمد'],
    ['Hebrew', 'כהן'],
    ['a variation selector on a CJK character', '葛\u{E0100}'],
    ['emoji with VS16', '❤\uFE0F'],
    ['ordinary and ideographic spaces', 'A B\u3000C'],
  ])('leaves %s as written', (_label, input) => {
    expect(revealInvisibleCharacters(input)).toBe(input);
    expect(hasInvisibleCharacters(input)).toBe(false);
  });

  it('lists each invisible character once', () => {
    expect(invisibleCharactersIn('\u202EA\u202EB\u200B')).toEqual(['U+202E', 'U+200B']);
  });

  it('labels astral code points with all their digits', () => {
    expect(codePointLabel('\u{E0001}')).toBe('U+E0001');
    expect(codePointLabel('\u0007')).toBe('U+0007');
  });

  it('leaves nothing invisible behind, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = revealInvisibleCharacters(text);
        expect(hasInvisibleCharacters(shown)).toBe(false);
        expect(hasInvisibleCharacters(text)).toBe(shown !== text);
      }),
    );
  });
});
