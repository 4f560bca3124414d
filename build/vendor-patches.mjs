// Reviewed source patches to third-party libraries, applied while esbuild bundles the extension (never
// to node_modules on disk, never to the Node library, which keeps the libraries as they ship).
//
// Why: addons-linter (`web-ext lint`) warns about every assignment of a non-constant string to
// innerHTML, and a warning-free lint is a release rule. Each patch below replaces one such assignment
// with DOM operations that keep the library's behaviour, and says why it is safe. Two more leave out
// Readability's debug logging, which the extension never turns on (content.js's size budget, and one
// serialisation of the whole article per parse).
//
// Every patch matches exact source text, once (or `count` times when it says so, every occurrence
// replaced). If a library upgrade changes that text, or esbuild starts
// loading a file of a patched package that this list does not know, the build FAILS and names the patch:
// an upgrade can never silently ship the unpatched code. To review an upgrade: read the library's new
// code around each `find`, update the text, and run test/unit/security/vendor-patches.test.ts.
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** _cleanConditionally's list share: the text of every list in a node over the node's text. */
const listShareMeasure =
  '      var isList = tag === "ul" || tag === "ol";\n' +
  '      if (!isList) {\n' +
  '        var listLength = 0;\n' +
  '        var listNodes = this._getAllNodesWithTag(node, ["ul", "ol"]);\n' +
  '        this._forEachNode(\n' +
  '          listNodes,\n' +
  '          list => (listLength += this._getInnerText(list).length)\n' +
  '        );\n' +
  '        isList = listLength / this._getInnerText(node).length > 0.9;\n' +
  '      }\n';

/** _cleanConditionally's checks that keep or remove a node without its list share. */
const checksWithoutListShare =
  '\n' +
  '      if (tag === "table" && isDataTable(node)) {\n' +
  '        return false;\n' +
  '      }\n' +
  '\n' +
  "      // Next check if we're inside a data table, in which case don't remove it as well.\n" +
  '      if (this._hasAncestorTag(node, "table", -1, isDataTable)) {\n' +
  '        return false;\n' +
  '      }\n' +
  '\n' +
  '      if (this._hasAncestorTag(node, "code")) {\n' +
  '        return false;\n' +
  '      }\n' +
  '\n' +
  '      // keep element if it has a data tables\n' +
  '      if (\n' +
  '        [...node.getElementsByTagName("table")].some(\n' +
  '          tbl => tbl._readabilityDataTable\n' +
  '        )\n' +
  '      ) {\n' +
  '        return false;\n' +
  '      }\n' +
  '\n' +
  '      var weight = this._getClassWeight(node);\n' +
  '\n' +
  '      this.log("Cleaning Conditionally", node);\n' +
  '\n' +
  '      var contentScore = 0;\n' +
  '\n' +
  '      if (weight + contentScore < 0) {\n' +
  '        return true;\n' +
  '      }\n';

/**
 * Per package (a folder under node_modules): the files esbuild may load from it, each with its patches.
 * A file listed with no patches is known to need none (`why` says so).
 * A patch marked `speed` only makes the library faster, with the same results on every page: proven by
 * test/unit/bundle/readability-speed-patches.test.ts and test/bench/speed/readability-identical.ts, and
 * measured in Chromium by test/bench/speed/readability-patches.ts (keep one only if it measurably helps).
 * @type {Record<string, Record<string, { why?: string; patches: { name: string; reason: string; find: string; replace: string; count?: number; speed?: boolean }[] }>>}
 */
export const vendorPatchList = {
  '@mozilla/readability': {
    'index.js': { why: 'only re-exports the two modules below', patches: [] },
    'Readability-readerable.js': { why: 'reads the DOM, never parses HTML', patches: [] },
    'Readability.js': {
      patches: [
        {
          name: 'readability-page-cache-as-nodes',
          reason:
            'Readability keeps a copy of the page to retry with other flags. As an HTML string put ' +
            'back with innerHTML, every retry re-parses the page; as cloned nodes it is restored with ' +
            'replaceChildren: the same nodes, with no HTML parsing at all.',
          find: 'var pageCacheHtml = page.innerHTML;',
          replace:
            '/* Broadsheet vendor patch readability-page-cache-as-nodes: cloned nodes, not HTML */ ' +
            'var pageCache = page.ownerDocument.createDocumentFragment(); ' +
            'for (var cached = page.firstChild; cached; cached = cached.nextSibling) ' +
            'pageCache.appendChild(cached.cloneNode(true));',
        },
        {
          name: 'readability-page-cache-restore',
          reason:
            'Restores the cached copy (a fresh clone each time: there may be several retries).',
          find: 'page.innerHTML = pageCacheHtml;',
          replace:
            '/* Broadsheet vendor patch readability-page-cache-restore */ ' +
            'page.replaceChildren(pageCache.cloneNode(true));',
        },
        {
          name: 'readability-noscript-inert-parse',
          reason:
            "A <noscript>'s image markup is parsed by DOMParser into an inert document (no scripts, no " +
            'loads, no event handlers) and its nodes are moved into the temporary <div>, instead of ' +
            "being parsed by innerHTML in Readability's document.",
          find: 'tmp.innerHTML = noscript.innerHTML;',
          replace:
            '/* Broadsheet vendor patch readability-noscript-inert-parse */ ' +
            'var inertNoscript = new DOMParser().parseFromString(noscript.innerHTML, "text/html"); ' +
            'while (inertNoscript.body.firstChild) tmp.appendChild(inertNoscript.body.firstChild);',
        },
        {
          name: 'readability-without-jsdomparser',
          reason:
            "JSDOMParser is Readability's own DOM for its tests (a document whose first child says " +
            '__JSDOMParser__); the extension reads copies of browser documents only, where that mark is ' +
            'never set (a page script could not set it on the copy either), so the branches for it never ' +
            'run: left out of content.js (its size budget).',
          find: '  this._docJSDOMParser = this._doc.firstChild.__JSDOMParser__;\n',
          replace: '',
        },
        {
          name: 'readability-without-jsdomparser',
          reason: 'as above: only a JSDOMParser node list can fail this check (in _removeNodes)',
          find:
            '    if (this._docJSDOMParser && nodeList._isLiveNodeList) {\n' +
            '      throw new Error("Do not pass live node lists to _removeNodes");\n' +
            '    }\n',
          replace: '',
        },
        {
          name: 'readability-without-jsdomparser',
          reason:
            'as above: only a JSDOMParser node list can fail this check (in _replaceNodeTags)',
          find:
            '    if (this._docJSDOMParser && nodeList._isLiveNodeList) {\n' +
            '      throw new Error("Do not pass live node lists to _replaceNodeTags");\n' +
            '    }\n',
          replace: '',
        },
        {
          name: 'readability-without-jsdomparser',
          reason: 'as above: _setNodeTag renames a JSDOMParser node in place; others are replaced',
          find:
            '    if (this._docJSDOMParser) {\n' +
            '      node.localName = tag.toLowerCase();\n' +
            '      node.tagName = tag.toUpperCase();\n' +
            '      return node;\n' +
            '    }\n',
          replace: '',
        },
        {
          name: 'readability-grabbed-log-debug-only',
          reason:
            'Readability serialises the whole article (innerHTML) on every parse only to hand it to ' +
            'its logger, which does nothing unless `debug` is set (the extension never sets it). The ' +
            'other such logs are already behind `if (this._debug)`; this one now is too.',
          find: '    this.log("Grabbed: " + articleContent.innerHTML);',
          replace:
            '    /* Broadsheet vendor patch readability-grabbed-log-debug-only */ ' +
            'if (this._debug) this.log("Grabbed: " + articleContent.innerHTML);',
        },
        {
          name: 'readability-clean-conditionally-list-share-later',
          speed: true,
          // Listed before readability-log-calls-pure: its text includes a this.log call.
          reason:
            "_cleanConditionally measured a node's list share (the text of the node and of every list " +
            'in it) before the checks that keep or remove the node without it (data tables, <code>, a ' +
            'negative class weight): on wikipedia-2 most of that text (0.5 MB) was for nodes those ' +
            'checks decide. The same code now runs after them; all of it only reads the DOM.',
          // The list-share measure moves from before these checks to after them, unchanged.
          find: listShareMeasure + checksWithoutListShare,
          replace:
            checksWithoutListShare +
            '      /* Broadsheet vendor patch readability-clean-conditionally-list-share-later */\n' +
            listShareMeasure,
        },
        {
          name: 'readability-debug-logger-out',
          reason:
            "Readability's debug logger (console or dump, with a describer for DOM nodes) is only made " +
            'when `debug` is set, which the extension never does; without it Readability logs with an ' +
            'empty function, as it now always does. About 0.5 KB of content.js (its size budget).',
          find:
            '  // Control whether log messages are sent to the console\n' +
            '  if (this._debug) {\n' +
            '    let logNode = function (node) {\n' +
            '      if (node.nodeType == node.TEXT_NODE) {\n' +
            '        return `${node.nodeName} ("${node.textContent}")`;\n' +
            '      }\n' +
            '      let attrPairs = Array.from(node.attributes || [], function (attr) {\n' +
            '        return `${attr.name}="${attr.value}"`;\n' +
            '      }).join(" ");\n' +
            '      return `<${node.localName} ${attrPairs}>`;\n' +
            '    };\n' +
            '    this.log = function () {\n' +
            '      if (typeof console !== "undefined") {\n' +
            '        let args = Array.from(arguments, arg => {\n' +
            '          if (arg && arg.nodeType == this.ELEMENT_NODE) {\n' +
            '            return logNode(arg);\n' +
            '          }\n' +
            '          return arg;\n' +
            '        });\n' +
            '        args.unshift("Reader: (Readability)");\n' +
            '        // eslint-disable-next-line no-console\n' +
            '        console.log(...args);\n' +
            '      } else if (typeof dump !== "undefined") {\n' +
            '        /* global dump */\n' +
            '        var msg = Array.prototype.map\n' +
            '          .call(arguments, function (x) {\n' +
            '            return x && x.nodeName ? logNode(x) : x;\n' +
            '          })\n' +
            '          .join(" ");\n' +
            '        dump("Reader: (Readability) " + msg + "\\n");\n' +
            '      }\n' +
            '    };\n' +
            '  } else {\n' +
            '    this.log = function () {};\n' +
            '  }\n',
          replace:
            '  /* Broadsheet vendor patch readability-debug-logger-out: the extension never sets debug */\n' +
            '  this.log = function () {};\n',
        },
        {
          name: 'readability-log-calls-pure',
          reason:
            'Every this.log(...) call is marked pure, so the minifier drops the calls and their message ' +
            "strings (about 0.9 KB of content.js). Without `debug` Readability's log is an empty " +
            'function, so nothing observable changes; arguments with side effects are still evaluated.',
          find: 'this.log(',
          count: 24,
          replace: '/* @__PURE__ */ this.log(',
        },
        {
          name: 'readability-visible-style-attribute',
          speed: true,
          reason:
            'Reading node.style makes Chromium build a style declaration object for every element ' +
            '(about 7,700 on a large page). An element without a style attribute has an empty inline ' +
            "style (display and visibility are ''), so the style is only read when the attribute exists.",
          find:
            '      (!node.style || node.style.display != "none") &&\n' +
            '      (!node.style || node.style.visibility != "hidden") &&\n',
          replace:
            '      /* Broadsheet vendor patch readability-visible-style-attribute */ ' +
            '(!node.hasAttribute("style") || ' +
            '((!node.style || node.style.display != "none") && ' +
            '(!node.style || node.style.visibility != "hidden"))) &&\n',
        },
        {
          name: 'readability-without-content-text-walk',
          speed: true,
          reason:
            'To learn whether an element has any non-whitespace text, Readability built its whole ' +
            'textContent (every wrapper div of a page again: 2.7 MB of strings on wikipedia-2). Walking ' +
            'its Text and CDATA nodes (what textContent joins) and stopping at the first one with a ' +
            'non-whitespace character answers the same: trim() and \\S use the same whitespace set.',
          find:
            '  _isElementWithoutContent(node) {\n' +
            '    return (\n' +
            '      node.nodeType === this.ELEMENT_NODE &&\n' +
            '      !node.textContent.trim().length &&\n',
          replace:
            '  _isElementWithoutContent(node) {\n' +
            '    /* Broadsheet vendor patch readability-without-content-text-walk */\n' +
            '    if (node.nodeType !== this.ELEMENT_NODE) return false;\n' +
            '    var walker = node.ownerDocument.createTreeWalker(node, 12);\n' +
            '    for (var text; (text = walker.nextNode()); ) if (/\\S/.test(text.data)) return false;\n' +
            '    return (\n',
        },
        {
          name: 'readability-clean-styles-present-names',
          speed: true,
          reason:
            'Removing the 12 presentational attributes one by one costs 12 DOM calls per element of the ' +
            'article, though most have none of them. Now only the names the element has are removed ' +
            '(each name once: removeAttribute removes its first match, as before; the others were no-ops).',
          find:
            '    for (var i = 0; i < this.PRESENTATIONAL_ATTRIBUTES.length; i++) {\n' +
            '      e.removeAttribute(this.PRESENTATIONAL_ATTRIBUTES[i]);\n' +
            '    }\n',
          replace:
            '    /* Broadsheet vendor patch readability-clean-styles-present-names */\n' +
            '    var names = e.getAttributeNames();\n' +
            '    for (var i = 0; i < names.length; i++) {\n' +
            '      if (this.PRESENTATIONAL_ATTRIBUTES.includes(names[i]) && names.indexOf(names[i]) === i)\n' +
            '        e.removeAttribute(names[i]);\n' +
            '    }\n',
        },
        {
          name: 'readability-clean-classes-without-class',
          speed: true,
          reason:
            'An element without a class attribute has no class to keep or remove: skip the split, ' +
            'filter and join (removeAttribute of a missing attribute is a no-op).',
          find: '    var className = (node.getAttribute("class") || "")\n',
          replace:
            '    /* Broadsheet vendor patch readability-clean-classes-without-class */\n' +
            '    var className = node.hasAttribute("class") && (node.getAttribute("class") || "")\n',
        },
        {
          name: 'readability-candidate-text-lengths',
          speed: true,
          reason:
            'The link density of every candidate divides by its text length, read as _getInnerText does: ' +
            'its whole textContent, trimmed, runs of 2+ white space made one space. Candidates nest (up to ' +
            'five ancestors of each paragraph), so on wikipedia-2 that read 1.3 MB of text for a page of ' +
            'a fifth of it. That length is the number of non-space characters plus one per run of white ' +
            'space between two of them; it is now counted per candidate from its children in order: a ' +
            "candidate child's count (computed once), another child's own text read as before (an " +
            'element by textContent, a Text or CDATA node by its data; comments and processing ' +
            'instructions are not in textContent), joining runs across the boundaries. Nothing changes ' +
            'the DOM in that loop. White space is \\s (the set trim() uses, see its test).',
          find: '      for (var c = 0, cl = candidates.length; c < cl; c += 1) {\n',
          replace:
            '      /* Broadsheet vendor patch readability-candidate-text-lengths: each candidate known, none counted */\n' +
            '      var textLengths = new Map(candidates.map(node => [node]));\n' +
            '      for (var c = 0, cl = candidates.length; c < cl; c += 1) {\n',
        },
        {
          name: 'readability-candidate-text-lengths',
          speed: true,
          reason: 'Part of readability-candidate-text-lengths (above).',
          find: '          (1 - this._getLinkDensity(candidate));\n',
          replace:
            '          /* Broadsheet vendor patch readability-candidate-text-lengths */\n' +
            '          (1 - this._getLinkDensity(candidate, this._textLength(candidate, textLengths)[0]));\n',
        },
        {
          name: 'readability-candidate-text-lengths',
          speed: true,
          reason:
            'Part of readability-candidate-text-lengths (above): _getLinkDensity takes the text length ' +
            'when it is known, and reads it as before when not (its other callers).',
          find:
            '  _getLinkDensity(element) {\n' +
            '    var textLength = this._getInnerText(element).length;\n',
          replace:
            '  /* Broadsheet vendor patch readability-candidate-text-lengths: [the length of\n' +
            '     _getInnerText(node), whether its text starts with white space, whether it ends with it],\n' +
            '     from its children; `known` holds the candidates, each with its answer once counted. */\n' +
            '  _textLength(node, known) {\n' +
            '    var answer = known.get(node);\n' +
            '    if (answer) return answer;\n' +
            '    var length = 0, starts = false, gap = false;\n' +
            '    for (var child = node.firstChild; child; child = child.nextSibling) {\n' +
            '      var part;\n' +
            '      if (known.has(child)) part = this._textLength(child, known);\n' +
            '      // Elements, Text and CDATA (1, 3, 4); not processing instructions (7) nor comments (8).\n' +
            '      else if (child.nodeType < 5) {\n' +
            '        var text = child.textContent;\n' +
            '        part = [\n' +
            '          text.trim().replace(this.REGEXPS.normalize, " ").length,\n' +
            // The first and last code unit (white space is all in the BMP; /\s$/ would scan the text).
            '          /\\s/.test(text.slice(0, 1)),\n' +
            '          /\\s/.test(text.slice(-1)),\n' +
            '        ];\n' +
            '      } else continue;\n' +
            '      if (!length && part[1]) starts = true;\n' +
            '      if (part[0]) {\n' +
            '        length += part[0] + (length && (gap || part[1]) ? 1 : 0);\n' +
            '        gap = part[2];\n' +
            '      } else if (part[1]) gap = true;\n' +
            '    }\n' +
            '    known.set(node, (answer = [length, starts, gap]));\n' +
            '    return answer;\n' +
            '  },\n' +
            '\n' +
            '  _getLinkDensity(element, textLength = this._getInnerText(element).length) {\n',
        },
        {
          name: 'readability-candidate-link-lengths',
          speed: true,
          reason:
            "_grabArticle scales every candidate's score by its link density, and the candidates include " +
            'up to five ancestors of every paragraph: each large container read the text and href of ' +
            'all its links again (on wikipedia-2 every link five times over). In that loop (which ' +
            "changes no DOM) each link's weighted length is kept once read, and forgotten after it.",
          find:
            '      var href = linkNode.getAttribute("href");\n' +
            '      var coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;\n' +
            '      linkLength += this._getInnerText(linkNode).length * coefficient;\n',
          replace:
            '      /* Broadsheet vendor patch readability-candidate-link-lengths */\n' +
            '      var known = this._linkLengths;\n' +
            '      var weighted = known?.get(linkNode);\n' +
            '      if (weighted === undefined) {\n' +
            '        var href = linkNode.getAttribute("href");\n' +
            '        var coefficient = href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;\n' +
            '        weighted = this._getInnerText(linkNode).length * coefficient;\n' +
            '        known?.set(linkNode, weighted);\n' +
            '      }\n' +
            '      linkLength += weighted;\n',
        },
        {
          name: 'readability-candidate-link-lengths',
          speed: true,
          reason: 'Part of readability-candidate-link-lengths (above): remembered from here.',
          find: '      var topCandidates = [];\n',
          replace:
            '      var topCandidates = [];\n' +
            '      /* Broadsheet vendor patch readability-candidate-link-lengths */\n' +
            '      this._linkLengths = new Map();\n',
        },
        {
          name: 'readability-candidate-link-lengths',
          speed: true,
          reason:
            'Part of readability-candidate-link-lengths (above): forgotten here, before any DOM change.',
          find: '      var topCandidate = topCandidates[0] || null;\n',
          replace:
            '      /* Broadsheet vendor patch readability-candidate-link-lengths */\n' +
            '      this._linkLengths = null;\n' +
            '      var topCandidate = topCandidates[0] || null;\n',
        },
        {
          name: 'readability-clean-conditionally-checks-without-messages',
          speed: true,
          reason:
            "_cleanConditionally's last checks each pushed a message (8 template strings) onto a list " +
            'only handed to the debug log (a no-op here, see readability-debug-logger-out); the node is ' +
            'removed when the list is not empty. Now the same conditions, or-ed: the same answer ' +
            '(they only compare numbers already computed), without the messages (about 0.4 KB of ' +
            'content.js).',
          find:
            '        const shouldRemoveNode = () => {\n' +
            '          const errs = [];\n' +
            '          if (!isFigureChild && img > 1 && p / img < 0.5) {\n' +
            '            errs.push(`Bad p to img ratio (img=${img}, p=${p})`);\n' +
            '          }\n' +
            '          if (!isList && li > p) {\n' +
            "            errs.push(`Too many li's outside of a list. (li=${li} > p=${p})`);\n" +
            '          }\n' +
            '          if (input > Math.floor(p / 3)) {\n' +
            '            errs.push(`Too many inputs per p. (input=${input}, p=${p})`);\n' +
            '          }\n' +
            '          if (\n' +
            '            !isList &&\n' +
            '            !isFigureChild &&\n' +
            '            headingDensity < 0.9 &&\n' +
            '            contentLength < 25 &&\n' +
            '            (img === 0 || img > 2) &&\n' +
            '            linkDensity > 0\n' +
            '          ) {\n' +
            '            errs.push(\n' +
            '              `Suspiciously short. (headingDensity=${headingDensity}, img=${img}, linkDensity=${linkDensity})`\n' +
            '            );\n' +
            '          }\n' +
            '          if (\n' +
            '            !isList &&\n' +
            '            weight < 25 &&\n' +
            '            linkDensity > 0.2 + this._linkDensityModifier\n' +
            '          ) {\n' +
            '            errs.push(\n' +
            '              `Low weight and a little linky. (linkDensity=${linkDensity})`\n' +
            '            );\n' +
            '          }\n' +
            '          if (weight >= 25 && linkDensity > 0.5 + this._linkDensityModifier) {\n' +
            '            errs.push(\n' +
            '              `High weight and mostly links. (linkDensity=${linkDensity})`\n' +
            '            );\n' +
            '          }\n' +
            '          if ((embedCount === 1 && contentLength < 75) || embedCount > 1) {\n' +
            '            errs.push(\n' +
            '              `Suspicious embed. (embedCount=${embedCount}, contentLength=${contentLength})`\n' +
            '            );\n' +
            '          }\n' +
            '          if (img === 0 && textDensity === 0) {\n' +
            '            errs.push(\n' +
            '              `No useful content. (img=${img}, textDensity=${textDensity})`\n' +
            '            );\n' +
            '          }\n' +
            '\n' +
            '          if (errs.length) {\n' +
            // readability-log-calls-pure (above) marked the log call.
            '            /* @__PURE__ */ this.log("Checks failed", errs);\n' +
            '            return true;\n' +
            '          }\n' +
            '\n' +
            '          return false;\n' +
            '        };\n' +
            '\n',
          replace:
            '        /* Broadsheet vendor patch readability-clean-conditionally-checks-without-messages */\n' +
            '        const shouldRemoveNode = () =>\n' +
            '          (!isFigureChild && img > 1 && p / img < 0.5) ||\n' +
            '          (!isList && li > p) ||\n' +
            '          input > Math.floor(p / 3) ||\n' +
            '          (!isList &&\n' +
            '            !isFigureChild &&\n' +
            '            headingDensity < 0.9 &&\n' +
            '            contentLength < 25 &&\n' +
            '            (img === 0 || img > 2) &&\n' +
            '            linkDensity > 0) ||\n' +
            '          (!isList && weight < 25 && linkDensity > 0.2 + this._linkDensityModifier) ||\n' +
            '          (weight >= 25 && linkDensity > 0.5 + this._linkDensityModifier) ||\n' +
            '          (embedCount === 1 && contentLength < 75) ||\n' +
            '          embedCount > 1 ||\n' +
            '          (img === 0 && textDensity === 0);\n' +
            '\n',
        },
      ],
    },
  },
  dompurify: {
    'dist/purify.es.mjs': {
      patches: [
        {
          name: 'dompurify-no-innerhtml-fallback',
          reason:
            'DOMPurify falls back to innerHTML on a bare XML document when DOMParser cannot parse ' +
            'text/html. Our targets (Chromium 120+, Firefox 128+) always can, so the fallback is ' +
            'unreachable there; it now throws a clear error instead of parsing with innerHTML.',
          find:
            '\t\tif (!doc || !doc.documentElement) {\n' +
            '\t\t\tdoc = implementation.createDocument(NAMESPACE, "template", null);\n' +
            '\t\t\ttry {\n' +
            '\t\t\t\tdoc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;\n' +
            '\t\t\t} catch (_) {}\n' +
            '\t\t}\n',
          replace:
            '\t\tif (!doc || !doc.documentElement) {\n' +
            '\t\t\t/* Broadsheet vendor patch dompurify-no-innerhtml-fallback */\n' +
            '\t\t\tthrow new TypeError("DOMPurify: DOMParser could not parse the input as text/html, ' +
            'and this build has no innerHTML fallback");\n' +
            '\t\t}\n',
        },
      ],
    },
  },
};

/** How many times `needle` occurs in `text`. */
function occurrences(text, needle) {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    count += 1;
  }
  return count;
}

/**
 * Applies `patches` to `source` (the text of `label`). Throws, naming the patch, unless each `find`
 * occurs exactly once (or exactly `count` times, for a patch that replaces every occurrence).
 */
export function applyPatches(source, patches, label) {
  let text = source;
  for (const patch of patches) {
    const expected = patch.count ?? 1;
    const found = occurrences(text, patch.find);
    if (found !== expected) {
      const times = expected === 1 ? 'exactly once' : `exactly ${expected} times`;
      throw new Error(
        `vendor patch "${patch.name}" for ${label}: expected its source text ${times}, found it ` +
          `${found} times. The library changed: review the patch in build/vendor-patches.mjs.`,
      );
    }
    text = text.replaceAll(patch.find, () => patch.replace);
  }
  return text;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A package's folder under `root`'s node_modules and, when a link leads there (a linked node_modules, a
 * pnpm-style store), the real folder too: esbuild loads files by their real path, and a file it loads
 * from a folder the filter does not know would be bundled UNPATCHED.
 */
function packageFolders(root, name) {
  const folder = join(root, 'node_modules', name);
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // Not installed: esbuild cannot load any file of it either.
  }
  return [...new Set([folder, real])].map((path) => path + sep);
}

/**
 * The esbuild plugin. `root` is the repository (whose node_modules holds the packages). Loads every file
 * of a listed package itself: patched files get their patches, listed files without patches load as
 * they are, and any other file of those packages stops the build.
 */
export function vendorPatches(root, list = vendorPatchList) {
  const folders = Object.keys(list).flatMap((name) =>
    packageFolders(root, name).map((folder) => ({ name, folder })),
  );
  const filter = new RegExp(`^(${folders.map(({ folder }) => escapeRegExp(folder)).join('|')})`);
  return {
    name: 'broadsheet-vendor-patches',
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        const { name: packageName, folder } = folders.find(({ folder }) =>
          args.path.startsWith(folder),
        );
        const file = args.path.slice(folder.length).split(sep).join('/');
        const entry = list[packageName][file];
        const label = `${packageName}/${file}`;
        if (entry === undefined) {
          return {
            errors: [
              {
                text:
                  `vendor patches: ${label} is bundled but build/vendor-patches.mjs does not list it. ` +
                  'Review it for innerHTML and similar parsing (the linter flags them), then list it ' +
                  'with its patches or with `why` it needs none.',
              },
            ],
          };
        }
        const source = await readFile(args.path, 'utf8');
        try {
          return { contents: applyPatches(source, entry.patches, label), loader: 'js' };
        } catch (error) {
          return { errors: [{ text: error instanceof Error ? error.message : String(error) }] };
        }
      });
    },
  };
}
