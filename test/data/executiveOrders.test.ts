// Tests for server/src/data/executiveOrders.ts: the orders cited on E.O. lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { executiveOrderDescription } from '../../server/src/data/index';

test('every classification order has its description', () => {
  const expected: Record<number, string> = {
    11652: 'Executive Order 11652 (1972–1978) on classification',
    12065: 'Executive Order 12065 (1978–1982)',
    12356: 'Executive Order 12356 (1982–1995)',
    12958: 'Executive Order 12958 (1995; amended 2003 by E.O. 13292), in force until mid-2010',
    13292: 'Executive Order 13292 (2003), amending E.O. 12958',
    13526: 'Executive Order 13526 (from 27 June 2010)',
  };
  for (const [order, description] of Object.entries(expected)) {
    assert.equal(executiveOrderDescription(Number(order)), description, order);
  }
});

test('any other number, or none, is not a known classification order', () => {
  for (const order of [12345, 12959, 1958, 0, Number.NaN, undefined]) {
    assert.equal(executiveOrderDescription(order), 'not a known classification order', String(order));
  }
});

test('descriptions come from the l10n bundle configured after the module was loaded', (t) => {
  t.after(() => l10n.config({ contents: {} }));
  l10n.config({ contents: { 'Executive Order 13526 (from 27 June 2010)': 'Executive Order 13526 (ab 27. Juni 2010)' } });
  assert.equal(executiveOrderDescription(13526), 'Executive Order 13526 (ab 27. Juni 2010)');
  assert.equal(executiveOrderDescription(12958), 'Executive Order 12958 (1995; amended 2003 by E.O. 13292), in force until mid-2010');
});
