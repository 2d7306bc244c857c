namespace DePin.Index.Node.Query;

/// <summary>A small query page (GraphiQL-like: query, variables, result, Ctrl-Enter runs) with no external scripts.</summary>
internal static class QueryPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>DePin.Index GraphQL</title>
        <style>
        body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:auto 1fr 8em;height:100vh}
        header{grid-column:1/3;padding:.5em 1em;background:#223;color:#fff;display:flex;gap:1em;align-items:center}
        textarea,pre{font:13px ui-monospace,monospace;margin:0;padding:.7em;border:0;border-right:1px solid #ccc;resize:none;overflow:auto}
        #query{grid-row:2}#variables{grid-row:3;border-top:1px solid #ccc}#result{grid-column:2;grid-row:2/4;background:#f7f7f9}
        button{font-size:14px;padding:.3em 1.2em}
        </style></head>
        <body>
        <header><b>DePin.Index GraphQL</b><button id="run" title="Ctrl-Enter">Run ▶</button><span id="status"></span></header>
        <textarea id="query" spellcheck="false">{
          _meta {
            block { number hash }
            deployment
            hasIndexingErrors
          }
        }</textarea>
        <textarea id="variables" spellcheck="false" placeholder="variables (JSON)"></textarea>
        <pre id="result"></pre>
        <script>
        const $ = id => document.getElementById(id);
        async function run() {
          $('status').textContent = 'running…';
          let variables = null;
          try { variables = $('variables').value.trim() ? JSON.parse($('variables').value) : null; }
          catch (e) { $('result').textContent = 'variables: ' + e.message; $('status').textContent = ''; return; }
          const t0 = performance.now();
          try {
            const r = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: JSON.stringify({ query: $('query').value, variables }) });
            const body = await r.json();
            $('result').textContent = JSON.stringify(body, null, 2);
            $('status').textContent = r.status + ' in ' + Math.round(performance.now() - t0) + ' ms' + (r.headers.get('x-block-number') ? ', block ' + r.headers.get('x-block-number') : '');
          } catch (e) { $('result').textContent = String(e); $('status').textContent = 'failed'; }
        }
        $('run').onclick = run;
        document.addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
        </script>
        </body></html>
        """;
}
