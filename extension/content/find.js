// Finding compose boxes on x.com and reading them: the draft's text (as the
// editor holds it), where each UTF-16 offset sits in the DOM, and what the
// draft answers (reply, quote, place in a thread). Markup notes:
// shared/notes/x-compose-dom.md. When nothing matches, nothing happens.
(() => {
  // Editors, most specific first. Each was seen on x.com on the date given.
  const EDITOR_SELECTORS = [
    // 2024-2025: Draft.js editor with test id tweetTextarea_0, _1 (threads), ...
    '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    // 2024-2025: the same editor if the test ids go away
    '.public-DraftEditor-content[contenteditable="true"][role="textbox"]',
  ];
  // The editor's scrolling wrapper, whose box the underlines are clipped to.
  const CONTAINER_SELECTORS = ['[data-testid$="RichTextInputContainer"]', '.DraftEditor-root'];
  const REPLYING_TO = /^\s*Replying to\b/;
  const HANDLE = /@[A-Za-z0-9_]{1,15}/;

  function findEditors(root = document) {
    const found = new Set();
    for (const selector of EDITOR_SELECTORS) {
      for (const editor of root.querySelectorAll(selector)) found.add(editor);
    }
    return found;
  }

  function containerOf(editor) {
    for (const selector of CONTAINER_SELECTORS) {
      const container = editor.closest(selector);
      if (container) return container;
    }
    return editor;
  }

  // The text nodes of a block, in order (Draft.js: span[data-text] > #text;
  // decorators add spans in between).
  function textNodesOf(element) {
    const nodes = [];
    const draftMarkup = element.querySelector('[data-text="true"]') !== null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!draftMarkup || node.parentElement?.closest('[data-text="true"]')) nodes.push(node);
    }
    return nodes;
  }

  // The draft: Draft.js blocks joined with "\n", and a map from offsets to
  // text nodes ({node, start} with start the node's offset in the text).
  function readDraft(editor) {
    const blocks = editor.querySelectorAll('[data-block="true"]');
    const segments = [];
    let text = '';
    const parts = blocks.length ? [...blocks] : [editor];
    parts.forEach((block, index) => {
      if (index > 0) text += '\n';
      for (const node of textNodesOf(block)) {
        segments.push({ node, start: text.length });
        text += node.data;
      }
    });
    return { text, segments };
  }

  // DOM position of a UTF-16 offset; `forward` prefers the next node at a
  // boundary (for a range's start), else the previous one (for its end).
  function positionOf(draft, offset, forward) {
    const { segments } = draft;
    for (let i = 0; i < segments.length; i += 1) {
      const { node, start } = segments[i];
      const end = start + node.data.length;
      if (offset < start) break;
      if (offset < end || (offset === end && (!forward || i === segments.length - 1 || segments[i + 1].start > end))) {
        return { node, offset: offset - start };
      }
    }
    const last = segments[segments.length - 1];
    return last ? { node: last.node, offset: last.node.data.length } : null;
  }

  // One Range per text node that [start, end) touches: their client rects
  // are the glyph boxes alone, never the boxes of enclosing spans.
  function rangesFor(draft, start, end) {
    const ranges = [];
    for (const { node, start: nodeStart } of draft.segments) {
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      const range = document.createRange();
      range.setStart(node, Math.max(0, start - nodeStart));
      range.setEnd(node, Math.min(node.data.length, end - nodeStart));
      ranges.push(range);
    }
    return ranges;
  }

  function rangeFor(draft, start, end) {
    const from = positionOf(draft, start, true);
    const to = positionOf(draft, end, false);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  // The text offset of a DOM position (the caret), or -1 outside the draft.
  function offsetOf(draft, node, offset) {
    for (const segment of draft.segments) {
      if (segment.node === node) return segment.start + offset;
    }
    if (node?.nodeType === Node.ELEMENT_NODE) {
      const child = node.childNodes[offset] ?? node.childNodes[offset - 1];
      for (const segment of draft.segments) {
        if (child && (child === segment.node || child.contains(segment.node))) return segment.start;
      }
    }
    return -1;
  }

  const precedes = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

  // What the draft answers. A compose dialog (or a post's page, where the
  // inline reply box sits under the post) shows the post being answered
  // above the box and a "Replying to @handle" line; a quoted post sits below.
  function readContext(editor) {
    const context = {};
    const index = /tweetTextarea_(\d+)/.exec(editor.getAttribute('data-testid') ?? '');
    if (index && Number(index[1]) > 0) context.thread_index = Number(index[1]);
    const scope = editor.closest('[role="dialog"]') ??
      (/\/status\/\d+/.test(location.pathname) ? editor.closest('main') : null);
    if (!scope) return context;

    let replying = null;
    for (const element of scope.querySelectorAll('div, span')) {
      if (REPLYING_TO.test(element.textContent) && precedes(element, editor)) replying = element;  // the innermost wins
    }
    const handle = replying && HANDLE.exec(replying.textContent);
    if (handle) context.reply_to = handle[0];

    let answered = null;
    for (const post of scope.querySelectorAll('article [data-testid="tweetText"]')) {
      if (precedes(post, editor)) answered = post;  // the nearest post above the box
      else if (!answered && !handle) context.quote = true;  // a post below the box: a quote
    }
    if (answered && (handle || editor.closest('[role="dialog"]'))) {
      context.in_reply_to_text = answered.innerText.trim();
      if (!context.reply_to) {
        const author = answered.closest('article')?.querySelector('[data-testid="User-Name"]');
        const authorHandle = author && HANDLE.exec(author.textContent);
        if (authorHandle) context.reply_to = authorHandle[0];
      }
    }
    return context;
  }

  globalThis.chimeFind = Object.freeze({ findEditors, containerOf, readDraft, rangesFor, rangeFor, offsetOf, readContext });
})();
