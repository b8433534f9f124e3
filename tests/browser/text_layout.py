"""Large text in a browser tab, and what it does to a page's layout (WCAG 1.4.4 Resize text, 1.4.10 Reflow).

Two honest ways to ask Chromium for text at twice its size, both of which change the root element's default font
size, the one unit every rem, em and em-based media query of the site follows:

- the browser's own font-size setting (Chrome's Settings > Appearance > Font size; Firefox's default size), set
  through the DevTools protocol's Page.setFontSizes, the value those settings write;
- the phone's operating-system text size, which Chrome hands to pages that opt in with
  <meta name="text-scale" content="scale"> (CSS Fonts 5), emulated with Emulation.setEmulatedOSTextScale.

Not honest: page zoom or a device scale factor (they enlarge everything, so nothing needs to reflow), or a style sheet
that sets `html { font-size: 200% }` (em-based media queries keep answering to the old size).
"""
from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page

CHROMIUM_DEFAULT_FONT_SIZES = {"standard": 16, "fixed": 13}
"""Chromium's default font sizes in CSS px (its WebPreferences defaults)."""


def set_browser_font_size(context: BrowserContext, page: Page, factor: float) -> None:
    """The browser's font-size setting at `factor` times its default; stays for every page the tab loads."""
    sizes = {kind: round(size * factor) for kind, size in CHROMIUM_DEFAULT_FONT_SIZES.items()}
    context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": sizes})


def set_phone_text_size(context: BrowserContext, page: Page, factor: float) -> None:
    """The operating system's text size at `factor` (1 = 100 %), as an Android phone's accessibility setting gives it."""
    context.new_cdp_session(page).send("Emulation.setEmulatedOSTextScale", {"scale": factor})


def root_font_size(page: Page) -> float:
    """The root element's computed font size in CSS px."""
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


_LAYOUT_PROBLEMS = r"""() => {
  const shown = element => element.checkVisibility({opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true});
  const describe = element => element.tagName.toLowerCase()
    + (typeof element.className === 'string' && element.className.trim() ? '.' + element.className.trim().split(/\s+/).join('.') : '');
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || !parent || parent.closest('script, style, noscript, svg') || !shown(parent)) continue;
    const box = parent.getBoundingClientRect();
    if (box.width > 1 && box.height > 1) texts.push(node);
  }
  const style = element => getComputedStyle(element);
  const px = value => parseFloat(value) || 0;
  const sides = s => px(s.paddingLeft) + px(s.paddingRight) + px(s.borderLeftWidth) + px(s.borderRightWidth);

  // The widest line a text can have: its block's content box, less the padding of the inline-blocks it sits in.
  const room = element => {
    let less = 0;
    for (let e = element; e; e = e.parentElement) {
      const s = style(e);
      if (s.display === 'inline' || s.display === 'contents') continue;
      if (s.display.startsWith('inline')) { less += sides(s); continue; }
      return e.getBoundingClientRect().width - sides(s) - less;
    }
    return Infinity;
  };
  // Whether the browser would hyphenate this word in this element's language: a box of no width shows it.
  const hyphenates = (element, word) => {
    if (style(element).hyphens !== 'auto') return false;
    const probe = document.createElement('span');
    probe.textContent = word;
    probe.style.cssText = 'display:block;position:absolute;inline-size:0;hyphens:auto;overflow-wrap:normal;word-break:normal;white-space:normal;visibility:hidden';
    element.appendChild(probe);
    const range = document.createRange();
    range.selectNodeContents(probe);
    const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
    probe.remove();
    return lines > 1;
  };
  const ownBreak = /[\s\-\u00ad\u2010\u2011\u2013\u2014\/,;:.()\[\]]/;
  const brokenWords = [];
  for (const node of texts) {
    for (const match of node.textContent.matchAll(/\S+/g)) {
      const word = match[0];
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + word.length);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
      if (new Set(rects.map(r => Math.round(r.top))).size < 2) continue;
      let previous = null, inside = false;
      for (let i = 0; i < word.length; i++) {
        const one = document.createRange();
        one.setStart(node, match.index + i);
        one.setEnd(node, match.index + i + 1);
        const r = one.getBoundingClientRect();
        if (r.width === 0) continue;
        if (previous !== null && Math.abs(r.top - previous) > r.height / 2 && !ownBreak.test(word[i - 1]) && !ownBreak.test(word[i])) inside = true;
        previous = r.top;
      }
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      const space = room(node.parentElement);
      if (inside && width < space - 1 && !hyphenates(node.parentElement, word)) {
        brokenWords.push(`"${word}" in ${describe(node.parentElement)} (${Math.round(width)} px wide, the line has ${Math.round(space)} px)`);
      }
    }
  }

  const clipped = new Set(), spilling = new Set();
  for (const element of new Set(texts.map(node => node.parentElement))) {
    for (let e = element; e && e !== document.body; e = e.parentElement) {
      const s = style(e);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') break;
      // A name cut with an ellipsis on purpose, whose link or box carries the whole of it as its title, is not lost.
      if (s.textOverflow === 'ellipsis' && e.closest('[title]')) break;
      if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && e.scrollWidth > e.clientWidth + 1) {
        clipped.add(`${describe(e)} "${e.textContent.trim().slice(0, 40)}" (${e.scrollWidth} px of text in ${e.clientWidth} px)`);
        break;
      }
    }
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('svg') || !shown(element)) continue;
    const s = style(element);
    if (s.overflowX === 'visible' && !s.display.startsWith('inline') && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
      spilling.add(`${describe(element)} "${element.textContent.trim().slice(0, 40)}" (${element.scrollWidth} px in ${element.clientWidth} px)`);
    }
  }

  // Lines of text, each cut to what its scrolling or clipping ancestors let through.
  const seenThrough = element => {
    const box = {left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity};
    for (let e = element; e && e !== document.documentElement; e = e.parentElement) {
      const s = style(e);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const r = e.getBoundingClientRect();
        box.left = Math.max(box.left, r.left); box.top = Math.max(box.top, r.top);
        box.right = Math.min(box.right, r.right); box.bottom = Math.min(box.bottom, r.bottom);
      }
    }
    return box;
  };
  const lines = [];
  for (const node of texts) {
    const clip = seenThrough(node.parentElement);
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      const line = {left: Math.max(r.left, clip.left), right: Math.min(r.right, clip.right), top: Math.max(r.top, clip.top), bottom: Math.min(r.bottom, clip.bottom)};
      if (line.right - line.left > 1 && line.bottom - line.top > 1) lines.push({node, line});
    }
  }
  const overlapping = new Set();
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i], b = lines[j];
      if (a.node === b.node) continue;
      const across = Math.min(a.line.right, b.line.right) - Math.max(a.line.left, b.line.left);
      const down = Math.min(a.line.bottom, b.line.bottom) - Math.max(a.line.top, b.line.top);
      if (across > 2 && down > 2) overlapping.add(`"${a.node.textContent.trim().slice(0, 30)}" and "${b.node.textContent.trim().slice(0, 30)}"`);
    }
  }
  return {
    page_width: document.documentElement.scrollWidth,
    viewport_width: document.documentElement.clientWidth,
    broken_words: brokenWords,
    clipped: Array.from(clipped),
    spilling: Array.from(spilling),
    overlapping: Array.from(overlapping),
  };
}"""


def layout_problems(page: Page) -> dict[str, Any]:
    """What keeps a page from reading well: its width against the viewport's (CSS px), words broken between two letters
    though they would fit a line (a break after a hyphen, dash or slash, or at a syllable the browser hyphenates, is
    fine), text cut off by a box that hides its overflow, boxes whose content runs out of them, and lines of text that
    lie over one another."""
    return page.evaluate(_LAYOUT_PROBLEMS)


def what_a_person_would_see_wrong(page: Page) -> list[str]:
    """What a person looking at a screenshot of the page would call wrong, one line each (empty when nothing): no
    visible main heading with text, a page wider than the screen, words broken inside, text cut off, content running
    out of its box, text over text."""
    heading = page.locator("h1:visible").first
    missing_heading = [] if heading.count() and heading.inner_text().strip() else ["no visible main heading with text"]
    return missing_heading + layout_problem_lines(layout_problems(page))


def layout_problem_lines(found: dict[str, Any]) -> list[str]:
    """What layout_problems found, one line each: a page wider than the screen, then every word broken inside, text
    cut off, box overrun and text over text."""
    return [
        *([f"the page is {found['page_width']} px wide on a {found['viewport_width']} px screen"] if found["page_width"] > found["viewport_width"] else []),
        *(f"word broken inside: {entry}" for entry in found["broken_words"]),
        *(f"text cut off: {entry}" for entry in found["clipped"]),
        *(f"runs out of its box: {entry}" for entry in found["spilling"]),
        *(f"text over text: {entry}" for entry in found["overlapping"]),
    ]
