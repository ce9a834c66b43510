// `opsnotes --help`, in the language the person reads (--language, .opsnotes.yaml, LANG).
import { Language } from '../i18n/language';

const EN = `OpsNotes — your DevOps notes as checks and explanations for Dockerfiles, Compose,
Ansible and Kubernetes/Helm YAML (the same analysis as the VS Code extension).

Usage:
  opsnotes lint [options] [paths…]      check files and folders (default: .)
  opsnotes lint --stdin-filename NAME - check stdin as if it were the file NAME
  opsnotes explain FILE:LINE[:COL]      what the notes say about that place
  opsnotes notes search TEXT…           search the notes and the key vocabulary
  opsnotes notes show KEY               the notes for one key (e.g. dockerfile.ADD)
  opsnotes notes coverage               note blocks with no key, keys with no note
  opsnotes rules                        the rules, their severity, fix and note key

lint options:
  -f, --format text|json|sarif   output format (default text; sarif = SARIF 2.1.0)
  --fail-on LEVEL                exit 1 when a finding is at or above LEVEL:
                                 error | warning | information | hint | none (default warning;
                                 --max-severity is the same option)
  --fix                          apply safe fixes in place (atomic writes)
  --fix-dry-run                  print the fixes as a unified diff, change nothing
  --sarif-root DIR               folder SARIF paths are relative to (default: .)
  --no-ignore                    do not read .gitignore files
  --color auto|always|never      colour in text output (default auto: a TTY without NO_COLOR)

Common options:
  --language ru|en   language of messages (default: .opsnotes.yaml, then LANG/LC_ALL)
  --config FILE      project config instead of the nearest .opsnotes.yaml
  -h, --help         this help;  --version  the version
  rules and notes take --format text|markdown|json (markdown: rules only)

Exit codes: 0 clean; 1 findings at or above --fail-on (explain, notes: nothing found);
2 usage error, or a file or folder that could not be read or fixed.
`;

const RU = `OpsNotes — ваши DevOps-заметки как проверки и пояснения для Dockerfile, Compose,
Ansible и YAML Kubernetes/Helm (тот же анализ, что в расширении VS Code).

Использование:
  opsnotes lint [опции] [пути…]         проверить файлы и каталоги (по умолчанию .)
  opsnotes lint --stdin-filename ИМЯ -  проверить stdin как файл ИМЯ
  opsnotes explain ФАЙЛ:СТРОКА[:СТОЛБЕЦ] что говорят заметки об этом месте
  opsnotes notes search ТЕКСТ…          поиск по заметкам и словарю ключей
  opsnotes notes show КЛЮЧ              заметки по одному ключу (например, dockerfile.ADD)
  opsnotes notes coverage               блоки заметок без ключа и ключи без заметок
  opsnotes rules                        правила: уровень, исправление, ключ заметки

Опции lint:
  -f, --format text|json|sarif   формат вывода (по умолчанию text; sarif — SARIF 2.1.0)
  --fail-on УРОВЕНЬ              код выхода 1, если есть находка этого уровня или выше:
                                 error | warning | information | hint | none (по умолчанию warning;
                                 --max-severity — то же самое)
  --fix                          применить безопасные исправления (атомарная запись)
  --fix-dry-run                  показать исправления как unified diff, ничего не менять
  --sarif-root КАТАЛОГ           относительно чего пути в SARIF (по умолчанию .)
  --no-ignore                    не читать .gitignore
  --color auto|always|never      цвет в текстовом выводе (auto: терминал и не задан NO_COLOR)

Общие опции:
  --language ru|en   язык сообщений (по умолчанию из .opsnotes.yaml, затем LANG/LC_ALL)
  --config ФАЙЛ      конфигурация проекта вместо ближайшего .opsnotes.yaml
  -h, --help         эта справка;  --version  версия
  rules и notes принимают --format text|markdown|json (markdown — только rules)

Коды выхода: 0 — чисто; 1 — есть находки уровня --fail-on и выше (explain, notes: ничего
не найдено); 2 — ошибка в аргументах или файл/каталог не удалось прочитать или исправить.
`;

export function helpText(language: Language): string {
  return language === 'ru' ? RU : EN;
}
