// The live news of votes: a burst of changes reaches a listener once, only the pilot's own
// listeners hear it, a listener that stopped hears nothing, and shutdown ends every stream.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endAllStreams, listenerCount, notifyVote, NOTIFY_DELAY_MS, openStreamCount, subscribeVote, trackStream } from './vote-live';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('vote news', () => {
	it('coalesces a burst into one call, per pilot', () => {
		const mine = vi.fn();
		const other = vi.fn();
		const stop = subscribeVote(1, mine);
		const stopOther = subscribeVote(2, other);
		notifyVote(1);
		notifyVote(1);
		notifyVote(1);
		expect(mine).not.toHaveBeenCalled();
		vi.advanceTimersByTime(NOTIFY_DELAY_MS);
		expect(mine).toHaveBeenCalledTimes(1);
		expect(other).not.toHaveBeenCalled();
		stop();
		notifyVote(1);
		vi.advanceTimersByTime(NOTIFY_DELAY_MS);
		expect(mine).toHaveBeenCalledTimes(1);
		expect(listenerCount(1)).toBe(0);
		stopOther();
		expect(listenerCount(2)).toBe(0);
	});

	it('ends every open stream on shutdown, each once', () => {
		const ends = [vi.fn(), vi.fn()];
		const forget = ends.map((end) => {
			const f = trackStream(() => {
				end();
				f();
			});
			return f;
		});
		expect(openStreamCount()).toBe(2);
		endAllStreams();
		expect(ends.map((e) => e.mock.calls.length)).toEqual([1, 1]);
		expect(openStreamCount()).toBe(0);
		forget.forEach((f) => f());
	});
});
