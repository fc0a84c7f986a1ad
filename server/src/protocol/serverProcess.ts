/**
 * Node options for the language server's own process, where the client starts it (VS Code desktop
 * and the bench; other editors start `cable-language-server` as they like).
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB a half instead of 16: parsing a
 * large export grows it to the full size, which stays committed: resident memory that holds
 * nothing. Parsing is no slower with it (figures in the CHANGELOG and `npm run bench`).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment for the same process, laid over the client's own.
 *
 * `NODE_EXTRA_CA_CERTS` is emptied. Node 20 reads that file and parses it, together with
 * its whole bundled root store, before it runs any script: most of the start of a bare `node` on
 * machines where it is set system-wide (the bench prints the start with it kept). The server
 * opens no network connection, so it has no use for certificates. An empty value is what node
 * skips; it is used rather than deleting the key because vscode-languageclient lays the given
 * environment over `process.env`, where the variable would come back.
 *
 * `MALLOC_MMAP_THRESHOLD_` fixes glibc's threshold above which an allocation gets pages of its own,
 * returned to the system when freed. glibc otherwise raises it to the size of the largest such
 * block freed (up to 32 MB), so after a large document arrives (its 10 MB message is buffered,
 * decoded and freed) later blocks of that size come from the heap and stay resident once freed.
 * Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { NODE_EXTRA_CA_CERTS: '', MALLOC_MMAP_THRESHOLD_: '131072' };

/** The server process's environment: the starting process's own (`base`) with SERVER_ENV laid over it. */
export function serverProcessEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, ...SERVER_ENV };
}
