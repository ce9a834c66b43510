// Value parsers the Kubernetes rules rely on: quantities, base64 as the API decodes it, cron
// intervals, secret-looking env names, Helm hook names.
import * as assert from 'assert';
import { parseQuantity, quantityLessThan as lessThan } from '../../../server/src/documents/kubernetes';
import { isBase64 } from '../../../server/src/rules/kubernetes/kubernetes-secret-invalid-base64';
import { cronIntervalSeconds } from '../../../server/src/rules/kubernetes/_cron';
import { isSecretName, secretKeyFor, secretLiteral } from '../../../server/src/rules/kubernetes/_secretEnv';
import { distance } from '../../../server/src/rules/helm/_hooks';
import { removedApi } from '../../../server/src/rules/kubernetes/_removedApis';
import { groupsOf, knownGroup } from '../../../server/src/rules/kubernetes/_rbac';

describe('kubernetes rules: value parsers', () => {
  it('parses quantities with every suffix kind', () => {
    const v = (s: string | number) => parseQuantity(s);
    assert.strictEqual(v('100m'), 0.1);
    assert.strictEqual(v('0.1'), 0.1);
    assert.strictEqual(v('1Gi'), 2 ** 30);
    assert.strictEqual(v('1024Mi'), 2 ** 30);
    assert.strictEqual(v('1.5Ki'), 1536);
    assert.strictEqual(v('2Ti'), 2 * 2 ** 40);
    assert.strictEqual(v('1k'), 1000);
    assert.strictEqual(v('1M'), 1e6);
    assert.strictEqual(v('3G'), 3e9);
    assert.strictEqual(v('1e3'), 1000);
    assert.strictEqual(v('1.5E2'), 150);
    assert.strictEqual(v('250u'), 0.00025);
    assert.strictEqual(v(2), 2);
    assert.strictEqual(v('.5'), 0.5);
  });

  it('rejects what the API rejects', () => {
    for (const bad of ['1GB', '512mb', '1gi', 'Mi', '', '1 Gi', '1.2.3', 'abc', null, undefined, true]) assert.strictEqual(parseQuantity(bad), undefined, String(bad));
  });

  it('compares equal quantities written differently as equal', () => {
    const q = (s: string) => parseQuantity(s)!;
    assert.ok(!lessThan(q('500m'), q('0.5')));
    assert.ok(!lessThan(q('0.5'), q('500m')));
    assert.ok(!lessThan(q('1e9'), q('1G')));
    assert.ok(lessThan(q('512Mi'), q('600M')));
    assert.ok(lessThan(q('1000m'), q('1.5')));
  });

  it('reads base64 like encoding/json: padding required, line breaks ignored, no URL alphabet', () => {
    assert.ok(isBase64('aHVudGVyMg=='));
    assert.ok(isBase64(''));
    assert.ok(isBase64('YWJj\nZGVm\r\n'));
    assert.ok(isBase64('root')); // valid, decodes to bytes: not this rule's business
    assert.ok(!isBase64('aHVudGVyMg'));
    assert.ok(!isBase64('hunter2'));
    assert.ok(!isBase64('a-b_c==='));
    assert.ok(!isBase64('YW Jj'));
    assert.ok(!isBase64('ab=c'));
  });

  it('gives the interval of regular cron schedules only', () => {
    assert.strictEqual(cronIntervalSeconds('* * * * *'), 60);
    assert.strictEqual(cronIntervalSeconds('*/15 * * * *'), 900);
    assert.strictEqual(cronIntervalSeconds('0,30 * * * *'), 1800);
    assert.strictEqual(cronIntervalSeconds('5 * * * *'), 3600);
    assert.strictEqual(cronIntervalSeconds('0 */6 * * *'), 21600);
    assert.strictEqual(cronIntervalSeconds('0 8,20 * * *'), 43200);
    assert.strictEqual(cronIntervalSeconds('30 2 * * *'), 86400);
    assert.strictEqual(cronIntervalSeconds('0 9 * * 1-5'), 86400);
    assert.strictEqual(cronIntervalSeconds('0 3 * * 0'), 604800);
    assert.strictEqual(cronIntervalSeconds('@hourly'), 3600);
    assert.strictEqual(cronIntervalSeconds('@weekly'), 604800);
    for (const irregular of ['0 0 1 * *', '@monthly', '*/7 * * * *', '0 22 28-31 * *', '0-30/5 * * * *', 'bad']) assert.strictEqual(cronIntervalSeconds(irregular), undefined, irregular);
  });

  it('takes a name for a secret only when a secret word ends it', () => {
    for (const yes of ['DB_PASSWORD', 'PASSWORD', 'postgresPassword', 'MYSQL_ROOT_PASSWD', 'API_KEY', 'APIKEY', 'stripe-api-key', 'GITHUB_TOKEN', 'JWT_SECRET', 'CLIENT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'GCP_CREDENTIALS', 'SMTP_PASS', 'DB_PWD', 'SSH_KEY', 'ENCRYPTION_KEY', 'SECRET_KEY_BASE'])
      assert.ok(isSecretName(yes), yes);
    for (const no of ['DB_PASSWORD_FILE', 'TOKEN_URL', 'SECRET_NAME', 'PASSWORD_MIN_LENGTH', 'API_KEY_HEADER', 'PWD', 'PASS', 'KEY', 'CACHE_KEY', 'AWS_ACCESS_KEY_ID', 'TOKEN_TTL', 'USERNAME', 'KEYCLOAK_URL', 'DATABASE_BASE', 'KEY_BASE'])
      assert.ok(!isSecretName(no), no);
  });

  it('takes a literal for a secret unless it is empty, a reference, a path or a switch', () => {
    assert.strictEqual(secretLiteral('DB_PASSWORD', 'hunter2'), 'name');
    assert.strictEqual(secretLiteral('DB_PASSWORD', ''), undefined);
    assert.strictEqual(secretLiteral('DB_PASSWORD', '$(OTHER)'), undefined);
    assert.strictEqual(secretLiteral('TLS_PRIVATE_KEY', '/etc/tls/tls.key'), undefined);
    assert.strictEqual(secretLiteral('REQUIRE_TOKEN', 'true'), undefined);
    assert.strictEqual(secretLiteral('DATABASE_URL', 'postgres://u:p4ss@db:5432/app'), 'url');
    assert.strictEqual(secretLiteral('DATABASE_URL', 'postgres://u:$(DB_PASSWORD)@db:5432/app'), undefined);
    assert.strictEqual(secretLiteral('DATABASE_URL', 'postgres://u@db:5432/app'), undefined);
    assert.strictEqual(secretLiteral('REDIS_URL', 'redis://:s3cret@redis:6379/0'), 'url');
    assert.strictEqual(secretLiteral('UPSTREAM', 'https://api.example.com:8443/v1'), undefined);
  });

  it('derives Secret keys from variable names', () => {
    assert.strictEqual(secretKeyFor('DB_PASSWORD'), 'db-password');
    assert.strictEqual(secretKeyFor('stripeApiKey'), 'stripe-api-key');
    assert.strictEqual(secretKeyFor('OIDC.CLIENT_SECRET'), 'oidc-client-secret');
  });

  it('measures hook name typos', () => {
    assert.strictEqual(distance('pre-instal', 'pre-install'), 1);
    assert.strictEqual(distance('preinstall', 'pre-install'), 1);
    assert.ok(distance('after-upgrade', 'post-upgrade') > 2);
  });

  it('knows when each removed API version went away', () => {
    assert.strictEqual(removedApi('extensions/v1beta1', 'Deployment')?.removedIn, '1.16');
    assert.strictEqual(removedApi('extensions/v1beta1', 'Ingress')?.removedIn, '1.22');
    assert.strictEqual(removedApi('networking.k8s.io/v1beta1', 'IngressClass')?.to, 'networking.k8s.io/v1');
    assert.strictEqual(removedApi('rbac.authorization.k8s.io/v1alpha1', 'Role')?.removedIn, '1.23');
    assert.strictEqual(removedApi('batch/v1beta1', 'CronJob')?.to, 'batch/v1');
    assert.strictEqual(removedApi('autoscaling/v2beta2', 'HorizontalPodAutoscaler')?.removedIn, '1.26');
    assert.strictEqual(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema')?.removedIn, '1.32');
    assert.strictEqual(removedApi('policy/v1beta1', 'PodSecurityPolicy')?.to, undefined);
    assert.strictEqual(removedApi('apps/v1', 'Deployment'), undefined);
    assert.strictEqual(removedApi('extensions/v1beta1', 'StatefulSet'), undefined); // never existed there
    assert.strictEqual(removedApi('scheduling.k8s.io/v1alpha1', 'Workload'), undefined); // a new alpha API
  });

  it('knows which group built-in resources live in', () => {
    assert.deepStrictEqual(groupsOf('pods'), ['']);
    assert.deepStrictEqual(groupsOf('deployments'), ['apps', 'extensions']);
    assert.deepStrictEqual(groupsOf('events'), ['', 'events.k8s.io']);
    assert.strictEqual(groupsOf('widgets'), undefined);
    assert.ok(knownGroup('') && knownGroup('apps') && !knownGroup('metrics.k8s.io') && !knownGroup('serving.knative.dev'));
  });
});
