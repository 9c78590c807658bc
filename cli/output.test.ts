import { describe, expect, it } from 'vitest';
import { terminalSafe } from './output';

describe('terminalSafe', () => {
  it('shows escape sequences, carriage returns and C1 codes from data as visible escapes', () => {
    expect(terminalSafe('entity=\x1b]0;pwned\x07light')).toBe('entity=\\u001b]0;pwned\\u0007light');
    expect(terminalSafe('a\rb\x9b2J\x7f')).toBe('a\\u000db\\u009b2J\\u007f');
    expect(terminalSafe('x\u202eevil')).toBe('x\\u202eevil');
  });

  it('keeps newlines, tabs, ordinary Unicode and the sequences the CLI writes itself', () => {
    expect(terminalSafe('a\tb\nc 日本 🙂')).toBe('a\tb\nc 日本 🙂');
    expect(terminalSafe('\rcounting 3/9\x1b[K', ['\r', '\x1b[K'])).toBe('\rcounting 3/9\x1b[K');
    expect(terminalSafe('\x1b[2J', ['\r', '\x1b[K'])).toBe('\\u001b[2J');
  });

  it('keeps JSON valid: an escaped C1 code is a JSON escape', () => {
    const text = terminalSafe(JSON.stringify({ tag: 'a\u009bb' }));
    expect(JSON.parse(text)).toEqual({ tag: 'a\u009bb' });
  });
});
