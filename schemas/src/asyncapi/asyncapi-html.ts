import type { AvroRecordSchema } from '../contracts/event-contract';
import type { AsyncApiChannel, AsyncApiDocument, AsyncApiMessage, HeaderSchema } from './asyncapi-document.types';

/**
 * A single static page for integrators, rendered from the AsyncAPI document as
 * plain data: no script, no network. The repository keeps one beside
 * `asyncapi.yaml`; the gateway renders its own at `/asyncapi` with its servers.
 * (@asyncapi/html-template needs the generator, which wants Node 24, and
 * Puppeteer, which downloads a browser.)
 */
export function asyncApiHtml(document: AsyncApiDocument): string {
  const { info } = document;
  const channels = Object.entries(document.channels);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${info.title} ${info.version}`)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>AsyncAPI ${esc(document.asyncapi)}, rendered from the machine-readable <a href="asyncapi.yaml">asyncapi.yaml</a>.</p></header>
<main><section>${markdown(info.description)}</section>
${serversHtml(document)}
${navHtml(document, channels)}
${channels.map(([id, channel]) => channelHtml(document, id, channel)).join('\n')}</main></body></html>
`;
}

function serversHtml(document: AsyncApiDocument): string {
  const rows = Object.entries(document.servers).map(([id, s]) =>
    row([id, s.host, s.protocol, s.bindings.kafka.schemaRegistryUrl], markdown(s.description, true)),
  );
  return `<section><h2>Servers</h2><table><tr><th>server</th><th>host</th><th>protocol</th><th>schema registry</th><th>description</th></tr>
${rows.join('\n')}</table></section>`;
}

function navHtml(document: AsyncApiDocument, channels: Array<[string, AsyncApiChannel]>): string {
  const items = channels.map(([id, channel]) => {
    const messages = messagesOf(document, channel).map((m) => esc(m.name));
    return `<li><a href="#${esc(id)}">${esc(channel.address)}</a>: ${messages.join(', ')}</li>`;
  });
  return `<nav><h2>Topics</h2><ul>${items.join('')}</ul></nav>`;
}

function channelHtml(document: AsyncApiDocument, id: string, channel: AsyncApiChannel): string {
  const topic = channel.address;
  const kafka = channel.bindings.kafka;
  const config = Object.entries(kafka.topicConfiguration);
  const head = ['partitions', 'replicas', ...config.map(([name]) => name)].map((h) => `<th>${esc(h)}</th>`).join('');
  const values = [kafka.partitions, kafka.replicas, ...config.map(([, v]) => (Array.isArray(v) ? v.join(', ') : v))];
  const messages = messagesOf(document, channel).map((m) => messageHtml(m, topic));
  return `<section id="${esc(id)}"><h2>${esc(topic)}</h2>${markdown(channel.description)}
<table><tr>${head}</tr>${row(values.map(String))}</table>
${messages.join('\n')}</section>`;
}

/** A channel's messages, each resolved from its `#/components/messages/...` reference. */
function messagesOf(document: AsyncApiDocument, channel: AsyncApiChannel): AsyncApiMessage[] {
  return Object.values(channel.messages).map(({ $ref }) => {
    const message = document.components.messages[$ref.replace('#/components/messages/', '')];
    if (!message) throw new Error(`${channel.address}: no message at ${$ref}`);
    return message;
  });
}

function messageHtml(message: AsyncApiMessage, topic: string): string {
  const kafka = message.bindings.kafka;
  const avro = message.payload.schema;
  const fields = avro.fields.map((f) =>
    row([f.name, avroType(f.type), 'default' in f ? JSON.stringify(f.default) : ''], esc(f.doc ?? '')),
  );
  const required = new Set(message.headers.required);
  const headerRows = Object.entries(message.headers.properties).map(([name, schema]) =>
    row([name, required.has(name) ? 'yes' : 'no', headerValue(schema)], markdown(schema.description, true)),
  );
  return `<article><h3>${esc(message.name)}</h3><p>${esc(message.summary)}</p>
<p>Key: ${markdown(kafka.key.description, true)} Schema id in the ${esc(kafka.schemaIdLocation)};
subject <code>${esc(`${topic}-${fullName(avro)}`)}</code> (${esc(kafka.schemaLookupStrategy)}).</p>
<h4>Payload <code>${esc(fullName(avro))}</code></h4>
<table><tr><th>field</th><th>Avro type</th><th>default</th><th>description</th></tr>${fields.join('\n')}</table>
<h4>Headers</h4>
<table><tr><th>header</th><th>required</th><th>value</th><th>description</th></tr>${headerRows.join('\n')}</table>
<details><summary>Avro schema</summary><pre>${esc(JSON.stringify(avro, null, 2))}</pre></details></article>`;
}

const fullName = (r: AvroRecordSchema) => (r.namespace && !r.name.includes('.') ? `${r.namespace}.${r.name}` : r.name);

/** A short label: `long`, `null | string`, `array<string>`, `enum Kind`. */
function avroType(type: unknown): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(avroType).join(' | ');
  const t = type as { type: string; name?: string; items?: unknown; values?: unknown; logicalType?: string };
  if (t.logicalType) return `${avroType(t.type)} (${t.logicalType})`;
  if (t.type === 'array') return `array<${avroType(t.items)}>`;
  if (t.type === 'map') return `map<${avroType(t.values)}>`;
  return t.name ? `${t.type} ${t.name}` : avroType(t.type);
}

function headerValue(schema: HeaderSchema): string {
  if (schema.const !== undefined) return `= ${schema.const}`;
  return [schema.type, schema.format, schema.pattern].filter(Boolean).join(', ');
}

/** Cells are escaped text; the last one, if given, is HTML already. */
const row = (cells: string[], lastHtml?: string) =>
  `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}${lastHtml === undefined ? '' : `<td>${lastHtml}</td>`}</tr>`;

/** The Markdown our descriptions use: paragraphs, `- ` lists, **bold** and `code`. */
function markdown(text: string, inline = false): string {
  const span = (s: string) =>
    esc(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/`(.+?)`/g, '<code>$1</code>');
  if (inline) return span(text);
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const items = block.split(/\n(?=- )/);
      if (!block.startsWith('- ')) return `<p>${span(block)}</p>`;
      return `<ul>${items.map((i) => `<li>${span(i.slice(2))}</li>`).join('')}</ul>`;
    })
    .join('');
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1d2330}
h1 small{color:#667;font-weight:normal}h2{border-top:2px solid #dde;padding-top:1rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f8}code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f6f7fa;padding:.8rem;overflow:auto}
article{margin:1rem 0 2rem;padding-left:1rem;border-left:3px solid #8aa4ff}`;
