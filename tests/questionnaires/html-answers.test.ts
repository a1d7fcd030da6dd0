// Answers substituted into html elements are escaped; titles keep them as typed. (The escaping
// patches survey-core's html question class for the whole process, as the pages do.)
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { escapeAnswersInHtml } from '../../src/questionnaires/html-answers';

const definition = {
  completedHtml: '<p>Thank you, {name}.</p>',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'text', name: 'name' },
        { type: 'checkbox', name: 'routes', choices: ['sea', 'land'], showOtherItem: true },
        { type: 'html', name: 'echo', html: '<p>You said {name}, by {routes}.</p>' },
        { type: 'text', name: 'next', title: 'Where did {name} go next?' },
        {
          type: 'paneldynamic',
          name: 'legs',
          templateElements: [
            { type: 'text', name: 'to' },
            { type: 'html', name: 'leg', html: '<i>to {panel.to}</i>' },
          ],
        },
      ],
    },
  ],
};
const hostile = '<img src=x onerror="alert(1)"><b style="font-size:99px">big</b>';

function model() {
  const m = new Model(definition);
  escapeAnswersInHtml(m);
  m.data = { name: hostile, routes: ['sea', 'other'], 'routes-Comment': '<script>x</script>', legs: [{ to: '<u>Tripoli</u>' }] };
  return m;
}

describe('answers in HTML', () => {
  it('are escaped in html elements, in dynamic panels and on the completed page', () => {
    const m = model();
    const echo = (m.getQuestionByName('echo') as any).locHtml.renderedHtml as string;
    expect(echo).not.toContain('<img');
    expect(echo).not.toContain('<b ');
    expect(echo).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(echo.startsWith('<p>You said ')).toBe(true);
    const leg = (m.getQuestionByName('legs') as any).panels[0].getQuestionByName('leg').locHtml.renderedHtml as string;
    expect(leg).toBe('<i>to &lt;u&gt;Tripoli&lt;/u&gt;</i>');
    expect(m.processedCompletedHtml).toContain('Thank you, &lt;img');
  });

  it('are left as typed in titles, which are rendered as text', () => {
    const m = model();
    expect(m.getQuestionByName('next').locTitle.renderedHtml).toContain(`Where did ${hostile} go next?`);
  });

  it('never lets an answer bring a placeholder of its own', () => {
    const m = new Model(definition);
    escapeAnswersInHtml(m);
    m.data = { name: '{routes-Comment}', routes: ['other'], 'routes-Comment': 'secret' };
    const echo = (m.getQuestionByName('echo') as any).locHtml.renderedHtml as string;
    expect(echo).toContain('You said &#123;routes-Comment&#125;');
    expect(echo).not.toContain('You said secret');
  });
});
