import type { CableFile, Range } from '../cable/model';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** A cable as the workspace knows it, wherever its file is: what cross-file features show and link to. */
export interface IndexedCable {
  readonly uri: string;
  readonly name: string;
  readonly referenceId?: string;
  readonly subject?: string;
  readonly range: Range;
  readonly selectionRange: Range;
  /** `2007-02-01T17:43Z`, from the DTG. */
  readonly date?: string;
  /** The originating post (`AMEMBASSY MADRID`) and its routing indicator. */
  readonly origin?: string;
  readonly routingIndicator?: string;
  /** `CONFIDENTIAL//NOFORN`. */
  readonly classification?: string;
  readonly tags?: string;
  /** A partial extract (its header replaced by a note). */
  readonly partial?: boolean;
}

/** One place where a cable cites a telegram: a REF entry or a reference id in its text. */
export interface CitationPlace {
  /** The citing cable. */
  readonly cable: IndexedCable;
  /** The cited reference id (as the index resolved it). */
  readonly referenceId: string;
  /** Where in the citing cable's file. */
  readonly range: Range;
  /** A REF entry (its letter when it has one), rather than an id in the text. */
  readonly reference: boolean;
  readonly letter?: string;
}

/** The cross-file lookups features may make; the workspace index (workspace/index.ts) provides them. */
export interface WorkspaceLookup {
  /** Every indexed cable with this reference id (a cable can be in several files). */
  find(referenceId: string): readonly IndexedCable[];
  /** The cables a citation means: `find`, or, for a REF written without a year, the year before's when only that is indexed. */
  findCited(referenceId: string, yearAssumed: boolean): readonly IndexedCable[];
  /** Cables matching every word of the query in their id, subject, origin or TAGS; exact id first, then id matches. */
  search(query: string, limit: number): IndexedCable[];
  /** Every place in an indexed cable that cites this reference id (by REF or in the text): its "cited by". */
  citing(referenceId: string): readonly CitationPlace[];
  /** What the cable of this file with this id (or at this line, for a cable without one) cites. */
  citationsOf(uri: string, cable: { readonly referenceId?: string; readonly line?: number }): readonly CitationPlace[];
}

/**
 * What every feature reads besides its LSP parameters: one document's model and the settings
 * that apply to it, the workspace around it, and how to report a failure the user should not see
 * as an error (a rule that threw). Features have the form `(context, params, token)`.
 */
export interface FeatureContext {
  readonly uri: string;
  readonly file: CableFile;
  readonly settings: Settings;
  readonly workspace?: WorkspaceLookup;
  /** Where diagnostics' code descriptions link (docs/rules.md in the extension); none when unknown. */
  readonly rulesPage?: string;
  /** The client runs the `cable.disableRule` command. */
  readonly canDisableRules: boolean;
  log(message: string): void;
}

/** A context for callers outside the server (the demo, the CLI, tests): default settings unless given. */
export function documentContext(
  uri: string,
  file: CableFile,
  options: Partial<Omit<FeatureContext, 'uri' | 'file' | 'log'>> & Pick<FeatureContext, 'log'>,
): FeatureContext {
  return { uri, file, settings: DEFAULT_SETTINGS, canDisableRules: false, ...options };
}
