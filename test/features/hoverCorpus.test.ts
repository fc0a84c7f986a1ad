import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver';
import { parse } from '../../server/src/cable/parse';
import type { Token } from '../../server/src/cable/model';
import { lookupRoutingIndicator } from '../../server/src/data';
import { hoverAt } from '../context';
import { corpusAvailable, corpusText, manifest } from '../util';

test(
  'every routing indicator in every corpus header gets a hover that names its station',
  { skip: corpusAvailable() ? false : 'no corpus' },
  () => {
    let seen = 0;
    let known = 0;
    const distinct = new Set<string>();
    const distinctKnown = new Set<string>();
    const failures: string[] = [];
    for (const row of manifest()) {
      const file = parse(corpusText(row.file));
      for (const cable of file.cables) {
        const header = cable.header;
        if (!header) continue;
        const tokens: Token[] = [...header.relays];
        if (header.station?.routingIndicator) tokens.push(header.station.routingIndicator);
        for (const a of header.addressees) if (a.routingIndicator) tokens.push(a.routingIndicator);
        for (const token of tokens) {
          seen++;
          distinct.add(token.text);
          const result = hoverAt(file, token.range.start, { uri: 'file:///corpus' });
          const value = (result?.contents as MarkupContent | undefined)?.value ?? '';
          const info = lookupRoutingIndicator(token.text);
          if (info) {
            known++;
            distinctKnown.add(token.text);
            if (!value.replace(/\\(.)/g, '$1').includes(info.names[0])) failures.push(`${row.file}: ${token.text}`);
          } else if (!/not in the table/.test(value)) {
            failures.push(`${row.file}: ${token.text} (unknown, no explanation)`);
          }
        }
      }
    }
    console.log(
      `routing indicators: ${known}/${seen} occurrences known (${((known / seen) * 100).toFixed(1)}%), ${distinctKnown.size}/${distinct.size} distinct`,
    );
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(seen > 10000);
  },
);
