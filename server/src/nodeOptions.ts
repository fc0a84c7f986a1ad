/**
 * Node options for the language server's own process, where the client starts it (VS Code desktop
 * and the bench; other editors start `cable-language-server` as they like).
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB a half instead of 16: parsing a
 * large export grows it to the full size, which stays committed, about 24 MB of resident memory
 * that holds nothing (measured with a 10 MB document open: 167 MB → 143 MB). Parsing is no slower
 * with it here.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment for the same process. `MALLOC_MMAP_THRESHOLD_` fixes glibc's threshold above which
 * an allocation gets pages of its own, returned to the system when freed. glibc otherwise raises
 * it to the size of the largest such block freed (up to 32 MB), so after a large document arrives
 * (its 10 MB message is buffered, decoded and freed) later blocks of that size come from the heap
 * and stay resident once freed: 22 MB with a 10 MB document open (147 MB → 124 MB). Other C
 * libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
