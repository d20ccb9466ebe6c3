import { describe, expect, it } from 'vitest';
import { mjml } from './markup.js';

describe('template markup', () => {
  it('escapes every interpolated value', () => {
    expect(mjml`<mj-text>${'<b>"Tom" & \'Jerry\'</b>'}</mj-text>`.source).toBe('<mj-text>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</mj-text>');
  });

  it('keeps nested fragments and joins lists', () => {
    const rows = ['a<', 'b'].map((x) => mjml`<tr><td>${x}</td></tr>`);
    expect(mjml`<table>${rows}${null}</table>`.source).toBe('<table><tr><td>a&lt;</td></tr><tr><td>b</td></tr></table>');
  });
});
