import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../lib/util/strict-json.js';
import { InputError } from '../../../lib/errors.js';

describe('parseJsonText', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonText('{"a":[1,{"b":"c"}],"d":"\\"x"}')).toEqual({ a: [1, { b: 'c' }], d: '"x' });
  });

  it('rejects-duplicate-member: the same name twice in one object', () => {
    expect(() => parseJsonText('{"a":1,"b":2,"a":3}')).toThrowError(expect.objectContaining({ code: 'INPUT_DUPLICATE_MEMBER' }));
  });

  it('accepts the same name in sibling and nested objects', () => {
    expect(parseJsonText('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toEqual({ a: { a: 1 }, b: [{ a: 1 }, { a: 2 }] });
  });

  it('treats escaped names as the names they decode to', () => {
    expect(() => parseJsonText('{"a":1,"\\u0061":2}')).toThrowError(expect.objectContaining({ code: 'INPUT_DUPLICATE_MEMBER' }));
  });

  it('rejects-too-deep: nesting beyond the limit', () => {
    const deep = '['.repeat(100) + ']'.repeat(100);
    expect(() => parseJsonText(deep, 64)).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_DEEP' }));
  });

  it('reports malformed JSON as an InputError', () => {
    expect(() => parseJsonText('{"a":')).toThrowError(InputError);
  });
});
