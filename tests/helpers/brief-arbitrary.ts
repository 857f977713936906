import fc from 'fast-check';

/** Letters of many scripts, so splitting, counting and escaping meet text that is not English. */
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  'абвгдеёжзийклмнопрстуфхцчшщыэюяАБВГД',
  'αβγδεζηθικλμνξοπρστυφχψω',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  'אבגדהוזחטיכלמנסעפצקרשת',
  'अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह',
  'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอ',
  '中文字词语国家政策经济安全战略分析报告',
  'ひらがなカタカナ日本語',
  '한국어정책보고서',
  'çéèêëàâîïôöûüñßøåæœ',
] as const;

const word = fc
  .constantFrom(...ALPHABETS)
  .chain((alphabet) => fc.array(fc.constantFrom(...Array.from(alphabet)), { minLength: 1, maxLength: 12 }))
  .map((chars) => chars.join(''));

/** A word, sometimes dressed in inline Markdown or HTML that must keep the word visible. */
const inlineWord = fc.oneof(
  { weight: 12, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)})`) },
  { weight: 1, arbitrary: word.map((w) => `<span class="k">${w}</span>`) },
  { weight: 1, arbitrary: word.map((w) => `<b onclick="alert(1)">${w}</b>`) },
  { weight: 1, arbitrary: fc.nat(9).map((n) => `[^${n + 1}]`) },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&lt;', '—', '🙂', '👩🏽‍💻', '&#169;') },
);

const sentence = fc
  .array(inlineWord, { minLength: 1, maxLength: 30 })
  .chain((ws) => fc.constantFrom('.', '!', '?', '', ';', ' —').map((end) => `${ws.join(' ')}${end}`));

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));
const shortLine = fc.array(inlineWord, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));

const list = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(paragraph, fc.option(fc.array(shortLine, { maxLength: 3 }), { nil: undefined })), { minLength: 1, maxLength: 10 }))
  .map(([ordered, items]) =>
    items
      .map(([text, sub], i) => {
        const marker = ordered ? `${i + 1}.` : '-';
        const nested = (sub ?? []).map((s) => `${' '.repeat(marker.length + 1)}- ${s}`).join('\n');
        return `${marker} ${text}${nested ? `\n${nested}` : ''}`;
      })
      .join('\n'),
  );

const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }))
  .chain(([cols, rows]) => fc.array(fc.array(shortLine, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 }))
  .map((rows) => {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, ' ')).join(' | ')} |`;
    return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
  });

const code = fc
  .tuple(fc.constantFrom('', 'ts', 'python', 'html'), fc.array(fc.array(fc.oneof(word, fc.constantFrom('<script>', '{', '}', '=>', '&&')), { maxLength: 8 }), { minLength: 1, maxLength: 20 }))
  .map(([lang, lines]) => `\`\`\`${lang}\n${lines.map((l) => l.join(' ')).join('\n')}\n\`\`\``);

const quote = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p) => `> ${p}`).join('\n>\n'));
const footnote = fc.tuple(fc.nat(9), paragraph).map(([n, text]) => `[^${n + 1}]: ${text}`);
const html = fc.oneof(
  shortLine.map((t) => `<div class="callout">\n\n${t}\n\n</div>`),
  shortLine.map((t) => `<details><summary>${t}</summary>${t}</details>`),
  fc.constant('<script>alert("x")</script>'),
  fc.constant('<iframe src="javascript:alert(1)"></iframe>'),
  shortLine.map((t) => `<p style="background:url(javascript:alert(1))">${t}</p>`),
);
const directive = fc.oneof(fc.constant('<!-- break -->'), shortLine.map((t) => `<!-- notes: ${t.replace(/--/g, ' ')} -->`), fc.constant('---'));
const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), shortLine).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);

const block = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: code },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: footnote },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: directive },
);

const frontMatter = fc.option(
  fc.record({ title: shortLine, lang: fc.constantFrom('en', 'fr', 'ar', 'zh', 'ja', 'ru', 'he', 'hi'), budget: fc.integer({ min: 20, max: 300 }) }),
  { nil: undefined },
);

/** A whole brief as Markdown text: optional front matter, then blocks of every kind. */
export const briefText = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([fm, blocks, eol]) => {
    const head = fm ? `---\ntitle: ${JSON.stringify(fm.title)}\nlang: ${fm.lang}\nbudget: ${fm.budget}\n---\n\n` : '';
    return `${head}${blocks.join('\n\n')}\n`.replace(/\n/g, eol);
  });
