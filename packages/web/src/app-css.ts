/** The one stylesheet, served as /static/app.css (kept in code so the package needs no asset copy). */
export const APP_CSS = `
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --bad: #a10000; --ok: #0a6b2d; font-family: system-ui, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0; line-height: 1.5; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem 1rem; border-bottom: 2px solid var(--accent); }
header ul { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; margin: 0; padding: 0; }
.brand { font-weight: 700; margin: 0; }
.who { margin-left: auto; }
main { padding: 1rem; max-width: 72rem; }
footer { padding: 1rem; color: var(--muted); border-top: 1px solid var(--line); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.stack { display: flex; flex-direction: column; gap: .35rem; max-width: 36rem; margin: .75rem 0; }
.inline { display: inline; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
textarea { min-height: 4rem; }
button { padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 3px; cursor: pointer; }
.notice { padding: .5rem .75rem; border-left: 4px solid; }
.notice.error { border-color: var(--bad); background: #fdecec; }
.notice.ok { border-color: var(--ok); background: #eaf6ee; }
.post-text, .prewrap { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 30rem; overflow: auto; border: 1px solid var(--line); padding: .5rem; unicode-bidi: isolate; }
mark { background: #ffe27a; color: inherit; }
.ctl { background: #ffd6d6; color: var(--bad); font-family: monospace; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.overdue, .draft-flag { color: var(--bad); }
.decide, .moves, .versions { display: flex; flex-wrap: wrap; gap: 2rem; }
.versions section { flex: 1 1 20rem; }
iframe.letter { width: 100%; height: 32rem; border: 1px solid var(--line); }
.tiles { display: flex; gap: 1rem; list-style: none; padding: 0; }
.tiles li { border: 1px solid var(--line); padding: .75rem 1rem; }
.pager { display: flex; gap: 1rem; }
code { overflow-wrap: anywhere; }
`;
