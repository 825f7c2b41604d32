import { describe, expect, it } from 'vitest';
import { joinHash, lessonLinkText, splitLessonLink } from './link';

describe('lesson links', () => {
  it("splits the lesson keys off and keeps the experiment's keys as they were", () => {
    const { link, rest } = splitLessonLink(
      '#lesson=stiffness&step=3&present=1&hide=settings,loss&v=1&pde=poisson1d&params.C=4',
    );
    expect(link).toEqual({ lesson: 'stiffness', step: 3, present: true, hide: ['settings', 'loss'] });
    expect(rest).toBe('v=1&pde=poisson1d&params.C=4');
  });
  it('leaves a plain experiment hash alone', () => {
    expect(splitLessonLink('v=1&pde=wave')).toEqual({
      link: { lesson: null, step: null, present: false, hide: [] },
      rest: 'v=1&pde=wave',
    });
    expect(splitLessonLink('')).toEqual({ link: { lesson: null, step: null, present: false, hide: [] }, rest: '' });
  });
  it('round-trips through its text', () => {
    const link = { lesson: 'alignment-soap', step: 2, present: true, hide: ['problem'] };
    const hash = joinHash(lessonLinkText(link), 'v=1&pde=burgers');
    expect(hash).toBe('lesson=alignment-soap&step=2&present=1&hide=problem&v=1&pde=burgers');
    expect(splitLessonLink(hash)).toEqual({ link, rest: 'v=1&pde=burgers' });
    expect(lessonLinkText({ lesson: null, step: null, present: false, hide: [] })).toBe('');
    expect(joinHash('', 'v=1')).toBe('v=1');
  });
  it('names the bad key and what it allows', () => {
    expect(() => splitLessonLink('lesson=a&step=0')).toThrow('step: "0" is not a step number');
    expect(() => splitLessonLink('step=two')).toThrow('step: "two" is not a step number');
    expect(() => splitLessonLink('present=yes')).toThrow('present: "yes" is not 0 or 1');
    expect(() => splitLessonLink('hide=settings,knobs')).toThrow(
      /hide: unknown section "knobs" \(allowed: header, settings/,
    );
  });
});
