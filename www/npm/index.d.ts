/** A span of text: UTF-16 code units (JS string indices). */
export interface Span { start: number; end: number; text: string }

export interface Speaker {
  /** Canonical party name, or the descriptor of an anonymous source. */
  name: string;
  start: number;
  end: number;
  named: boolean;
  /** Index into Report.parties. */
  party: number | null;
  /** What sort of source speaks: never a place or an event. */
  kind: SpeakerKind;
}

/** 'organization' covers groups speaking as one; 'anonymous' is an unnamed
 * source's description; 'document' a statement, report, letter… */
export type SpeakerKind = 'person' | 'organization' | 'anonymous' | 'document';

export interface Quote extends Span {
  speaker: Speaker | null;
  cue: Span | null;
}

export type PartyKind = 'person' | 'organization' | 'place' | 'group';

export interface Party {
  name: string;
  kind: PartyKind;
  role: string | null;
  mentions: Span[];
}

export type RelationKind = 'exchange' | 'change' | 'ratio' | 'comparison';

export interface Figure extends Span {
  value: number | null;
  unit: string | null;
  counts: string | null;
  approximate: boolean;
  /** `figure` is an index into Report.figures. */
  relations: { kind: RelationKind; figure: number }[];
}

export interface Report {
  quotes: Quote[];
  parties: Party[];
  figures: Figure[];
}

/** Annotates a text. */
export function annotateText(text: string): Report;

/** The report as a W3C Web Annotation collection (JSON-LD). */
export function toWebAnnotations(report: Report, text: string, source?: string): Record<string, unknown>;

export interface AttachOptions {
  /** Annotate as soon as attached (default true). */
  annotate?: boolean;
}

/** Attaches the overlay to an article root and annotates it (browser only). */
export function attach(root?: Element | string | null, options?: AttachOptions): Lens;

export class Lens {
  constructor(root?: Element | string | null, options?: AttachOptions);
  annotate(): Report;
  report(): Report | null;
  text(): string;
  clear(): void;
  on(event: 'annotate', fn: (report: Report) => void): () => void;
  on(event: 'clear', fn: (detail: null) => void): () => void;
}
