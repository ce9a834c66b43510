// The version printed by --version and written into JSON and SARIF output.
import { version } from '../../../package.json';

export const VERSION: string = version;
