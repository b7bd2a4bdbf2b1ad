import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStateResetOn } from './use-state-reset-on';

describe('useStateResetOn', () => {
  it('keeps local edits while the key stays the same', () => {
    const { result, rerender } = renderHook(({ key }) => useStateResetOn(key, key), { initialProps: { key: 'a' } });
    act(() => result.current[1]('typed'));
    rerender({ key: 'a' });
    expect(result.current[0]).toBe('typed');
  });

  it('starts over from the new initial value when the key changes', () => {
    const { result, rerender } = renderHook(({ key }) => useStateResetOn(key, key), { initialProps: { key: 'a' } });
    act(() => result.current[1]('typed'));
    rerender({ key: 'b' });
    expect(result.current[0]).toBe('b');
  });

  it('resets to a fixed initial value on every key change', () => {
    const { result, rerender } = renderHook(({ path }) => useStateResetOn(path, false), { initialProps: { path: '/' } });
    act(() => result.current[1](true));
    rerender({ path: '/goals' });
    expect(result.current[0]).toBe(false);
  });
});
