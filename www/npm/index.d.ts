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

/** Where the engine comes from (every field optional; the defaults are the package's own files). */
export interface Source {
  /** The wasm build: bytes, a compiled module, a URL or a Response. */
  wasm?: BufferSource | WebAssembly.Module | URL | string | Response;
  /** The JavaScript build's module, asked for only where the page forbids wasm. */
  js?: () => Promise<unknown>;
}

/** Loads the engine once (the package's entry has already done it). */
export function load(source?: Source): Promise<void>;

/** Which build runs: 'wasm', 'js' (the page's CSP forbids wasm), or null before load(). */
export function mode(): 'wasm' | 'js' | null;

/** True when `e` is the browser refusing to compile wasm (the page's CSP). */
export function wasmRefused(e: unknown): boolean;

/** Annotates a text (no page involved; Node.js or browser). */
export function annotateText(text: string): Promise<Report>;

/** The report as a W3C Web Annotation collection (JSON-LD) for `text` at `source`. */
export function toWebAnnotations(report: Report, text: string, source?: string): Promise<Record<string, unknown>>;

export type KindName = 'quotes' | 'parties' | 'figures';

/** What the overlay shows and does (every key optional). */
export interface LensOptions {
  quote?: boolean;
  party?: boolean;
  figure?: boolean;
  /** A subset of kinds, or per-kind switches. */
  kinds?: KindName[] | Partial<Record<KindName, boolean>>;
  /** The side panel (default off). */
  panel?: boolean;
  /** Tooltips on hover and click (default on). */
  tooltip?: boolean;
  /** Re-annotate late content (default on). */
  observe?: boolean;
  /** Wrap in `<mark>` even where CSS highlights exist (default off). */
  fallback?: boolean;
  /** Called instead of re-annotating locally when late content arrives. */
  onChange?: () => void;
  /**
   * Called when the reader chooses the root in the panel ("Annotate the
   * whole page": 'page'; "Pick the article": a selector path of the block),
   * a value `annotate()` and `new Lens()` take back as `root`.
   */
  onPick?: (root: string) => void;
  /**
   * Called with true or false whenever the side panel opens or closes (the
   * reader's close button, Escape, `showPanel()` and `clear()` included),
   * in a task of its own.
   */
  onPanel?: (open: boolean) => void;
}

/** How sure the automatic scope is, and whether the article looks cut short. */
export interface ScopeInfo {
  confidence: {
    /** The panel says so and offers to annotate the whole page or pick the article. */
    low: boolean;
    /** How far the root's score is ahead of the best rival (0..1). */
    margin: number;
    /** The root's share of the page's text (0..1). */
    share: number;
    /** Characters of annotated text. */
    chars: number;
    /** What the page's metadata (JSON-LD articleBody, itemprop, <article>) says. */
    metadata: 'agrees' | 'silent' | 'disagrees';
  } | null;
  /** A paywall stub rule that matched: only the visible part is annotated. */
  paywall: 'not-free' | 'wall-at-end' | 'stub-with-offer' | null;
}

/** The article root: an element, a selector, 'page' (the whole page) or 'auto' (detect it). */
export type Root = Element | string | 'page' | 'auto' | null;

/**
 * Annotates the article under `root` (an element, a selector, or nothing to
 * detect it) and paints it in slices; browser only (rejects without a DOM).
 */
export function annotate(root?: Root, options?: LensOptions): Promise<Report>;

/** The last report, or null. */
export function report(): Report | null;

/**
 * Removes every highlight, tooltip, panel and observer. Resolves when the
 * page is exactly as it was (at once, unless many `<mark>`s are put back in
 * slices that keep the page responsive). Where a page script keeps some of
 * it in place (a broken `removeChild`), rejects with an Error saying what is
 * left; calling it again tries again.
 */
export function clear(): Promise<void>;

/** The article root and the exact text that was annotated (report offsets index it). */
export function scope(): ({ element: Element | null; text: string } & Partial<ScopeInfo>) | null;

/** The current Lens (null before the first annotate()). */
export function current(): Lens | null;

/** Renders pasted text or HTML into `container` as safe markup (no attributes, no scripts). */
export function renderArticle(container: Element, input: string): Promise<void>;

/** The overlay of the Rust DOM layer (the class of the build in use, set by load()). */
export declare let Lens: {
  new (root?: Root, options?: LensOptions): Lens;
};
export interface Lens {
  /** Reads, annotates and paints in one go. */
  annotate(): Report;
  /** The same in slices that keep the page responsive; null if cleared first. */
  run(): Promise<Report | null>;
  /** Split API: the article's text (scope and text map, no engine). */
  collect(): string;
  /** Split API: paints a report made elsewhere for the text of the last collect(). */
  paint(report: Report): void;
  report(): Report | null;
  text(): string;
  root(): Element | null;
  /** How sure the scope is (null before the article is read). */
  scopeInfo(): ScopeInfo | null;
  /** Shows or hides one kind of mark; throws on an unknown kind. */
  setKind(kind: KindName | 'quote' | 'party' | 'figure', on: boolean): void;
  showPanel(on: boolean): void;
  /**
   * Opens the side panel and moves keyboard focus to its title; closing the
   * panel gives focus back to what had it (for a control that opened
   * PressLens from the keyboard).
   */
  focusPanel(): void;
  /** As the module's `clear()`. */
  clear(): Promise<void>;
  free(): void;
}

export declare const presslens: {
  load: typeof load; mode: typeof mode; annotate: typeof annotate; report: typeof report;
  clear: typeof clear; scope: typeof scope; current: typeof current; annotateText: typeof annotateText;
  toWebAnnotations: typeof toWebAnnotations; renderArticle: typeof renderArticle;
};
