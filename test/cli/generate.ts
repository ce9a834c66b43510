// Generated inputs for the CLI tests and bench: a tree of realistic files of every family
// (Dockerfiles, Compose files, playbooks, role tasks, multi-document manifests), varied by index
// so no two are equal, some with the problems the notes talk about.
import * as fs from 'fs';
import * as path from 'path';

function dockerfile(i: number): string {
  const add = i % 3 === 0 ? 'ADD' : 'COPY';
  return `FROM python:3.${8 + (i % 4)}-slim
ENV APP_HOME=/srv/app-${i}
RUN apt-get update && apt-get install -y --no-install-recommends curl libpq-dev${i % 2 ? ' && rm -rf /var/lib/apt/lists/*' : ''}
WORKDIR /srv/app-${i}
${add} requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
${add} . .
EXPOSE ${8000 + (i % 100)}
CMD ["gunicorn", "--bind", "0.0.0.0:${8000 + (i % 100)}", "app:app"]
`;
}

function compose(i: number): string {
  return `${i % 2 ? 'version: "3.8"\n\n' : ''}services:
  web-${i}:
    image: registry.example.com/web:${i}.0
    ports:
      - "${10000 + i}:80"
    depends_on:
      - db
    environment:
      DB_HOST: db
  db:
    image: postgres:16
    volumes:
      - data-${i}:/var/lib/postgresql/data
volumes:
  data-${i}:
`;
}

function playbook(i: number): string {
  return `---
- name: Configure group ${i}
  hosts: group${i}
  become: yes
  tasks:
    - name: Install packages
      apt:
        name: [nginx, curl]
        state: present
        update_cache: yes
    - name: Write config ${i}
      template:
        src: app.conf.j2
        dest: /etc/app/app-${i}.conf
      notify: restart app
    - name: Reload
      shell: systemctl reload nginx
  handlers:
    - name: restart app
      service:
        name: app
        state: restarted
`;
}

function tasks(i: number): string {
  return `---
- name: Create user ${i}
  user:
    name: svc${i}
    shell: /usr/sbin/nologin
- name: Unpack release
  command: tar xzf /tmp/release-${i}.tgz -C /opt/app
- name: Ensure service is running
  service:
    name: app${i}
    state: started
    enabled: true
`;
}

function manifest(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:${i}.1
          ports:
            - containerPort: 8080
${i % 2 ? `          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
` : ''}---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  type: ${i % 4 === 0 ? 'NodePort' : 'ClusterIP'}
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080
`;
}

/** Write `count` files under `dir` (families in turn); returns their paths. */
export function generateProject(dir: string, count: number): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    let rel: string;
    let text: string;
    switch (i % 5) {
      case 0:
        rel = `services/svc-${i}/Dockerfile`;
        text = dockerfile(i);
        break;
      case 1:
        rel = `services/svc-${i}/docker-compose.yml`;
        text = compose(i);
        break;
      case 2:
        rel = `ansible/play-${i}.yml`;
        text = playbook(i);
        break;
      case 3:
        rel = `ansible/roles/role-${i}/tasks/main.yml`;
        text = tasks(i);
        break;
      default:
        rel = `k8s/app-${i}.yaml`;
        text = manifest(i);
    }
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    files.push(p);
  }
  return files;
}
