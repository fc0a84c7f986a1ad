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
}

/** The cross-file lookups features may make; the workspace index (workspace/index.ts) provides them. */
export interface WorkspaceLookup {
  /** Every indexed cable with this reference id (a cable can be in several files). */
  find(referenceId: string): readonly IndexedCable[];
  /** Cables whose id or subject contains every word of the query. */
  search(query: string, limit: number): IndexedCable[];
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
