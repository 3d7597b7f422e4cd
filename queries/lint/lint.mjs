// Lints Neo4j Cypher with @neo4j-cypher/language-support against the project's schema.
//
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys, ...},
//          "queries": [{"name", "text", "parameters": {name: example value}}]}
// stdout: one line per diagnostic, "<name>:<line>:<column>: <error|warning>: <message>";
//         with --json one object {"checked": n, "problems": [{name, line, column, severity, message}]}.
// Exit code 1 when any query has a diagnostic: syntax errors, and warnings about labels, relationship
// types, properties or parameters unknown to the schema, all count.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function lint({ schema, queries }) {
  const problems = [];
  for (const query of queries) {
    const dbSchema = { ...schema, parameters: query.parameters ?? {} };
    const { diagnostics } = lintCypherQuery(query.text, dbSchema);
    for (const d of diagnostics) {
      problems.push({
        name: query.name,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: SEVERITY[d.severity] ?? String(d.severity),
        message: d.message,
      });
    }
  }
  return { checked: queries.length, problems };
}

const input = JSON.parse(await readStdin());
const report = lint(input);
if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(report) + '\n');
} else {
  for (const p of report.problems) {
    process.stdout.write(`${p.name}:${p.line}:${p.column}: ${p.severity}: ${p.message}\n`);
  }
  process.stdout.write(`${report.checked} queries checked, ${report.problems.length} problems\n`);
}
process.exit(report.problems.length ? 1 : 0);
