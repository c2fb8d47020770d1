import { isFhirDate } from '@/domain/fhir/fhir-date-time';
import {
  hasInvisibleCharacters,
  invisibleCharactersIn,
  revealInvisibleCharacters,
} from '@/domain/text/invisible-characters';

interface UntrustedTextProps {
  /** Text from a FHIR resource or a DICOM header, exactly as received. */
  text: string | null;
  /** Shown when there is no text (not isolated: it is the app's own). */
  fallback?: string;
  className?: string;
  testId?: string;
  /** The full text on hover, for text its box clamps. */
  titled?: boolean;
}

/**
 * Text from a record, in its own bidi isolate (`<bdi>`): a right-to-left name or a stray U+202E stays
 * inside it and cannot reorder the labels, numbers and punctuation around it.
 */
export function UntrustedText({ text, fallback = '—', className, testId, titled }: UntrustedTextProps) {
  if (text === null) {
    return (
      <span className={className} data-testid={testId}>
        {fallback}
      </span>
    );
  }
  return (
    <bdi className={className} data-testid={testId} title={titled ? text : undefined}>
      {text}
    </bdi>
  );
}

/**
 * An identity field (patient name, ID, birth date, sex; the names a DICOM header gives): isolated like
 * any record text, and with every invisible or direction-changing character written out (`⟨U+202E⟩`),
 * so what is read is what the record holds. A value that had any gets a warning mark that says why.
 */
export function IdentityText({ text, fallback = '—', className, testId }: UntrustedTextProps) {
  if (text === null)
    return <UntrustedText text={null} fallback={fallback} className={className} testId={testId} />;
  const suspicious = hasInvisibleCharacters(text);
  const explanation = suspicious
    ? `Contains invisible or text-direction characters (${invisibleCharactersIn(text).join(', ')}), shown as ⟨U+…⟩: check this identity against another source.`
    : undefined;
  return (
    <span className={className} data-testid={testId} data-suspicious={suspicious || undefined}>
      <bdi>{revealInvisibleCharacters(text)}</bdi>
      {suspicious && (
        <span
          role="img"
          aria-label={explanation}
          title={explanation}
          className="ml-1 rounded bg-amber-500 px-1 font-semibold text-black [text-shadow:none]"
          data-testid="invisible-characters-warning"
        >
          ⚠
        </span>
      )}
    </span>
  );
}

/**
 * A birth date (an identity field): the FHIR date as written; anything else says "invalid date" and
 * still shows the value, since a clinician may need it to tell two patients apart.
 */
export function IdentityDate({ value, testId }: { value: string | null; testId?: string }) {
  if (value === null || isFhirDate(value)) return <IdentityText text={value} testId={testId} />;
  return (
    <span data-testid={testId}>
      invalid date (<IdentityText text={value} />)
    </span>
  );
}
