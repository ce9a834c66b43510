// A person's own notes over LSP: configured in settings they change a hover; editing the file
// changes it again without a restart; a missing path gives a warning and the server keeps serving.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToUri, positionOf, REPO, TestClient } from '../helpers/lspClient';

const DOCKERFILE = path.join(REPO, 'test', 'fixtures', 'docker', 'Dockerfile');

describe('user notes over LSP', () => {
  let client: TestClient;
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsnotes-user-'))));
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function hoverAdd(): Promise<string> {
    const text = fs.readFileSync(DOCKERFILE, 'utf8');
    const uri = await client.open(DOCKERFILE, 'dockerfile', text);
    const pos = positionOf(text, 'ADD app.py', 1);
    return (await client.hover(uri, pos.line, pos.character))?.contents.value ?? '';
  }

  it('a note file from settings changes the hover, and editing it changes the hover again', async () => {
    const notes = path.join(dir, 'team.md');
    fs.writeFileSync(notes, '# Team\n\n<!-- opsnotes: dockerfile.ADD -->\nOur rule: ADD only for URLs.\n');
    client = new TestClient();
    client.settings = { language: 'ru', notes: { paths: [notes] } };
    await client.initialize({ locale: 'ru' });
    const first = await hoverAdd();
    assert.match(first, /Our rule: ADD only for URLs\./);
    assert.ok(first.indexOf('Our rule') < first.indexOf('Разница между COPY и ADD'), 'user notes first');
    assert.match(first, /ваши заметки/);

    fs.writeFileSync(notes, '# Team\n\n<!-- opsnotes: dockerfile.ADD -->\nChanged: never ADD local files.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(notes), type: 2 }] });
    const after = await client.waitForAsync(async () => {
      const h = await hoverAdd();
      return h.includes('Changed: never ADD local files.') ? h : undefined;
    }, 'the edited note in the hover');
    assert.doesNotMatch(after, /Our rule/);
  });

  it('a missing note path gives a warning and the server keeps serving', async () => {
    client = new TestClient();
    client.settings = { language: 'ru', notes: { paths: [path.join(dir, 'nope.md')] } };
    await client.initialize({ locale: 'ru' });
    const warning = await client.waitFor(() => client.messages.find((m) => m.type === 2 && m.message.includes('nope.md')), 'a warning message');
    assert.match(warning.message, /note path not found/);
    assert.match(await hoverAdd(), /Разница между COPY и ADD/);
  });
});
