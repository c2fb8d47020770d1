// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeReportHtml } from './sanitize-report-html';

describe('sanitizeReportHtml', () => {
  it('keeps the structure and drops scripts, handlers, styles, images and links', () => {
    const clean = sanitizeReportHtml(`<h2>Findings</h2>
      <p onclick="steal()">No <b>acute</b> abnormality.</p>
      <script>steal()</script>
      <img src="https://evil.example/x.png" onerror="steal()">
      <p style="background:url(https://evil.example/y.png)">Follow-up.</p>
      <a href="https://evil.example">click</a>
      <style>body { display: none }</style>
      <link rel="stylesheet" href="https://evil.example/s.css">
      <svg><script>steal()</script></svg>
      <iframe src="https://evil.example"></iframe>`);
    expect(clean).toContain('<h2>Findings</h2>');
    expect(clean).toContain('<p>No <b>acute</b> abnormality.</p>');
    expect(clean).toContain('<p>Follow-up.</p>');
    expect(clean).toContain('click');
    for (const banned of [
      'script',
      'steal',
      'onclick',
      'onerror',
      'style',
      'evil.example',
      '<img',
      '<a',
      '<link',
      '<svg',
      '<iframe',
    ]) {
      expect(clean).not.toContain(banned);
    }
  });

  it('keeps text that looks like markup as text', () => {
    expect(sanitizeReportHtml('<p>1 &lt; 2 &amp;&amp; &lt;script&gt;x&lt;/script&gt; <b>ok</b></p>')).toBe(
      '<p>1 &lt; 2 &amp;&amp; &lt;script&gt;x&lt;/script&gt; <b>ok</b></p>',
    );
  });
});
