// Compose classification: names, languageId and content, with content winning (issue 4).
import * as assert from 'assert';
import { OpsDocument } from '../../../server/src/documents/document';

function kindOf(p: string, text: string, languageId = ''): string {
  return new OpsDocument({ uri: 'file://' + p, text, languageId }).kind;
}

const SERVICE = 'services:\n  web:\n    image: nginx:1.27\n';

describe('compose classification', () => {
  it('recognises Compose names, with override and test variants', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'docker-compose.override.yml', 'compose.override.yaml', 'docker-compose.test.yml', 'docker-compose.prod.yml', 'compose-dev.yaml']) {
      assert.strictEqual(kindOf(`/srv/app/${name}`, SERVICE), 'compose', name);
    }
  });

  it('accepts an override that only adds ports (no image/build) by name or languageId', () => {
    const override = 'services:\n  web:\n    ports:\n      - "8080:80"\n';
    assert.strictEqual(kindOf('/a/docker-compose.override.yml', override), 'compose');
    assert.strictEqual(kindOf('/a/local.yml', override, 'dockercompose'), 'compose');
    assert.strictEqual(kindOf('/a/local.yml', override), 'generic');
  });

  it('recognises Compose by content under any name', () => {
    assert.strictEqual(kindOf('/a/stack.yml', SERVICE), 'compose');
    assert.strictEqual(kindOf('/a/app.yaml', 'x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n'), 'compose');
    assert.strictEqual(kindOf('/a/app.yaml', 'version: "3.8"\nservices:\n  web:\n    build: .\nvolumes:\n  data:\n'), 'compose');
  });

  it('a GitLab CI file named compose.yml is not Compose', () => {
    const gitlab = 'image: docker:27\nservices:\n  - docker:27-dind\nstages: [test]\nunit:\n  script:\n    - make test\n';
    assert.strictEqual(kindOf('/a/compose.yml', gitlab), 'generic');
    assert.strictEqual(kindOf('/a/compose.yml', gitlab, 'dockercompose'), 'generic');
    assert.strictEqual(kindOf('/a/docker-compose.yml', 'services:\n  - postgres:16\nvariables:\n  A: b\n'), 'generic');
  });

  it('a GitHub workflow named docker-compose.yml is not Compose', () => {
    const workflow = 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      redis:\n        image: redis\n    steps:\n      - run: make\n';
    assert.strictEqual(kindOf('/a/docker-compose.yml', workflow), 'generic');
    assert.strictEqual(kindOf('/a/.github/workflows/compose.yml', workflow, 'dockercompose'), 'generic');
  });

  it('YAML with a services key of another shape is not Compose', () => {
    assert.strictEqual(kindOf('/a/config.yaml', 'services:\n  api: https://api.example.com\n  auth: https://auth.example.com\n'), 'generic');
    assert.strictEqual(kindOf('/a/config.yaml', 'services:\n  api:\n    url: https://api.example.com\n'), 'generic');
    assert.strictEqual(kindOf('/a/config.yaml', 'app:\n  name: x\nservices:\n  web:\n    image: nginx\n'), 'generic');
  });

  it('keeps a Compose-named file Compose when broken YAML adds a stray top-level key', () => {
    const broken = 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n\tinterval: 10s\n';
    assert.strictEqual(kindOf('/a/docker-compose.yml', broken), 'compose');
    assert.strictEqual(kindOf('/a/stack.yml', broken), 'generic');
  });

  it('an empty or half-written Compose file keeps its kind by name', () => {
    assert.strictEqual(kindOf('/a/compose.yaml', 'services:\n'), 'compose');
    assert.strictEqual(kindOf('/a/compose.yaml', 'version: "3"\n'), 'compose');
    assert.strictEqual(kindOf('/a/other.yaml', 'services:\n'), 'generic');
  });
});
