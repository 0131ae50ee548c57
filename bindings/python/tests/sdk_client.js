// Drives the proxy with the official SDKs (openai, @anthropic-ai/sdk, @google/genai), installed by
// test_proxy_sdk.py. Every scenario runs on the routes named in argv (model prefixes: scrub, pass).
// Prints one JSON document: per scenario the text and tool arguments the SDK returned, every request
// body it sent and every response body it received (recorded around fetch), or the error it threw.
'use strict';
const OpenAI = require('openai').OpenAI;
const Anthropic = require('@anthropic-ai/sdk').Anthropic;
let GoogleGenAI = null;
try { GoogleGenAI = require('@google/genai').GoogleGenAI; } catch (e) { /* optional */ }

const PROXY = process.env.SANCTUM_PROXY_URL;
const USER = 'I am Jane Doe, mail jane.doe@example.com, phone (514) 555-1234, card 4111 1111 1111 1111. Look me up.';
const TOOL_RESULT = '{"customer":"Jane Doe","email":"jane.doe@example.com"}';

let exchanges = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => {
  const rec = { url: String(url), body: init && init.body ? String(init.body) : '' };
  exchanges.push(rec);
  const resp = await realFetch(url, init);
  rec.status = resp.status;
  resp.clone().text().then((t) => { rec.response = t; }, () => { rec.response = null; });
  return resp;
};

const fnParams = { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } } };

function chatMessages() {
  return [{ role: 'system', content: 'You are terse.' },
    { role: 'user', content: USER },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function',
      function: { name: 'lookup', arguments: '{"email":"jane.doe@example.com"}' } }] },
    { role: 'tool', tool_call_id: 'call_0', content: TOOL_RESULT },
    { role: 'user', content: 'Thanks, Jane Doe here again.' }];
}

const scenarios = {
  async chat(route, openai) {
    const r = await openai.chat.completions.create({ model: `${route}-gpt`, messages: chatMessages(),
      tools: [{ type: 'function', function: { name: 'lookup', parameters: fnParams } }] });
    const m = r.choices[0].message;
    return { text: m.content, args: m.tool_calls[0].function.arguments };
  },
  async chat_stream(route, openai) {
    const s = await openai.chat.completions.create({ model: `${route}-gpt`, messages: chatMessages(), stream: true,
      tools: [{ type: 'function', function: { name: 'lookup', parameters: fnParams } }] });
    let text = '', args = '';
    for await (const c of s) {
      const d = c.choices[0] && c.choices[0].delta;
      if (!d) continue;
      if (d.content) text += d.content;
      if (d.tool_calls) for (const t of d.tool_calls) args += (t.function && t.function.arguments) || '';
    }
    return { text, args };
  },
  async responses(route, openai) {
    const r = await openai.responses.create({ model: `${route}-gpt`, instructions: 'Be brief.',
      input: [{ role: 'user', content: USER },
        { type: 'function_call', call_id: 'call_0', name: 'lookup', arguments: '{"email":"jane.doe@example.com"}' },
        { type: 'function_call_output', call_id: 'call_0', output: TOOL_RESULT }],
      tools: [{ type: 'function', name: 'lookup', parameters: fnParams, strict: false }] });
    const call = r.output.find((o) => o.type === 'function_call');
    return { text: r.output_text, args: call.arguments };
  },
  async responses_stream(route, openai) {
    const s = await openai.responses.create({ model: `${route}-gpt`, input: USER, stream: true,
      tools: [{ type: 'function', name: 'lookup', parameters: fnParams, strict: false }] });
    let text = '', args = '';
    for await (const e of s) {
      if (e.type === 'response.output_text.delta') text += e.delta;
      if (e.type === 'response.function_call_arguments.delta') args += e.delta;
    }
    return { text, args };
  },
  async messages(route, _o, anthropic) {
    const r = await anthropic.messages.create({ model: `${route}-claude`, max_tokens: 100, system: 'Be brief.',
      messages: [{ role: 'user', content: USER },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_0', name: 'lookup', input: { email: 'jane.doe@example.com' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_0', content: TOOL_RESULT }] }],
      tools: [{ name: 'lookup', input_schema: fnParams }] });
    return { text: r.content[0].text, args: JSON.stringify(r.content[1].input) };
  },
  async messages_stream(route, _o, anthropic) {
    const s = anthropic.messages.stream({ model: `${route}-claude`, max_tokens: 100,
      messages: [{ role: 'user', content: USER }], tools: [{ name: 'lookup', input_schema: fnParams }] });
    const m = await s.finalMessage();
    return { text: m.content[0].text, args: JSON.stringify(m.content[1].input) };
  },
  async gemini(route, _o, _a, genai) {
    const r = await genai.models.generateContent({ model: `${route}-gemini`, contents: USER,
      config: { systemInstruction: 'Be brief.', tools: [{ functionDeclarations: [{ name: 'lookup', parameters: fnParams }] }] } });
    return { text: r.text, args: JSON.stringify(r.functionCalls[0].args) };
  },
  async gemini_stream(route, _o, _a, genai) {
    const s = await genai.models.generateContentStream({ model: `${route}-gemini`, contents: USER });
    let text = '', args = '';
    for await (const c of s) {
      if (c.text) text += c.text;
      if (c.functionCalls) args += JSON.stringify(c.functionCalls[0].args);
    }
    return { text, args };
  },
  // ---- beyond one plain request (test_proxy_sdk.SdkFeaturesTest) ----
  async chat_helper_stream(route, openai) {  // the stream helper, two tool calls streamed in turn, usage, logprobs
    const s = openai.chat.completions.stream({ model: `${route}-gpt`, messages: chatMessages(), logprobs: true,
      stream_options: { include_usage: true }, parallel_tool_calls: true,
      tools: [{ type: 'function', function: { name: 'lookup', parameters: fnParams } },
        { type: 'function', function: { name: 'notify', parameters: fnParams } }] });
    let deltas = '';
    s.on('content', (d) => { deltas += d; });
    const r = await s.finalChatCompletion();
    const m = r.choices[0].message;
    const lp = (r.choices[0].logprobs && r.choices[0].logprobs.content || []).map((t) => t.token).join('');
    return { text: m.content, deltas, args: m.tool_calls[0].function.arguments, args2: m.tool_calls[1].function.arguments,
      usage: r.usage && r.usage.total_tokens, logprobs: lp };
  },
  async chat_n2_stream(route, openai) {
    const s = await openai.chat.completions.create({ model: `${route}-gpt`, messages: chatMessages(), n: 2, stream: true });
    const texts = ['', ''];
    for await (const c of s) for (const ch of c.choices) texts[ch.index] += (ch.delta && ch.delta.content) || '';
    return { text: texts[0], text2: texts[1] };
  },
  async chat_parse(route, openai) {  // structured outputs: the content is JSON the SDK parses
    const r = await openai.chat.completions.parse({ model: `${route}-gpt`, messages: chatMessages(),
      response_format: { type: 'json_schema', json_schema: { name: 'person', schema: fnParams, strict: true } } });
    return { parsed: r.choices[0].message.parsed };
  },
  async responses_helper_stream(route, openai) {
    const s = openai.responses.stream({ model: `${route}-gpt`, input: USER,
      tools: [{ type: 'function', name: 'lookup', parameters: fnParams, strict: false }] });
    let deltas = '';
    s.on('response.output_text.delta', (e) => { deltas += e.delta; });
    const r = await s.finalResponse();
    return { text: r.output_text, deltas, args: r.output.find((o) => o.type === 'function_call').arguments };
  },
  async embeddings(route, openai) {
    const r = await openai.embeddings.create({ model: `${route}-emb`, input: [USER, 'plain words'] });
    const one = await openai.embeddings.create({ model: `${route}-emb`, input: USER, encoding_format: 'float' });
    return { n: r.data.length + one.data.length };
  },
  async moderations(route, openai) {
    const r = await openai.moderations.create({ model: `${route}-mod`, input: USER });
    return { n: r.results.length };
  },
  async completions_legacy(route, openai) {
    const r = await openai.completions.create({ model: `${route}-instruct`, prompt: USER, max_tokens: 20 });
    return { text: r.choices[0].text };
  },
  async file_upload(route, openai) {  // multipart/form-data carrying JSONL (batch input)
    const line = JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions',
      body: { model: `${route}-gpt`, messages: [{ role: 'user', content: USER }] } });
    const { toFile } = require('openai');
    const f = await openai.files.create({ file: await toFile(Buffer.from(line + '\n'), 'batch.jsonl'), purpose: 'batch' });
    return { id: f.id };
  },
  async transcription(route, openai) {
    const { toFile } = require('openai');
    const r = await openai.audio.transcriptions.create({ model: `${route}-whisper`, prompt: USER,
      file: await toFile(Buffer.from('RIFF....WAVEfmt '), 'a.wav') });
    return { text: r.text };
  },
  async messages_count_tokens(route, _o, anthropic) {
    const r = await anthropic.messages.countTokens({ model: `${route}-claude`, messages: [{ role: 'user', content: USER }] });
    return { n: r.input_tokens };
  },
  async messages_image(route, _o, anthropic) {  // a base64 image block: the detector cannot read it
    const r = await anthropic.messages.create({ model: `${route}-claude`, max_tokens: 100, messages: [{ role: 'user',
      content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' } },
        { type: 'text', text: USER }] }] });
    return { text: r.content[0].text };
  },
  async messages_document(route, _o, anthropic) {  // a plain-text document with citations
    const r = await anthropic.messages.create({ model: `${route}-claude`, max_tokens: 100, messages: [{ role: 'user',
      content: [{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: USER }, citations: { enabled: true } },
        { type: 'text', text: 'Who is it?' }] }] });
    return { text: r.content.map((b) => b.text || '').join(''), cited: r.content[0].citations[0].cited_text };
  },
  async messages_batch(route, _o, anthropic) {
    const r = await anthropic.messages.batches.create({ requests: [{ custom_id: 'a',
      params: { model: `${route}-claude`, max_tokens: 10, messages: [{ role: 'user', content: USER }] } }] });
    return { id: r.id };
  },
  async gemini_chat(route, _o, _a, genai) {
    const chat = genai.chats.create({ model: `${route}-gemini`, history: [
      { role: 'user', parts: [{ text: USER }] }, { role: 'model', parts: [{ text: 'Noted.' }] }] });
    const r = await chat.sendMessage({ message: 'Who am I, Jane Doe?' });
    const s = await chat.sendMessageStream({ message: 'Again, jane.doe@example.com?' });
    let text2 = '';
    for await (const c of s) text2 += c.text || '';
    return { text: r.text, text2, history: chat.getHistory().length };
  },
  async gemini_count_tokens(route, _o, _a, genai) {
    const r = await genai.models.countTokens({ model: `${route}-gemini`, contents: USER });
    return { n: r.totalTokens };
  },
  async gemini_embed(route, _o, _a, genai) {
    const r = await genai.models.embedContent({ model: `${route}-gemini`, contents: [USER, 'plain words'] });
    return { n: r.embeddings.length };
  },
  async abort_streams(route, openai) {  // AbortController mid-stream, 20 at once, then a plain request
    const one = async () => {
      const ac = new AbortController();
      const s = await openai.chat.completions.create({ model: `${route}-gpt`, messages: chatMessages(), stream: true },
        { signal: ac.signal });
      let n = 0;
      try {
        for await (const c of s) if (++n === 2) ac.abort(); // eslint-disable-line no-unused-vars
      } catch (e) {
        if (e.constructor.name !== 'APIUserAbortError' && e.name !== 'AbortError') throw e;
      }
      return n;
    };
    const counts = await Promise.all(Array.from({ length: 20 }, one));
    const r = await openai.chat.completions.create({ model: `${route}-gpt`, messages: chatMessages(),
      tools: [{ type: 'function', function: { name: 'lookup', parameters: fnParams } }] });
    return { aborted: counts.filter((n) => n >= 2).length, text: r.choices[0].message.content,
      args: r.choices[0].message.tool_calls[0].function.arguments };
  },
};

async function main() {
  const routes = process.argv[2].split(',');
  const only = process.argv[3] ? process.argv[3].split(',') : Object.keys(scenarios);
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${PROXY}/v1`, maxRetries: 2 });
  const anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: PROXY, maxRetries: 2 });
  const genai = GoogleGenAI ? new GoogleGenAI({ apiKey: 'AIza-test', httpOptions: { baseUrl: PROXY } }) : null;
  const results = [];
  for (const route of routes) {
    for (const name of only) {
      if (name.startsWith('gemini') && !genai) continue;
      exchanges = [];
      const res = { route, name };
      try {
        Object.assign(res, await scenarios[name](route, openai, anthropic, genai));
      } catch (e) {
        res.error = `${e.constructor.name}: ${e.message}`;
        res.status = e.status;
      }
      await new Promise((r) => setTimeout(r, 5)); // let the recorded response bodies settle
      res.exchanges = exchanges;
      results.push(res);
    }
  }
  process.stdout.write(JSON.stringify(results));
}
main().catch((e) => { console.error(e); process.exit(1); });
